/**
 * /metrics: scraped before and after requests, the named series move — request durations by route
 * pattern (never the raw URL) and status, the pool, a mass extension's progress while it runs, the
 * webhook dead letters; and only the operator may read it (token, or direct loopback).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { seedVisas } from '../support/seed-visas.ts';
import { extendVisas } from '../../src/modules/visas/index.ts';

const RULE = 'auto_extension.tolerance_2023';

/** The value of one sample in Prometheus text format, by name and exact labels; undefined when absent. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[3] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    const want = Object.entries(labels);
    if (want.length === Object.keys(got).length && want.every(([k, v]) => got[k] === v)) return Number(m[4]);
  }
  return undefined;
}

for (const tier of dbTiers()) {
  describe(`metrics [${tier.name}]`, () => {
    let t: TestApp;
    let guarded: TestApp;
    const scrape = async (app = t) => {
      const r = await app.call('GET', '/metrics');
      assert.equal(r.status, 200);
      assert.match(String(r.headers['content-type']), /^text\/plain/);
      return String(r.body);
    };
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2023-01-02T09:00:00Z' });
    });
    after(async () => {
      await t.close();
      await guarded?.close();
    });

    test('request durations per route pattern and status move after requests; no raw URL', async () => {
      const health = { method: 'GET', route: '/health', status_code: '200' };
      const job = { method: 'GET', route: '/api/v1/jobs/:id', status_code: '404' };
      const before = await scrape();
      const h0 = sample(before, 'pobyt_http_request_duration_seconds_count', health) ?? 0;
      const j0 = sample(before, 'pobyt_http_request_duration_seconds_count', job) ?? 0;
      await t.call('GET', '/health');
      await t.call('GET', '/health');
      const id = randomUUID();
      assert.equal((await t.call('GET', `/api/v1/jobs/${id}`, { as: 'sylva' })).status, 404);
      const text = await scrape();
      assert.equal(sample(text, 'pobyt_http_request_duration_seconds_count', health), h0 + 2);
      assert.equal(sample(text, 'pobyt_http_request_duration_seconds_count', job), j0 + 1);
      assert.ok((sample(text, 'pobyt_http_request_duration_seconds_sum', job) ?? 0) > 0);
      assert.ok(!text.includes(id), 'the raw URL (with its id) is not a label');
      // the sign-in route, and a URL no route matches, under one label
      await t.call('GET', `/nowhere/${id}`);
      const text2 = await scrape();
      assert.equal(
        sample(text2, 'pobyt_http_request_duration_seconds_count', { method: 'GET', route: 'unmatched', status_code: '404' }),
        1,
      );
      assert.ok(!text2.includes('/nowhere'));
    });

    test('pool and process series are there', async () => {
      const text = await scrape();
      assert.ok((sample(text, 'pobyt_db_pool_connections', { state: 'total' }) ?? 0) >= 1);
      assert.notEqual(sample(text, 'pobyt_db_pool_connections', { state: 'waiting' }), undefined);
      assert.ok((sample(text, 'process_resident_memory_bytes') ?? 0) > 0);
      assert.equal(sample(text, 'pobyt_metrics_source_up', { source: 'pobyt_job_runs' }), 1);
      assert.equal(sample(text, 'pobyt_metrics_source_up', { source: 'pobyt_webhook_queue_jobs' }), 1);
    });

    test('a mass extension shows its progress while it runs, then as succeeded', async () => {
      const admin = await t.handle.db.selectFrom('staff_users').select('id').where('username', '=', 'adam').executeTakeFirstOrThrow();
      await seedVisas(t.handle.db, 'PHA-ZUK', admin.id, {
        n: 25,
        tag: 'mx',
        issuedOn: '2022-06-01',
        validTo: '2023-03-31',
        warRelated: true,
      });
      const seen: (number | undefined)[][] = [];
      const done0 = sample(await scrape(), 'pobyt_job_runs', { kind: 'visa.extend', status: 'succeeded' }) ?? 0;
      await extendVisas(t.handle.db, {
        ruleId: RULE,
        batchSize: 10,
        afterBatch: async () => {
          const text = await scrape();
          seen.push([
            sample(text, 'pobyt_job_running_items', { kind: 'visa.extend', count: 'done' }),
            sample(text, 'pobyt_job_running_items', { kind: 'visa.extend', count: 'total' }),
            sample(text, 'pobyt_job_runs', { kind: 'visa.extend', status: 'running' }),
          ]);
        },
      });
      assert.deepEqual(seen, [
        [10, 25, 1],
        [20, 25, 1],
        [25, 25, 1],
      ]);
      const text = await scrape();
      assert.equal(sample(text, 'pobyt_job_runs', { kind: 'visa.extend', status: 'succeeded' }), done0 + 1);
      assert.equal(sample(text, 'pobyt_job_running_items', { kind: 'visa.extend', count: 'done' }), undefined);
    });

    test('webhook dead letters are counted until replayed', async () => {
      const key = await t.call('POST', '/api/v1/admin/authorities', {
        as: 'adam',
        body: { name: 'Metrics police', kind: 'labour_office' },
      });
      assert.equal(key.status, 201);
      const n0 = sample(await scrape(), 'pobyt_webhook_dead_letters');
      assert.equal(n0, 0);
      const d = await t.handle.db
        .insertInto('webhook_dead_letters')
        .values({ client_id: key.body.id, seq: '1', error: 'retries exhausted' })
        .returning('id')
        .executeTakeFirstOrThrow();
      assert.equal(sample(await scrape(), 'pobyt_webhook_dead_letters'), 1);
      await t.handle.db.updateTable('webhook_dead_letters').set({ replayed_at: new Date() }).where('id', '=', d.id).execute();
      assert.equal(sample(await scrape(), 'pobyt_webhook_dead_letters'), 0);
      assert.equal(sample(await scrape(), 'pobyt_webhook_queue_jobs', { state: 'created' }), 0);
    });

    test('without a token only a direct loopback connection may read; with one, only its bearer', async () => {
      const proxied = await t.app.inject({ method: 'GET', url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } });
      assert.equal(proxied.statusCode, 403);
      assert.equal(proxied.json().code, 'METRICS.FORBIDDEN');
      const far = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9' });
      assert.equal(far.statusCode, 403);

      guarded = await startTestApp(await tier.open(), { env: { METRICS_TOKEN: 'scrape-secret-0123456789' } });
      assert.equal((await guarded.app.inject({ method: 'GET', url: '/metrics' })).statusCode, 403);
      const wrong = await guarded.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: 'Bearer scrape-secret-012345678X' },
      });
      assert.equal(wrong.statusCode, 403);
      const right = await guarded.app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress: '203.0.113.9',
        headers: { authorization: 'Bearer scrape-secret-0123456789' },
      });
      assert.equal(right.statusCode, 200);
      assert.ok(sample(right.body, 'pobyt_db_pool_connections', { state: 'total' }) !== undefined);
    });
  });
}
