/** The growing lockout (pure arithmetic and the in-memory store) and the TRUST_PROXY setting. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.ts';
import { EMPTY_LOCKOUT, LOCKOUT_MEMORY_MS, lockoutStep, memoryLockout, type LockoutPolicy } from './lockout.ts';

const P: LockoutPolicy = { failures: 3, windowMs: 60_000, lockMs: 10_000, maxLockMs: 35_000 };

test('the lock starts at the n-th failure within the window and doubles up to the cap', () => {
  let s = EMPTY_LOCKOUT;
  const locks: number[] = [];
  let now = 0;
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < 3; i++) {
      const r = lockoutStep(s, P, now);
      s = r.state;
      if (i < 2) assert.equal(r.lockMs, 0);
      else locks.push(r.lockMs);
      now += 1000;
    }
    now = s.lockedUntil;
  }
  assert.deepEqual(locks, [10_000, 20_000, 35_000, 35_000]);
});

test('failures older than the window do not count; a day of quiet forgets the growth', () => {
  let s = lockoutStep(EMPTY_LOCKOUT, P, 0).state;
  s = lockoutStep(s, P, 30_000).state;
  const third = lockoutStep(s, P, 61_000);
  assert.equal(third.lockMs, 0, 'the first failure fell out of the window');
  const locked = lockoutStep(third.state, P, 62_000);
  assert.equal(locked.lockMs, 10_000);
  let q = locked.state;
  const later = 62_000 + LOCKOUT_MEMORY_MS;
  for (let i = 0; i < 2; i++) q = lockoutStep(q, P, later + i).state;
  assert.equal(lockoutStep(q, P, later + 2).lockMs, 10_000, 'after a quiet day the lock is the first one again');
});

test('the in-memory store: locked for the remaining time, reset by a success, bounded in keys, off at 0', async () => {
  const store = memoryLockout(P, 2);
  const at = (ms: number) => new Date(ms);
  for (let i = 0; i < 3; i++) await store.fail('a', at(i));
  assert.equal(await store.lockedFor('a', at(5_002)), 5_000);
  assert.equal(await store.lockedFor('a', at(12_002)), 0);
  await store.reset('a');
  for (let i = 0; i < 2; i++) await store.fail('a', at(20_000 + i));
  assert.equal(await store.lockedFor('a', at(20_002)), 0, 'two failures after the reset do not lock');
  for (let i = 0; i < 3; i++) await store.fail('b', at(i));
  await store.fail('c', at(0));
  await store.fail('d', at(0));
  assert.equal(await store.lockedFor('b', at(5)), 0, 'the oldest key was dropped to stay within two');
  const off = memoryLockout({ ...P, failures: 0 });
  for (let i = 0; i < 10; i++) await off.fail('a', at(i));
  assert.equal(await off.lockedFor('a', at(10)), 0);
});

test('TRUST_PROXY: off by default, a hop count, or a list of addresses and ranges; anything else refuses to boot', () => {
  assert.equal(loadConfig({}).trustProxy, false);
  assert.equal(loadConfig({ TRUST_PROXY: 'off' }).trustProxy, false);
  assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
  assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.10,::1,fd00::/8,loopback' }).trustProxy, [
    '10.0.0.0/8',
    '192.168.1.10',
    '::1',
    'fd00::/8',
    'loopback',
  ]);
  for (const bad of ['yes-please', '10.0.0.0/33', '10.0.0.1/8/2', 'example.org', '99'])
    assert.throws(() => loadConfig({ TRUST_PROXY: bad }), ConfigError, bad);
  assert.deepEqual(loadConfig({}).loginLockout, { failures: 5, windowMinutes: 15, lockSeconds: 60, maxLockSeconds: 3600 });
});
