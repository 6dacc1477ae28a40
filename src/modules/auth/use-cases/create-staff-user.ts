import type { Db, Trx } from '../../../platform/db/db.ts';
import type { Role } from '../domain/staff-actor.ts';
import { AppError, fieldError, validationFailed } from '../../../platform/errors.ts';
import { isUniqueViolation, pgErrorCode } from '../../../platform/pg-errors.ts';
import { hashPassword } from '../domain/passwords.ts';
import { insertStaffUser } from '../db/auth.queries.ts';
import { AuthErrors } from '../auth.errors.ts';

export interface NewStaffUser {
  username: string;
  displayName: string;
  role: Role;
  officeId: string | null;
  orgId?: string | null;
  password: string;
}

/** @throws VALIDATION.FAILED (short password, officer without office, unknown office or organisation), AUTH.USERNAME_TAKEN */
export async function createStaffUser(db: Db | Trx, u: NewStaffUser) {
  const errors = [];
  if (u.password.length < 12) errors.push(fieldError('/password', 'TOO_SHORT', 'A password has at least 12 characters.'));
  if ((u.role === 'officer' || u.role === 'supervisor') && !u.officeId)
    errors.push(fieldError('/officeId', 'REQUIRED', 'Officers and supervisors belong to an office.'));
  if (u.role === 'caseworker' && !u.orgId) errors.push(fieldError('/orgId', 'REQUIRED', 'A caseworker belongs to a partner organisation.'));
  if (errors.length) throw validationFailed(errors);
  const passwordHash = await hashPassword(u.password);
  try {
    return await insertStaffUser(db, { ...u, username: u.username.toLowerCase(), passwordHash });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError(AuthErrors.USERNAME_TAKEN, 'That username is taken.', {
        fields: [fieldError('/username', 'TAKEN', 'That username is taken.')],
      });
    // An office or organisation that does not exist (foreign key): the caller's mistake, not ours.
    if (pgErrorCode(e) === '23503') {
      const field = /org/.test(String((e as { constraint?: string }).constraint ?? '')) ? '/orgId' : '/officeId';
      throw validationFailed([fieldError(field, 'NOT_FOUND', 'No such office or partner organisation.')]);
    }
    throw e;
  }
}
