/**
 * pg-boss, the job queue, on the application's own connection pool (PGlite's single connection or
 * the server's pool): the same database, and on PGlite no second session that could slip into an
 * open transaction.
 */
import { PgBoss } from 'pg-boss';
import type pg from 'pg';
import type { DbKind } from './db/db.ts';

export type Boss = PgBoss;

export async function startBoss(pool: pg.Pool, kind: DbKind): Promise<PgBoss> {
  // pg returns every statement's result of a multi-statement query; pg-boss relies on that.
  const db = {
    executeSql: (text: string, values?: unknown[]) =>
      pool.query(text, values as unknown[]) as unknown as Promise<{ rows: Record<string, unknown>[] }>,
  };
  const boss = new PgBoss({ db, backend: kind === 'pglite' ? 'pglite' : 'postgres', schedule: false });
  // pg-boss reports background errors as events; they must not crash the process. No payloads are logged.
  boss.on('error', (e: Error) => process.emitWarning(`job queue: ${e.message}`));
  await boss.start();
  return boss;
}
