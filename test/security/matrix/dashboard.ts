/**
 * The supervisor dashboard's routes in the access matrix: the office's case statistics (API) and the
 * dashboard page. A supervisor of the office only — officers hold no `case.stats`, another office's
 * supervisor is refused (offices are public, so 403, not 404).
 */
import type { Declaration, Expectations } from '../access-matrix.ts';

const SUPERVISOR_API: Expectations = {
  anonymous: 401,
  authority: 401,
  holder: 401,
  officerA: 403,
  officerB: 403,
  supervisor: 'ok',
  admin: 403,
  ngoA: 403,
  ngoB: 403,
};

export const DECLS: Record<string, Declaration> = {
  'GET /api/v1/stats/cases': {
    call: () => ({ url: '/api/v1/stats/cases?office=PHA-ZUK' }),
    expect: SUPERVISOR_API,
    why: 'Office A’s figures: its supervisor only; office B’s officer gets 403 like office A’s (no permission before the office is looked at).',
  },
};
