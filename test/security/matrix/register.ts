/**
 * The register's routes in the access matrix: the office's appointments of a day (API), and the
 * register pages (find a visa, a visa's page with cancellation and stickers, the appointments of the
 * day with slot creation, the mass extension with its runs and history), in Czech and English.
 */
import { STAFF_LOCALES } from '../../../src/modules/web/index.ts';
import { type Declaration, type Expectations, staff, staffPage } from './helpers.ts';

/** Officers and supervisors of any office (the register is national); admins and caseworkers get the 403 page. */
const REGISTER: Expectations = staffPage({ officerA: 'ok', officerB: 'ok', supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 });
/** The office's own counter: officer B sees their own office's day (ok); the slot form is the supervisor's. */
const DAY: Expectations = staffPage({ officerA: 'ok', officerB: 'ok', supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 });
const SUPERVISOR_PAGE: Expectations = staffPage({ officerA: 403, officerB: 403, supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 });
/** The mass extension: who holds visa.extend (supervisor, admin), as by the API. */
const EXTEND: Expectations = staffPage({ officerA: 403, officerB: 403, supervisor: 'ok', admin: 'ok', ngoA: 403, ngoB: 403 });
/** A run's page: whoever holds job.read (officers, supervisors, admins), as GET /api/v1/jobs/:id. */
const JOB: Expectations = staffPage({ officerA: 'ok', officerB: 'ok', supervisor: 'ok', admin: 'ok', ngoA: 403, ngoB: 403 });

export const DECLS: Record<string, Declaration> = {
  'GET /api/v1/offices/:id/appointments': {
    call: () => ({ url: '/api/v1/offices/PHA-ZUK/appointments?day=2026-03-03' }),
    expect: staff({ officerA: 'ok', supervisor: 'ok', officerB: 403, admin: 403, ngoA: 403, ngoB: 403 }),
    why: 'The office’s own counter staff; offices are public, so another office’s day is refused (403), not hidden.',
  },
  ...Object.fromEntries(
    STAFF_LOCALES.flatMap((l) => [
      [`GET /${l}/staff/register`, { call: () => ({ url: `/${l}/staff/register` }), expect: REGISTER }],
      [
        `POST /${l}/staff/register`,
        {
          call: (w) => ({
            url: `/${l}/staff/register`,
            form: { by: 'holder', passportNumber: 'FX100001', dateOfBirth: w.holderBirthDate },
          }),
          expect: REGISTER,
          why: 'The search of POST /api/v1/visas/search, from a page (the terms in the body); audited.',
        },
      ],
      [`GET /${l}/staff/register/visas/:id`, { call: (w) => ({ url: `/${l}/staff/register/visas/${w.visaId}` }), expect: REGISTER }],
      [
        `POST /${l}/staff/register/visas/:id/stickers`,
        {
          call: (w) => ({ url: `/${l}/staff/register/visas/${w.visaId}/stickers`, form: {} }),
          expect: REGISTER,
          why: 'A walk-in sticker today; any office affixes.',
        },
      ],
      [
        `POST /${l}/staff/register/visas/:id/cancel`,
        {
          call: (w) => ({ url: `/${l}/staff/register/visas/${w.visaToCancelId}/cancel`, form: { ground: 'holder_request' } }),
          expect: { ...REGISTER, officerA: 403, officerB: 403 },
          why: 'Only a supervisor of the granting office; once cancelled, again is the 409 page (still allowed: it reached the rules).',
        },
      ],
      [`GET /${l}/staff/appointments`, { call: () => ({ url: `/${l}/staff/appointments?day=2026-03-03` }), expect: DAY }],
      [
        `POST /${l}/staff/appointments/slots`,
        {
          call: () => ({
            url: `/${l}/staff/appointments/slots`,
            form: { from: '2026-03-16', to: '2026-03-16', minutes: '60', capacity: '1' },
          }),
          expect: SUPERVISOR_PAGE,
          why: 'The supervisor creates their own office’s slots (the admin uses the API for any office).',
        },
      ],
      [`GET /${l}/staff/extensions`, { call: () => ({ url: `/${l}/staff/extensions` }), expect: EXTEND }],
      [
        `POST /${l}/staff/extensions`,
        { call: () => ({ url: `/${l}/staff/extensions`, form: { rule: 'auto_extension.tolerance_2023', dryRun: 'on' } }), expect: EXTEND },
      ],
      [`GET /${l}/staff/extensions/jobs/:id`, { call: (w) => ({ url: `/${l}/staff/extensions/jobs/${w.jobId}` }), expect: JOB }],
    ]),
  ),
};
