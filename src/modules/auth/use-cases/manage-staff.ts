/**
 * Staff accounts as an administrator manages them: create, list, deactivate. The permission check and
 * the audit event are here, so the API and the administration pages run the same code.
 */
import { AppError, GenericErrors } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { requirePermission } from '../domain/permissions.ts';
import type { Role, StaffCtx } from '../domain/staff-actor.ts';
import { deactivateStaffUser, listStaffUsers } from '../db/auth.queries.ts';
import { AuthErrors } from '../auth.errors.ts';
import { createStaffUser, type NewStaffUser } from './create-staff-user.ts';

export interface StaffUserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  officeId: string | null;
  orgId: string | null;
  active: boolean;
  createdAt: Date;
}

/**
 * Creates an account (the same rules as `createStaffUser`) and audits it in one transaction.
 * @throws AUTH.FORBIDDEN, VALIDATION.FAILED (short password, missing or unknown office or organisation), AUTH.USERNAME_TAKEN
 */
export async function createStaff(ctx: StaffCtx, u: NewStaffUser) {
  requirePermission(ctx.actor, 'staff.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const r = await createStaffUser(trx, u);
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'staff.created',
      entityType: 'staff_user',
      entityId: r.id,
      requestId: ctx.requestId,
      after: { role: r.role },
    });
    return { id: r.id, username: r.username, role: r.role, officeId: r.office_id, orgId: r.org_id };
  });
}

/** Every staff account, active or not, by username; never a password hash. @throws AUTH.FORBIDDEN */
export async function listStaff(ctx: StaffCtx): Promise<StaffUserRow[]> {
  requirePermission(ctx.actor, 'staff.manage');
  return (await listStaffUsers(ctx.db)).map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    officeId: r.office_id,
    orgId: r.org_id,
    active: r.active,
    createdAt: new Date(r.created_at),
  }));
}

/**
 * Deactivates an account: it can no longer sign in, and its sessions end at once (they are deleted in
 * the same transaction). An administrator cannot deactivate their own account (nobody could be left to
 * undo it).
 * @throws AUTH.FORBIDDEN, NOT_FOUND, AUTH.SELF_DEACTIVATION, AUTH.ALREADY_INACTIVE
 */
export async function deactivateStaff(ctx: StaffCtx, id: string): Promise<{ id: string; sessionsEnded: number }> {
  requirePermission(ctx.actor, 'staff.manage');
  if (id === ctx.actor.id) throw new AppError(AuthErrors.SELF_DEACTIVATION, 'You cannot deactivate your own account.');
  return ctx.db.transaction().execute(async (trx) => {
    const r = await deactivateStaffUser(trx, id);
    if (r.outcome !== 'done')
      throw r.outcome === 'missing'
        ? new AppError(GenericErrors.NOT_FOUND, 'No staff user with that id.')
        : new AppError(AuthErrors.ALREADY_INACTIVE, 'That account was already deactivated.');
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'staff.deactivated',
      entityType: 'staff_user',
      entityId: id,
      requestId: ctx.requestId,
      after: { active: false, sessionsEnded: r.sessionsEnded },
    });
    return { id, sessionsEnded: r.sessionsEnded };
  });
}
