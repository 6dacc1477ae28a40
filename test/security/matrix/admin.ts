/**
 * The administration's routes in the access matrix: the admin API added with the pages (staff list and
 * deactivation, the partner-organisation list) and the administration pages. Only an admin; the other
 * staff get 403 (the API) or the 403 page; whoever holds no staff session gets 401 (the API) or is sent
 * to sign in (the pages).
 */
import type { Declaration, Expectations } from '../access-matrix.ts';

const ADMIN_API: Expectations = {
  anonymous: 401,
  authority: 401,
  holder: 401,
  officerA: 403,
  officerB: 403,
  supervisor: 403,
  admin: 'ok',
  ngoA: 403,
  ngoB: 403,
};

/** No such account: the admin passes the permission check and reaches the lookup (404); the others stop before it. */
const NO_SUCH_USER = '7f1b7e5e-0000-4000-8000-000000000000';

export const DECLS: Record<string, Declaration> = {
  'GET /api/v1/admin/staff': { call: () => ({ url: '/api/v1/admin/staff' }), expect: ADMIN_API },
  'POST /api/v1/admin/staff/:id/deactivate': {
    call: () => ({ url: `/api/v1/admin/staff/${NO_SUCH_USER}/deactivate` }),
    expect: { ...ADMIN_API, admin: 404 },
    why: 'The world holds no account to spare (deactivating a seeded one would end its later calls): an unknown id, which only the admin gets as far as looking up; the success path is in test/api/admin.test.ts.',
  },
  'GET /api/v1/admin/partner-orgs': { call: () => ({ url: '/api/v1/admin/partner-orgs' }), expect: ADMIN_API },
};
