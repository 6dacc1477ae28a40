/**
 * People at scale (issue 13): N generated persons (`generatePeople`, the code behind
 * `pobyt demo generate --people N`), then on the same table:
 *
 *   search     `runSearch` for a person recorded in Cyrillic, queried in Latin under another
 *              transliteration (older Russian, Czech, English, …), under the passport spelling and in
 *              Cyrillic — p95; baseline in the same run: an exact indexed lookup by passport number
 *                                                   → aim p95 ≤ 50 ms on the server at 1,000,000, ≤ 10×
 *   intake     the duplicate check (`findDuplicateCandidates`, unscoped) ÷ recording the person
 *              (`recordPerson`: person, variants, passport, audit)              → aim ≤ 20 %
 *   duplicates precision and recall of the candidates offered for the generated true duplicates
 *              (a candidate is right when it is the same generated person)      → printed
 *
 * Tiers: PGlite in memory always, and the PostgreSQL server at BENCH_DATABASE_URL (a throw-away
 * database, bench/support/bench-db.ts) when set. A miss is printed, never an exit status.
 *
 * Flags: --people N (20000), --queries Q (100 per query kind), --intakes I (60), --dup-checks D (200).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/db.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { StaffActor } from '../src/modules/auth/index.ts';
import {
  demoDuplicates,
  demoIdentity,
  demoPersonId,
  EVERYONE,
  findDuplicateCandidates,
  generatePeople,
  nameVariants,
  passportSpelling,
  recordPerson,
  runSearch,
} from '../src/modules/people/index.ts';
import { openBenchDb } from './support/bench-db.ts';
import { intFlag, parseBenchArgs } from './support/flags.ts';

const log = (s: string) => process.stderr.write(`people-bench: ${s}\n`);
const now = () => performance.now();
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const ms = (x: number) => `${x.toFixed(2)} ms`;
const SEED = 1;

function parseArgs(argv: string[]) {
  const o = { people: 20_000, queries: 100, intakes: 60, dupChecks: 200 };
  parseBenchArgs(
    'people',
    argv,
    'usage: node --import tsx bench/people.bench.ts [--people N] [--queries Q] [--intakes I] [--dup-checks D]',
    (name, raw) => {
      if (name === '--people') o.people = intFlag(name, raw, 100);
      else if (name === '--queries') o.queries = intFlag(name, raw, 10);
      else if (name === '--intakes') o.intakes = intFlag(name, raw, 10);
      else if (name === '--dup-checks') o.dupChecks = intFlag(name, raw, 10);
      else return false;
      return true;
    },
  );
  return o;
}

interface Tier {
  handle: DatabaseHandle;
  tier: string;
  kind: 'pglite' | 'postgres';
}

async function tiers(): Promise<Array<() => Promise<Tier>>> {
  const out: Array<() => Promise<Tier>> = [
    async () => {
      const h = await openDatabase({ pgliteDir: 'memory://' });
      await migrateToLatest(h.db);
      return { handle: h, tier: 'PGlite (in memory)', kind: 'pglite' as const };
    },
  ];
  if (process.env.BENCH_DATABASE_URL) out.push(async () => openBenchDb());
  else log('BENCH_DATABASE_URL not set: PGlite only');
  return out;
}

/** A query for person i: its name under one Latin system other than the passport's, the passport spelling, or Cyrillic. */
function queriesFor(i: number): { kind: 'other-latin' | 'passport' | 'cyrillic'; q: string }[] {
  const d = demoIdentity(SEED, i);
  const native = d.nativeName!;
  const vs = nameVariants(native, { nationality: d.nationality });
  const pass = passportSpelling(native, d.nationality);
  const others = vs.filter(
    (v) => v.system !== 'native' && v.system !== 'passport' && /^[A-Za-z' -]+$/.test(v.text) && v.folded !== pass.toLowerCase(),
  );
  const other = others.length ? others[i % others.length]!.text : pass;
  return [
    { kind: 'other-latin', q: other },
    { kind: 'passport', q: pass },
    { kind: 'cyrillic', q: native },
  ];
}

async function benchTier(t: Tier, o: ReturnType<typeof parseArgs>) {
  const db = t.handle.db;
  log(`${t.tier}: generating ${o.people} persons`);
  let t0 = now();
  let lastPct = -1;
  const g = await generatePeople(db, {
    count: o.people,
    seed: SEED,
    onProgress: (d, n) => {
      const p = Math.floor((d / n) * 10);
      if (p !== lastPct) log(`  ${d}/${n}`);
      lastPct = p;
    },
  });
  const genS = (now() - t0) / 1000;
  if (t.kind === 'postgres') await sql`analyze`.execute(db);
  log(`${t.tier}: ${g.persons} persons, ${g.duplicates} true duplicates, ${g.variants} variants in ${genS.toFixed(1)} s`);

  // Sample persons recorded in Cyrillic (first records, not duplicates).
  const sample: number[] = [];
  for (let i = 0; sample.length < o.queries && i < o.people * 4; i++) {
    const k = (i * 7919) % o.people;
    if (demoIdentity(SEED, k).duplicateOf === null) sample.push(k);
  }
  const kinds = new Map<string, { times: number[]; found: number; n: number }>();
  const exact: number[] = [];
  // warm-up
  for (const k of sample.slice(0, 10))
    for (const q of queriesFor(k)) await db.transaction().execute((trx) => runSearch(trx, EVERYONE, { q: q.q }));
  for (const k of sample) {
    const id = demoPersonId(k);
    for (const q of queriesFor(k)) {
      t0 = now();
      const hits = await db.transaction().execute((trx) => runSearch(trx, EVERYONE, { q: q.q }));
      const dt = now() - t0;
      const e = kinds.get(q.kind) ?? { times: [], found: 0, n: 0 };
      e.times.push(dt);
      e.n++;
      if (hits.some((h) => h.personId === id)) e.found++;
      kinds.set(q.kind, e);
    }
    const number = demoIdentity(SEED, k).passport;
    t0 = now();
    await db
      .transaction()
      .execute((trx) =>
        sql`select p.id, p.surname, p.given_names from person_passports pp join persons p on p.id = pp.person_id where pp.number = ${number}`.execute(
          trx,
        ),
      );
    exact.push(now() - t0);
  }
  const all = [...kinds.values()].flatMap((e) => e.times);
  const searchP95 = pct(all, 95);
  const exactP95 = pct(exact, 95);

  // Intake: recording a new person vs the duplicate check on it.
  const actor: StaffActor = {
    kind: 'staff',
    id: randomUUID(),
    username: 'bench',
    displayName: 'Bench',
    role: 'officer',
    officeId: null,
    orgId: null,
  };
  const intake: number[] = [];
  const check: number[] = [];
  for (let j = 0; j < o.intakes; j++) {
    const d = demoIdentity(SEED + 1, j, 0);
    const [surname, givenNames] = splitName(passportSpelling(d.nativeName!, d.nationality));
    const p = {
      surname,
      givenNames,
      nativeName: d.nativeName,
      nationality: d.nationality,
      dateOfBirth: d.dateOfBirth,
      sex: d.sex,
      passport: { number: `B${d.passport}`, nationality: d.nationality, expiresOn: d.passportExpires, source: 'bench' },
    };
    await db.transaction().execute(async (trx) => {
      t0 = now();
      // no scope providers are registered in the bench: the check inside recordPerson sees nobody
      const r = await recordPerson(trx, actor, p, { requestId: null, fieldPrefix: '/applicant' });
      const t1 = now();
      const variants = (
        await sql<{
          folded: string;
          text: string;
        }>`select folded, variant as text from person_name_variants where person_id = ${r.personId}`.execute(trx)
      ).rows;
      const t2 = now();
      await findDuplicateCandidates(trx, EVERYONE, {
        personIds: [r.personId],
        variants,
        dateOfBirth: p.dateOfBirth,
        passportNumbers: [p.passport.number],
      });
      const t3 = now();
      if (j >= 5) {
        intake.push(t1 - t0);
        check.push(t3 - t2);
      }
    });
  }
  const intakeMean = mean(intake);
  const checkMean = mean(check);

  // Duplicates: candidates for each generated true duplicate.
  const pairs = demoDuplicates(o.people, SEED).slice(0, o.dupChecks);
  const groupOf = new Map<string, string>();
  for (const [dupId, origId] of demoDuplicates(o.people, SEED)) {
    groupOf.set(dupId, origId);
    groupOf.set(origId, origId);
  }
  let offered = 0;
  let right = 0;
  let recalled = 0;
  for (const [dupId, origId] of pairs) {
    const c = await db.transaction().execute(async (trx) => {
      const variants = (
        await sql<{
          folded: string;
          text: string;
        }>`select folded, variant as text from person_name_variants where person_id = ${dupId}`.execute(trx)
      ).rows;
      const me = (await sql<{ date_of_birth: string }>`select date_of_birth::text from persons where id = ${dupId}`.execute(trx)).rows[0]!;
      const numbers = (await sql<{ number: string }>`select number from person_passports where person_id = ${dupId}`.execute(trx)).rows.map(
        (r) => r.number,
      );
      return findDuplicateCandidates(trx, EVERYONE, {
        personIds: [dupId],
        variants,
        dateOfBirth: me.date_of_birth,
        passportNumbers: numbers,
      });
    });
    offered += c.length;
    right += c.filter((x) => groupOf.get(x.personId) === origId).length;
    if (c.some((x) => x.personId === origId)) recalled++;
  }
  const precision = offered ? right / offered : 1;
  const recall = pairs.length ? recalled / pairs.length : 1;

  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const lines = [
    `${t.tier}: N = ${o.people} persons (${g.duplicates} true duplicates, ${g.variants} variants; generated in ${genS.toFixed(1)} s)`,
    ...[...kinds].map(
      ([k, e]) => `  search ${k.padEnd(12)} p50 ${ms(pct(e.times, 50))}  p95 ${ms(pct(e.times, 95))}  found ${e.found}/${e.n}`,
    ),
    `  search all          p95 ${ms(searchP95)} (${all.length} queries)  exact passport lookup p95 ${ms(exactP95)}  ratio ${(searchP95 / exactP95).toFixed(1)}×`,
    `    aim p95 ≤ 50 ms${t.kind === 'postgres' ? '' : ' (server aim; shown for PGlite)'}: ${verdict(searchP95 <= 50)} at N = ${o.people}; aim ratio ≤ 10×: ${verdict(searchP95 / exactP95 <= 10)}`,
    `  intake (recordPerson) mean ${ms(intakeMean)}; duplicate check mean ${ms(checkMean)} = ${((checkMean / intakeMean) * 100).toFixed(0)} % of it (${intake.length} intakes)`,
    `    aim ≤ 20 %: ${verdict(checkMean / intakeMean <= 0.2)}`,
    `  duplicate candidates on ${pairs.length} true duplicates: ${offered} offered, precision ${(precision * 100).toFixed(1)} %, recall ${(recall * 100).toFixed(1)} %`,
  ];
  console.log(lines.join('\n'));
}

function splitName(s: string): [string, string] {
  const i = s.indexOf(' ');
  return i < 0 ? [s, s] : [s.slice(0, i), s.slice(i + 1)];
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  for (const open of await tiers()) {
    const t = await open();
    const stop = () => void t.handle.close().finally(() => process.exit(130));
    process.once('SIGINT', stop);
    try {
      await benchTier(t, o);
    } finally {
      process.off('SIGINT', stop);
      await t.handle.close();
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
