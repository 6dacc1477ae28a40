/** The 2023 automatic extension as a set-based, resumable job: exactly the eligible visas, exactly once. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { seedVisas } from '../support/seed-visas.ts';
import { extendVisas } from '../../src/modules/visas/index.ts';

const RULE = 'auto_extension.tolerance_2023';

for (const tier of dbTiers()) {
  describe(`automatic extension [${tier.name}]`, () => {
    let t: TestApp;
    let admin: string;
    const count = async (q: string) =>
      Number(Object.values((await sql<Record<string, string>>`${sql.raw(q)}`.execute(t.handle.db)).rows[0]!)[0]);
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2023-01-02T09:00:00Z' });
      const olga = await t.handle.db.selectFrom('staff_users').select('id').where('username', '=', 'olga').executeTakeFirstOrThrow();
      admin = olga.id;
      await seedVisas(t.handle.db, 'PHA-ZUK', admin, { n: 30, tag: 'ok', issuedOn: '2022-06-01', validTo: '2023-03-31', warRelated: true });
      await seedVisas(t.handle.db, 'PHA-ZUK', admin, {
        n: 5,
        tag: 'nowar',
        issuedOn: '2022-06-01',
        validTo: '2023-03-31',
        warRelated: false,
      });
      await seedVisas(t.handle.db, 'PHA-ZUK', admin, {
        n: 5,
        tag: 'late',
        issuedOn: '2023-02-01',
        validTo: '2023-12-31',
        warRelated: true,
      });
      await seedVisas(t.handle.db, 'PHA-ZUK', admin, {
        n: 5,
        tag: 'early',
        issuedOn: '2022-02-23',
        validTo: '2023-02-22',
        warRelated: true,
      });
      await seedVisas(t.handle.db, 'PHA-ZUK', admin, {
        n: 5,
        tag: 'expired',
        issuedOn: '2022-03-01',
        validTo: '2022-12-15',
        warRelated: true,
      });
      await seedVisas(t.handle.db, 'PHA-ZUK', admin, {
        n: 3,
        tag: 'cancel',
        issuedOn: '2022-06-01',
        validTo: '2023-03-31',
        warRelated: true,
        status: 'cancelled',
      });
    });
    after(() => t.close());

    test('a dry run counts the eligible visas and changes nothing', async () => {
      const r = await extendVisas(t.handle.db, { ruleId: RULE, dryRun: true });
      assert.equal(r.eligible, 30);
      assert.equal(r.extended, 0);
      assert.equal(await count(`select count(*) from visa_extensions`), 0);
      assert.deepEqual(r.plan.windows, [
        {
          issuedFrom: '2022-02-24',
          issuedTo: '2022-12-31',
          validOnOrAfter: '2023-01-01',
          extendTo: '2024-03-31',
          source: 'auto_extension_2023',
        },
      ]);
    });

    test('a run killed after its first batch, then restarted, extends every eligible visa exactly once', async () => {
      await assert.rejects(
        extendVisas(t.handle.db, {
          ruleId: RULE,
          batchSize: 7,
          actorId: admin,
          afterBatch: () => {
            throw new Error('simulated crash');
          },
        }),
        /simulated crash/,
      );
      assert.equal(await count(`select count(*) from visa_extensions`), 7);
      const failed = await t.handle.db.selectFrom('job_runs').selectAll().where('status', '=', 'failed').execute();
      assert.equal(failed.length, 1);
      assert.equal(failed[0]!.done, 7);

      const progress: number[] = [];
      const r = await extendVisas(t.handle.db, { ruleId: RULE, batchSize: 7, actorId: admin, onProgress: (d) => progress.push(d) });
      assert.equal(r.eligible, 23);
      assert.equal(r.extended, 23);
      assert.deepEqual(progress, [7, 14, 21, 23]);

      assert.equal(await count(`select count(*) from visa_extensions`), 30);
      assert.equal(await count(`select count(distinct visa_id) from visa_extensions`), 30);
      assert.equal(await count(`select count(*) from visas where valid_to = '2024-03-31'`), 30);
      assert.equal(
        await count(
          `select count(*) from visas where valid_to = '2024-03-31' and not (war_related and status = 'valid' and issued_on between '2022-02-24' and '2022-12-31')`,
        ),
        0,
      );
      assert.equal(await count(`select count(*) from change_events where kind = 'visa.extended'`), 30);
      assert.equal(await count(`select count(*) from audit_events where action = 'visa.extended'`), 30);
      const job = await t.handle.db.selectFrom('job_runs').selectAll().where('id', '=', r.runId).executeTakeFirstOrThrow();
      assert.equal(job.status, 'succeeded');
      assert.equal(job.done, 23);

      const again = await extendVisas(t.handle.db, { ruleId: RULE });
      assert.equal(again.extended, 0);
      assert.equal(await count(`select count(*) from visa_extensions`), 30);
    });

    test('the job status is readable over HTTP by staff', async () => {
      const job = await t.handle.db.selectFrom('job_runs').select('id').orderBy('started_at', 'desc').executeTakeFirstOrThrow();
      const r = await t.call('GET', `/api/v1/jobs/${job.id}`, { as: 'sylva' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.kind, 'visa.extend');
      assert.ok(['succeeded', 'failed'].includes(r.body.status));
      assert.equal(typeof r.body.done, 'number');
      assert.equal((await t.call('GET', `/api/v1/jobs/${job.id}`)).status, 401);
    });

    test('a run whose process died shows as interrupted, not running for ever', async () => {
      const ins = (ago: string) =>
        sql<{ id: string }>`insert into job_runs (kind, params, status, total, done, heartbeat_at)
        values ('visa.extend', '{}'::jsonb, 'running', 100, 40, now() - ${ago}::interval) returning id`.execute(t.handle.db);
      const dead = (await ins('10 minutes')).rows[0]!.id;
      const alive = (await ins('5 seconds')).rows[0]!.id;
      const d = await t.call('GET', `/api/v1/jobs/${dead}`, { as: 'sylva' });
      assert.equal(d.status, 200, JSON.stringify(d.body));
      assert.equal(d.body.status, 'interrupted');
      assert.match(d.body.error, /Start the run again/);
      assert.equal(d.body.percent, 40);
      const a = await t.call('GET', `/api/v1/jobs/${alive}`, { as: 'sylva' });
      assert.equal(a.body.status, 'running');
      assert.equal(a.body.error, null);
      await sql`update job_runs set status = 'failed', finished_at = now() where id in (${dead}, ${alive})`.execute(t.handle.db);
    });

    test('batches walk the window by (issue date, id) across several dates; a visa the rule extended before is not extended again', async () => {
      await seedVisas(t.handle.db, 'PHA-ZUK', admin, {
        n: 9,
        tag: 'walka',
        issuedOn: '2022-02-24',
        validTo: '2023-01-01',
        warRelated: true,
      });
      await seedVisas(t.handle.db, 'PHA-ZUK', admin, {
        n: 8,
        tag: 'walkb',
        issuedOn: '2022-07-15',
        validTo: '2023-05-31',
        warRelated: true,
      });
      await seedVisas(t.handle.db, 'PHA-ZUK', admin, {
        n: 7,
        tag: 'walkc',
        issuedOn: '2022-12-31',
        validTo: '2024-03-30',
        warRelated: true,
      });
      // A visa the rule already extended, whose end date was later corrected back: still eligible by dates, not by the rule.
      await sql`update visas set valid_to = '2023-03-31' where id = (select visa_id from visa_extensions order by id limit 1)`.execute(
        t.handle.db,
      );
      const before = await count(`select count(*) from visa_extensions`);
      const progress: number[] = [];
      const r = await extendVisas(t.handle.db, { ruleId: RULE, batchSize: 4, onProgress: (d) => progress.push(d) });
      assert.equal(r.eligible, 24);
      assert.equal(r.extended, 24);
      // In key order: 9 issued 2022-02-24, the corrected one (2022-06-01; picked, not extended), 8 of
      // 2022-07-15, 7 of 2022-12-31 — so the third batch of four extends three.
      assert.deepEqual(progress, [4, 8, 11, 15, 19, 23, 24]);
      assert.equal(await count(`select count(*) from visa_extensions`), before + 24);
      assert.equal(
        await count(
          `select count(*) from visas v join cases c on c.id = v.case_id where c.reference similar to 'T-WALK(A|B|C)%' and v.valid_to = '2024-03-31'`,
        ),
        24,
      );
      assert.equal(
        await count(
          `select count(*) from visas where valid_to = '2023-03-31' and war_related and status = 'valid' and issued_on = '2022-06-01'`,
        ),
        1,
      );
      assert.equal(await count(`select max(n) from (select count(*) as n from visa_extensions group by visa_id, rule_id) x`), 1);
    });

    if (tier.name === 'postgres') {
      test('two runs at once share the work and extend nothing twice', async () => {
        const extBefore = await count(`select count(*) from visa_extensions`);
        const feedBefore = await count(`select count(*) from change_events where kind = 'visa.extended'`);
        await seedVisas(t.handle.db, 'PHA-ZUK', admin, {
          n: 200,
          tag: 'par',
          issuedOn: '2022-09-01',
          validTo: '2023-06-30',
          warRelated: true,
        });
        const [a, b] = await Promise.all([
          extendVisas(t.handle.db, { ruleId: RULE, batchSize: 10 }),
          extendVisas(t.handle.db, { ruleId: RULE, batchSize: 10 }),
        ]);
        assert.equal(a.extended + b.extended, 200);
        assert.equal(await count(`select count(*) from visa_extensions`), extBefore + 200);
        assert.equal(await count(`select count(*) from change_events where kind = 'visa.extended'`), feedBefore + 200);
        assert.equal(await count(`select max(n) from (select count(*) as n from visa_extensions group by visa_id, rule_id) x`), 1);
      });
    }
  });
}
