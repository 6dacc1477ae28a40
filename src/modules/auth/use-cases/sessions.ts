/** Log in, log out and resolve a session token. Tokens are random 32 bytes; only their SHA-256 is stored. */
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../../platform/clock.ts';
import type { StaffActor } from '../domain/staff-actor.ts';
import type { Db } from '../../../platform/db/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { LockoutStore } from '../../../platform/lockout.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { deleteSession, findActorBySession, findUserByUsername, insertSession } from '../db/auth.queries.ts';
import { dummyHash, verifyPassword } from '../domain/passwords.ts';
import { AuthErrors } from '../auth.errors.ts';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  actor: StaffActor;
}

/**
 * With a lockout store, failures count per username (whether or not it exists) and a locked username
 * is refused before its password is tried; a success resets it.
 * @throws AUTH.INVALID_CREDENTIALS — the same error for an unknown user and a wrong password.
 * @throws AUTH.LOCKED — the same for every locked username, with `retryAfterSeconds`.
 */
export async function logIn(
  deps: { db: Db; clock: Clock; sessionTtlHours: number; requestId?: string | null; lockout?: LockoutStore },
  input: { username: string; password: string },
): Promise<LoginResult> {
  const username = input.username.toLowerCase();
  const lockKey = `login:${username}`;
  const wait = (await deps.lockout?.lockedFor(lockKey, deps.clock.now())) ?? 0;
  if (wait > 0) {
    const s = Math.ceil(wait / 1000);
    throw new AppError(AuthErrors.LOCKED, `Too many failed sign-ins for this username; try again in ${s} s.`, { retryAfterSeconds: s });
  }
  const user = await findUserByUsername(deps.db, username);
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), input.password);
  if (!user || !ok) {
    await deps.lockout?.fail(lockKey, deps.clock.now());
    throw new AppError(AuthErrors.INVALID_CREDENTIALS, 'Unknown username or wrong password.');
  }
  await deps.lockout?.reset(lockKey);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(deps.clock.now().getTime() + deps.sessionTtlHours * 3600_000);
  await deps.db.transaction().execute(async (trx) => {
    await insertSession(trx, hashToken(token), user.id, expiresAt);
    await writeAudit(trx, {
      actorId: user.id,
      action: 'auth.login',
      entityType: 'staff_user',
      entityId: user.id,
      requestId: deps.requestId,
    });
  });
  return {
    token,
    expiresAt,
    actor: {
      kind: 'staff',
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role,
      officeId: user.office_id,
      orgId: user.org_id,
    },
  };
}

export async function logOut(deps: { db: Db; requestId?: string | null }, token: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const userId = await deleteSession(trx, hashToken(token));
    if (userId)
      await writeAudit(trx, {
        actorId: userId,
        action: 'auth.logout',
        entityType: 'staff_user',
        entityId: userId,
        requestId: deps.requestId,
      });
  });
}

export function resolveSession(deps: { db: Db; clock: Clock }, token: string): Promise<StaffActor | null> {
  return findActorBySession(deps.db, hashToken(token), deps.clock.now());
}
