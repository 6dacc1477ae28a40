/**
 * The queue area's declarations in the authorization matrix (see ../access-matrix.ts): assignment
 * (claim, release, assign), the search inside the work queue, and the queue pages.
 */
import { type Declaration, staff } from './helpers.ts';

/** The case is loaded in its office's scope before the action's permission: outside the office it is not there. */
const OFFICE_CASE_ACTION = staff({ officerA: 'ok', supervisor: 'ok', officerB: 404, admin: 404, ngoA: 404, ngoB: 404 });

export const DECLS: Record<string, Declaration> = {
  'POST /api/v1/cases/:id/claim': {
    call: (w) => ({ url: `/api/v1/cases/${w.caseId}/claim`, body: { takeOver: true } }),
    expect: OFFICE_CASE_ACTION,
  },
  'POST /api/v1/cases/:id/release': {
    call: (w) => ({ url: `/api/v1/cases/${w.caseId}/release`, body: {} }),
    expect: OFFICE_CASE_ACTION,
    why: 'Releasing a case nobody holds is a 409 of the domain (still allowed: the request reached the rules).',
  },
  'POST /api/v1/cases/:id/assign': {
    call: (w) => ({ url: `/api/v1/cases/${w.caseId}/assign`, body: { officerId: w.officerAId } }),
    expect: staff({ officerA: 403, supervisor: 'ok', officerB: 404, admin: 404, ngoA: 404, ngoB: 404 }),
    why: 'Only a supervisor of the office assigns; an officer of the office is refused (403).',
  },
  'POST /api/v1/queue/search': {
    call: () => ({ url: '/api/v1/queue/search', body: { q: 'MATRIXOVÁ' } }),
    expect: staff({ officerA: 'ok', officerB: 'ok', supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 }),
    why: 'Each officer searches their own office’s queue (another office’s cases are simply not found).',
  },
};
