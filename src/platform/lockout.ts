/**
 * A lockout that grows: `failures` failed attempts for one key (an account's username) within
 * `windowMs` lock that key for `lockMs`; each further lock doubles, up to `maxLockMs`. A success resets
 * the key. A key quiet for a day (no failure, not locked) is forgotten, and with it its growth.
 *
 * Behind `LockoutStore` so a shared store (issue 14) can replace the in-memory one; the arithmetic is
 * the pure `lockoutStep`, which any store applies to the state it keeps.
 */

export interface LockoutPolicy {
  /** Failures within the window that start a lock; 0 turns the lockout off. */
  failures: number;
  windowMs: number;
  /** The first lock; each further one is twice the one before, capped at `maxLockMs`. */
  lockMs: number;
  maxLockMs: number;
}

export interface LockoutState {
  /** Times (ms since the epoch) of the failures in the current window, oldest first. */
  failures: number[];
  /** Locks started since the key was last reset or forgotten. */
  locks: number;
  lockedUntil: number;
  lastFailure: number;
}

export interface LockoutStore {
  /** Milliseconds until `key` may try again; 0 when it may now. */
  lockedFor(key: string, now: Date): Promise<number>;
  /** Counts one failure; returns the length of the lock it started (ms), or 0. */
  fail(key: string, now: Date): Promise<number>;
  /** A success: the key starts afresh. */
  reset(key: string): Promise<void>;
}

/** After a day with no failure an unlocked key is forgotten (its growth too). */
export const LOCKOUT_MEMORY_MS = 24 * 3600_000;

export const EMPTY_LOCKOUT: LockoutState = { failures: [], locks: 0, lockedUntil: 0, lastFailure: 0 };

/** Whether `s` still matters at `now` (otherwise it may be dropped). */
export function lockoutLive(s: LockoutState, now: number): boolean {
  return s.lockedUntil > now || now - s.lastFailure < LOCKOUT_MEMORY_MS;
}

/** The state after one failure at `now`, and the lock (ms) it started, if any. */
export function lockoutStep(prev: LockoutState, p: LockoutPolicy, now: number): { state: LockoutState; lockMs: number } {
  const s = lockoutLive(prev, now) ? prev : EMPTY_LOCKOUT;
  const failures = [...s.failures.filter((t) => now - t < p.windowMs), now];
  if (p.failures <= 0 || failures.length < p.failures) return { state: { ...s, failures, lastFailure: now }, lockMs: 0 };
  const lockMs = Math.min(p.maxLockMs, p.lockMs * 2 ** Math.min(s.locks, 30));
  return { state: { failures: [], locks: s.locks + 1, lockedUntil: now + lockMs, lastFailure: now }, lockMs };
}

/**
 * Per process, in memory, at most `maxKeys` keys (the oldest touched is dropped first, so a flood of
 * made-up usernames costs bounded memory).
 */
export function memoryLockout(policy: LockoutPolicy, maxKeys = 100_000): LockoutStore {
  const keys = new Map<string, LockoutState>();
  const touch = (key: string, s: LockoutState) => {
    keys.delete(key);
    keys.set(key, s);
    while (keys.size > maxKeys) keys.delete(keys.keys().next().value as string);
  };
  return {
    async lockedFor(key, now) {
      const s = keys.get(key);
      if (!s) return 0;
      if (!lockoutLive(s, now.getTime())) {
        keys.delete(key);
        return 0;
      }
      return Math.max(0, s.lockedUntil - now.getTime());
    },
    async fail(key, now) {
      if (policy.failures <= 0) return 0;
      const { state, lockMs } = lockoutStep(keys.get(key) ?? EMPTY_LOCKOUT, policy, now.getTime());
      touch(key, state);
      return lockMs;
    },
    async reset(key) {
      keys.delete(key);
    },
  };
}
