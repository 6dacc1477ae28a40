/**
 * One database API over two engines: the embedded PGlite (default, no server needed) and a
 * PostgreSQL server (DATABASE_URL). Both are reached through node-postgres and Kysely's
 * PostgresDialect, so every query is the same SQL on both.
 */
import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, type CompiledQuery, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

// Civil dates stay strings: a JS Date would drag a timezone into 'YYYY-MM-DD'.
pg.types.setTypeParser(1082, (v: string) => v);

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type DbKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  kind: DbKind;
  /** The node-postgres pool under Kysely (size 1 on PGlite), for libraries that speak pg directly. */
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… — a PostgreSQL server. */
  url?: string | null;
  /** A folder for PGlite, or 'memory://' for a throw-away in-memory database. */
  pgliteDir?: string;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle connection the server closes (restart, failover) must not crash the process:
    // the pool drops it and opens a new one for the next query.
    pool.on('error', (err) => {
      process.emitWarning(`database connection lost: ${(err as { code?: string }).code ?? err.message}`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', pool, close: () => db.destroy() };
  }
  const dir = opts.pgliteDir ?? 'memory://';
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  // PostgreSQL's default 128 MB of shared buffers is most of an embedded server's memory (measured:
  // ~350 MB resident after opening, ~240 MB with 32 MB); the operating system's page cache holds the
  // files of a folder-backed database anyway. One connection: max_connections need not reserve 100.
  const pglite = await PGlite.create(dir, { postgresqlconf: ['shared_buffers=32MB', 'max_connections=8'] });
  // PGlite is one connection: the pool has size 1, and inside a transaction only its handle may be used.
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    pool,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

/**
 * Runs a compiled query as a named prepared statement: each pooled connection parses and plans it once
 * and then only binds and executes. Kysely sends every query unnamed (parsed and planned on every
 * call), which is right for most queries; this is for a hot statement whose text never changes (e.g.
 * the authority verification batch, where planning was a fifth of the statement's cost). Outside a
 * transaction only: it takes its own connection from the pool. PostgreSQL server only: on PGlite's
 * node-postgres adapter a named statement that fails leaves the connection unusable.
 */
export async function queryPrepared<R>(pool: pg.Pool, name: string, q: CompiledQuery<R>): Promise<R[]> {
  const r = await pool.query({ name, text: q.sql, values: q.parameters as unknown[] });
  return r.rows as R[];
}
