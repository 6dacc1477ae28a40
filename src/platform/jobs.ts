/**
 * pg-boss, the job queue, on the application's own connection pool (PGlite's single connection or
 * the server's pool): the same database, and on PGlite no second session that could slip into an
 * open transaction.
 */
import { PgBoss } from 'pg-boss';
import type pg from 'pg';
import type { DbKind } from './db/db.ts';

export type Boss = PgBoss;

/** The advisory lock key under which a process installs or upgrades the queue's schema. */
const START_LOCK = 7_400_140_001;

/**
 * `monitorIntervalSeconds`: how often pg-boss's monitor fails jobs whose worker died (heartbeat
 * missed, or active past the queue's expiry) so that another process retries them.
 */
export async function startBoss(pool: pg.Pool, kind: DbKind, o: { monitorIntervalSeconds?: number } = {}): Promise<PgBoss> {
  // pg returns every statement's result of a multi-statement query; pg-boss relies on that.
  const db = {
    executeSql: (text: string, values?: unknown[]) =>
      pool.query(text, values as unknown[]) as unknown as Promise<{ rows: Record<string, unknown>[] }>,
  };
  const monitor = o.monitorIntervalSeconds ?? 30;
  const boss = new PgBoss({
    db,
    backend: kind === 'pglite' ? 'pglite' : 'postgres',
    schedule: false,
    monitorIntervalSeconds: monitor,
    superviseIntervalSeconds: monitor,
  });
  // pg-boss reports background errors as events; they must not crash the process. No payloads are logged.
  boss.on('error', (e: Error) => process.emitWarning(`job queue: ${e.message}`));
  if (kind === 'postgres') {
    // Two processes starting on a database without the queue's schema both install it, and one fails
    // (pg_namespace's unique index: the two-process test found it). The install is serialised by a
    // session advisory lock on one connection of the pool, held while pg-boss starts on the others.
    const c = await pool.connect();
    try {
      await c.query('select pg_advisory_lock($1)', [START_LOCK]);
      await boss.start();
    } finally {
      await c.query('select pg_advisory_unlock($1)', [START_LOCK]).catch(() => undefined);
      c.release();
    }
  } else await boss.start();
  return boss;
}
