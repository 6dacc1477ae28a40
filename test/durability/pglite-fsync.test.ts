/**
 * Issue 10: the embedded PGlite is durable by default — a commit's WAL reaches the disk through a real
 * fsync (PGlite's NODEFS has none of its own; src/platform/db/db.ts gives it one). The relaxed mode
 * (PGLITE_DURABILITY=relaxed) syncs nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, pgliteFsyncCount } from '../../src/platform/db/db.ts';
import { loadConfig } from '../../src/platform/config.ts';

async function syncsPerCommit(durability: 'durable' | 'relaxed' | undefined): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'pobyt-fsync-'));
  try {
    const h = await openDatabase({ pgliteDir: dir, ...(durability ? { durability } : {}) });
    await sql`create table t (n int)`.execute(h.db);
    const before = pgliteFsyncCount();
    for (let i = 0; i < 10; i++) await sql`insert into t values (${i})`.execute(h.db);
    const n = pgliteFsyncCount() - before;
    await h.close();
    return n / 10;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('durable by default: every commit is fsynced', async () => {
  assert.ok((await syncsPerCommit(undefined)) >= 1);
  assert.ok((await syncsPerCommit('durable')) >= 1);
  assert.equal(loadConfig({} as NodeJS.ProcessEnv).pgliteDurability, 'durable');
});

test('relaxed: no fsync at all', async () => {
  assert.equal(await syncsPerCommit('relaxed'), 0);
  assert.equal(loadConfig({ PGLITE_DURABILITY: 'relaxed' } as NodeJS.ProcessEnv).pgliteDurability, 'relaxed');
  assert.throws(() => loadConfig({ PGLITE_DURABILITY: 'sometimes' } as NodeJS.ProcessEnv), /PGLITE_DURABILITY/);
});
