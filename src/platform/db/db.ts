/**
 * One database API over two engines: the embedded PGlite (default, no server needed) and a
 * PostgreSQL server (DATABASE_URL). Both are reached through node-postgres and Kysely's
 * PostgresDialect, so every query is the same SQL on both.
 */
import { fsyncSync, mkdirSync } from 'node:fs';
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
  /** PGlite only: the data folder as a gzipped tar (pobyt backup). */
  dumpDataDir?: () => Promise<Blob>;
}

export interface OpenOptions {
  /** postgres://… — a PostgreSQL server. */
  url?: string | null;
  /** A folder for PGlite, or 'memory://' for a throw-away in-memory database. */
  pgliteDir?: string;
  poolSize?: number;
  /**
   * A role every connection takes (SET ROLE) before its first query — DATABASE_APP_ROLE, e.g. pobyt_app
   * (migration 0014), which may only insert into the hash-chained logs. Migrate before taking it.
   */
  appRole?: string | null;
  /**
   * PGlite only. 'durable' (the default): PostgreSQL's fsync is on and reaches the disk — a committed
   * transaction survives a power cut. 'relaxed' (PGLITE_DURABILITY=relaxed): PGlite's own default,
   * fsync off — a commit survives the process being killed (the kernel has the write) but not a
   * power cut or a kernel crash.
   */
  durability?: 'durable' | 'relaxed';
  /** PGlite only: start a new data folder from a dump of one (pobyt restore). */
  loadDataDir?: Blob;
}

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Makes every new connection of the pool take the role before its first query (queued in order). */
function takeRoleOnConnect(pool: pg.Pool, role: string) {
  if (!ROLE_NAME.test(role)) throw new Error(`not a role name: ${role}`);
  pool.on('connect', (client) => {
    client.query(`set role ${role}`).catch((e: Error) => process.emitWarning(`set role ${role} failed: ${e.message}`));
  });
}

/**
 * Takes the role on an open handle: now on PGlite's one connection, and on every connection the pool
 * opens later (a server handle is better opened with `appRole`, so no pooled connection lacks it).
 */
export async function assumeRole(h: DatabaseHandle, role: string): Promise<void> {
  takeRoleOnConnect(h.pool, role);
  await h.pool.query(`set role ${role}`);
}

let pgliteFsyncs = 0;
/** How many fsync calls the durable PGlite file system has passed to the disk in this process (tests, bench). */
export function pgliteFsyncCount(): number {
  return pgliteFsyncs;
}

/**
 * PGlite's Node file system (Emscripten's NODEFS) has no fsync: PostgreSQL's fsync calls end in a
 * no-op, and fdatasync is a no-op in Emscripten itself. The durable mode gives NODEFS's streams an
 * fsync that calls the real one, and makes PostgreSQL sync its WAL with fsync (not fdatasync).
 */
interface EmscriptenModule {
  NODEFS: { stream_ops: { fsync?: (stream: { nfd?: number }) => number } };
}

async function durableNodeFs(dir: string) {
  const { NodeFS } = await import('@electric-sql/pglite/nodefs');
  class DurableNodeFS extends NodeFS {
    override async init(...args: Parameters<InstanceType<typeof NodeFS>['init']>) {
      const r = await super.init(...args);
      const opts = r.emscriptenOpts as { preRun?: ((mod: EmscriptenModule) => void)[] };
      opts.preRun = [
        ...(opts.preRun ?? []),
        (mod: EmscriptenModule) => {
          mod.NODEFS.stream_ops.fsync = (stream: { nfd?: number }) => {
            if (typeof stream.nfd !== 'number') return 0;
            try {
              fsyncSync(stream.nfd);
              pgliteFsyncs += 1;
              return 0;
            } catch (e) {
              // A directory on a file system that cannot sync one: nothing to do. Anything else is an I/O error.
              return (e as { code?: string }).code === 'EINVAL' ? 0 : 29;
            }
          };
        },
      ];
      return r;
    }
  }
  return new DurableNodeFS(dir);
}

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle connection the server closes (restart, failover) must not crash the process:
    // the pool drops it and opens a new one for the next query.
    pool.on('error', (err) => {
      process.emitWarning(`database connection lost: ${(err as { code?: string }).code ?? err.message}`);
    });
    if (opts.appRole) takeRoleOnConnect(pool, opts.appRole);
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
  // pg_trgm and unaccent (name search across spellings, migration 0014) are contrib modules PGlite ships.
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const conf = {
    postgresqlconf: ['shared_buffers=32MB', 'max_connections=8'],
    extensions: { pg_trgm, unaccent },
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  };
  const durable = !dir.startsWith('memory://') && (opts.durability ?? 'durable') === 'durable';
  const pglite = durable
    ? await PGlite.create({
        ...conf,
        fs: await durableNodeFs(dir),
        // PGlite's start parameters without -F (fsync off), and the WAL synced with fsync.
        startParams: [...PGlite.defaultStartParams.filter((p) => p !== '-F'), '-c', 'wal_sync_method=fsync'],
      })
    : await PGlite.create(dir, conf);
  // PGlite is one connection: the pool has size 1, and inside a transaction only its handle may be used.
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  if (opts.appRole) takeRoleOnConnect(pool, opts.appRole);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    pool,
    dumpDataDir: () => pglite.dumpDataDir('gzip'),
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
