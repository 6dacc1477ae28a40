/** The audit page (src/modules/audit/web): supervisors and administrators. */
import { STAFF_LOCALES } from '../../../src/modules/web/index.ts';
import { type Declaration, staffPage } from './helpers.ts';

const AUDITORS = staffPage({ officerA: 403, officerB: 403, supervisor: 'ok', admin: 'ok', ngoA: 403, ngoB: 403 });

export const DECLS: Record<string, Declaration> = Object.fromEntries(
  STAFF_LOCALES.flatMap((l) => [
    [`GET /${l}/staff/audit`, { call: () => ({ url: `/${l}/staff/audit` }), expect: AUDITORS }],
    [`POST /${l}/staff/audit`, { call: () => ({ url: `/${l}/staff/audit`, form: {} }), expect: AUDITORS }],
  ]),
);
