/** `pobyt policy …`: evaluate facts on a date, diff two dates, simulate a what-if on open cases, check the data. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { openAndMigrate } from '../platform/boot.ts';
import { AppError } from '../platform/errors.ts';
import { defaultBundle, diffPolicy, evaluate, readOverlay, scenarioBundle, type Lang } from '../modules/policy/index.ts';
import { simulatePolicyChange } from '../modules/cases/index.ts';
import { simulateNominations } from '../modules/civil-society/index.ts';
import { progressBar } from './progress.ts';

function explainError(e: unknown): never {
  if (e instanceof AppError) {
    const fields = (e.details.fields ?? []).map((f) => `  ${f.field}: ${f.message}`).join('\n');
    throw new Error(`${e.message}\n${fields}`);
  }
  throw e;
}

export function registerPolicyCommands(program: Command) {
  const policy = program.command('policy').description('the rules: evaluate, diff, simulate, check');

  policy
    .command('eval')
    .description('evaluate a facts file on a date (JSON: a map of facts, or { facts, dates })')
    .requiredOption(
      '--date <YYYY-MM-DD>',
      'the date for every rule date not given in the file (as_of, filed_on, visa_issued_on, decided_on)',
    )
    .option('--lang <lang>', 'cs | en | uk | ru | be', 'en')
    .argument('<facts.json>')
    .action((file: string, o: { date: string; lang: Lang }) => {
      const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const hasShape = 'facts' in doc && typeof doc.facts === 'object';
      const facts = (hasShape ? doc.facts : doc) as Record<string, boolean | string | null>;
      const given = (hasShape ? (doc.dates ?? {}) : {}) as Record<string, string>;
      const dates = { as_of: o.date, filed_on: o.date, visa_issued_on: o.date, decided_on: o.date, ...given };
      try {
        console.log(JSON.stringify(evaluate({ facts, dates, lang: o.lang }), null, 2));
      } catch (e) {
        explainError(e);
      }
    });

  policy
    .command('diff')
    .description('what changes between two dates')
    .requiredOption('--from <date>')
    .requiredOption('--to <date>')
    .action((o: { from: string; to: string }) => {
      let changes: ReturnType<typeof diffPolicy> = [];
      try {
        changes = diffPolicy(o.from, o.to);
      } catch (e) {
        explainError(e);
      }
      if (changes.length === 0) {
        console.log(`No change between ${o.from} and ${o.to}.`);
        return;
      }
      console.log(`${changes.length} change(s) between ${o.from} and ${o.to} (policy ${defaultBundle().hash.slice(0, 12)}):`);
      for (const c of changes)
        console.log(
          `  ${c.kind.padEnd(9)} ${c.id}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}${c.source ? `  [${c.source}]` : ''}`,
        );
    });

  policy
    .command('simulate')
    .description('re-evaluate all open cases under a scenario overlay (YAML replacing parameters); writes nothing')
    .requiredOption('--scenario <overlay.yaml>')
    .action(async (o: { scenario: string }) => {
      const scenario = scenarioBundle(readOverlay(o.scenario));
      const h = await openAndMigrate(loadConfig());
      const bar = progressBar('simulating');
      try {
        const r = await simulatePolicyChange(h.db, scenario, (d, t) => bar.update(d, t));
        const n = await simulateNominations(h.db, scenario);
        bar.stop();
        console.log(
          `Scenario ${r.scenarioVersion.slice(0, 12)} vs policy ${r.policyVersion.slice(0, 12)}: ${r.evaluated} open case(s) and ${n.evaluated} open nomination(s) evaluated, ${r.changed.length + n.changed.length} would change.`,
        );
        for (const c of [...r.changed, ...n.changed]) console.log(`  ${c.reference} (${c.status}): ${c.change}`);
      } finally {
        bar.stop();
        await h.close();
      }
    });

  policy
    .command('check')
    .description('load and validate the policy data; prints its version')
    .action(() => {
      const b = defaultBundle();
      console.log(
        `policy ${b.hash}: ${Object.keys(b.parameters).length} parameters, ${b.rules.length} rules, ${Object.keys(b.facts).length} facts, 5 languages — valid.`,
      );
    });
}
