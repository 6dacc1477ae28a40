/**
 * The database a bench runs on: BENCH_DATABASE_URL (a PostgreSQL server; a fresh throw-away database
 * `pobyt_bench_<random>` is created on it, migrated, and dropped by `close()`), or an in-memory PGlite.
 * The same as bench/case-api.bench.ts does, for the benches written after it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/db.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';

export interface BenchDb {
  handle: DatabaseHandle;
  tier: string;
  kind: 'pglite' | 'postgres';
}

export async function openBenchDb(opts: { poolSize?: number } = {}): Promise<BenchDb> {
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) {
    const h = await openDatabase({ pgliteDir: 'memory://' });
    try {
      await migrateToLatest(h.db);
    } catch (e) {
      await h.close();
      throw e;
    }
    return { handle: h, tier: 'PGlite (in memory)', kind: 'pglite' };
  }
  const name = `pobyt_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  let h: DatabaseHandle | null = null;
  try {
    h = await openDatabase({ url: url.toString(), poolSize: opts.poolSize ?? 10 });
    await migrateToLatest(h.db);
  } catch (e) {
    await h?.close().catch(() => {});
    await dropServerDb(base, name);
    throw e;
  }
  const shown = new URL(base);
  shown.password = '';
  const inner = h;
  let closed: Promise<void> | null = null;
  return {
    // Idempotent: the bench may close on success, on failure and on a signal.
    handle: {
      ...inner,
      close: () =>
        (closed ??= (async () => {
          try {
            await inner.close();
          } finally {
            await dropServerDb(base, name);
          }
        })()),
    },
    tier: `PostgreSQL server ${shown.host}, throw-away database ${name}`,
    kind: 'postgres',
  };
}

export async function dropServerDb(base: string, name: string): Promise<void> {
  const a = new pg.Client({ connectionString: base });
  await a.connect();
  try {
    await a.query(`drop database if exists ${name} with (force)`);
  } finally {
    await a.end();
  }
}
