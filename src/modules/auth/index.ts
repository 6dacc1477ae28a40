/** The auth module's public surface: permissions, staff users and sessions. Other modules import from here only. */
export { can, requireOffice, requirePermission, type Permission } from './domain/permissions.ts';
export { createStaffUser, type NewStaffUser } from './use-cases/create-staff-user.ts';
export { createStaff, deactivateStaff, listStaff, type StaffUserRow } from './use-cases/manage-staff.ts';
export {
  findActorByUsername,
  hasStaffUsers,
  isActiveOfficer,
  listOfficers,
  officeCaseworkers,
  staffMembers,
  staffNames,
  type StaffMember,
} from './use-cases/staff-directory.ts';
export { logIn, logOut, resolveSession, type LoginResult } from './use-cases/sessions.ts';
export { authRoutes, loginLockout, loginRateLimit, SESSION_COOKIE } from './http/auth.routes.ts';
export { AuthErrors } from './auth.errors.ts';
export { isStaffActor, type Role, type StaffActor, type StaffCtx } from './domain/staff-actor.ts';
export { staffCtx } from './http/staff-ctx.ts';
