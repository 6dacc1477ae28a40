import { sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db/db.ts';
import type { StaffActor } from '../domain/staff-actor.ts';

export async function findUserByUsername(db: Db | Trx, username: string) {
  return db.selectFrom('staff_users').selectAll().where('username', '=', username).where('active', '=', true).executeTakeFirst();
}

export async function insertSession(db: Db | Trx, tokenHash: string, userId: string, expiresAt: Date) {
  await db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt }).execute();
}

export async function deleteSession(db: Db | Trx, tokenHash: string) {
  const r = await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).returning('user_id').executeTakeFirst();
  return r?.user_id ?? null;
}

export async function findActorBySession(db: Db, tokenHash: string, now: Date): Promise<StaffActor | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.office_id', 'u.org_id'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('u.active', '=', true)
    .executeTakeFirst();
  return row
    ? {
        kind: 'staff',
        id: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        officeId: row.office_id,
        orgId: row.org_id,
      }
    : null;
}

export async function insertStaffUser(
  db: Db | Trx,
  u: {
    username: string;
    displayName: string;
    role: StaffActor['role'];
    officeId: string | null;
    orgId?: string | null;
    passwordHash: string;
  },
) {
  return db
    .insertInto('staff_users')
    .values({
      username: u.username,
      display_name: u.displayName,
      role: u.role,
      office_id: u.officeId,
      org_id: u.orgId ?? null,
      password_hash: u.passwordHash,
    })
    .returning(['id', 'username', 'role', 'office_id', 'org_id'])
    .executeTakeFirstOrThrow();
}

/** The role of an active staff user, or undefined (no such user, or deactivated). */
export function findActiveStaffRole(db: Db | Trx, id: string) {
  return db.selectFrom('staff_users').select(['id', 'role']).where('id', '=', id).where('active', '=', true).executeTakeFirst();
}

/** Staff users by id (active or not): who they are and where they work. */
export function findStaffByIds(db: Db | Trx, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('staff_users')
    .select(['id', 'display_name', 'role', 'office_id', 'active'])
    .where('id', 'in', [...ids])
    .execute();
}

/** The active officers and supervisors of an office, by name. */
export function listOfficeStaff(db: Db | Trx, officeId: string) {
  return db
    .selectFrom('staff_users')
    .select(['id', 'display_name', 'role'])
    .where('office_id', '=', officeId)
    .where('active', '=', true)
    .where('role', 'in', ['officer', 'supervisor'])
    .orderBy('display_name')
    .orderBy('id')
    .execute();
}

/** A staff user as the Actor they act as, by username (active or not), or null. */
export async function findActorByUsername(db: Db | Trx, username: string): Promise<StaffActor | null> {
  const u = await db
    .selectFrom('staff_users')
    .select(['id', 'username', 'display_name', 'role', 'office_id', 'org_id'])
    .where('username', '=', username)
    .executeTakeFirst();
  return u
    ? { kind: 'staff', id: u.id, username: u.username, displayName: u.display_name, role: u.role, officeId: u.office_id, orgId: u.org_id }
    : null;
}

/** Whether any staff user exists (a fresh installation has none). */
export async function hasStaffUsers(db: Db | Trx): Promise<boolean> {
  return (await db.selectFrom('staff_users').select('id').limit(1).execute()).length > 0;
}

/** Officers and supervisors, active ones only unless `ids` asks for named users (to show who holds something). */
export function listOfficerNames(db: Db | Trx, ids?: readonly string[]) {
  let q = db
    .selectFrom('staff_users')
    .select(['id', 'display_name', 'username', 'office_id', 'role'])
    .where('role', 'in', ['officer', 'supervisor']);
  q = ids ? (ids.length ? q.where('id', 'in', ids) : q.where(sql<boolean>`false`)) : q.where('active', '=', true);
  return q.orderBy('display_name').execute();
}

/** Every staff user (no password hash), by username. */
export function listStaffUsers(db: Db | Trx) {
  return db
    .selectFrom('staff_users')
    .select(['id', 'username', 'display_name', 'role', 'office_id', 'org_id', 'active', 'created_at'])
    .orderBy('username')
    .execute();
}

/**
 * Deactivates an active user (a conditional update: of two admins at once, one wins) and deletes their
 * sessions. `missing`: no such user; `inactive`: already deactivated.
 */
export async function deactivateStaffUser(
  db: Trx,
  id: string,
): Promise<{ outcome: 'done'; sessionsEnded: number } | { outcome: 'missing' | 'inactive' }> {
  const r = await db
    .updateTable('staff_users')
    .set({ active: false })
    .where('id', '=', id)
    .where('active', '=', true)
    .returning('id')
    .executeTakeFirst();
  if (!r) {
    const exists = await db.selectFrom('staff_users').select('id').where('id', '=', id).executeTakeFirst();
    return { outcome: exists ? 'inactive' : 'missing' };
  }
  const ended = await db.deleteFrom('sessions').where('user_id', '=', id).executeTakeFirst();
  return { outcome: 'done', sessionsEnded: Number(ended.numDeletedRows) };
}
