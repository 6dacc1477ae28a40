/** `pobyt backup FILE` and `pobyt restore FILE`: the configured database (server or embedded), out and back in. */
import type { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { openAndMigrate } from '../platform/boot.ts';
import { systemClock } from '../platform/clock.ts';
import { backupDatabase, restoreDatabase } from '../platform/backup.ts';
import { verifyAuditChains } from '../modules/audit/index.ts';

export function registerBackupCommands(program: Command) {
  program
    .command('backup')
    .description('write the database to FILE (server: pg_dump -Fc; embedded: the data folder, gzipped) — stop an embedded server first')
    .argument('<file>')
    .action(async (file: string) => {
      const r = await backupDatabase(loadConfig(), file);
      console.log(
        `Backup of the ${r.tier === 'postgres' ? 'PostgreSQL server database' : 'embedded database'} written to ${r.file} (${r.bytes} bytes).`,
      );
    });
  program
    .command('restore')
    .description('replace the database with the backup in FILE, then verify the audit chains (exit 2 if broken)')
    .argument('<file>')
    .option('--force', 'replace a database that is not empty (embedded: the old folder is kept beside it, renamed)')
    .action(async (file: string, o: { force?: boolean }) => {
      const config = loadConfig();
      const r = await restoreDatabase(config, file, systemClock, { force: Boolean(o.force) });
      if (r.movedAside) console.log(`The previous data folder is kept as ${r.movedAside}.`);
      const h = await openAndMigrate(config);
      try {
        const v = await verifyAuditChains(h.db);
        console.log(
          `Restored from ${file}. ${v.tables.map((t) => `${t.table}: ${t.rows} rows, ${t.ok ? 'chain ok' : `BROKEN at id ${t.firstBreak?.id}: ${t.firstBreak?.reason}`}`).join('; ')}`,
        );
        if (!v.ok) process.exitCode = 2;
      } finally {
        await h.close();
      }
    });
}
