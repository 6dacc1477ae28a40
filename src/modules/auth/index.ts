/** The auth module's public surface: other modules import auth only from here. */
export { AuthErrors } from './auth.errors.ts';
export { isStaffActor, type Role, type StaffActor, type StaffCtx } from './domain/staff-actor.ts';
export { can, requireOffice, requirePermission, type Permission } from './domain/permissions.ts';
export { resolveSession } from './use-cases/sessions.ts';
export { createStaffUser, type NewStaffUser } from './use-cases/create-staff-user.ts';
export { authRoutes, SESSION_COOKIE } from './http/auth.routes.ts';
export { staffCtx } from './http/staff-ctx.ts';
