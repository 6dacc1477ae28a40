/**
 * Authority reads from a streaming replica (server tier only: a replica is a second PostgreSQL
 * cluster, started by scripts/replica.sh). Verification and the feed read the replica when it is
 * fresh; a cancellation or an extension is never answered stale beyond REPLICA_MAX_LAG_MS; a lagging
 * or stopped replica hands the reads to the primary and verification carries on.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import pg from 'pg';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { seedVisas } from '../support/seed-visas.ts';
import { ensureReplica, replicaRouterFor, replicaScript, replicaUrlFor } from '../support/replica.ts';
import type { ReplicaRouter } from '../../src/platform/db/replica.ts';

const primaryUrl = process.env.TEST_DATABASE_URL;
const server = dbTiers().find((t) => t.name === 'postgres');
const replicaBase = server ? ensureReplica(primaryUrl) : null;
// Generous: the machine running the tests may be loaded far beyond its cores.
const MAX_LAG_MS = 1500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(what: string, ok: () => Promise<boolean> | boolean, timeoutMs = 15_000) {
  const end = performance.now() + timeoutMs;
  while (!(await ok())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('authority reads from a streaming replica [postgres]', { skip: replicaBase ? false : 'no server tier or no replica here' }, () => {
  let t: TestApp;
  let replica: ReplicaRouter;
  let replicaUrl: string;
  let apiKey: string;
  const visa = (tag: string, n: number) => `VT-${tag.toUpperCase()}${String(n).padStart(8, '0')}`;
  const verify = (visaNumber: string) =>
    t.call('POST', '/api/v1/authority/verify', { headers: { 'x-api-key': apiKey }, body: { visaNumber } });
  const streaming = () => replica.fresh();
  /** Runs `call` until the replica answers it (it may have become stale in between on a loaded machine); at most 10 tries. */
  async function onTheReplica<T>(call: () => Promise<T>): Promise<T> {
    for (let i = 0; i < 10; i++) {
      await until('the replica to be fresh', streaming);
      const before = replica.lag().reads.replica;
      const r = await call();
      if (replica.lag().reads.replica > before) return r;
    }
    assert.fail('the replica never answered');
  }
  /** The visa as the replica has it now, read directly. */
  async function onReplica(visaNumber: string) {
    const c = new pg.Client({ connectionString: replicaUrl });
    await c.connect();
    try {
      return (await c.query('select status, valid_to::text as valid_to from visas where visa_number = $1', [visaNumber])).rows[0];
    } finally {
      await c.end();
    }
  }

  before(async () => {
    const handle = await server!.open();
    replica = await replicaRouterFor(handle, replicaBase!, { maxLagMs: MAX_LAG_MS, pollMs: 25 });
    replicaUrl = await replicaUrlFor(handle, replicaBase!);
    t = await startTestApp(handle, { now: '2023-01-02T09:00:00Z', replica });
    const sylva = await t.handle.db.selectFrom('staff_users').select('id').where('username', '=', 'sylva').executeTakeFirstOrThrow();
    // Eligible for the tolerance extension of 2023 (to the end of March 2024), and some to cancel.
    await seedVisas(t.handle.db, 'PHA-ZUK', sylva.id, {
      n: 20,
      tag: 'ext',
      issuedOn: '2022-06-01',
      validTo: '2023-03-31',
      warRelated: true,
    });
    await seedVisas(t.handle.db, 'PHA-ZUK', sylva.id, {
      n: 20,
      tag: 'can',
      issuedOn: '2022-06-01',
      validTo: '2023-12-31',
      warRelated: false,
    });
    const a = await t.call('POST', '/api/v1/admin/authorities', { as: 'adam', body: { name: 'VZP', kind: 'health_insurance' } });
    assert.equal(a.status, 201);
    apiKey = a.body.apiKey;
    await until('the replica to stream', streaming);
  });
  after(async () => {
    // Whatever a test did, leave the replica running and replaying for the next run.
    const c = new pg.Client({ connectionString: replicaUrl });
    await c
      .connect()
      .then(() => c.query('select pg_wal_replay_resume()'))
      .catch(() => {});
    await c.end().catch(() => {});
    replicaScript('start', primaryUrl!);
    await t?.close();
  });

  test('a verification is answered from the replica, its audit row is written on the primary, and /ready shows the lag', async () => {
    await until('the replica to have the test data', async () => (await onReplica(visa('can', 1)))?.status === 'valid');
    await until('the replica to be fresh', streaming);
    const audits = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from audit_events where action = 'authority.verify'`.execute(t.handle.db))
        .rows[0]!.n;
    const before = await audits();
    const r = await onTheReplica(() => verify(visa('can', 1)));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.status, 'valid');
    assert.ok((await audits()) > before, 'audited on the primary');
    const sameRequest = await sql<{ n: number }>`select count(*)::int as n from audit_events where action = 'authority.verify'
      and request_id = (select request_id from audit_events where action = 'authority.verify' order by id desc limit 1)`.execute(
      t.handle.db,
    );
    assert.equal(sameRequest.rows[0]!.n, 1, 'one audit row per answer');
    const ready = await t.call('GET', '/ready');
    assert.equal(ready.status, 200);
    assert.equal(ready.body.replica.state, 'streaming');
    assert.equal(ready.body.replica.maxLagMs, MAX_LAG_MS);
    assert.ok(ready.body.replica.lagMs >= 0 && ready.body.replica.lagMs < MAX_LAG_MS, JSON.stringify(ready.body));
    const metrics = await t.call('GET', '/metrics');
    assert.equal(metrics.status, 200);
    assert.match(metrics.body, /^pobyt_replica_state\{state="streaming"\} 1$/m);
    assert.match(metrics.body, /^pobyt_replica_lag_seconds \d/m);
    assert.match(metrics.body, /^pobyt_replica_reads\{served_by="replica"\} [1-9]/m);
    // A wrong key is refused on the replica path as on the primary.
    const bad = await t.call('POST', '/api/v1/authority/verify', {
      headers: { 'x-api-key': `${apiKey.slice(0, -2)}xx` },
      body: { visaNumber: visa('can', 1) },
    });
    assert.equal(bad.status, 401);
  });

  test('a cancellation verified at once: the replica already has it, or the primary answers', async (ctx) => {
    let fromReplica = 0;
    for (let n = 2; n <= 9; n++) {
      await until('the replica to be fresh', streaming);
      const c = await t.call('POST', `/api/v1/visas/${visa('can', n)}/cancel`, { as: 'sylva', body: { ground: 'holder_request' } });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      const before = replica.lag().reads;
      const r = await verify(visa('can', n));
      assert.equal(r.status, 200);
      assert.equal(r.body.status, 'cancelled', `visa ${n} answered stale`);
      const reads = replica.lag().reads;
      if (reads.replica > before.replica) {
        fromReplica++;
        assert.equal((await onReplica(visa('can', n)))?.status, 'cancelled');
      } else assert.equal(reads.primary, before.primary + 1);
    }
    // Not asserted: whether the replica had caught up within the fence's poll (timing), only that no answer was stale.
    ctx.diagnostic(`cancellations answered by the replica: ${fromReplica}/8`);
  });

  test('a mass extension verified as soon as its job has finished shows the new validity', async () => {
    await until('the replica to be fresh', streaming);
    const start = await t.call('POST', '/api/v1/visas/extensions', { as: 'sylva', body: { rule: 'auto_extension.tolerance_2023' } });
    assert.equal(start.status, 202, JSON.stringify(start.body));
    await until('the job', async () => (await t.call('GET', start.body.status, { as: 'sylva' })).body.status === 'succeeded');
    for (const n of [1, 7, 20]) {
      const r = await verify(visa('ext', n));
      assert.equal(r.status, 200);
      assert.equal(r.body.validTo, '2024-03-31', `visa ${n} answered with the old validity`);
    }
  });

  test('a change made elsewhere (no fence): stale at most within the bound, and from the primary while the replica lags', async () => {
    await until('the replica to be fresh', streaming);
    const c = new pg.Client({ connectionString: replicaUrl });
    await c.connect();
    try {
      await c.query('select pg_wal_replay_pause()');
      // Another process cancels: this one is not told.
      await sql`update visas set status = 'cancelled', cancelled_on = date '2023-01-02' where visa_number = ${visa('can', 10)}`.execute(
        t.handle.db,
      );
      const committed = performance.now();
      const r1 = await verify(visa('can', 10));
      const answered = performance.now();
      assert.equal(r1.status, 200);
      if (r1.body.status !== 'cancelled') assert.ok(answered - committed < MAX_LAG_MS, 'a stale answer only within the bound');
      await sleep(MAX_LAG_MS + 100);
      assert.equal(replica.lag().state, 'lagging');
      const ready = await t.call('GET', '/ready');
      assert.equal(ready.status, 200, 'a lagging replica does not make the process unready');
      assert.equal(ready.body.replica.state, 'lagging');
      assert.ok(ready.body.replica.lagMs >= MAX_LAG_MS);
      const before = replica.lag().reads;
      const r2 = await verify(visa('can', 10));
      assert.equal(r2.body.status, 'cancelled', 'past the bound the answer is fresh');
      assert.equal(replica.lag().reads.primary, before.primary + 1, 'from the primary');
      assert.equal((await onReplica(visa('can', 10)))?.status, 'valid', 'the replica still had the old state');
    } finally {
      await c.query('select pg_wal_replay_resume()');
      await c.end();
    }
    assert.equal((await onTheReplica(() => verify(visa('can', 10)))).body.status, 'cancelled', 'back on the replica');
  });

  test('the feed reads the replica', async () => {
    const f = await onTheReplica(() => t.call('GET', '/api/v1/authority/events?after=0&limit=1000', { headers: { 'x-api-key': apiKey } }));
    assert.equal(f.status, 200);
    const kinds = f.body.events.map((e: { kind: string }) => e.kind);
    assert.ok(kinds.filter((k: string) => k === 'visa.cancelled').length >= 8, JSON.stringify(kinds));
    assert.equal(kinds.filter((k: string) => k === 'visa.extended').length, 20);
  });

  test('the replica stopped: verification carries on from the primary, and returns to the replica once it is back', async () => {
    await until('the replica to be fresh', streaming);
    replicaScript('stop', primaryUrl!);
    try {
      for (let i = 0; i < 20; i++) {
        const r = await verify(visa('can', 11 + (i % 5)));
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.equal(r.body.status, 'valid');
      }
      await until('the router to see it down', () => replica.lag().state === 'down');
      const ready = await t.call('GET', '/ready');
      assert.equal(ready.status, 200);
      assert.equal(ready.body.replica.state, 'down');
      assert.match((await t.call('GET', '/metrics')).body, /^pobyt_replica_state\{state="down"\} 1$/m);
      const before = replica.lag().reads;
      const c = await t.call('POST', `/api/v1/visas/${visa('can', 16)}/cancel`, { as: 'sylva', body: { ground: 'holder_request' } });
      assert.equal(c.status, 200);
      assert.equal((await verify(visa('can', 16))).body.status, 'cancelled');
      assert.equal(replica.lag().reads.primary, before.primary + 1);
    } finally {
      replicaScript('start', primaryUrl!);
    }
    assert.equal((await onTheReplica(() => verify(visa('can', 16)))).body.status, 'cancelled', 'back on the replica');
  });
});
