/**
 * The authorization matrix: for every route the app registers (method + URL as Fastify knows it), the
 * answer each of nine principals must get. `access-matrix.test.ts` seeds one object of each kind
 * owned by office A (PHA-ZUK) and organisation A, calls every route as every principal and compares
 * the status class; a route without a declaration here fails the suite, and so does a declaration
 * that matches no route.
 *
 * Expected answers:
 * - `ok`: the caller may use the route — any answer but 401, 403, 404 and 5xx (a 409 or 422 of the
 *   domain is still "allowed": the request reached the rules);
 * - 401 / 403 / 404: refused that way. Another office's or organisation's object answers 404, the same
 *   as an unknown id (nothing to infer); a role without the permission answers 403;
 * - `to-check`: a holder page refused — redirected (303) to the status check, as when the holder's
 *   cookie is missing or expired (an `ok` page answer must not be that redirect);
 * - another number: that status exactly (e.g. 410 for the moved passport lookup).
 *
 * Every principal sends its own credential: a staff session (bearer), the authority's API key (in
 * x-api-key, and as a bearer token, which must open nothing), the holder's two facts (in the body of
 * the holder API) or the holder's signed cookie (the holder pages). Every principal holds a valid CSRF
 * token for the pages, so that a page refusal is the page's own check and not the missing token.
 */
import { LOCALES } from '../../src/modules/web/index.ts';

export {
  PRINCIPALS,
  type Principal,
  type Expect,
  type Expectations,
  type World,
  type Call,
  type Declaration,
  all,
  staff,
  staffPage,
} from './matrix/helpers.ts';
import { all, type Call, type Declaration, type Expectations, type Principal, staff, type World } from './matrix/helpers.ts';
import { DECLS as STAFF_FRAME } from './matrix/staff-frame.ts';
import { DECLS as QUEUE } from './matrix/queue.ts';
import { DECLS as CASEWORK } from './matrix/casework.ts';
import { DECLS as REGISTER } from './matrix/register.ts';
import { DECLS as DASHBOARD } from './matrix/dashboard.ts';
import { DECLS as CIVIL } from './matrix/civil.ts';
import { DECLS as ADMIN } from './matrix/admin.ts';
import { DECLS as PEOPLE } from './matrix/people.ts';
import { DECLS as AUDIT } from './matrix/audit.ts';

/** The office's own staff work it; another office's officer sees an unknown id; admins and NGOs lack the permission. */
const OFFICE_CASE = staff({ officerA: 'ok', supervisor: 'ok', officerB: 404, admin: 403, ngoA: 403, ngoB: 403 });
/** Case actions load the case (and its office scope) before the action's permission: outside the office it is not there. */
const OFFICE_CASE_ACTION = staff({ officerA: 'ok', supervisor: 'ok', officerB: 404, admin: 404, ngoA: 404, ngoB: 404 });
const ADMIN_ONLY = staff({ officerA: 403, officerB: 403, supervisor: 403, admin: 'ok', ngoA: 403, ngoB: 403 });
const OFFICERS = { officerA: 'ok', officerB: 'ok', supervisor: 'ok' } as const;

const holderBody = (w: World, p: Principal, extra: Record<string, unknown> = {}) => ({
  visaNumber: w.visaNumber,
  // Only the holder knows the birth date; everyone else tries a wrong one.
  dateOfBirth: p === 'holder' ? w.holderBirthDate : '1970-01-01',
  ...extra,
});

const applicant = (w: World) => ({
  surname: 'MATRIXOVÁ',
  givenNames: 'ALENA',
  dateOfBirth: '1991-05-05',
  nationality: 'UKR',
  passportNumber: w
    .unique('MX')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, ''),
  passportExpiresOn: '2031-01-31',
  address: 'Na Poříčí 1, 110 00 Praha 1',
  regionCode: 'CZ-10',
});

const caseAction =
  (action: string, body: (w: World) => Record<string, unknown>, which: 'tolerance' | 'humanitarian' = 'tolerance') =>
  async (w: World): Promise<Call> => {
    const id = which === 'tolerance' ? w.caseId : w.humanitarianCaseId;
    return { url: `/api/v1/cases/${id}/${action}`, body: { version: await w.caseVersion(id), ...body(w) } };
  };

