/**
 * The administration's routes in the access matrix: the admin API added with the pages (staff list and
 * deactivation, the partner-organisation list) and the administration pages (cs and en). Only an
 * admin; the other staff get 403 (the API) or the 403 page; whoever holds no staff session gets 401
 * (the API) or is sent to sign in (the pages).
 */
import { type Declaration, type Expectations, staff, staffPage, type World } from './helpers.ts';

const ADMIN_API: Expectations = staff({ officerA: 403, officerB: 403, supervisor: 403, admin: 'ok', ngoA: 403, ngoB: 403 });
const ADMIN_PAGE: Expectations = staffPage({ officerA: 403, officerB: 403, supervisor: 403, admin: 'ok', ngoA: 403, ngoB: 403 });

/** No such account: the admin passes the permission check and reaches the lookup (404); the others stop before it. */
const NO_SUCH_USER = '7f1b7e5e-0000-4000-8000-000000000000';
const NO_ACCOUNT_TO_SPARE =
  'The world holds no account to spare (deactivating a seeded one would end its later calls): an unknown id, which only the admin gets as far as looking up; the success path is in test/api/admin.test.ts and test/web/staff-admin.test.ts.';

const page = (url: string, form?: (w: World) => Record<string, string>, expect = ADMIN_PAGE, why?: string): Declaration => ({
  call: (w) => ({ url, ...(form ? { form: form(w) } : {}) }),
  expect,
  ...(why ? { why } : {}),
});

const PAGES: Record<string, Declaration> = Object.fromEntries(
  (['cs', 'en'] as const).flatMap((l) => {
    const b = `/${l}/staff/admin`;
    return [
      [`GET ${b}/users`, page(`${b}/users`)],
      [
        `POST ${b}/users`,
        page(`${b}/users`, (w) => ({
          username: w.unique('u').toLowerCase(),
          displayName: 'Matrix User',
          role: 'officer',
          officeId: 'PHA-ZUK',
          password: 'a-long-password-1',
        })),
      ],
      [
        `GET ${b}/users/:id/deactivate`,
        page(`${b}/users/${NO_SUCH_USER}/deactivate`, undefined, { ...ADMIN_PAGE, admin: 404 }, NO_ACCOUNT_TO_SPARE),
      ],
      [
        `POST ${b}/users/:id/deactivate`,
        page(`${b}/users/${NO_SUCH_USER}/deactivate`, () => ({}), { ...ADMIN_PAGE, admin: 404 }, NO_ACCOUNT_TO_SPARE),
      ],
      [`GET ${b}/organisations`, page(`${b}/organisations`)],
      [`POST ${b}/organisations`, page(`${b}/organisations`, (w) => ({ name: w.unique('Org') }))],
      [`GET ${b}/authorities`, page(`${b}/authorities`)],
      [`POST ${b}/authorities`, page(`${b}/authorities`, (w) => ({ name: w.unique('Úřad'), kind: 'other' }))],
      [
        `GET ${b}/authorities/:id/revoke`,
        {
          call: (w: World) => ({ url: `${b}/authorities/${w.victimAuthorityId}/revoke` }),
          expect: ADMIN_PAGE,
          why: 'The victim client: the confirmation (200), or the 409 page once its key is revoked (the API route revokes it first).',
        },
      ],
      [
        `POST ${b}/authorities/:id/revoke`,
        { call: (w: World) => ({ url: `${b}/authorities/${w.victimAuthorityId}/revoke`, form: {} }), expect: ADMIN_PAGE },
      ],
      [
        `GET ${b}/authorities/:id/webhook`,
        { call: (w: World) => ({ url: `${b}/authorities/${w.authorityClientId}/webhook` }), expect: ADMIN_PAGE },
      ],
      [
        `POST ${b}/authorities/:id/webhook`,
        {
          call: (w: World) => ({
            url: `${b}/authorities/${w.authorityClientId}/webhook`,
            form: { url: 'https://hooks.example.org/pobyt' },
          }),
          expect: ADMIN_PAGE,
        },
      ],
      [`GET ${b}/webhooks`, page(`${b}/webhooks`)],
      [
        `POST ${b}/webhooks/dead-letters/:id/replay`,
        {
          call: (w: World) => ({ url: `${b}/webhooks/dead-letters/${w.deadLetterId}/replay`, form: {} }),
          expect: ADMIN_PAGE,
          why: 'Replayed (303), or the 409 page when it was replayed already or the process runs no job queue.',
        },
      ],
    ];
  }),
);

export const DECLS: Record<string, Declaration> = {
  'GET /api/v1/admin/staff': { call: () => ({ url: '/api/v1/admin/staff' }), expect: ADMIN_API },
  'POST /api/v1/admin/staff/:id/deactivate': {
    call: () => ({ url: `/api/v1/admin/staff/${NO_SUCH_USER}/deactivate` }),
    expect: { ...ADMIN_API, admin: 404 },
    why: NO_ACCOUNT_TO_SPARE,
  },
  'GET /api/v1/admin/partner-orgs': { call: () => ({ url: '/api/v1/admin/partner-orgs' }), expect: ADMIN_API },
  ...PAGES,
};
