/** What other modules may ask about a staff account: its role, if it is active. */
import type { Db, Trx } from '../../../platform/db/db.ts';
import type { Role } from '../../../platform/context.ts';

export async function activeStaffRole(db: Db | Trx, id: string): Promise<Role | null> {
  const r = await db.selectFrom('staff_users').select('role').where('id', '=', id).where('active', '=', true).executeTakeFirst();
  return r?.role ?? null;
}