/** A holder page: the holder (by cookie) uses it; anyone else is sent to the status check. */
const HOLDER_PAGE: Expectations = { ...all('to-check'), holder: 'ok' };

const holderForm = (w: World, p: Principal) => ({
  visaNumber: w.visaNumber,
  dateOfBirth: p === 'holder' ? w.holderBirthDate : '1970-01-01',
});

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 32)]).toString('base64');

/** Keyed by `METHOD url`; HEAD routes answer as their GET. */
export const MATRIX: Record<string, Declaration> = {
  // — system and documentation: public —
  'GET /health': { call: () => ({ url: '/health' }), expect: all('ok') },
  'GET /ready': { call: () => ({ url: '/ready' }), expect: all('ok') },
  'GET /metrics': {
    call: () => ({ url: '/metrics' }),
    expect: all(403),
    why: 'The test sets METRICS_TOKEN, which no principal holds: a staff session or an API key is not the operator’s token.',
  },
  'GET /docs': { call: () => ({ url: '/docs' }), expect: all('ok'), why: 'The API description is public; it holds no data.' },
  'GET /docs/': { call: () => ({ url: '/docs/' }), expect: all('ok') },
  'GET /docs/static/index.html': { call: () => ({ url: '/docs/static/index.html' }), expect: all('ok') },
  'GET /docs/static/swagger-initializer.js': { call: () => ({ url: '/docs/static/swagger-initializer.js' }), expect: all('ok') },
  'GET /docs/static/*': { call: () => ({ url: '/docs/static/index.css' }), expect: all('ok') },
  'GET /docs/json': { call: () => ({ url: '/docs/json' }), expect: all('ok') },
  'GET /docs/yaml': { call: () => ({ url: '/docs/yaml' }), expect: all('ok') },

  // — sign-in —
  'POST /api/v1/auth/login': {
    call: () => ({ url: '/api/v1/auth/login', body: { username: 'oskar', password: 'correct-horse-battery' } }),
    expect: all('ok'),
    why: 'Public: whoever holds the password signs in.',
  },
  'POST /api/v1/auth/logout': {
    call: () => ({ url: '/api/v1/auth/logout', freshSession: true }),
    expect: staff({ officerA: 'ok', officerB: 'ok', supervisor: 'ok', admin: 'ok', ngoA: 'ok', ngoB: 'ok' }),
  },
  'GET /api/v1/auth/me': {
    call: () => ({ url: '/api/v1/auth/me' }),
    expect: staff({ officerA: 'ok', officerB: 'ok', supervisor: 'ok', admin: 'ok', ngoA: 'ok', ngoB: 'ok' }),
  },

  // — the office directory and the policy: public —
  'GET /api/v1/regions': { call: () => ({ url: '/api/v1/regions' }), expect: all('ok') },
  'GET /api/v1/offices': { call: () => ({ url: '/api/v1/offices?region=CZ-10' }), expect: all('ok') },
  'POST /api/v1/policy/evaluate': {
    call: () => ({ url: '/api/v1/policy/evaluate', body: { facts: { nationality: 'UKR' }, dates: { as_of: '2026-03-02' } } }),
    expect: all('ok'),
  },
  'GET /api/v1/policy/parameters': { call: () => ({ url: '/api/v1/policy/parameters' }), expect: all('ok') },
  'GET /api/v1/policy/diff': { call: () => ({ url: '/api/v1/policy/diff?from=2023-01-01&to=2024-06-01' }), expect: all('ok') },
  'GET /api/v1/public/statistics/civil-society': { call: () => ({ url: '/api/v1/public/statistics/civil-society' }), expect: all('ok') },
  'GET /api/v1/public/statistics/civil-society.csv': {
    call: () => ({ url: '/api/v1/public/statistics/civil-society.csv' }),
    expect: all('ok'),
  },

  // — OAMP cases —
  'POST /api/v1/cases/tolerance': {
    call: (w) => ({
      url: '/api/v1/cases/tolerance',
      body: {
        receivedOn: '2026-03-02',
        ground: '33-1-a',
        applicant: applicant(w),
        checklist: {
          applicationForm: {
            submitted: true,
            inCzech: true,
            fields: { surname: 'MATRIXOVÁ', givenNames: 'ALENA', addressInCzechia: 'NA POŘÍČÍ 1, PRAHA 1' },
          },
          passport: { submitted: true },
          photo: { submitted: true },
          fee: { method: 'duty_stamps', amountCzk: 300 },
          affidavit: { submitted: true, notarised: true },
        },
      },
    }),
    expect: staff({ ...OFFICERS, admin: 403, ngoA: 403, ngoB: 403 }),
    why: 'Any office takes in applications — into its own office.',
  },
  'POST /api/v1/cases/study': {
    call: (w) => ({
      url: '/api/v1/cases/study',
      body: {
        receivedOn: '2026-03-02',
        applicant: applicant(w),
        scholarship: 'cz_government',
        documents: { passport: true, photo: true, scholarshipAward: true, admissionConfirmation: true, accommodation: true },
      },
    }),
    expect: staff({ ...OFFICERS, admin: 403, ngoA: 403, ngoB: 403 }),
  },
  'POST /api/v1/cases/humanitarian': {
    call: (w) => ({
      url: '/api/v1/cases/humanitarian',
      body: {
        receivedOn: '2026-03-02',
        applicant: applicant(w),
        grounds: ['health'],
        documents: { passport: true, photo: true, groundsEvidence: true },
      },
    }),
    expect: staff({ ...OFFICERS, admin: 403, ngoA: 403, ngoB: 403 }),
  },
  'GET /api/v1/cases/:id': { call: (w) => ({ url: `/api/v1/cases/${w.caseId}` }), expect: OFFICE_CASE },
  'GET /api/v1/cases/:id/letters/:letterId/pdf': {
    call: (w) => ({ url: `/api/v1/cases/${w.caseId}/letters/${w.letterId}/pdf` }),
    expect: OFFICE_CASE,
  },
  'POST /api/v1/cases/:id/interrupt': {
    call: caseAction('interrupt', () => ({ requested: 'Doložte cestovní doklad.', respondBy: '2026-04-15', on: '2026-03-02' })),
    expect: OFFICE_CASE_ACTION,
  },
  'POST /api/v1/cases/:id/resume': { call: caseAction('resume', () => ({ on: '2026-03-02' })), expect: OFFICE_CASE_ACTION },
  'POST /api/v1/cases/:id/grant': {
    call: caseAction('grant', () => ({ validFrom: '2026-03-02', validTo: '2027-03-01' })),
    expect: OFFICE_CASE_ACTION,
  },
  'POST /api/v1/cases/:id/refuse': {
    call: caseAction('refuse', () => ({ reasons: 'Nesplněny podmínky.', legalGround: '§ 56' })),
    expect: OFFICE_CASE_ACTION,
  },
  'POST /api/v1/cases/:id/withdraw': { call: caseAction('withdraw', () => ({})), expect: OFFICE_CASE_ACTION },
  'POST /api/v1/cases/:id/discontinue': {
    call: caseAction('discontinue', () => ({ legalGround: '§ 66' })),
    expect: OFFICE_CASE_ACTION,
  },
  'POST /api/v1/cases/:id/letters/:letterId/posting': {
    call: async (w) => ({
      url: `/api/v1/cases/${w.caseId}/letters/${w.letterId}/posting`,
      body: { version: await w.caseVersion(w.caseId), postedOn: '2026-03-02' },
    }),
    expect: OFFICE_CASE_ACTION,
  },
  'POST /api/v1/cases/:id/letters/:letterId/delivery': {
    call: async (w) => ({
      url: `/api/v1/cases/${w.caseId}/letters/${w.letterId}/delivery`,
      body: { version: await w.caseVersion(w.caseId), delivery: { kind: 'delivered', deliveredOn: '2026-03-03' } },
    }),
    expect: OFFICE_CASE_ACTION,
  },
  'POST /api/v1/cases/:id/assess': {
    call: caseAction('assess', () => ({ findings: [{ point: 'w.hum_urgency', finding: 'Naléhavé.' }] }), 'humanitarian'),
    expect: OFFICE_CASE_ACTION,
  },
  'GET /api/v1/queue': {
    call: () => ({ url: '/api/v1/queue?office=PHA-ZUK' }),
    expect: staff({ officerA: 'ok', supervisor: 'ok', officerB: 403, admin: 403, ngoA: 403, ngoB: 403 }),
    why: 'Offices are public, so another office’s queue is refused (403), not hidden.',
  },

  // — the visa register —
  'POST /api/v1/visas/search': {
    call: (w) => ({ url: '/api/v1/visas/search', body: { passportNumber: 'FX100001', dateOfBirth: w.holderBirthDate } }),
    expect: staff({ ...OFFICERS, admin: 403, ngoA: 403, ngoB: 403 }),
    why: 'The register is national: a holder may get a sticker at any office. Every search is audited.',
  },
  'GET /api/v1/visas': {
    call: () => ({ url: '/api/v1/visas' }),
    expect: staff({ officerA: 410, officerB: 410, supervisor: 410, admin: 410, ngoA: 410, ngoB: 410 }),
    why: 'The old query-string lookup only says where it went.',
  },
  'GET /api/v1/visas/:number': {
    call: (w) => ({ url: `/api/v1/visas/${w.visaNumber}` }),
    expect: staff({ ...OFFICERS, admin: 403, ngoA: 403, ngoB: 403 }),
    why: 'National register (any office affixes stickers); every read audited.',
  },
  'POST /api/v1/visas/:number/cancel': {
    call: (w) => ({ url: `/api/v1/visas/${w.visaToCancel}/cancel`, body: { ground: 'holder_request' } }),
    expect: staff({ officerA: 403, officerB: 403, supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 }),
  },
  'POST /api/v1/visas/:number/stickers': {
    call: (w) => ({ url: `/api/v1/visas/${w.visaNumber}/stickers`, body: {} }),
    expect: staff({ ...OFFICERS, admin: 403, ngoA: 403, ngoB: 403 }),
    why: 'A sticker is affixed at the office the holder comes to.',
  },
  'GET /api/v1/jobs/:id': {
    call: (w) => ({ url: `/api/v1/jobs/${w.jobId}` }),
    expect: staff({ ...OFFICERS, admin: 'ok', ngoA: 403, ngoB: 403 }),
  },
  'POST /api/v1/visas/extensions': {
    call: () => ({ url: '/api/v1/visas/extensions', body: { rule: 'auto_extension.tolerance_2023', dryRun: true } }),
    expect: staff({ officerA: 403, officerB: 403, supervisor: 'ok', admin: 'ok', ngoA: 403, ngoB: 403 }),
  },

  // — authorities —
  'POST /api/v1/admin/authorities': {
    call: (w) => ({ url: '/api/v1/admin/authorities', body: { name: w.unique('Úřad'), kind: 'other' } }),
    expect: ADMIN_ONLY,
  },
  'GET /api/v1/admin/authorities': { call: () => ({ url: '/api/v1/admin/authorities' }), expect: ADMIN_ONLY },
  'POST /api/v1/admin/authorities/:id/revoke': {
    call: (w) => ({ url: `/api/v1/admin/authorities/${w.victimAuthorityId}/revoke` }),
    expect: ADMIN_ONLY,
  },
  'POST /api/v1/admin/authorities/:id/webhook': {
    call: (w) => ({ url: `/api/v1/admin/authorities/${w.authorityClientId}/webhook`, body: { url: 'https://hooks.example.org/pobyt' } }),
    expect: ADMIN_ONLY,
  },
  'GET /api/v1/admin/webhooks/dead-letters': { call: () => ({ url: '/api/v1/admin/webhooks/dead-letters' }), expect: ADMIN_ONLY },
  'POST /api/v1/admin/webhooks/dead-letters/:id/replay': {
    call: (w) => ({ url: `/api/v1/admin/webhooks/dead-letters/${w.deadLetterId}/replay` }),
    expect: ADMIN_ONLY,
  },
  'POST /api/v1/authority/verify': {
    call: (w) => ({ url: '/api/v1/authority/verify', body: { visaNumber: w.visaNumber } }),
    expect: { ...all(401), authority: 'ok' },
    why: 'Only an authority’s API key; a staff session or a key sent as a bearer token is no key.',
  },
  'GET /api/v1/authority/events': {
    call: () => ({ url: '/api/v1/authority/events?after=0&limit=10' }),
    expect: { ...all(401), authority: 'ok' },
  },

  // — appointments —
  'GET /api/v1/offices/:id/slots': {
    call: () => ({ url: '/api/v1/offices/PHA-ZUK/slots?from=2026-03-03&to=2026-03-06' }),
    expect: all('ok'),
    why: 'Free seats are public; no names.',
  },
  'POST /api/v1/offices/:id/slots': {
    call: () => ({ url: '/api/v1/offices/PHA-ZUK/slots', body: { from: '2026-03-09', to: '2026-03-10', minutes: 60, capacity: 1 } }),
    expect: staff({ officerA: 403, officerB: 403, supervisor: 'ok', admin: 'ok', ngoA: 403, ngoB: 403 }),
  },
  'POST /api/v1/appointments': {
    call: (w, p) => ({ url: '/api/v1/appointments', body: holderBody(w, p, { slotId: w.slotIds[1] }) }),
    expect: { ...all(404), holder: 'ok' },
    why: 'Holder routes are public; the two facts are the credential. A wrong pair is 404, the same for every wrong pair.',
  },
  'POST /api/v1/appointments/:code/cancel': {
    call: async (w, p) => ({ url: `/api/v1/appointments/${await w.activeAppointment()}/cancel`, body: holderBody(w, p) }),
    expect: { ...all(404), holder: 'ok' },
  },
  'POST /api/v1/appointments/:code/move': {
    call: async (w, p) => ({
      url: `/api/v1/appointments/${await w.activeAppointment()}/move`,
      body: holderBody(w, p, { slotId: w.slotIds[2] }),
    }),
    expect: { ...all(404), holder: 'ok' },
  },
  'POST /api/v1/temporary-protection/extension': {
    call: (w, p) => ({ url: '/api/v1/temporary-protection/extension', body: holderBody(w, p, { lang: 'cs' }) }),
    expect: { ...all(404), holder: 409 },
    why: 'The channel never succeeds: the tolerance holder is turned away with guidance (409); a wrong pair is 404 as on every holder route.',
  },

  // — the Civil Society programme —
  'POST /api/v1/admin/partner-orgs': {
    call: (w) => ({ url: '/api/v1/admin/partner-orgs', body: { name: w.unique('Org') } }),
    expect: ADMIN_ONLY,
  },
  'POST /api/v1/admin/staff': {
    call: (w) => ({
      url: '/api/v1/admin/staff',
      body: {
        username: w.unique('u').toLowerCase(),
        displayName: 'New',
        role: 'officer',
        officeId: 'PHA-ZUK',
        password: 'a-long-password-1',
      },
    }),
    expect: ADMIN_ONLY,
  },
  'POST /api/v1/nominations': {
    call: (w) => ({
      url: '/api/v1/nominations',
      body: {
        nationality: 'BLR',
        surname: 'MATRIX',
        givenNames: 'NINA',
        nativeName: 'Матрыкс Ніна',
        dateOfBirth: '1990-01-01',
        passportNumber: w
          .unique('MP')
          .toUpperCase()
          .replace(/[^A-Z0-9]/g, ''),
        category: 'journalist',
        publicRecord: ['https://example.org/a'],
        narrative: 'A matrix narrative',
        visaType: 'D',
        lodgingPost: 'Embassy in Warsaw',
      },
    }),
    expect: staff({ officerA: 403, officerB: 403, supervisor: 403, admin: 403, ngoA: 'ok', ngoB: 'ok' }),
    why: 'Any partner organisation nominates — into its own organisation.',
  },
  'GET /api/v1/nominations': {
    call: () => ({ url: '/api/v1/nominations' }),
    expect: staff({ ...OFFICERS, admin: 403, ngoA: 'ok', ngoB: 'ok' }),
    why: 'Each sees only its own list: an NGO its organisation’s, an officer the assigned ones (the civil-society tests check the contents).',
  },
  // — people (issue 13): officers and supervisors of the persons' office; decisions are the supervisor's —
  'POST /api/v1/people/search': {
    call: () => ({ url: '/api/v1/people/search', body: { q: 'Matrixová Alena' } }),
    expect: staff({ officerA: 'ok', officerB: 'ok', supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 }),
    why: 'Any officer may search; the hits are scoped (officer B finds none of office A’s persons).',
  },
  'GET /api/v1/people/:id': {
    call: (w) => ({ url: `/api/v1/people/${w.personId}` }),
    expect: staff({ officerA: 'ok', officerB: 404, supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 }),
  },
  'GET /api/v1/people/:id/duplicates': {
    call: (w) => ({ url: `/api/v1/people/${w.personId}/duplicates` }),
    expect: staff({ officerA: 'ok', officerB: 404, supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 }),
  },
  'POST /api/v1/people/:id/merge': {
    call: (w) => ({ url: `/api/v1/people/${w.otherPersonId}/merge`, body: { into: w.personId } }),
    expect: staff({ officerA: 403, officerB: 403, supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 }),
  },
  'POST /api/v1/people/:id/unmerge': {
    call: (w) => ({ url: `/api/v1/people/${w.otherPersonId}/unmerge` }),
    expect: staff({ officerA: 403, officerB: 403, supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 }),
    why: 'The permission is checked before the person’s state: a 409 (not merged) is only for a supervisor.',
  },
  'POST /api/v1/people/:id/distinct': {
    call: (w) => ({ url: `/api/v1/people/${w.otherPersonId}/distinct`, body: { other: w.personId } }),
    expect: staff({ officerA: 403, officerB: 403, supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 }),
  },
  'GET /api/v1/nominations/:id': {
    call: (w) => ({ url: `/api/v1/nominations/${w.nominationId}` }),
    expect: staff({ officerA: 'ok', officerB: 404, supervisor: 'ok', admin: 403, ngoA: 'ok', ngoB: 404 }),
    why: 'Officer A is assigned; officer B is not, and sees an unknown id. Organisation B sees an unknown id.',
  },
  'POST /api/v1/nominations/:id/evidence': {
    call: (w) => ({
      url: `/api/v1/nominations/${w.nominationId}/evidence`,
      body: { name: 'a.pdf', mime: 'application/pdf', contentBase64: PDF },
    }),
    expect: staff({ officerA: 403, officerB: 403, supervisor: 403, admin: 403, ngoA: 'ok', ngoB: 404 }),
  },
  'GET /api/v1/nominations/:id/evidence/:evidenceId': {
    call: (w) => ({ url: `/api/v1/nominations/${w.nominationId}/evidence/${w.evidenceId}` }),
    expect: staff({ officerA: 'ok', officerB: 403, supervisor: 403, admin: 403, ngoA: 403, ngoB: 403 }),
    why: 'Only assigned officers; an unassigned one is refused before the nomination is looked up (the same 403 for any id).',
  },
  'POST /api/v1/nominations/:id/assign': {
    call: (w) => ({ url: `/api/v1/nominations/${w.nominationId}/assign`, body: { officerId: w.otherOfficerAId } }),
    expect: staff({ officerA: 403, officerB: 403, supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 }),
  },
  'POST /api/v1/nominations/:id/actions': {
    call: async (w) => ({
      url: `/api/v1/nominations/${w.nominationId}/actions`,
      body: { action: 'start_screening', version: await w.nominationVersion() },
    }),
    expect: staff({ officerA: 'ok', officerB: 404, supervisor: 403, admin: 403, ngoA: 403, ngoB: 403 }),
    why: 'Assigned officers act; an unassigned officer sees an unknown id; the supervisor (who sees every nomination to assign it) is refused.',
  },
  'GET /api/v1/stats/nominations': {
    call: () => ({ url: '/api/v1/stats/nominations' }),
    expect: staff({ officerA: 403, officerB: 403, supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 }),
  },

  // — the audit chain —
  'GET /api/v1/audit/verify': {
    call: () => ({ url: '/api/v1/audit/verify' }),
    expect: staff({ officerA: 403, officerB: 403, supervisor: 'ok', admin: 'ok', ngoA: 403, ngoB: 403 }),
  },

  // — the applicants' pages and their assets: public —
  'GET /assets/ds/*': { call: () => ({ url: '/assets/ds/styles.css' }), expect: all('ok') },
  'GET /assets/fonts/*': { call: () => ({ url: '/assets/fonts/roboto-latin-400-normal.woff2' }), expect: all('ok') },
  'GET /assets/web/*': { call: () => ({ url: '/assets/web/web.css' }), expect: all('ok') },
  'GET /': { call: () => ({ url: '/' }), expect: all('ok') },
  'GET /lang/:lang': { call: () => ({ url: '/lang/uk?to=/uk/navigator' }), expect: all('ok') },
  ...Object.fromEntries(
    LOCALES.flatMap((l) => [
      [`GET /${l}`, { call: () => ({ url: `/${l}/` }), expect: all('ok') }],
      [`GET /${l}/navigator`, { call: () => ({ url: `/${l}/navigator` }), expect: all('ok') }],
      [`POST /${l}/navigator`, { call: () => ({ url: `/${l}/navigator`, form: { question: 'x', answer: 'y' } }), expect: all('ok') }],
      // The application documents: public, nothing stored (an empty form is answered with its errors).
      [`GET /${l}/documents`, { call: () => ({ url: `/${l}/documents` }), expect: all('ok') }],
      [`POST /${l}/documents`, { call: () => ({ url: `/${l}/documents`, form: { state: '' } }), expect: all('ok') }],
      // The holder's pages: identified by the signed cookie the status check sets.
      [`GET /${l}/status`, { call: () => ({ url: `/${l}/status` }), expect: all('ok') }],
      [
        `POST /${l}/status`,
        {
          call: (w: World, p: Principal) => ({ url: `/${l}/status`, form: holderForm(w, p) }),
          expect: all('ok'),
          why: 'Public: a wrong pair gets the same neutral page (200); the right one the cookie and a redirect.',
        },
      ],
      [`GET /${l}/holder`, { call: () => ({ url: `/${l}/holder` }), expect: HOLDER_PAGE }],
      [`POST /${l}/holder/signout`, { call: () => ({ url: `/${l}/holder/signout`, form: {} }), expect: all('ok') }],
      [`GET /${l}/holder/book`, { call: () => ({ url: `/${l}/holder/book` }), expect: HOLDER_PAGE }],
      [
        `POST /${l}/holder/book`,
        { call: (w: World) => ({ url: `/${l}/holder/book`, form: { slot: w.slotIds[4]! } }), expect: HOLDER_PAGE },
      ],
      [
        `POST /${l}/holder/move`,
        { call: (w: World) => ({ url: `/${l}/holder/move`, form: { slot: w.slotIds[5]! } }), expect: HOLDER_PAGE },
      ],
      [`GET /${l}/holder/appointment`, { call: () => ({ url: `/${l}/holder/appointment` }), expect: HOLDER_PAGE }],
      [`GET /${l}/holder/appointment.ics`, { call: () => ({ url: `/${l}/holder/appointment.ics` }), expect: HOLDER_PAGE }],
      [`POST /${l}/holder/cancel`, { call: () => ({ url: `/${l}/holder/cancel`, form: {} }), expect: HOLDER_PAGE }],
    ]),
  ),

  // — the staff and partner pages: each area declares its own (test/security/matrix/*.ts) —
  ...STAFF_FRAME,
  ...QUEUE,
  ...CASEWORK,
  ...REGISTER,
  ...DASHBOARD,
  ...CIVIL,
  ...ADMIN,
  ...PEOPLE,
  ...AUDIT,
};

/** The declaration of a route: HEAD answers as GET; `/x/` as `/x` when only that is declared. */
export function declarationOf(method: string, url: string): Declaration | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  return MATRIX[`${m} ${url}`] ?? (url.length > 1 && url.endsWith('/') ? MATRIX[`${m} ${url.slice(0, -1)}`] : undefined);
}
