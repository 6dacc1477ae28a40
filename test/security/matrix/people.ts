/**
 * The people pages (src/modules/web/staff/people): officers and supervisors of the office search and
 * read; only a supervisor decides. Another office's officer sees the same 404 page as for an unknown
 * person. The decisions are sent as self-merges (a 409 of the rules: allowed, nothing changes).
 */
import { STAFF_LOCALES } from '../../../src/modules/web/index.ts';
import { type Declaration, staffPage } from './helpers.ts';

const READ = staffPage({ officerA: 'ok', officerB: 'ok', supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 });
const FILE = staffPage({ officerA: 'ok', officerB: 404, supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 });
const DECIDE = staffPage({ officerA: 403, officerB: 403, supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 });

export const DECLS: Record<string, Declaration> = Object.fromEntries(
  STAFF_LOCALES.flatMap((l) => [
    [`GET /${l}/staff/people`, { call: () => ({ url: `/${l}/staff/people` }), expect: READ }],
    [`POST /${l}/staff/people`, { call: () => ({ url: `/${l}/staff/people`, form: { q: 'Matrixová' } }), expect: READ }],
    [`GET /${l}/staff/people/:id`, { call: (w) => ({ url: `/${l}/staff/people/${w.personId}` }), expect: FILE }],
    [
      `POST /${l}/staff/people/:id/merge`,
      { call: (w) => ({ url: `/${l}/staff/people/${w.personId}/merge`, form: { into: w.personId } }), expect: DECIDE },
    ],
    [
      `POST /${l}/staff/people/:id/distinct`,
      { call: (w) => ({ url: `/${l}/staff/people/${w.personId}/distinct`, form: { other: w.personId } }), expect: DECIDE },
    ],
    [
      `POST /${l}/staff/people/:id/unmerge`,
      { call: (w) => ({ url: `/${l}/staff/people/${w.personId}/unmerge`, form: {} }), expect: DECIDE },
    ],
  ]),
);
