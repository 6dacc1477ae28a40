/**
 * Case API benchmark: the cost of the main case endpoints as RATIOS against baselines measured in the
 * same run, in the same process (Fastify's `inject`, no network). Absolute figures depend on the
 * machine and its load; only the ratios are meant to be compared between runs.
 *
 *   baseline A   a bare Fastify route on a separate minimal instance returning {ok:true}
 *   queue        GET /api/v1/queue (bearer) with --cases open cases in the office      → ratio vs A
 *   baseline B   one raw SQL insert of 4 rows into audit_events through the same Kysely db
 *   intake ok    POST /api/v1/cases/tolerance, admissible (applicant, case, action, audit) → ratio vs B
 *   intake ret   POST /api/v1/cases/tolerance, inadmissible (+ PDF return letter)    → ratio vs intake ok
 *
 * A scenario and its baseline run interleaved in rounds, so drift in machine load hits both alike.
 *
 * Database: BENCH_DATABASE_URL (a PostgreSQL server; a fresh throw-away database is created on it and
 * dropped at the end) or else an in-memory PGlite.
 *
 * Flags: --iterations N (timed requests per scenario, default 200), --warmup N (default 20),
 *        --rounds N (interleaving rounds, default 5), --cases N (open cases for the queue, default 200),
 *        --baseline-factor N (the cheap baselines run and warm up N× as many requests; default 10).
 */
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { openBenchDb } from './support/bench-db.ts';
import { startTestApp } from '../test/support/test-app.ts';
import { intakeBody } from '../test/support/fixtures.ts';
import { intFlag, parseBenchArgs } from './support/flags.ts';

// ---------- options ----------

interface Options {
  iterations: number;
  warmup: number;
  rounds: number;
  cases: number;
  baselineFactor: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { iterations: 200, warmup: 20, rounds: 5, cases: 200, baselineFactor: 10 };
  const flags: Record<string, keyof Options> = {
    '--iterations': 'iterations',
    '--warmup': 'warmup',
    '--rounds': 'rounds',
    '--cases': 'cases',
    '--baseline-factor': 'baselineFactor',
  };
  parseBenchArgs(
    'case-api',
    argv,
    'usage: npm run bench -- [--iterations N] [--warmup N] [--rounds N] [--cases N] [--baseline-factor N]',
    (name, raw) => {
      const key = flags[name];
      if (!key) return false;
      o[key] = intFlag(name, raw, key === 'warmup' ? 0 : 1);
      return true;
    },
  );
  return o;
}

// ---------- database ----------

// ---------- measuring ----------

type Op = () => Promise<void>;

/** `warmup` overrides --warmup: the cheap baselines warm up with as many more requests as they time. */
interface Scenario {
  name: string;
  op: Op;
  iterations: number;
  warmup?: number;
  samples: number[];
}

interface Stats {
  name: string;
  n: number;
  opsPerSec: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
}

function stats(s: Scenario): Stats {
  const xs = [...s.samples].sort((a, b) => a - b);
  const n = xs.length;
  const total = xs.reduce((a, b) => a + b, 0);
  const rank = (p: number) => xs[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))]!; // nearest rank
  return { name: s.name, n, opsPerSec: n / (total / 1000), meanMs: total / n, p50Ms: rank(0.5), p99Ms: rank(0.99) };
}

async function timeBlock(s: Scenario, count: number) {
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await s.op();
    s.samples.push(performance.now() - t0);
  }
}

/** Warm every scenario up, then run them in interleaved rounds (A, B, C, A, B, C, …). */
async function runGroup(group: Scenario[], opts: Options) {
  for (const s of group) {
    const warmup = s.warmup ?? opts.warmup;
    process.stderr.write(`bench: warm-up ${s.name} (${warmup})\n`);
    for (let i = 0; i < warmup; i++) await s.op();
  }
  for (let r = 0; r < opts.rounds; r++) {
    for (const s of group) {
      // Spread the iterations over the rounds; the first rounds take the remainder.
      const count = Math.floor(s.iterations / opts.rounds) + (r < s.iterations % opts.rounds ? 1 : 0);
      await timeBlock(s, count);
    }
  }
  for (const s of group) {
    const st = stats(s);
    process.stderr.write(`bench: done ${s.name}: ${st.n} ops, ${st.opsPerSec.toFixed(1)} ops/s, mean ${st.meanMs.toFixed(3)} ms\n`);
  }
}

function expectStatus(what: string, got: number, want: number, body: string) {
  if (got !== want) throw new Error(`${what}: expected HTTP ${want}, got ${got}: ${body.slice(0, 500)}`);
}

// ---------- main ----------

