/**
 * Issue 10: the application role (migration 0014). With DATABASE_APP_ROLE=pobyt_app the app migrates
 * as the owner and then works as pobyt_app: cases are opened and decided as usual, but the audit log
 * and the case log take no UPDATE, DELETE or TRUNCATE, and their triggers cannot be disabled. Both
 * tiers, through openAndMigrate (the path `pobyt start` takes).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../../../src/platform/config.ts';
import { openAndMigrate } from '../../../src/platform/boot.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { intakeBody } from '../../support/fixtures.ts';
import { verifyAuditChains } from '../../../src/modules/audit/index.ts';

interface Target {
  name: string;
  env: Record<string, string>;
  drop: () => Promise<void>;
}

async function targets(): Promise<Target[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pobyt-role-'));
  const out: Target[] = [{ name: 'pglite', env: { PGLITE_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) }];
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const name = `pobyt_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    out.push({
      name: 'postgres',
      env: { DATABASE_URL: url.toString() },
      drop: async () => {
        const a = new pg.Client({ connectionString: base });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    });
  }
  return out;
}

for (const target of await targets()) {
  describe(`application role pobyt_app [${target.name}]`, () => {
    let t: TestApp;
    before(async () => {
      const h = await openAndMigrate(loadConfig({ ...target.env, DATABASE_APP_ROLE: 'pobyt_app' } as NodeJS.ProcessEnv));
      t = await startTestApp(h, { now: '2024-03-04T09:00:00Z' });
    });
    after(async () => {
      await t.close();
      await target.drop();
    });

    test('the app works as pobyt_app: a case is opened and granted', async () => {
      const who = await sql<{ u: string }>`select current_user as u`.execute(t.handle.db);
      assert.equal(who.rows[0]!.u, 'pobyt_app');
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-03-04' }) });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      const g = await t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
        as: 'olga',
        body: { version: c.body.version, validFrom: '2024-03-04', validTo: '2025-03-03' },
      });
      assert.equal(g.status, 200, JSON.stringify(g.body));
      assert.equal((await verifyAuditChains(t.handle.db)).ok, true);
    });

    for (const table of ['audit_events', 'case_actions']) {
      test(`${table}: no UPDATE, DELETE or TRUNCATE, and its triggers stay on`, async () => {
        const tb = sql.table(table);
        const attempts = [
          sql`update ${tb} set occurred_at = occurred_at where id = (select min(id) from ${tb})`,
          sql`delete from ${tb} where id = (select min(id) from ${tb})`,
          sql`truncate ${tb}`,
          sql`alter table ${tb} disable trigger user`,
        ];
        for (const q of attempts) {
          await assert.rejects(q.execute(t.handle.db), (e: { code?: string; message?: string }) => {
            // 42501 insufficient_privilege (permission denied / must be owner)
            assert.equal(e.code, '42501', e.message);
            return true;
          });
        }
        const n = await sql<{ n: string }>`select count(*) as n from ${tb}`.execute(t.handle.db);
        assert.ok(Number(n.rows[0]!.n) > 0);
      });
    }

    test('other tables take normal writes', async () => {
      await sql`update staff_users set display_name = display_name where username = 'olga'`.execute(t.handle.db);
      await sql`update number_sequences set next_value = next_value`.execute(t.handle.db);
    });
  });
}
