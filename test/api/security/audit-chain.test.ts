/**
 * Issue 10, tamper-evident audit: audit_events and case_actions are hash-chained (migration 0013).
 * Each test tampers AS A SUPERUSER (as the documented setup connects) — disables the append-only and
 * chain triggers and changes, deletes, inserts or reorders rows — inside a transaction that is then
 * rolled back, and checks that the verifier names the first broken link. Both database tiers.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { dbTiers } from '../../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { intakeBody } from '../../support/fixtures.ts';
import type { Trx } from '../../../src/platform/db/db.ts';
import { writeAudit } from '../../../src/platform/audit.ts';
import { verifyChain, chainAnchor, checkAnchor, type ChainReport } from '../../../src/platform/audit-chain.ts';
import { verifyAuditChains } from '../../../src/modules/audit/index.ts';

class Rollback extends Error {}

for (const tier of dbTiers()) {
  describe(`audit hash chain [${tier.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2024-03-04T09:00:00Z' });
      // Cases (intake, grant) write case actions and audit events through the app.
      for (let i = 0; i < 4; i++) {
        const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-03-04' }) });
        assert.equal(c.status, 201, JSON.stringify(c.body));
        const g = await t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
          as: 'olga',
          body: { version: c.body.version, validFrom: '2024-03-04', validTo: '2025-03-03' },
        });
        assert.equal(g.status, 200, JSON.stringify(g.body));
      }
      // A set-based batch: many audit rows in one statement chain too.
      await sql`insert into audit_events (actor_id, action, entity_type, entity_id, after)
        select null, 'test.batch', 'test', g::text, jsonb_build_object('n', g) from generate_series(1, 500) g`.execute(t.handle.db);
    });
    after(() => t.close());

    /** Tampers inside a transaction (as the superuser the tests connect as), verifies, rolls back. */
    async function tampered(table: string, tamper: (trx: Trx) => Promise<void>): Promise<ChainReport> {
      let report: ChainReport | null = null;
      await t.handle.db
        .transaction()
        .execute(async (trx) => {
          await sql`alter table ${sql.table(table)} disable trigger user`.execute(trx);
          await tamper(trx);
          report = await verifyChain(trx, table);
          throw new Rollback();
        })
        .catch((e) => {
          if (!(e instanceof Rollback)) throw e;
        });
      return report!;
    }

    /** Two rows next to each other somewhere in the middle of the chain. */
    async function middle(table: string, trx: Trx): Promise<{ a: string; b: string; c: string }> {
      const r = await sql<{ id: string }>`select x.id::text as id from ${sql.table(table)} x order by x.id`.execute(trx);
      const i = Math.floor(r.rows.length / 2);
      return { a: r.rows[i - 1]!.id, b: r.rows[i]!.id, c: r.rows[i + 1]!.id };
    }

    test('an untouched chain verifies, through the API too; the check is audited; an officer may not run it', async () => {
      const r = await verifyAuditChains(t.handle.db);
      assert.equal(r.ok, true, JSON.stringify(r.firstBreak));
      const audit = r.tables.find((x) => x.table === 'audit_events')!;
      const actions = r.tables.find((x) => x.table === 'case_actions')!;
      assert.ok(audit.rows > 500, String(audit.rows));
      assert.equal(actions.rows, 8);

      const api = await t.call('GET', '/api/v1/audit/verify', { as: 'sylva' });
      assert.equal(api.status, 200, JSON.stringify(api.body));
      assert.equal(api.body.ok, true);
      assert.equal(api.body.firstBreak, null);
      const last = await t.handle.db
        .selectFrom('audit_events')
        .select(['action', 'entity_type'])
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      assert.deepEqual(last, { action: 'audit.verify', entity_type: 'audit' });
      assert.equal((await t.call('GET', '/api/v1/audit/verify', { as: 'adam' })).status, 200);
      const officer = await t.call('GET', '/api/v1/audit/verify', { as: 'olga' });
      assert.equal(officer.status, 403);
      assert.equal(officer.body.code, 'AUTH.FORBIDDEN');
      assert.equal((await t.call('GET', '/api/v1/audit/verify')).status, 401);
      // The audit row of the check chained onto the verified rows.
      assert.equal((await verifyAuditChains(t.handle.db)).ok, true);
    });

    test('the append-only trigger still refuses an UPDATE or DELETE without being disabled', async () => {
      await assert.rejects(
        sql`update audit_events set action = 'x' where id = (select min(id) from audit_events)`.execute(t.handle.db),
        /append-only/,
      );
      await assert.rejects(sql`delete from case_actions where id = (select min(id) from case_actions)`.execute(t.handle.db), /append-only/);
    });

    for (const table of ['audit_events', 'case_actions']) {
      test(`${table}: a changed row is found`, async () => {
        let at = '';
        const r = await tampered(table, async (trx) => {
          at = (await middle(table, trx)).b;
          if (table === 'audit_events') await sql`update audit_events set after = '{"forged":true}' where id = ${at}::bigint`.execute(trx);
          else await sql`update case_actions set effective_on = effective_on - 1 where id = ${at}::bigint`.execute(trx);
        });
        assert.equal(r.ok, false);
        assert.deepEqual({ id: r.firstBreak?.id, reason: r.firstBreak?.reason }, { id: at, reason: 'changed' });
      });

      test(`${table}: a deleted row is found (at the row after it)`, async () => {
        let at = '';
        const r = await tampered(table, async (trx) => {
          const m = await middle(table, trx);
          at = m.c;
          await sql`delete from ${sql.table(table)} where id = ${m.b}::bigint`.execute(trx);
        });
        assert.deepEqual({ id: r.firstBreak?.id, reason: r.firstBreak?.reason }, { id: at, reason: 'deleted' });
      });

      test(`${table}: a deleted first row is found`, async () => {
        let at = '';
        const r = await tampered(table, async (trx) => {
          const ids = await sql<{ id: string }>`select x.id::text as id from ${sql.table(table)} x order by x.id limit 2`.execute(trx);
          at = ids.rows[1]!.id;
          await sql`delete from ${sql.table(table)} where id = ${ids.rows[0]!.id}::bigint`.execute(trx);
        });
        assert.deepEqual({ id: r.firstBreak?.id, reason: r.firstBreak?.reason }, { id: at, reason: 'deleted' });
      });

      test(`${table}: two rows swapped are found as reordered`, async () => {
        let at = '';
        const r = await tampered(table, async (trx) => {
          const m = await middle(table, trx);
          at = m.a;
          const tb = sql.table(table);
          await sql`update ${tb} set id = -1 where id = ${m.a}::bigint`.execute(trx);
          await sql`update ${tb} set id = ${m.a}::bigint where id = ${m.b}::bigint`.execute(trx);
          await sql`update ${tb} set id = ${m.b}::bigint where id = -1`.execute(trx);
        });
        assert.deepEqual({ id: r.firstBreak?.id, reason: r.firstBreak?.reason }, { id: at, reason: 'reordered' });
      });
    }

    test('audit_events: a row put in between — with a forged, correctly computed hash or with garbage — is found as inserted', async () => {
      for (const forge of [true, false]) {
        let at = '';
        const r = await tampered('audit_events', async (trx) => {
          // A gap in the ids between two chained rows (the chain trigger re-numbers under its lock, so gaps exist).
          const gap = await sql<{ id: string; prev: Buffer }>`
            select (a.id + 1)::text as id, a.row_hash as prev from audit_events a
            where not exists (select 1 from audit_events b where b.id = a.id + 1)
              and exists (select 1 from audit_events c where c.id > a.id + 1)
            order by a.id limit 1`.execute(trx);
          const g = gap.rows[0]!;
          at = g.id;
          await sql`insert into audit_events (id, occurred_at, actor_id, action, entity_type, entity_id, after, prev_hash, row_hash)
            values (${g.id}::bigint, now(), null, 'case.read', 'case', 'forged', '{}', ${forge ? g.prev : Buffer.alloc(32, 7)}, ${Buffer.alloc(32, 9)})`.execute(
            trx,
          );
          if (forge) {
            await sql`update audit_events e set row_hash = sha256(e.prev_hash || audit_events_chain_bytes(e)) where id = ${g.id}::bigint`.execute(
              trx,
            );
          }
        });
        assert.deepEqual({ forge, id: r.firstBreak?.id, reason: r.firstBreak?.reason }, { forge, id: at, reason: 'inserted' });
      }
    });

    test('a changed row re-hashed to cover it up still breaks the link of the row after it', async () => {
      let at = '';
      const r = await tampered('audit_events', async (trx) => {
        const m = await middle('audit_events', trx);
        at = m.c;
        await sql`update audit_events set action = 'case.read' where id = ${m.b}::bigint`.execute(trx);
        await sql`update audit_events e set row_hash = sha256(e.prev_hash || audit_events_chain_bytes(e)) where id = ${m.b}::bigint`.execute(
          trx,
        );
      });
      assert.equal(r.ok, false);
      assert.equal(r.firstBreak?.id, at);
    });

    test('a cut-off tail is invisible to the chain but found against a saved anchor', async () => {
      const anchor = (await chainAnchor(t.handle.db, 'audit_events'))!;
      assert.equal(await checkAnchor(t.handle.db, anchor), null);
      let found: Awaited<ReturnType<typeof checkAnchor>> = null;
      let chainOk = false;
      await t.handle.db
        .transaction()
        .execute(async (trx) => {
          await sql`alter table audit_events disable trigger user`.execute(trx);
          await sql`delete from audit_events where id in (select id from audit_events order by id desc limit 3)`.execute(trx);
          chainOk = (await verifyChain(trx, 'audit_events')).ok;
          found = await checkAnchor(trx, anchor);
          throw new Rollback();
        })
        .catch((e) => {
          if (!(e instanceof Rollback)) throw e;
        });
      assert.equal(chainOk, true);
      assert.deepEqual({ id: found!.id, reason: found!.reason }, { id: anchor.id, reason: 'deleted' });
    });

    test('a rolled-back savepoint leaves the chain whole', async () => {
      await t.handle.db.transaction().execute(async (trx) => {
        await writeAudit(trx, { actorId: null, action: 'test.sp', entityType: 'test', entityId: 'a' });
        await sql`savepoint s1`.execute(trx);
        await writeAudit(trx, { actorId: null, action: 'test.sp', entityType: 'test', entityId: 'b' });
        await sql`rollback to savepoint s1`.execute(trx);
        await writeAudit(trx, { actorId: null, action: 'test.sp', entityType: 'test', entityId: 'c' });
      });
      const r = await verifyAuditChains(t.handle.db);
      assert.equal(r.ok, true, JSON.stringify(r.firstBreak));
    });

    test('concurrent writers, committing in another order than they drew their ids, leave one valid chain', async () => {
      // On PGlite the pool has one connection (the transactions run one after the other); on the
      // server they overlap: each draws a default id, waits a random moment, then writes.
      await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          t.handle.db.transaction().execute(async (trx) => {
            await sql`select nextval('audit_events_id_seq')`.execute(trx);
            await sql`select pg_sleep(${(i % 5) / 200})`.execute(trx);
            await writeAudit(trx, { actorId: null, action: 'test.concurrent', entityType: 'test', entityId: String(i) });
            await writeAudit(trx, { actorId: null, action: 'test.concurrent', entityType: 'test', entityId: `${i}b` });
          }),
        ),
      );
      const r = await verifyAuditChains(t.handle.db);
      assert.equal(r.ok, true, JSON.stringify(r.firstBreak));
    });

    test('a writer that drew its id before another but chains after it is re-numbered (id order = chain order)', {
      skip: tier.name === 'pglite' ? 'PGlite is one connection: no two transactions overlap' : false,
    }, async () => {
      let releaseA: () => void = () => {};
      const aHolds = new Promise<void>((ok) => {
        releaseA = ok;
      });
      let locked: () => void = () => {};
      const aLocked = new Promise<void>((ok) => {
        locked = ok;
      });
      // A holds the chain lock (as in the middle of its own audit rows)…
      const a = t.handle.db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(7023, 1)`.execute(trx);
        locked();
        await aHolds;
        await writeAudit(trx, { actorId: null, action: 'test.order', entityType: 'test', entityId: 'A' });
      });
      // …and only then B's insert draws its default id and waits on the lock inside the trigger.
      await aLocked;
      const b = t.handle.db.transaction().execute(async (trx) => {
        await writeAudit(trx, { actorId: null, action: 'test.order', entityType: 'test', entityId: 'B' });
      });
      // Wait until B is seen waiting on that advisory lock (not a fixed sleep: a loaded machine is slow).
      let waiting = false;
      for (let i = 0; i < 400 && !waiting; i++) {
        const r = await sql<{ n: number }>`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`.execute(
          t.handle.db,
        );
        waiting = (r.rows[0]?.n ?? 0) > 0;
        if (!waiting) await new Promise((ok) => setTimeout(ok, 25));
      }
      assert.equal(waiting, true, 'B waits on the chain lock');
      releaseA();
      await Promise.all([a, b]);
      const rows = await t.handle.db
        .selectFrom('audit_events')
        .select(['entity_id'])
        .where('action', '=', 'test.order')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        rows.map((r) => r.entity_id),
        ['A', 'B'],
      );
      const r = await verifyAuditChains(t.handle.db);
      assert.equal(r.ok, true, JSON.stringify(r.firstBreak));
    });

    test('a committed tampering is reported by GET /api/v1/audit/verify', async () => {
      const id = (await middle('case_actions', t.handle.db as unknown as Trx)).b;
      await sql`alter table case_actions disable trigger case_actions_append_only`.execute(t.handle.db);
      await sql`update case_actions set payload = payload || '{"note":"x"}' where id = ${id}::bigint`.execute(t.handle.db);
      await sql`alter table case_actions enable trigger case_actions_append_only`.execute(t.handle.db);
      const api = await t.call('GET', '/api/v1/audit/verify', { as: 'sylva' });
      assert.equal(api.status, 200);
      assert.equal(api.body.ok, false);
      assert.deepEqual(api.body.firstBreak, { table: 'case_actions', id, reason: 'changed', detail: api.body.firstBreak.detail });
      const ev = await t.handle.db
        .selectFrom('audit_events')
        .select(['action', 'after'])
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      assert.equal(ev.action, 'audit.verify');
      assert.equal((ev.after as { ok: boolean }).ok, false);
    });
  });
}
