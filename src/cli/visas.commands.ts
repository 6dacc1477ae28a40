/** `pobyt visas extend`: a mass extension by a policy rule, with a progress bar. */
import type { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { openAndMigrate } from '../platform/boot.ts';
import { extendVisas } from '../modules/visas/index.ts';
import { progressBar } from './progress.ts';

export function registerVisaCommands(program: Command) {
  const visas = program.command('visas').description('the visa register');
  visas
    .command('extend')
    .description('extend every visa a policy rule selects, exactly once (resumable)')
    .requiredOption('--rule <id>', 'e.g. auto_extension.tolerance_2023')
    .option('--dry-run', 'count the eligible visas, change nothing')
    .option('--batch <n>', 'visas per transaction', '5000')
    .action(async (o: { rule: string; dryRun?: boolean; batch: string }) => {
      const h = await openAndMigrate(loadConfig());
      const bar = progressBar('extending');
      try {
        const r = await extendVisas(h.db, {
          ruleId: o.rule,
          dryRun: Boolean(o.dryRun),
          batchSize: Number(o.batch),
          onProgress: (d, t) => bar.update(d, t),
        });
        bar.stop();
        const w = r.plan.windows
          .map((x) => `issued ${x.issuedFrom}..${x.issuedTo}, valid on ${x.validOnOrAfter} → ${x.extendTo}`)
          .join('; ');
        console.log(`${r.dryRun ? 'Dry run' : 'Run'} ${r.runId} (${r.ruleId}: ${w}): ${r.eligible} eligible, ${r.extended} extended.`);
      } finally {
        bar.stop();
        await h.close();
      }
    });
}
