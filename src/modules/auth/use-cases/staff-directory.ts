/** What other modules may ask about staff users, without reading staff_users themselves. */
import type { Db, Trx } from '../../../platform/db/db.ts';
import { findActiveStaffRole } from '../db/auth.queries.ts';

/** Whether `id` is an active officer or supervisor (who may be assigned casework). */
export async function isActiveOfficer(db: Db | Trx, id: string): Promise<boolean> {
  const u = await findActiveStaffRole(db, id);
  return !!u && (u.role === 'officer' || u.role === 'supervisor');
}

export { findActorByUsername, hasStaffUsers, staffDisplayNames } from '../db/auth.queries.ts';
