/**
 * The queue area's declarations in the authorization matrix (see ../access-matrix.ts): assignment
 * (claim, release, assign), the search inside the work queue, and the queue pages.
 */
import { STAFF_LOCALES } from '../../../src/modules/web/index.ts';
import { type Declaration, staff, staffPage } from './helpers.ts';

/** The case is loaded in its office's scope before the action's permission: outside the office it is not there. */
const OFFICE_CASE_ACTION = staff({ officerA: 'ok', supervisor: 'ok', officerB: 404, admin: 404, ngoA: 404, ngoB: 404 });

/** Officers and supervisors of any office have a queue (their own); admins and NGO caseworkers get the 403 page. */
const QUEUE_PAGE = staffPage({ officerA: 'ok', officerB: 'ok', supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 });

const PAGES: Record<string, Declaration> = Object.fromEntries(
  STAFF_LOCALES.flatMap((l) => [
    [`GET /${l}/staff/queue`, { call: () => ({ url: `/${l}/staff/queue?status=interrupted&mine=1` }), expect: QUEUE_PAGE }],
    [
      `POST /${l}/staff/queue/search`,
      {
        call: () => ({ url: `/${l}/staff/queue/search`, form: { q: 'MATRIXOVÁ' } }),
        expect: QUEUE_PAGE,
        why: 'The results page itself (200): the terms stay in the POST body.',
      },
    ],
    [
      `POST /${l}/staff/cases/:id/assignment`,
      {
        call: (w) => ({ url: `/${l}/staff/cases/${w.caseId}/assignment`, form: { op: 'take_over', back: 'queue' } }),
        expect: staffPage({ officerA: 'ok', officerB: 404, supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 }),
        why: 'Another office’s case is the 404 page (as an unknown id); the page refuses other roles before the case is read.',
      },
    ],
  ]),
);

export const DECLS: Record<string, Declaration> = {
  ...PAGES,
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
