/**
 * Issue 10, durability: the real server (`pobyt start`, a child process) on a fresh data directory
 * takes a write load (case intakes from several clients at once), is killed with SIGKILL in the middle
 * of it, and is started again: every intake it had answered 201 is there, and both hash chains verify.
 * On the embedded PGlite (durable by default) and, with TEST_DATABASE_URL, on the PostgreSQL server.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../../src/platform/config.ts';
import { openAndMigrate } from '../../src/platform/boot.ts';
import { upsertDirectory } from '../../src/modules/offices/index.ts';
import { createStaffUser } from '../../src/modules/auth/index.ts';
import { verifyAuditChains } from '../../src/modules/audit/index.ts';
import { intakeBody } from '../support/fixtures.ts';
import { TEST_MASTER_KEY } from '../support/test-app.ts';

const PASSWORD = 'durable-horse-battery';

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });
}

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start', '--no-demo'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

async function waitHealthy(base: string, child: ChildProcess, ms = 60000) {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${base}/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

async function login(base: string): Promise<string> {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'dora', password: PASSWORD }),
  });
  assert.equal(r.status, 200);
  return ((await r.json()) as { token: string }).token;
}

interface Target {
  name: string;
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function targets(): Promise<Target[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pobyt-kill-'));
  const out: Target[] = [{ name: 'pglite', env: { POBYT_DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) }];
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const name = `pobyt_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const sdir = mkdtempSync(join(tmpdir(), 'pobyt-kill-'));
    out.push({
      name: 'postgres',
      env: { POBYT_DATA_DIR: sdir, DATABASE_URL: url.toString() },
      drop: async () => {
        rmSync(sdir, { recursive: true, force: true });
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
  describe(`SIGKILL under write load [${target.name}]`, () => {
    const children: ChildProcess[] = [];
    after(async () => {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      await target.drop();
    });

    test('every acknowledged intake survives the kill and a restart; the chains verify', { timeout: 120000 }, async () => {
      const port = await freePort();
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        ...target.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        WEBHOOKS_ENABLED: 'false',
        LOGIN_ATTEMPTS_PER_MINUTE: '1000',
        POBYT_MASTER_KEYS: `k1:${TEST_MASTER_KEY}`,
      };
      delete env.TEST_DATABASE_URL;
      // The directory and one officer, written before the server starts (then the handle is closed).
      const config = loadConfig(env);
      {
        const h = await openAndMigrate(config);
        await upsertDirectory(h.db);
        await createStaffUser(h.db, {
          username: 'dora',
          displayName: 'Dora Durable',
          role: 'officer',
          officeId: 'PHA-ZUK',
          password: PASSWORD,
        });
        await h.close();
      }
      const base = `http://127.0.0.1:${port}`;
      const first = startServer(env);
      children.push(first);
      await waitHealthy(base, first);
      const token = await login(base);

      // Four clients file intakes back to back; the server is killed once 40 have been answered.
      const acknowledged: string[] = [];
      let stop = false;
      let failedAfterKill = 0;
      const client = async () => {
        while (!stop) {
          try {
            const r = await fetch(`${base}/api/v1/cases/tolerance`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify(intakeBody({ receivedOn: '2024-03-04' })),
            });
            const body = (await r.json()) as { id?: string };
            assert.equal(r.status, 201, JSON.stringify(body));
            acknowledged.push(body.id!);
          } catch (e) {
            if (!stop) throw e;
            failedAfterKill += 1;
          }
        }
      };
      const killed = (async () => {
        while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
        stop = true;
        first.kill('SIGKILL');
      })();
      await Promise.all([client(), client(), client(), client(), killed]);
      await new Promise<void>((ok) => (first.exitCode !== null || first.signalCode !== null ? ok() : first.once('exit', () => ok())));
      assert.equal(first.signalCode, 'SIGKILL');
      const ackedAtKill = [...acknowledged];

      const second = startServer(env);
      children.push(second);
      await waitHealthy(base, second);
      const token2 = await login(base);
      let found = 0;
      for (const id of ackedAtKill) {
        const r = await fetch(`${base}/api/v1/cases/${id}`, { headers: { authorization: `Bearer ${token2}` } });
        if (r.status === 200) found += 1;
        else assert.fail(`acknowledged case ${id} is missing after the restart (${r.status})`);
      }
      assert.equal(found, ackedAtKill.length);
      second.kill('SIGTERM');
      await new Promise<void>((ok) => (second.exitCode !== null ? ok() : second.once('exit', () => ok())));

      const h = await openAndMigrate(config);
      try {
        const v = await verifyAuditChains(h.db);
        assert.equal(v.ok, true, JSON.stringify(v.firstBreak));
      } finally {
        await h.close();
      }
      console.log(
        `[${target.name}] ${ackedAtKill.length} intakes acknowledged before SIGKILL, all ${found} found after restart (${failedAfterKill} requests cut off)`,
      );
    });
  });
}
