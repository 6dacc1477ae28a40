/**
 * The database tiers a test runs on: always PGlite (in memory); also the PostgreSQL server when
 * TEST_DATABASE_URL is set — each test file then gets its own fresh database, dropped at the end.
 * With REQUIRE_PG_TIER=1 (CI) a missing or unreachable server fails the run instead of skipping.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/db.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';

export interface Tier {
  name: 'pglite' | 'postgres';
  open(): Promise<DatabaseHandle>;
  /** A fresh database with no migration applied (for tests of a migration's data move). */
  openEmpty(): Promise<DatabaseHandle>;
}

/** A fresh, empty database on the server at `baseUrl`: its URL and how to drop it (connections forced out). */
export async function createServerDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `pobyt_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: baseUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

async function openServerDb(baseUrl: string, migrate = true): Promise<DatabaseHandle> {
  const created = await createServerDatabase(baseUrl);
  const h = await openDatabase({ url: created.url, poolSize: 20 });
  if (migrate) await migrateToLatest(h.db);
  return {
    ...h,
    close: async () => {
      await h.close();
      await created.drop();
    },
  };
}

export function dbTiers(): Tier[] {
  const tiers: Tier[] = [
    {
      name: 'pglite',
      open: async () => {
        const h = await openDatabase({ pgliteDir: 'memory://' });
        await migrateToLatest(h.db);
        return h;
      },
      openEmpty: () => openDatabase({ pgliteDir: 'memory://' }),
    },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) tiers.push({ name: 'postgres', open: () => openServerDb(url), openEmpty: () => openServerDb(url, false) });
  else if (process.env.REQUIRE_PG_TIER === '1') throw new Error('REQUIRE_PG_TIER=1 but TEST_DATABASE_URL is not set');
  return tiers;
}
