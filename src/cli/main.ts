/** The `pobyt` command: start, migrate, seed, users. */
import { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { systemClock } from '../platform/clock.ts';
import { openAndMigrate } from '../platform/boot.ts';
import { readDemoExtras, readDemoLogins, seedDemo } from '../modules/demo/index.ts';
import { createStaffUser, hasStaffUsers } from '../modules/auth/index.ts';
import { upsertDirectory } from '../modules/offices/index.ts';
import { startServer } from '../server.ts';
import { startBanner } from './banner.ts';
import { registerPolicyCommands } from './policy.commands.ts';
import { registerVisaCommands } from './visas.commands.ts';
import { ensureMasterKeyFile, registerKeyCommands } from './keys.commands.ts';
import { registerCaseTypes } from '../case-types.ts';
import { registerAuditCommands } from './audit.commands.ts';
import { registerBackupCommands } from './backup.commands.ts';
import { registerPeopleCommands } from './people.commands.ts';

registerCaseTypes();

const program = new Command().name('pobyt').description('Visa and residence case management');

function describeDb(config: ReturnType<typeof loadConfig>) {
  return config.databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : `embedded PGlite in ${config.pgliteDir}`;
}

program
  .command('start')
  .description('migrate, seed demo data on a first start, and serve HTTP')
  .option('--no-demo', 'do not create demo data on an empty database')
  .action(async (opts: { demo: boolean }) => {
    let config = loadConfig();
    if (!config.keyring && !process.env.POBYT_MASTER_KEYS && ensureMasterKeyFile(config.masterKeyFile)) {
      console.log(
        `Created a master key in ${config.masterKeyFile} for this local installation (production: POBYT_MASTER_KEYS or POBYT_MASTER_KEY_FILE).`,
      );
      config = loadConfig();
    }
    await startServer(config, {
      prepare: async (h) => {
        if (opts.demo && !(await hasStaffUsers(h.db))) {
          const r = await seedDemo(h.db, config, systemClock);
          console.log(`Demo data created: the office directory, ${r.logins.length} staff users, ${r.createdCases} cases.`);
        } else {
          await upsertDirectory(h.db);
        }
      },
      announce: (url) => {
        const lines = startBanner({
          url,
          database: describeDb(config),
          dataDir: config.dataDir,
          logins: readDemoLogins(config),
          extras: readDemoExtras(config),
          tty: Boolean(process.stdout.isTTY),
        });
        for (const l of lines) console.log(l);
      },
    });
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const config = loadConfig();
    const h = await openAndMigrate(config);
    console.log(h.applied.length ? `Applied: ${h.applied.join(', ')}` : 'The schema is up to date.');
    await h.close();
  });

program
  .command('seed')
  .description('load the office directory; with --demo also demo staff and cases')
  .option('--demo', 'create demo staff users and cases')
  .action(async (opts: { demo?: boolean }) => {
    const config = loadConfig();
    const h = await openAndMigrate(config);
    if (opts.demo) {
      const r = await seedDemo(h.db, config, systemClock);
      console.log(`Directory loaded; ${r.createdCases} demo cases created.`);
      for (const l of r.logins) console.log(`  ${l.username.padEnd(13)} ${l.password}   ${l.role}${l.officeId ? ` @ ${l.officeId}` : ''}`);
    } else {
      await upsertDirectory(h.db);
      console.log('Office directory loaded.');
    }
    await h.close();
  });

program
  .command('users:create')
  .description('create a staff user; the password is read from POBYT_NEW_PASSWORD')
  .requiredOption('--username <name>')
  .requiredOption('--name <displayName>')
  .requiredOption('--role <role>', 'officer | supervisor | admin')
  .option('--office <id>', 'office id, e.g. PHA-ZUK')
  .action(async (o: { username: string; name: string; role: 'officer' | 'supervisor' | 'admin'; office?: string }) => {
    const password = process.env.POBYT_NEW_PASSWORD;
    if (!password) throw new Error('Set POBYT_NEW_PASSWORD (a password never goes on the command line, where shells and ps keep it).');
    const h = await openAndMigrate(loadConfig());
    const u = await createStaffUser(h.db, {
      username: o.username,
      displayName: o.name,
      role: o.role,
      officeId: o.office ?? null,
      password,
    });
    console.log(`Created ${u.username} (${u.role}${u.office_id ? ` @ ${u.office_id}` : ''}).`);
    await h.close();
  });

registerPolicyCommands(program);
registerVisaCommands(program);
registerKeyCommands(program);
registerAuditCommands(program);
registerBackupCommands(program);
registerPeopleCommands(program);

program.parseAsync().catch((e: unknown) => {
  console.error(`pobyt: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
