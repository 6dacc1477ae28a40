/** The casework pages' declarations in the authorization matrix (see ../access-matrix.ts): the counter intake and the case page. */
import { STAFF_LOCALES } from '../../../src/modules/web/index.ts';
import { type Declaration, staffPage } from './helpers.ts';

/** The office's officers and supervisor; an admin's or a caseworker's role is refused by the page (403). */
const COUNTER = staffPage({ officerA: 'ok', officerB: 'ok', supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 });
/** A case of office A: another office's officer finds nothing there (404, as for an unknown id). */
const OFFICE_CASE_PAGE = staffPage({ officerA: 'ok', supervisor: 'ok', officerB: 404, admin: 403, ngoA: 403, ngoB: 403 });

export const DECLS: Record<string, Declaration> = Object.fromEntries(
  STAFF_LOCALES.flatMap((l) => [
    [`GET /${l}/staff/intake`, { call: () => ({ url: `/${l}/staff/intake` }), expect: COUNTER }],
    [
      `POST /${l}/staff/intake`,
      {
        // An incomplete form: the officer's answer is 422 beside the fields (no case is opened).
        call: () => ({ url: `/${l}/staff/intake`, form: { _type: 'tolerance_visa', 'applicant.surname': 'MATRIXOVÁ' } }),
        expect: COUNTER,
        why: 'Officers of any office record intakes at their own counter; the use case checks the office.',
      },
    ],
    [`GET /${l}/staff/cases/:id`, { call: (w) => ({ url: `/${l}/staff/cases/${w.caseId}` }), expect: OFFICE_CASE_PAGE }],
    [
      `GET /${l}/staff/cases/:id/letters/:letterId`,
      { call: (w) => ({ url: `/${l}/staff/cases/${w.caseId}/letters/${w.letterId}` }), expect: OFFICE_CASE_PAGE },
    ],
    [
      `POST /${l}/staff/cases/:id/actions/:action`,
      {
        // A grant form without its dates: 422 beside the fields for those who may reach the case.
        call: async (w) => ({
          url: `/${l}/staff/cases/${w.caseId}/actions/grant`,
          form: { _form: 'grant', 'grant.version': String(await w.caseVersion(w.caseId)) },
        }),
        expect: OFFICE_CASE_PAGE,
        why: 'The page refuses roles without casework (403); the use case answers another office’s case as unknown (404).',
      },
    ],
  ]),
);
