/** Opens the configured database and brings its schema up to date. */
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/db.ts';
import { migrateToLatest } from './db/migrate.ts';

export async function openAndMigrate(config: Config): Promise<DatabaseHandle & { applied: string[] }> {
  const h = await openDatabase({ url: config.databaseUrl, pgliteDir: config.pgliteDir });
  try {
    const { applied } = await migrateToLatest(h.db);
    return { ...h, applied };
  } catch (e) {
    await h.close();
    throw e;
  }
}
