/**
 * Rate limits in a shared store: two apps with nothing in common but Redis (each on its own database,
 * as two processes would be) count against one limit — sign-in attempts and failed authority keys
 * alike; with another key prefix (another deployment) the count is separate. Needs Redis at
 * REDIS_URL (default redis://127.0.0.1:6379); skipped without it unless REQUIRE_REDIS=1.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

async function redisUp(): Promise<boolean> {
  const r = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0 });
  r.on('error', () => {});
  try {
    await r.connect();
    await r.ping();
    return true;
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

const up = await redisUp();
if (!up && process.env.REQUIRE_REDIS === '1') throw new Error(`REQUIRE_REDIS=1 but no Redis answers at ${REDIS_URL}`);
const wrongKey = () => `pbk_${randomBytes(6).toString('hex')}_${randomBytes(24).toString('base64url')}`;

for (const tier of dbTiers()) {
  describe(`shared rate limits in Redis [${tier.name}]`, { skip: up ? false : `no Redis at ${REDIS_URL}` }, () => {
    const prefix = `pobyt-test:${randomBytes(6).toString('hex')}:`;
    const env = { REDIS_URL, RATE_LIMIT_PREFIX: prefix, LOGIN_ATTEMPTS_PER_MINUTE: '4', AUTHORITY_KEY_FAILURES_PER_MINUTE: '3' };
    let a: TestApp;
    let b: TestApp;
    let other: TestApp;
    before(async () => {
      [a, b, other] = await Promise.all([
        startTestApp(await tier.open(), { env }),
        startTestApp(await tier.open(), { env }),
        startTestApp(await tier.open(), { env: { ...env, RATE_LIMIT_PREFIX: `${prefix}other:` } }),
      ]);
    });
    after(async () => {
      // Closing three apps at once may reject a rate-limit command still in flight with ioredis's
      // "Connection is closed": teardown only, so settle all of them rather than stop at the first.
      await Promise.allSettled([a?.close(), b?.close(), other?.close()]);
      const r = new Redis(REDIS_URL);
      const keys = await r.keys(`${prefix}*`);
      if (keys.length) await r.del(...keys);
      r.disconnect();
    });

    const login = (t: TestApp, ip: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: ip,
        payload: { username: 'olga', password: 'wrong-password-1' },
      });
    const verify = (t: TestApp, ip: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/authority/verify',
        remoteAddress: ip,
        headers: { 'x-api-key': wrongKey() },
        payload: { visaNumber: 'VS-X' },
      });

    test('sign-in attempts from one address count once across both apps', async () => {
      for (const t of [a, b, a, b]) assert.notEqual((await login(t, '10.9.0.1')).statusCode, 429);
      const fifth = await login(b, '10.9.0.1');
      assert.equal(fifth.statusCode, 429);
      assert.equal(fifth.json().code, 'RATE_LIMITED');
      assert.equal((await login(a, '10.9.0.1')).statusCode, 429);
      // another address, and another deployment's prefix, count on their own
      assert.notEqual((await login(a, '10.9.0.2')).statusCode, 429);
      assert.notEqual((await login(other, '10.9.0.1')).statusCode, 429);
    });

    test('failed authority keys from one address count once across both apps (the failure limit)', async () => {
      assert.equal((await verify(a, '10.9.1.1')).statusCode, 401);
      assert.equal((await verify(b, '10.9.1.1')).statusCode, 401);
      assert.equal((await verify(a, '10.9.1.1')).statusCode, 401);
      const fourth = await verify(b, '10.9.1.1');
      assert.equal(fourth.statusCode, 429);
      assert.equal((await verify(other, '10.9.1.1')).statusCode, 401);
      const r = new Redis(REDIS_URL);
      assert.ok((await r.keys(`${prefix}*`)).length > 0, 'the counters live in Redis under the prefix');
      r.disconnect();
    });
  });
}
