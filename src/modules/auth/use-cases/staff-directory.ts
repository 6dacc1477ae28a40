/** What other modules may ask about staff users, without reading staff_users themselves. */
import type { Db, Trx } from '../../../platform/db/db.ts';
import { findActiveStaffRole, findStaffByIds, listOfficeStaff, listOfficerNames } from '../db/auth.queries.ts';

/** Whether `id` is an active officer or supervisor (who may be assigned casework). */
export async function isActiveOfficer(db: Db | Trx, id: string): Promise<boolean> {
  const u = await findActiveStaffRole(db, id);
  return !!u && (u.role === 'officer' || u.role === 'supervisor');
}

export interface StaffMember {
  id: string;
  displayName: string;
  role: string;
  officeId: string | null;
  active: boolean;
}

/** Staff members by id (who holds a case, who acted): unknown ids are left out. */
export async function staffMembers(db: Db | Trx, ids: readonly string[]): Promise<Map<string, StaffMember>> {
  const rows = await findStaffByIds(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, { id: r.id, displayName: r.display_name, role: r.role, officeId: r.office_id, active: r.active }]));
}

/** The active officers and supervisors of an office (whom a supervisor may assign a case to). */
export async function officeCaseworkers(db: Db | Trx, officeId: string): Promise<{ id: string; displayName: string; role: string }[]> {
  return (await listOfficeStaff(db, officeId)).map((r) => ({ id: r.id, displayName: r.display_name, role: r.role }));
}

export { findActorByUsername, hasStaffUsers } from '../db/auth.queries.ts';

/** Who may be assigned casework (active officers and supervisors), or the named ones: id, name, office. */
export async function listOfficers(db: Db | Trx, ids?: readonly string[]) {
  const rows = await listOfficerNames(db, ids);
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, username: r.username, officeId: r.office_id, role: r.role }));
}

/** Display names of staff users by id (deactivated ones too: a job history names who started a run years ago). */
export async function staffNames(db: Db | Trx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('staff_users').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
