/** Opens the configured database and brings its schema up to date. */
import type { Config } from './config.ts';
import { assumeRole, openDatabase, type DatabaseHandle, type OpenOptions } from './db/db.ts';
import { migrateToLatest } from './db/migrate.ts';

/** Where the configuration points: the server (DATABASE_URL) or the embedded PGlite, with its durability. */
export function databaseOptions(config: Config): OpenOptions {
  return { url: config.databaseUrl, pgliteDir: config.pgliteDir, durability: config.pgliteDurability };
}

/**
 * Migrates as the connecting (owner) role; then, with DATABASE_APP_ROLE, every connection takes the
 * application role (on a server: a fresh pool whose connections all SET ROLE first).
 */
export async function openAndMigrate(config: Config): Promise<DatabaseHandle & { applied: string[] }> {
  let h = await openDatabase(databaseOptions(config));
  try {
    const { applied } = await migrateToLatest(h.db);
    const role = config.databaseAppRole;
    if (role && h.kind === 'postgres') {
      await h.close();
      h = await openDatabase({ ...databaseOptions(config), appRole: role });
    } else if (role) {
      await assumeRole(h, role);
    }
    return { ...h, applied };
  } catch (e) {
    await h.close();
    throw e;
  }
}
