/** `pobyt demo generate --people N` (demo persons at national scale) and `pobyt people reindex`, with progress bars. */
import type { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { openAndMigrate } from '../platform/boot.ts';
import { systemClock } from '../platform/clock.ts';
import { generatePeople, reindexPeople } from '../modules/people/index.ts';
import { progressBar } from './progress.ts';

export function registerPeopleCommands(program: Command) {
  const demo = program.command('demo').description('demo data at scale');
  demo
    .command('generate')
    .description(
      'insert N demo persons: Ukrainian, Russian and Belarusian names in their script, passport spellings, births, passports, ~1 % true duplicates under another spelling',
    )
    .requiredOption('--people <n>', 'how many persons, e.g. 1000000')
    .option('--seed <n>', 'the seed (the same seed gives the same persons and ids)', '1')
    .option('--batch <n>', 'persons per transaction', '5000')
    .action(async (o: { people: string; seed: string; batch: string }) => {
      const count = Number(o.people);
      if (!Number.isInteger(count) || count < 1) throw new Error('--people must be a positive whole number');
      const h = await openAndMigrate(loadConfig());
      const bar = progressBar('persons');
      const started = systemClock.now().getTime();
      try {
        const r = await generatePeople(h.db, {
          count,
          seed: Number(o.seed),
          batch: Number(o.batch),
          onProgress: (d, t) => bar.update(d, t),
        });
        bar.stop();
        console.log(
          `${r.persons} persons (${r.duplicates} true duplicates), ${r.variants} name variants in ${((systemClock.now().getTime() - started) / 1000).toFixed(1)} s.`,
        );
      } finally {
        bar.stop();
        await h.close();
      }
    });

  const people = program.command('people').description('persons and their name variants');
  people
    .command('reindex')
    .description('write every person’s name variants again with the current transliteration code (after migration 0014, or a names change)')
    .option('--stale', 'only persons whose variants an older version wrote')
    .option('--batch <n>', 'persons per transaction', '2000')
    .action(async (o: { stale?: boolean; batch: string }) => {
      const h = await openAndMigrate(loadConfig());
      const bar = progressBar('reindexing');
      try {
        const r = await reindexPeople(h.db, {
          onlyStale: Boolean(o.stale),
          batch: Number(o.batch),
          onProgress: (d, t) => bar.update(d, t),
        });
        bar.stop();
        console.log(`${r.persons} persons reindexed, ${r.variants} name variants.`);
      } finally {
        bar.stop();
        await h.close();
      }
    });
}
