/**
 * `npm run fuzz`: the long fuzz run (issue 10) — by default 100,000 hostile inputs per database tier
 * (PGlite; and the PostgreSQL server when TEST_DATABASE_URL is set), with a progress bar and the
 * figures at the end. The same inputs and checks as the bounded run in `npm test`
 * (test/security/fuzz.ts). Exits 1 when any input got a 5xx, an API error that is not
 * problem+json, or a partial write.
 *
 *   npm run fuzz -- [inputs per tier] [seed]
 */
import cliProgress from 'cli-progress';
import { dbTiers } from '../test/support/db-tiers.ts';
import { openArena } from '../test/security/arena.ts';
import { runFuzz } from '../test/security/fuzz.ts';

const n = Number(process.argv[2] ?? process.env.FUZZ_INPUTS ?? 100_000);
const seed = Number(process.argv[3] ?? process.env.FUZZ_SEED ?? 1);
let failed = 0;

for (const tier of dbTiers()) {
  const arena = await openArena(await tier.open(), tier.name);
  const bar = new cliProgress.SingleBar(
    { format: `fuzz [${tier.name}] {bar} {percentage}% | {value}/{total} inputs | {rate}/s | ETA {eta_formatted}`, etaBuffer: 200 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(n, 0, { rate: '0' });
  const t0 = performance.now();
  const f = await runFuzz(arena, {
    n,
    seed,
    maxFailures: 200,
    onInput: (done) => {
      if (done % 25 === 0 || done === n) bar.update(done, { rate: (done / ((performance.now() - t0) / 1000)).toFixed(0) });
    },
  });
  bar.stop();
  const classes: Record<string, number> = {};
  for (const [s, c] of Object.entries(f.byStatus)) classes[`${s[0]}xx`] = (classes[`${s[0]}xx`] ?? 0) + c;
  console.log(`fuzz [${tier.name}]: ${f.inputs} inputs over ${f.routes} routes (seed ${seed}) in ${(f.ms / 1000).toFixed(0)} s`);
  console.log(`  by class: ${JSON.stringify(classes)}`);
  console.log(`  by status: ${JSON.stringify(f.byStatus)}`);
  console.log(`  failures (5xx, error not problem+json, partial write): ${f.failures.length}`);
  for (const x of f.failures.slice(0, 20)) console.log(`    ${x}`);
  failed += f.failures.length;
  // The log scan of the test app flags a fuzzed value sent in a personal field that also went into a
  // URL (URLs are logged): reported, not fatal here.
  await arena.close().catch((e: Error) => console.log(`  log scan: ${e.message.slice(0, 200)}`));
}
process.exitCode = failed ? 1 : 0;
