/** Turns PostgreSQL error codes into domain error codes (house style: the db layer does this, not HTTP). */
import { AppError, DbErrors } from './errors.ts';

export function pgErrorCode(err: unknown): string | null {
  if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string') {
    return (err as { code: string }).code;
  }
  return null;
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (pgErrorCode(err) !== '23505') return false;
  if (!constraint) return true;
  const c = (err as { constraint?: string }).constraint;
  return c === constraint;
}

/**
 * 23505 unique → `onUnique` (a module's own code; DB.UNIQUE_VIOLATION by default); 23P01 exclusion,
 * 40001 serialization, 40P01 deadlock → DB.CONCURRENT_CHANGE.
 */
export function mapPgError(err: unknown, onUnique: string = DbErrors.UNIQUE_VIOLATION): unknown {
  switch (pgErrorCode(err)) {
    case '23505':
      return new AppError(onUnique, 'The change conflicts with an existing record.');
    case '23P01':
    case '40001':
    case '40P01':
      return new AppError(DbErrors.CONCURRENT_CHANGE, 'A concurrent change won; reload and try again.');
    default:
      return err;
  }
}
