/** Signing in and out on a page, and where a role starts (src/modules/web/staff/sign-in.routes.tsx). */
import { LOCALES } from '../../../src/modules/web/index.ts';
import { all, type Declaration, staffPage } from './helpers.ts';

const SIGNED_IN = { officerA: 'ok', officerB: 'ok', supervisor: 'ok', admin: 'ok', ngoA: 'ok', ngoB: 'ok' } as const;

export const DECLS: Record<string, Declaration> = Object.fromEntries(
  LOCALES.flatMap((l) => [
    [`GET /${l}/sign-in`, { call: () => ({ url: `/${l}/sign-in` }), expect: all('ok') }],
    [
      `POST /${l}/sign-in`,
      {
        call: () => ({ url: `/${l}/sign-in`, form: { username: 'oskar', password: 'correct-horse-battery' } }),
        expect: all('ok'),
        why: 'Public: whoever holds the password signs in (303 to the role’s start page).',
      },
    ],
    [`GET /${l}/sign-out`, { call: () => ({ url: `/${l}/sign-out` }), expect: staffPage(SIGNED_IN) }],
    [
      `POST /${l}/sign-out`,
      {
        call: () => ({ url: `/${l}/sign-out`, form: {}, freshSession: true }),
        expect: all('to-sign-in'),
        why: 'Ends the session it is sent with (if any) and shows the sign-in page.',
      },
    ],
    [`GET /${l}/staff`, { call: () => ({ url: `/${l}/staff` }), expect: staffPage(SIGNED_IN) }],
  ]),
);
