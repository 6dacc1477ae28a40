/**
 * Issue 10: `pobyt backup` / `pobyt restore` (src/platform/backup.ts) round trip on both tiers — the
 * cases come back, the audit chains verify against anchors saved before the backup, the application
 * role keeps its rights (and its limits), and a restore over a database that is not empty needs --force.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../../src/platform/config.ts';
import { openAndMigrate } from '../../src/platform/boot.ts';
import { backupDatabase, BackupError, restoreDatabase } from '../../src/platform/backup.ts';
import { readAnchors, verifyAuditChains } from '../../src/modules/audit/index.ts';
import { writeAudit } from '../../src/platform/audit.ts';
import { startTestApp, TestClock } from '../support/test-app.ts';
import { intakeBody } from '../support/fixtures.ts';

interface Target {
  name: string;
  envA: Record<string, string>;
  envB: Record<string, string>;
  drop(): Promise<void>;
}

async function createDb(base: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `pobyt_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

const tmp = mkdtempSync(join(tmpdir(), 'pobyt-backup-'));

async function targets(): Promise<Target[]> {
  const out: Target[] = [
    {
      name: 'pglite',
      envA: { PGLITE_DIR: join(tmp, 'a') },
      envB: { PGLITE_DIR: join(tmp, 'b') },
      drop: async () => {},
    },
  ];
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const a = await createDb(base);
    const b = await createDb(base);
    out.push({
      name: 'postgres',
      envA: { DATABASE_URL: a.url },
      envB: { DATABASE_URL: b.url },
      drop: async () => {
        await a.drop();
        await b.drop();
      },
    });
  }
  return out;
}

const all = await targets();
after(async () => {
  for (const t of all) await t.drop();
  rmSync(tmp, { recursive: true, force: true });
});

for (const target of all) {
  describe(`backup and restore [${target.name}]`, () => {
    const configA = loadConfig(target.envA as NodeJS.ProcessEnv);
    const configB = loadConfig(target.envB as NodeJS.ProcessEnv);
    const file = join(tmp, `${target.name}.backup`);
    const clock = new TestClock('2024-03-05T09:00:00Z');

    test('a round trip keeps the cases, the chains verify against the anchors saved before, the app role keeps its limits', async () => {
      const t = await startTestApp(await openAndMigrate(configA), { now: '2024-03-04T09:00:00Z' });
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-03-04' }) });
        assert.equal(c.status, 201);
        ids.push(c.body.id);
      }
      const g = await t.call('POST', `/api/v1/cases/${ids[0]}/grant`, {
        as: 'olga',
        body: { version: 1, validFrom: '2024-03-04', validTo: '2025-03-03' },
      });
      assert.equal(g.status, 200, JSON.stringify(g.body));
      const anchors = await readAnchors(t.handle.db, clock);
      assert.equal(anchors.anchors.length, 2);
      await t.close();

      const b = await backupDatabase(configA, file);
      assert.ok(b.bytes > 1000, String(b.bytes));
      await restoreDatabase(configB, file, clock);

      const h = await openAndMigrate(configB);
      try {
        const v = await verifyAuditChains(h.db, anchors);
        assert.equal(v.ok, true, JSON.stringify(v.firstBreak));
        assert.equal(v.anchorsChecked, 2);
        const cases = await h.db.selectFrom('cases').select('id').orderBy('id').execute();
        assert.deepEqual(
          cases.map((c) => c.id),
          [...ids].sort(),
        );
        // New rows chain on after the restored ones.
        await writeAudit(h.db, { actorId: null, action: 'test.after-restore', entityType: 'test', entityId: 'x' });
        assert.equal((await verifyAuditChains(h.db, anchors)).ok, true);
      } finally {
        await h.close();
      }

      const app = await openAndMigrate(loadConfig({ ...target.envB, DATABASE_APP_ROLE: 'pobyt_app' } as NodeJS.ProcessEnv));
      try {
        await writeAudit(app.db, { actorId: null, action: 'test.as-app', entityType: 'test', entityId: 'y' });
        await assert.rejects(sql`delete from audit_events`.execute(app.db), (e: { code?: string }) => e.code === '42501');
      } finally {
        await app.close();
      }
    });

    test('a restore over a database that is not empty needs --force, and then replaces it', async () => {
      await assert.rejects(restoreDatabase(configB, file, clock), BackupError);
      const r = await restoreDatabase(configB, file, clock, { force: true });
      if (target.name === 'pglite') assert.ok(r.movedAside && existsSync(r.movedAside));
      const h = await openAndMigrate(configB);
      try {
        // The rows written after the first restore are gone: the database is the backup again.
        const n = await h.db.selectFrom('audit_events').select('id').where('action', 'like', 'test.%').execute();
        assert.equal(n.length, 0);
        assert.equal((await verifyAuditChains(h.db)).ok, true);
      } finally {
        await h.close();
      }
    });
  });
}