const NOW = '2026-11-24T09:00:00Z';
const RECEIVED_ON = '2026-11-24';

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const { handle, tier } = await openBenchDb();
  process.stderr.write(`bench: database tier: ${tier}\n`);
  // The app as the tests build it: directory loaded, staff users (olga is an officer at PHA-ZUK), fixed clock, logger off.
  const t = await startTestApp(handle, { now: NOW });
  const bare = Fastify({ logger: false });
  try {
    bare.get('/ok', async () => ({ ok: true }));
    await bare.ready();

    const token = await t.token('olga');
    const auth = { authorization: `Bearer ${token}` };
    const app = t.app;

    const intake = (body: unknown, wantStatus: string) => async () => {
      const r = await app.inject({ method: 'POST', url: '/api/v1/cases/tolerance', headers: auth, payload: body as object });
      expectStatus('intake', r.statusCode, 201, r.body);
      const status = (r.json() as { status?: string }).status;
      if (status !== wantStatus) throw new Error(`intake: expected status ${wantStatus}, got ${status}`);
    };
    const admissible = () => intakeBody({ receivedOn: RECEIVED_ON });
    // Paid in cash: not a way to pay the fee → inadmissible, and a PDF return letter is rendered and stored.
    const inadmissible = () => intakeBody({ receivedOn: RECEIVED_ON, checklist: { fee: { method: 'cash', amountCzk: 300 } } });

    // Seed the office's queue with open cases.
    process.stderr.write(`bench: seeding ${opts.cases} open cases in PHA-ZUK\n`);
    for (let i = 0; i < opts.cases; i++) await intake(admissible(), 'under_assessment')();
    const q = await app.inject({ method: 'GET', url: '/api/v1/queue', headers: auth });
    expectStatus('queue', q.statusCode, 200, q.body);
    const queueLen = (q.json() as { items: unknown[] }).items.length;
    if (queueLen !== opts.cases) throw new Error(`queue: expected ${opts.cases} open cases, got ${queueLen}`);

    const nBase = opts.iterations * opts.baselineFactor;
    const warmBase = opts.warmup * opts.baselineFactor;

    // Group 1: the queue read against a bare Fastify route.
    const baseA: Scenario = {
      name: 'baseline A: bare Fastify GET {ok:true}',
      iterations: nBase,
      warmup: warmBase,
      samples: [],
      op: async () => {
        const r = await bare.inject({ method: 'GET', url: '/ok' });
        if (r.statusCode !== 200) throw new Error(`baseline A: HTTP ${r.statusCode}`);
      },
    };
    const queue: Scenario = {
      name: `GET /api/v1/queue (${opts.cases} open cases)`,
      iterations: opts.iterations,
      samples: [],
      op: async () => {
        const r = await app.inject({ method: 'GET', url: '/api/v1/queue', headers: auth });
        expectStatus('queue', r.statusCode, 200, r.body);
      },
    };
    await runGroup([baseA, queue], opts);

    // Group 2: intake against a raw insert of a similar row count (applicant, case, action, audit = 4 rows).
    const baseB: Scenario = {
      name: 'baseline B: raw SQL insert, 4 rows audit_events',
      iterations: nBase,
      warmup: warmBase,
      samples: [],
      op: async () => {
        await sql`insert into audit_events (actor_id, action, entity_type, entity_id, after, request_id) values
          (null, 'bench.insert', 'bench', 'a', '{"status":"under_assessment","version":1}'::jsonb, 'bench'),
          (null, 'bench.insert', 'bench', 'b', '{"status":"under_assessment","version":1}'::jsonb, 'bench'),
          (null, 'bench.insert', 'bench', 'c', '{"status":"under_assessment","version":1}'::jsonb, 'bench'),
          (null, 'bench.insert', 'bench', 'd', '{"status":"under_assessment","version":1}'::jsonb, 'bench')`.execute(handle.db);
      },
    };
    const intakeOk: Scenario = {
      name: 'POST /api/v1/cases/tolerance admissible',
      iterations: opts.iterations,
      samples: [],
      op: () => intake(admissible(), 'under_assessment')(),
    };
    const intakeRet: Scenario = {
      name: 'POST /api/v1/cases/tolerance inadmissible + PDF',
      iterations: opts.iterations,
      samples: [],
      op: () => intake(inadmissible(), 'inadmissible')(),
    };
    await runGroup([baseB, intakeOk, intakeRet], opts);

    // ---------- report ----------
    const rows = [baseA, queue, baseB, intakeOk, intakeRet].map(stats);
    const [sA, sQ, sB, sOk, sRet] = rows as [Stats, Stats, Stats, Stats, Stats];
    const head = ['scenario', 'n', 'ops/s', 'mean ms', 'p50 ms', 'p99 ms'];
    const body = rows.map((r) => [
      r.name,
      String(r.n),
      r.opsPerSec.toFixed(1),
      r.meanMs.toFixed(3),
      r.p50Ms.toFixed(3),
      r.p99Ms.toFixed(3),
    ]);
    const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
    console.log(`pobyt case API bench — ${tier}; ${new Date().toISOString().slice(0, 10)}; node ${process.version}`);
    console.log(`iterations ${opts.iterations}, warm-up ${opts.warmup} (baselines ×${opts.baselineFactor} both), rounds ${opts.rounds}`);
    console.log('');
    console.log(line(head));
    console.log(w.map((x) => '-'.repeat(x)).join('  '));
    for (const b of body) console.log(line(b));
    console.log('');
    console.log('ratios (mean latency ÷ baseline mean latency; "× slower than the baseline"):');
    const ratio = (label: string, a: Stats, b: Stats) =>
      console.log(`  ${label.padEnd(44)} ${(a.meanMs / b.meanMs).toFixed(2).padStart(8)}×   (p50: ${(a.p50Ms / b.p50Ms).toFixed(2)}×)`);
    ratio('queue ÷ baseline A (bare Fastify route)', sQ, sA);
    ratio('intake admissible ÷ baseline B (raw insert)', sOk, sB);
    ratio('intake inadmissible ÷ intake admissible', sRet, sOk);
    console.log(`\ntotal wall time ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await bare.close();
    await t.close();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
