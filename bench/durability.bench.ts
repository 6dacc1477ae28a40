/**
 * Durability benchmark: what the durable PGlite (the default since issue 10: fsync reaches the disk)
 * costs against PGlite's relaxed mode (PGLITE_DURABILITY=relaxed, fsync off), on two data directories
 * in the temp folder, in the same process, in alternating rounds so machine load hits both:
 *
 *   1. commit   one audit event per transaction (autocommit insert, chained)  → ratio durable ÷ relaxed
 *   2. intake   POST /api/v1/cases/tolerance through inject (one transaction writing applicant,
 *               number, case, action and audit rows, then the case view)       → ratio durable ÷ relaxed
 *
 * Prints the fsync calls the durable file system passed to the disk. Absolute figures depend on the
 * disk (a laptop SSD, a VM's virtual disk, tmpfs); only the ratio of a run means anything.
 * No flags (the other benches' flags are ignored); exit 0 always — a ratio is printed, not enforced.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, pgliteFsyncCount } from '../src/platform/db/db.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { writeAudit } from '../src/platform/audit.ts';
import { startTestApp, type TestApp } from '../test/support/test-app.ts';
import { intakeBody } from '../test/support/fixtures.ts';

const ROUNDS = 5;
const COMMITS = 60;
const INTAKES = 20;

const dirs: string[] = [];
async function open(durability: 'durable' | 'relaxed'): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), `pobyt-bench-${durability}-`));
  dirs.push(dir);
  const h = await openDatabase({ pgliteDir: dir, durability });
  await migrateToLatest(h.db);
  return startTestApp(h, { now: '2024-03-04T09:00:00Z' });
}

const modes = { relaxed: await open('relaxed'), durable: await open('durable') };
const time = { commit: { relaxed: 0, durable: 0 }, intake: { relaxed: 0, durable: 0 } };
const fsyncsBefore = pgliteFsyncCount();
for (let r = 0; r < ROUNDS; r++) {
  for (const m of r % 2 ? (['durable', 'relaxed'] as const) : (['relaxed', 'durable'] as const)) {
    const t = modes[m];
    let s = performance.now();
    for (let i = 0; i < COMMITS; i++)
      await writeAudit(t.handle.db, { actorId: null, action: 'bench.commit', entityType: 'bench', entityId: String(i) });
    time.commit[m] += performance.now() - s;
    s = performance.now();
    for (let i = 0; i < INTAKES; i++) {
      const res = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-03-04' }) });
      if (res.status !== 201) throw new Error(`intake ${res.status}`);
    }
    time.intake[m] += performance.now() - s;
  }
  process.stderr.write(`durability-bench: round ${r + 1}/${ROUNDS}\n`);
}
const fsyncs = pgliteFsyncCount() - fsyncsBefore;
const row = (name: string, n: number, ms: number) =>
  `${name.padEnd(44)} ${String(n).padStart(5)} ${(ms / n).toFixed(2).padStart(8)} ${((n / ms) * 1000).toFixed(1).padStart(8)}`;
console.log(`pobyt durability bench — PGlite on ${tmpdir()}; node ${process.version}`);
console.log(`${'run'.padEnd(44)} ${'n'.padStart(5)} ${'ms/op'.padStart(8)} ${'ops/s'.padStart(8)}`);
for (const k of ['commit', 'intake'] as const) {
  const n = (k === 'commit' ? COMMITS : INTAKES) * ROUNDS;
  console.log(row(`${k}, relaxed (fsync off)`, n, time[k].relaxed));
  console.log(row(`${k}, durable (fsync on, default)`, n, time[k].durable));
}
console.log(`\nratios (durable ÷ relaxed, time):`);
console.log(`  one-row commit   ${(time.commit.durable / time.commit.relaxed).toFixed(2)}×`);
console.log(`  intake           ${(time.intake.durable / time.intake.relaxed).toFixed(2)}×`);
console.log(
  `  fsync calls passed to the disk by the durable file system: ${fsyncs} (${(fsyncs / ((COMMITS + INTAKES) * ROUNDS)).toFixed(1)} per transaction)`,
);
await modes.relaxed.close();
await modes.durable.close();
for (const d of dirs) rmSync(d, { recursive: true, force: true });
