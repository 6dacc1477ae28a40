/**
 * `pobyt backup FILE` / `pobyt restore FILE` on both tiers.
 *
 * PostgreSQL server: pg_dump in its custom format (-Fc: compressed, restorable table by table) and
 * pg_restore into the configured database, in one transaction, objects dropped first (--clean
 * --if-exists). Triggers are part of the dump's post-data section, so the rows come back as they were
 * — the hash chains are not recomputed, and `pobyt audit verify` checks them after a restore. The
 * roles are the server's, not the database's: the application role is created first if missing.
 *
 * Embedded PGlite: PGlite's own data-directory dump (a gzipped tar of the folder) and a new folder
 * loaded from it. Stop the server first: the folder must not be written while it is dumped, and a
 * restore replaces it (the old folder is kept beside it, renamed, with --force).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import type { Config } from './config.ts';
import type { Clock } from './clock.ts';
import { openDatabase } from './db/db.ts';

export class BackupError extends Error {}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', (e: NodeJS.ErrnoException) =>
      fail(new BackupError(e.code === 'ENOENT' ? `${cmd} not found: install the PostgreSQL client tools (postgresql-client)` : e.message)),
    );
    child.on('close', (code) => (code === 0 ? ok() : fail(new BackupError(`${cmd} exited with ${code}: ${err.trim().slice(0, 2000)}`))));
  });
}

export interface BackupResult {
  tier: 'postgres' | 'pglite';
  file: string;
  bytes: number;
}

export async function backupDatabase(config: Config, file: string): Promise<BackupResult> {
  if (config.databaseUrl) {
    // The URL goes as --dbname (not into a shell); a password in it stays out of `ps` only as far as pg_dump hides it — prefer PGPASSFILE.
    await run('pg_dump', ['--format=custom', '--no-password', `--file=${file}`, `--dbname=${config.databaseUrl}`]);
    return { tier: 'postgres', file, bytes: readFileSync(file).length };
  }
  if (!existsSync(config.pgliteDir)) throw new BackupError(`no embedded database in ${config.pgliteDir}`);
  const h = await openDatabase({ pgliteDir: config.pgliteDir, durability: config.pgliteDurability });
  try {
    const blob = await h.dumpDataDir!();
    const bytes = Buffer.from(await blob.arrayBuffer());
    writeFileSync(file, bytes);
    return { tier: 'pglite', file, bytes: bytes.length };
  } finally {
    await h.close();
  }
}

async function ensureRole(url: string, role: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = '${role}') then create role ${role} nologin; end if;
    exception when duplicate_object or unique_violation then null; end $$`);
  } finally {
    await c.end();
  }
}

export async function restoreDatabase(
  config: Config,
  file: string,
  clock: Clock,
  opts: { force?: boolean } = {},
): Promise<{ tier: 'postgres' | 'pglite'; movedAside?: string }> {
  if (!existsSync(file)) throw new BackupError(`no backup file ${file}`);
  if (config.databaseUrl) {
    await ensureRole(config.databaseUrl, 'pobyt_app');
    if (config.databaseAppRole && config.databaseAppRole !== 'pobyt_app') await ensureRole(config.databaseUrl, config.databaseAppRole);
    if (!opts.force) {
      const c = new pg.Client({ connectionString: config.databaseUrl });
      await c.connect();
      const r = await c.query(`select count(*)::int as n from information_schema.tables where table_schema = 'public'`);
      await c.end();
      if (r.rows[0].n > 0) throw new BackupError('the database is not empty: restore with --force to replace its contents');
    }
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--single-transaction',
      '--exit-on-error',
      '--no-password',
      `--dbname=${config.databaseUrl}`,
      file,
    ]);
    return { tier: 'postgres' };
  }
  const dir = config.pgliteDir;
  let movedAside: string | undefined;
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!opts.force) throw new BackupError(`${dir} is not empty: restore with --force (the folder is kept beside it, renamed)`);
    movedAside = `${dir}.before-restore-${clock.now().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dir, movedAside);
  }
  const h = await openDatabase({
    pgliteDir: dir,
    durability: config.pgliteDurability,
    loadDataDir: new Blob([readFileSync(file)]),
  });
  await h.close();
  return { tier: 'pglite', ...(movedAside ? { movedAside } : {}) };
}
