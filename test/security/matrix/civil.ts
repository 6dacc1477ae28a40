/**
 * The Civil Society programme's pages in the authorization matrix (see ../access-matrix.ts): the NGO
 * portal (five languages; caseworkers only, organisation B sees org A's nomination as an unknown id),
 * the officers' nomination pages (cs, en; assigned officers only, the supervisor assigns) and the
 * public statistics page.
 */
import { LOCALES } from '../../../src/modules/web/index.ts';
import { all, type Declaration, staffPage, type World } from './helpers.ts';

const NGO_ONLY = staffPage({ officerA: 403, officerB: 403, supervisor: 403, admin: 403, ngoA: 'ok', ngoB: 'ok' });
const NGO_OWN = staffPage({ officerA: 403, officerB: 403, supervisor: 403, admin: 403, ngoA: 'ok', ngoB: 404 });

const ngo = (l: string): [string, Declaration][] => [
  [`GET /${l}/ngo/nominations`, { call: () => ({ url: `/${l}/ngo/nominations` }), expect: NGO_ONLY }],
  [`GET /${l}/ngo/nominations/new`, { call: () => ({ url: `/${l}/ngo/nominations/new` }), expect: NGO_ONLY }],
  [
    `POST /${l}/ngo/nominations/new`,
    {
      call: () => ({ url: `/${l}/ngo/nominations/new`, form: { surname: '' } }),
      expect: NGO_ONLY,
      why: 'Any partner organisation nominates, into its own organisation (an incomplete form: 422 beside the fields).',
    },
  ],
  [
    `GET /${l}/ngo/nominations/:id`,
    {
      call: (w: World) => ({ url: `/${l}/ngo/nominations/${w.nominationId}` }),
      expect: NGO_OWN,
      why: 'Organisation B sees organisation A’s nomination as an unknown id (404), as in the API.',
    },
  ],
  [
    `POST /${l}/ngo/nominations/:id/evidence`,
    {
      call: (w: World) => ({ url: `/${l}/ngo/nominations/${w.nominationId}/evidence`, form: {} }),
      expect: NGO_OWN,
      why: 'Whose nomination is checked before the file: organisation B gets 404 whatever it sends; A without a file gets 422.',
    },
  ],
];

const staff = (l: string): [string, Declaration][] => [
  [
    `GET /${l}/staff/nominations`,
    {
      call: () => ({ url: `/${l}/staff/nominations` }),
      expect: staffPage({ officerA: 'ok', officerB: 'ok', supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 }),
      why: 'An officer sees the assigned ones (none for officer B), the supervisor all (no names).',
    },
  ],
  [
    `GET /${l}/staff/nominations/:id`,
    {
      call: (w: World) => ({ url: `/${l}/staff/nominations/${w.nominationId}` }),
      expect: staffPage({ officerA: 'ok', officerB: 404, supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 }),
      why: 'Officer A is assigned (decrypted, audited); officer B is not and sees an unknown id; the supervisor the metadata.',
    },
  ],
  [
    `POST /${l}/staff/nominations/:id/assign`,
    {
      call: (w: World) => ({ url: `/${l}/staff/nominations/${w.nominationId}/assign`, form: { officerId: w.otherOfficerAId } }),
      expect: staffPage({ officerA: 403, officerB: 403, supervisor: 'ok', admin: 403, ngoA: 403, ngoB: 403 }),
    },
  ],
  [
    `POST /${l}/staff/nominations/:id/actions`,
    {
      call: async (w: World) => ({
        url: `/${l}/staff/nominations/${w.nominationId}/actions`,
        form: { action: 'start_screening', version: String(await w.nominationVersion()) },
      }),
      expect: staffPage({ officerA: 'ok', officerB: 404, supervisor: 403, admin: 403, ngoA: 403, ngoB: 403 }),
      why: 'Assigned officers act (a step no longer possible is a 409 page, still allowed); an unassigned officer sees an unknown id; the supervisor is refused.',
    },
  ],
  [
    `GET /${l}/staff/nominations/:id/evidence/:evidenceId`,
    {
      call: (w: World) => ({ url: `/${l}/staff/nominations/${w.nominationId}/evidence/${w.evidenceId}` }),
      expect: staffPage({ officerA: 'ok', officerB: 403, supervisor: 403, admin: 403, ngoA: 403, ngoB: 403 }),
      why: 'Only assigned officers download (audited); as in the API, the unassigned are refused before the nomination is looked up.',
    },
  ],
];

export const DECLS: Record<string, Declaration> = Object.fromEntries([
  ...LOCALES.flatMap(ngo),
  ...(['cs', 'en'] as const).flatMap(staff),
  ...LOCALES.map((l): [string, Declaration] => [
    `GET /${l}/statistics/civil-society`,
    { call: () => ({ url: `/${l}/statistics/civil-society` }), expect: all('ok'), why: 'Public: ranges only.' },
  ]),
]);
