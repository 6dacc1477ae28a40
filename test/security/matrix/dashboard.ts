/**
 * The supervisor dashboard's routes in the access matrix: the office's case statistics (API) and the
 * dashboard page. A supervisor of the office only — officers hold no `case.stats`, another office's
 * supervisor is refused (offices are public, so 403, not 404). The page: the 403 page for every other
 * role, the sign-in page without a staff session.
 */
import { STAFF_LOCALES } from '../../../src/modules/web/index.ts';
import { type Declaration, type Expectations, staff, staffPage } from './helpers.ts';

const SUPERVISOR_ONLY = { officerA: 403, officerB: 403, supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 } as const;
const SUPERVISOR_API: Expectations = staff(SUPERVISOR_ONLY);

export const DECLS: Record<string, Declaration> = {
  'GET /api/v1/stats/cases': {
    call: () => ({ url: '/api/v1/stats/cases?office=PHA-ZUK' }),
    expect: SUPERVISOR_API,
    why: 'Office A’s figures: its supervisor only; office B’s officer gets 403 like office A’s (no permission before the office is looked at).',
  },
  ...Object.fromEntries(
    STAFF_LOCALES.map((l) => [
      `GET /${l}/staff/dashboard`,
      { call: () => ({ url: `/${l}/staff/dashboard?from=2026-01-01` }), expect: staffPage(SUPERVISOR_ONLY) },
    ]),
  ),
};
