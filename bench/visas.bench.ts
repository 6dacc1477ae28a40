/**
 * Visa register benchmark: three scenarios, each reported as a RATIO against a baseline measured in the
 * same run, in the same process. Absolute figures depend on the machine and its load; only the ratios
 * are meant to be compared between runs.
 *
 *   2. verify    POST /api/v1/authority/verify (API key, random one of --verify-visas seeded visas) under
 *                autocannon over loopback, against a bare Fastify POST route returning a constant, on a
 *                second instance in the same process, with the same load      → ratio req/s verify ÷ bare
 *   3. booking   --attempts parallel POST /api/v1/appointments (distinct visas) on one 10-seat slot:
 *                exactly 10 must succeed; its p99 latency against the median of 50 sequential,
 *                uncontended bookings on other slots                            → ratio race p99 ÷ single
 *   1. extension --visas eligible visas (plus a few ineligible): a raw `UPDATE visas SET valid_to` over
 *                the same eligibility predicate in a rolled-back transaction, then the real extendVisas
 *                (visa_extensions, valid_to, audit and change events, in batches) → ratio extension ÷ UPDATE
 *
 * They run in the order 2, 3, 1: the HTTP scenarios on a small database first, so the million-row
 * seeding and its aftermath (autovacuum, checkpoints) do not run under them; the extension last.
 * Within scenario 2 the two targets alternate bare, verify, verify, bare (two halves of --seconds each),
 * after a short untimed warm-up of both, so drift in machine load hits both alike.
 *
 * Database: BENCH_DATABASE_URL (a PostgreSQL server; a fresh throw-away database is created on it and
 * dropped at the end, also on failure or Ctrl-C) or else an in-memory PGlite.
 *
 * Flags: --visas N (default 1000000 on a server, 20000 on PGlite), --batch N (10000), --seconds S (10),
 *        --connections C (50), --attempts A (1000), --verify-visas N (1000),
 *        --only extension,verify,booking (a subset of the scenarios).
 * Flags of the other benches (--iterations, --warmup, --rounds, --cases, --baseline-factor) are
 * accepted and ignored, so `npm run bench -- --iterations 500` still runs this file.
 * Exit status 1 when a check fails (extension counts, non-2xx under load, not exactly 10 bookings).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../src/platform/db/db.ts';
import { extendVisas } from '../src/modules/visas/index.ts';
import { parseApiKey, VerificationBatcher } from '../src/modules/agencies/index.ts';
import { massExtensionPlan } from '../src/modules/policy/index.ts';
import { startTestApp, TEST_MASTER_KEY, type TestApp } from '../test/support/test-app.ts';
import { ensureReplica, replicaUrlFor } from '../test/support/replica.ts';
import { seedVisas, type VisaBatch } from '../test/support/seed-visas.ts';
import { openBenchDb } from './support/bench-db.ts';
import { writeAuditFrom } from '../src/platform/audit.ts';
import { appendChangeEventsFrom } from '../src/platform/outbox.ts';
import { intFlag, parseBenchArgs } from './support/flags.ts';

// ---------- options ----------

type ScenarioName = 'extension' | 'verify' | 'booking' | 'replica';
const SCENARIOS: ScenarioName[] = ['extension', 'verify', 'booking', 'replica'];

interface Options {
  visas: number | null;
  batch: number;
  seconds: number;
  connections: number;
  attempts: number;
  verifyVisas: number;
  only: Set<ScenarioName>;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    visas: null,
    batch: 10000,
    seconds: 10,
    connections: 50,
    attempts: 1000,
    verifyVisas: 1000,
    only: new Set(SCENARIOS),
  };
  const ints: Record<string, 'visas' | 'batch' | 'seconds' | 'connections' | 'attempts' | 'verifyVisas'> = {
    '--visas': 'visas',
    '--batch': 'batch',
    '--seconds': 'seconds',
    '--connections': 'connections',
    '--attempts': 'attempts',
    '--verify-visas': 'verifyVisas',
  };
  const usage =
    'usage: node --import tsx bench/visas.bench.ts [--visas N] [--batch N] [--seconds S] [--connections C] [--attempts A] [--verify-visas N] [--only extension,verify,booking,replica]';
  parseBenchArgs('visas', argv, usage, (name, raw) => {
    if (name === '--only') {
      const names = String(raw ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = names.filter((s) => !(SCENARIOS as string[]).includes(s));
      if (!names.length || bad.length) throw new Error(`--only takes a comma list of ${SCENARIOS.join(', ')}; got ${raw}`);
      o.only = new Set(names as ScenarioName[]);
      return true;
    }
    const key = ints[name];
    if (!key) return false;
    o[key] = intFlag(name, raw, 1);
    return true;
  });
  if (o.seconds < 2) throw new Error('--seconds needs at least 2 (two halves per target)');
  if (o.attempts < 10) throw new Error('--attempts needs at least 10: the race expects exactly 10 bookings on a 10-seat slot');
  return o;
}

// ---------- small helpers ----------

const log = (s: string) => process.stderr.write(`visas-bench: ${s}\n`);
const now = () => performance.now();
const secs = (ms: number) => (ms / 1000).toFixed(3);

/** Nearest-rank percentile of unsorted samples. */
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
}

function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), w.map((x) => '-'.repeat(x)).join('  '), ...rows.map(line)].join('\n');
}

const fmtInt = (n: number) => Math.round(n).toString();
const ratio = (x: number) => `${x.toFixed(2)}×`;

/** The `n` column of a one-row count query. */
async function count(db: Db, q: RawBuilder<unknown>): Promise<number> {
  const r = await q.execute(db);
  return Number((r.rows[0] as { n: number | string }).n);
}

// ---------- the load generator (autocannon in a worker thread) ----------

interface LoadSummary {
  runs: number;
  seconds: number;
  completed: number;
  reqPerSec: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  latencyCount: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

class LoadGenerator {
  private worker = new Worker(new URL('./support/load-worker.mjs', import.meta.url));
  private seq = 0;
  private waiting = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  constructor() {
    this.worker.on('message', (m: { id: number; error?: string }) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.error) w.reject(new Error(`load generator: ${m.error}`));
      else w.resolve(m);
    });
    this.worker.on('error', (e) => {
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    });
  }
  private ask(msg: Record<string, unknown>): Promise<any> {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...msg, id });
    });
  }
  async run(
    target: { url: string; path: string; headers: Record<string, string>; visaNumbers: string[] },
    seconds: number,
    connections: number,
  ): Promise<unknown> {
    return (await this.ask({ cmd: 'run', method: 'POST', ...target, seconds, connections })).result;
  }
  async aggregate(results: unknown[]): Promise<LoadSummary> {
    return (await this.ask({ cmd: 'aggregate', results })).summary as LoadSummary;
  }
  stop() {
    return this.worker.terminate();
  }
}

// ---------- setup ----------

const NOW = '2026-11-24T09:00:00Z';
const RULE = 'auto_extension.tolerance_2023';
const OFFICE = 'PHA-ZUK';
const DOB = '1980-01-01';
const visaNumber = (tag: string, n: number) => `VT-${tag.toUpperCase()}${String(n).padStart(8, '0')}`;
/** Visas a holder can book with and an authority can verify as valid on NOW (issued 2026, valid to 2027). */
const CURRENT: Omit<VisaBatch, 'n' | 'tag'> = { issuedOn: '2026-01-15', validTo: '2027-06-30', warRelated: true };

interface Report {
  lines: string[];
  failures: string[];
}

// ---------- scenario 2: authority verification under load ----------

async function benchVerify(t: TestApp, o: Options, olgaId: string, loader: LoadGenerator, rep: Report) {
  log(`verify: seeding ${o.verifyVisas} visas to verify, registering an authority client`);
  await seedVisas(t.handle.db, OFFICE, olgaId, { n: o.verifyVisas, tag: 'au', ...CURRENT });
  const nums = Array.from({ length: o.verifyVisas }, (_, i) => visaNumber('au', i + 1));
  const c = await t.call('POST', '/api/v1/admin/authorities', {
    as: 'adam',
    body: { name: 'Bench health insurer', kind: 'health_insurance' },
  });
  if (c.status !== 201) throw new Error(`creating an authority client: HTTP ${c.status} ${JSON.stringify(c.body)}`);
  const apiKey = c.body.apiKey as string;
  const probe = await t.call('POST', '/api/v1/authority/verify', { headers: { 'x-api-key': apiKey }, body: { visaNumber: nums[0] } });
  if (probe.status !== 200 || probe.body.status !== 'valid')
    throw new Error(`verify probe: HTTP ${probe.status} ${JSON.stringify(probe.body)}`);

  const bare: FastifyInstance = Fastify({ logger: false });
  // The floor: a bare Fastify route (no schema, validation, rate limit, hooks or scoped answer) running
  // the same SQL the way the verify route does — the same batcher over the same pool.
  const floor: FastifyInstance = Fastify({ logger: false });
  const floorBatcher = new VerificationBatcher(t.handle.db, t.handle.kind === 'postgres' ? t.handle.pool : undefined);
  floor.post('/api/v1/authority/verify', async (req) => {
    const key = parseApiKey(String(req.headers['x-api-key']));
    const body = req.body as { visaNumber: string };
    const r = await floorBatcher.verify({ ...key!, query: { visaNumber: body.visaNumber }, requestId: String(req.id) });
    return r.visa;
  });
  try {
    const constant = {
      asOf: '2026-11-24',
      visaNumber: nums[0],
      status: 'valid',
      visaCode: 'D/VS/91',
      validFrom: CURRENT.issuedOn,
      validTo: CURRENT.validTo,
      publicHealthInsurance: false,
    };
    bare.post('/api/v1/authority/verify', async () => constant);
    await bare.listen({ port: 0, host: '127.0.0.1' });
    await floor.listen({ port: 0, host: '127.0.0.1' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const urlOf = (f: FastifyInstance) => `http://127.0.0.1:${(f.server.address() as AddressInfo).port}`;
    const headers = { 'content-type': 'application/json', 'x-api-key': apiKey };
    const targets = {
      bare: { url: urlOf(bare), path: '/api/v1/authority/verify', headers, visaNumbers: nums },
      floor: { url: urlOf(floor), path: '/api/v1/authority/verify', headers, visaNumbers: nums },
      verify: { url: urlOf(t.app), path: '/api/v1/authority/verify', headers, visaNumbers: nums },
    };
    const half = o.seconds / 2;
    const warm = Math.min(2, o.seconds);
    const results: Record<'bare' | 'floor' | 'verify', unknown[]> = { bare: [], floor: [], verify: [] };
    for (const k of ['bare', 'floor', 'verify'] as const) {
      log(`verify: warm-up ${k} ${warm} s × ${o.connections} connections`);
      const w = await loader.aggregate([await loader.run(targets[k], warm, o.connections)]);
      if (k === 'verify' && (w.non2xx || w.errors))
        throw new Error(`verify warm-up: ${w.non2xx} non-2xx, ${w.errors} errors, status codes ${JSON.stringify(w.statusCodes)}`);
    }
    // The audit rows the measured verify halves write tell how many statements served them: each
    // statement is one transaction, so its rows share one xmin.
    const lastAuditId = async () =>
      Number((await sql<{ id: string | null }>`select max(id) as id from audit_events`.execute(t.handle.db)).rows[0]!.id ?? 0);
    let auditFrom = 0;
    let auditTo = 0;
    const order = ['bare', 'floor', 'verify', 'verify', 'floor', 'bare'] as const;
    for (const [i, k] of order.entries()) {
      if (k === 'verify' && order[i - 1] !== 'verify') auditFrom = await lastAuditId();
      log(`verify: ${k} ${half} s × ${o.connections} connections`);
      results[k].push(await loader.run(targets[k], half, o.connections));
      if (k === 'verify' && order[i + 1] !== 'verify') auditTo = await lastAuditId();
    }
    const audited = (
      await sql<{ n: number; statements: number }>`
      select count(*)::int as n, count(distinct xmin::text)::int as statements from audit_events
      where action = 'authority.verify' and id > ${auditFrom} and id <= ${auditTo}`.execute(t.handle.db)
    ).rows[0]!;
    const sBare = await loader.aggregate(results.bare);
    const sVerify = await loader.aggregate(results.verify);
    const sFloor = await loader.aggregate(results.floor);
    const ok = sVerify.statusCodes['200'] ?? 0;
    const row = (name: string, s: LoadSummary) => [
      name,
      String(s.completed),
      s.seconds.toFixed(1),
      s.reqPerSec.toFixed(0),
      String(s.p50),
      String(s.p99),
      String(s.non2xx),
      String(s.errors + s.timeouts),
    ];
    rep.lines.push(
      `2. authority verification — autocannon (worker thread) over 127.0.0.1, ${o.connections} connections, ` +
        `${half} s × 2 per target in the order bare, floor, verify, verify, floor, bare after ${warm} s warm-up each; a random one of ${o.verifyVisas} visas per request`,
      '',
      table(
        ['target', 'requests', 's', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors'],
        [
          row('baseline: bare Fastify POST, constant body', sBare),
          row('floor: bare Fastify POST, the same SQL', sFloor),
          row('POST /api/v1/authority/verify (x-api-key)', sVerify),
        ],
      ),
      '',
      `  ratio verify ÷ bare (req/s): ${ratio(sVerify.reqPerSec / sBare.reqPerSec)}   (aim ≥ 0.5×: ${sVerify.reqPerSec / sBare.reqPerSec >= 0.5 ? 'met' : 'MISSED'})`,
      `  ratio verify ÷ floor, the same SQL from a bare route (req/s): ${ratio(sVerify.reqPerSec / sFloor.reqPerSec)}   (aim ≥ 0.8×: ${sVerify.reqPerSec / sFloor.reqPerSec >= 0.8 ? 'met' : 'MISSED'})`,
      `  ratio floor ÷ bare (req/s): ${ratio(sFloor.reqPerSec / sBare.reqPerSec)} — what the database work leaves of a bare route`,
      `  latencies: autocannon's, in whole milliseconds, over every response; req/s = completed responses ÷ seconds`,
      `  status codes: verify ${JSON.stringify(sVerify.statusCodes)}, bare ${JSON.stringify(sBare.statusCodes)}`,
      `  audit rows written during the verify halves ${audited.n} by ${audited.statements} statements: ${(audited.n / Math.max(1, audited.statements)).toFixed(1)} lookups per statement` +
        ` (autocannon counts ${ok} answers; up to ${o.connections} per half were still in flight when it stopped counting)`,
      '',
    );
    // In flight when a half ended: verify requests at its halves' edges, floor requests (the same batcher) just before.
    if (audited.n < ok || audited.n > ok + 3 * o.connections)
      rep.failures.push(`verify: ${audited.n} audit rows for ${ok} answers (want one per lookup)`);
    if (sVerify.non2xx || sVerify.errors || sVerify.timeouts)
      rep.failures.push(
        `verify: ${sVerify.non2xx} non-2xx, ${sVerify.errors} errors, ${sVerify.timeouts} timeouts (want 0): ${JSON.stringify(sVerify.statusCodes)}`,
      );
    if (sBare.non2xx || sBare.errors || sBare.timeouts)
      rep.failures.push(`bare baseline: ${sBare.non2xx} non-2xx, ${sBare.errors} errors, ${sBare.timeouts} timeouts`);
    return { ratio: sVerify.reqPerSec / sBare.reqPerSec, floor: sVerify.reqPerSec / sFloor.reqPerSec };
  } finally {
    await bare.close();
    await floor.close();
  }
}

// ---------- scenario 3: booking race ----------

async function benchBooking(t: TestApp, o: Options, olgaId: string, rep: Report) {
  const WARM = 10;
  const SINGLE = 50;
  const n = WARM + SINGLE + o.attempts;
  log(`booking: seeding ${n} bookable visas and ${WARM + SINGLE + 1} slots`);
  await seedVisas(t.handle.db, OFFICE, olgaId, { n, tag: 'bk', ...CURRENT });
  const t0 = new Date('2026-12-01T07:00:00Z').getTime();
  const slots = await t.handle.db
    .insertInto('appointment_slots')
    .values(
      Array.from({ length: WARM + SINGLE + 1 }, (_, i) => ({
        office_id: OFFICE,
        purpose: 'sticker' as const,
        starts_at: new Date(t0 + i * 30 * 60_000),
        minutes: 30,
        capacity: 10,
      })),
    )
    .returning('id')
    .execute();
  const raceSlot = slots.at(-1)!.id;

  const book = async (visa: number, slotId: string) => {
    const s = now();
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      payload: { visaNumber: visaNumber('bk', visa), dateOfBirth: DOB, slotId },
    });
    return { ms: now() - s, status: r.statusCode, body: r.body };
  };

  // Uncontended: one booking at a time, each on its own slot (WARM untimed first).
  log(`booking: ${WARM} warm-up + ${SINGLE} sequential uncontended bookings`);
  const single: number[] = [];
  for (let i = 0; i < WARM + SINGLE; i++) {
    const r = await book(i + 1, slots[i]!.id);
    if (r.status !== 201) throw new Error(`uncontended booking ${i + 1}: HTTP ${r.status} ${r.body.slice(0, 300)}`);
    if (i >= WARM) single.push(r.ms);
  }

  // The race: every attempt started at once on the one 10-seat slot.
  log(`booking: race of ${o.attempts} parallel attempts on one 10-seat slot`);
  const raceStart = now();
  const race = await Promise.all(Array.from({ length: o.attempts }, (_, i) => book(WARM + SINGLE + i + 1, raceSlot)));
  const raceWall = now() - raceStart;
  const byStatus: Record<string, number> = {};
  for (const r of race) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const ok = byStatus['201'] ?? 0;
  const full = race.filter((r) => r.status === 409 && r.body.includes('APPOINTMENT.SLOT_FULL')).length;
  const seat = await t.handle.db.selectFrom('appointment_slots').select('booked').where('id', '=', raceSlot).executeTakeFirstOrThrow();
  const rows = await count(t.handle.db, sql`select count(*)::int as n from appointments where slot_id = ${raceSlot} and status = 'booked'`);

  const lat = race.map((r) => r.ms);
  const singleP50 = pct(single, 0.5);
  rep.lines.push(
    `3. booking race — app.inject (in process), ${o.attempts} attempts with distinct visas started at once on one 10-seat slot; ` +
      `baseline: ${SINGLE} sequential bookings, each on its own slot, after ${WARM} untimed`,
    '',
    table(
      ['run', 'n', 'ok', 'p50 ms', 'p99 ms', 'max ms', 'wall s'],
      [
        [
          'baseline: one uncontended booking at a time',
          String(single.length),
          String(single.length),
          pct(single, 0.5).toFixed(2),
          pct(single, 0.99).toFixed(2),
          Math.max(...single).toFixed(2),
          secs(single.reduce((a, b) => a + b, 0)),
        ],
        [
          `race: ${o.attempts} parallel attempts, 10 seats`,
          String(race.length),
          String(ok),
          pct(lat, 0.5).toFixed(2),
          pct(lat, 0.99).toFixed(2),
          Math.max(...lat).toFixed(2),
          secs(raceWall),
        ],
      ],
    ),
    '',
    `  ratio race p99 ÷ uncontended p50: ${ratio(pct(lat, 0.99) / singleP50)}   (aim ≤ 20×: ${pct(lat, 0.99) / singleP50 <= 20 ? 'met' : 'MISSED'}; race p50 ÷ uncontended p50: ${ratio(pct(lat, 0.5) / singleP50)})`,
    `  outcome: ${JSON.stringify(byStatus)} (409 SLOT_FULL: ${full}); slot booked counter ${seat.booked}, booked rows ${rows}`,
    '',
  );
  if (ok !== 10 || seat.booked !== 10 || rows !== 10)
    rep.failures.push(`booking race: ${ok} succeeded, counter ${seat.booked}, rows ${rows} (want exactly 10 each)`);
  if (full !== o.attempts - ok)
    rep.failures.push(`booking race: ${o.attempts - ok - full} attempts failed otherwise than SLOT_FULL: ${JSON.stringify(byStatus)}`);
  return { ratio: pct(lat, 0.99) / singleP50 };
}

// ---------- scenario 1: mass extension ----------

/** Eligible issue dates and end dates, spread over the rule's window, its edges included. */
const ELIGIBLE_SHAPES: { issuedOn: string; validTo: string }[] = [
  { issuedOn: '2022-02-24', validTo: '2023-01-01' },
  { issuedOn: '2022-05-02', validTo: '2023-03-31' },
  { issuedOn: '2022-07-20', validTo: '2023-07-19' },
  { issuedOn: '2022-09-09', validTo: '2023-09-08' },
  { issuedOn: '2022-12-31', validTo: '2024-03-30' },
];
/** A few visas just outside the predicate, each for one reason. */
const INELIGIBLE: Omit<VisaBatch, 'n'>[] = [
  { tag: 'xnowar', issuedOn: '2022-06-01', validTo: '2023-03-31', warRelated: false },
  { tag: 'xearly', issuedOn: '2022-02-23', validTo: '2023-02-22', warRelated: true },
  { tag: 'xlate', issuedOn: '2023-01-01', validTo: '2023-12-31', warRelated: true },
  { tag: 'xexpired', issuedOn: '2022-03-01', validTo: '2022-12-31', warRelated: true },
  { tag: 'xatend', issuedOn: '2022-06-01', validTo: '2024-03-31', warRelated: true },
  { tag: 'xcancel', issuedOn: '2022-06-01', validTo: '2023-03-31', warRelated: true, status: 'cancelled' },
];
const INELIGIBLE_EACH = 10;
const CHUNK = 100_000;

class Rollback extends Error {}

async function benchExtension(t: TestApp, o: Options, n: number, olgaId: string, rep: Report) {
  const db = t.handle.db;
  const plan = massExtensionPlan(RULE);
  if (plan.windows.length !== 1) throw new Error(`${RULE}: the bench expects one window, the plan has ${plan.windows.length}`);
  const w = plan.windows[0]!;

  // Seed: N eligible visas in chunks of 100k (one transaction each), then the ineligible ones.
  const seedStart = now();
  const chunks = Math.ceil(n / CHUNK);
  for (let i = 0; i < chunks; i++) {
    const size = Math.min(CHUNK, n - i * CHUNK);
    const shape = ELIGIBLE_SHAPES[i % ELIGIBLE_SHAPES.length]!;
    const c0 = now();
    await seedVisas(db, OFFICE, olgaId, { n: size, tag: `m${i}`, ...shape, warRelated: true });
    log(`extension: seeded ${Math.min(n, (i + 1) * CHUNK)}/${n} eligible visas (chunk ${i + 1}/${chunks}, ${secs(now() - c0)} s)`);
  }
  for (const b of INELIGIBLE) await seedVisas(db, OFFICE, olgaId, { ...b, n: INELIGIBLE_EACH });
  log('extension: vacuum analyze (hint bits, visibility map and statistics for both runs alike)');
  for (const tbl of ['applicants', 'cases', 'visas']) await sql`vacuum analyze ${sql.table(tbl)}`.execute(db);
  const seedMs = now() - seedStart;
  log(`extension: seeding done in ${secs(seedMs)} s`);

  const predicate = sql`v.status = 'valid'
    and v.visa_code in (${sql.join(plan.visaCodes)})
    and (${!plan.requiresWarRelated} or v.war_related)
    and v.issued_on between ${w.issuedFrom} and ${w.issuedTo}
    and v.valid_to >= ${w.validOnOrAfter} and v.valid_to < ${w.extendTo}
    and not exists (select 1 from visa_extensions e where e.visa_id = v.id and e.rule_id = ${plan.ruleId})`;
  const eligibleNow = await count(db, sql`select count(*)::int as n from visas v where ${predicate}`);
  if (eligibleNow !== n) throw new Error(`seeding: ${eligibleNow} visas match the eligibility predicate, expected ${n}`);

  // Baseline: the bare UPDATE of the same rows, rolled back so that they stay eligible.
  log(`extension: baseline — raw UPDATE of ${n} rows in a transaction that is rolled back`);
  let updated = -1;
  const b0 = now();
  try {
    await db.transaction().execute(async (trx) => {
      const r = await sql`update visas v set valid_to = ${w.extendTo}::date where ${predicate}`.execute(trx);
      updated = Number(r.numAffectedRows ?? -1);
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  const baseMs = now() - b0;
  log(`extension: baseline updated ${updated} rows in ${secs(baseMs)} s (rolled back); vacuum visas to clear the dead row versions`);
  if (updated !== n) throw new Error(`baseline UPDATE touched ${updated} rows, expected ${n}`);
  await sql`vacuum analyze visas`.execute(db);
  const still = await count(db, sql`select count(*)::int as n from visas v where ${predicate}`);
  if (still !== n) throw new Error(`after the rolled-back UPDATE ${still} visas are eligible, expected ${n}`);

  // Floor: ONE raw set-based statement making the same writes as the job — the extension row, the new
  // validity, the audit event (through the chained audit writer) and the change event — for all N at
  // once, no batches, no job bookkeeping; rolled back as well.
  log(`extension: floor — one set-based statement writing extension, validity, audit and change event for ${n} visas (rolled back)`);
  let floorRows = -1;
  const f0 = now();
  try {
    await db.transaction().execute(async (trx) => {
      const r = await sql<{ n: number }>`
        with picked as (select v.id, v.valid_to from visas v where ${predicate}),
        ext as (
          insert into visa_extensions (visa_id, rule_id, run_id, old_valid_to, new_valid_to)
          select id, ${plan.ruleId}, gen_random_uuid(), valid_to, ${w.extendTo}::date from picked
          returning visa_id, old_valid_to, new_valid_to
        ), upd as (
          update visas v set valid_to = ext.new_valid_to from ext where v.id = ext.visa_id
          returning v.id, v.visa_number, v.valid_from, v.visa_code
        ), aud as (
          ${writeAuditFrom({
            actorId: olgaId,
            action: 'visa.extended',
            entityType: 'visa',
            entityId: sql`ext.visa_id::text`,
            before: sql`jsonb_build_object('validTo', ext.old_valid_to)`,
            after: sql`jsonb_build_object('validTo', ext.new_valid_to, 'rule', ${plan.ruleId}::text, 'policyVersion', ${plan.policyVersion}::text)`,
            from: sql`ext`,
          })}
        ), feed as (
          ${appendChangeEventsFrom({
            kind: 'visa.extended',
            visaId: sql`upd.id`,
            payload: sql`jsonb_build_object('visaNumber', upd.visa_number, 'visaCode', upd.visa_code,
                 'validFrom', upd.valid_from, 'validTo', ${w.extendTo}::date, 'status', 'valid', 'rule', ${plan.ruleId}::text)`,
            from: sql`upd`,
          })}
        )
        select count(*)::int as n from upd`.execute(trx);
      floorRows = r.rows[0]!.n;
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  const floorMs = now() - f0;
  log(`extension: floor wrote ${floorRows} × 4 rows in ${secs(floorMs)} s (rolled back); vacuum`);
  if (floorRows !== n) throw new Error(`the floor statement extended ${floorRows} visas, expected ${n}`);
  for (const tbl of ['visas', 'visa_extensions', 'audit_events', 'change_events']) await sql`vacuum analyze ${sql.table(tbl)}`.execute(db);
  const still2 = await count(db, sql`select count(*)::int as n from visas v where ${predicate}`);
  if (still2 !== n) throw new Error(`after the rolled-back floor statement ${still2} visas are eligible, expected ${n}`);

  // The real thing.
  log(`extension: extendVisas(${RULE}, batch ${o.batch})`);
  let lastLog = 0;
  const batchMs: number[] = [];
  const e0 = now();
  let prev = e0;
  let startMs = 0;
  const res = await extendVisas(db, {
    ruleId: RULE,
    batchSize: o.batch,
    actorId: olgaId,
    // Called once the eligible set is counted and the job recorded, before the first batch.
    onStart: () => {
      prev = now();
      startMs = prev - e0;
    },
    onProgress: (done, total) => {
      const at = now();
      batchMs.push(at - prev);
      prev = at;
      if (at - lastLog >= 1000 || done >= total) {
        lastLog = at;
        const el = (at - e0) / 1000;
        log(
          `extension: ${done}/${total} (${((100 * done) / Math.max(1, total)).toFixed(1)}%) in ${el.toFixed(1)} s, ${(done / el).toFixed(0)} rows/s`,
        );
      }
    },
  });
  const extMs = now() - e0;

  // Checks: exactly N extended, each with its rows; the ineligible untouched.
  const got = {
    result: res.extended,
    eligibleCounted: res.eligible,
    extensions: await count(
      db,
      sql`select count(*)::int as n from visa_extensions where rule_id = ${RULE} and run_id = ${res.runId}::uuid`,
    ),
    changeEvents: await count(db, sql`select count(*)::int as n from change_events where kind = 'visa.extended'`),
    auditEvents: await count(db, sql`select count(*)::int as n from audit_events where action = 'visa.extended'`),
    movedTo: await count(
      db,
      sql`select count(*)::int as n from visas v join visa_extensions e on e.visa_id = v.id where v.valid_to = ${w.extendTo}::date`,
    ),
    stillEligible: await count(db, sql`select count(*)::int as n from visas v where ${predicate}`),
  };
  const ineligibleTouched = await count(
    db,
    sql`select count(*)::int as n from visas v join applicants a on a.id = v.applicant_id
    where a.given_names like 'x%' and exists (select 1 from visa_extensions e where e.visa_id = v.id)`,
  );
  const job = await db.selectFrom('job_runs').select(['status', 'done', 'total']).where('id', '=', res.runId).executeTakeFirstOrThrow();

  const ratioExt = extMs / baseMs;
  rep.lines.push(
    `1. mass extension (${RULE}) — ${n} eligible visas + ${INELIGIBLE.length * INELIGIBLE_EACH} ineligible; seeded in ${secs(seedMs)} s`,
    '',
    table(
      ['run', 'rows', 's', 'rows/s'],
      [
        ['baseline: raw UPDATE valid_to, same predicate, rolled back', String(updated), secs(baseMs), fmtInt(updated / (baseMs / 1000))],
        [
          'floor: one set-based statement, the same 4 writes, rolled back',
          String(floorRows),
          secs(floorMs),
          fmtInt(floorRows / (floorMs / 1000)),
        ],
        [
          `extendVisas, batch ${o.batch} (extension+update+audit+change event)`,
          String(res.extended),
          secs(extMs),
          fmtInt(res.extended / (extMs / 1000)),
        ],
      ],
    ),
    '',
    `  ratio extension ÷ raw UPDATE (time): ${ratio(ratioExt)}   (aim ≤ 3×: ${ratioExt <= 3 ? 'met' : 'MISSED'})`,
    `  ratio extension ÷ floor statement (time): ${ratio(extMs / floorMs)}   (aim ≤ 1.5×: ${extMs / floorMs <= 1.5 ? 'met' : 'MISSED'})`,
    `  ${batchMs.length} batches; seconds per batch first ${secs(batchMs[0] ?? 0)}, median ${secs(batchMs.length ? pct(batchMs, 0.5) : 0)}, last ${secs(batchMs.at(-1) ?? 0)} (before them: counting the eligible set and recording the job, ${secs(startMs)} s)`,
    `  checked: result ${got.result}, counted eligible ${got.eligibleCounted}, visa_extensions ${got.extensions}, change events ${got.changeEvents}, ` +
      `audit events ${got.auditEvents}, extended visas at ${w.extendTo} ${got.movedTo}, still eligible ${got.stillEligible}, ineligible extended ${ineligibleTouched}; job ${job.status} ${job.done}/${job.total}`,
    '',
  );
  for (const [k, v] of Object.entries({
    result: got.result,
    eligibleCounted: got.eligibleCounted,
    extensions: got.extensions,
    changeEvents: got.changeEvents,
    auditEvents: got.auditEvents,
    movedTo: got.movedTo,
    jobDone: job.done,
  })) {
    if (v !== n) rep.failures.push(`extension: ${k} = ${v}, expected ${n}`);
  }
  if (got.stillEligible !== 0) rep.failures.push(`extension: ${got.stillEligible} visas still eligible after the run`);
  if (ineligibleTouched !== 0) rep.failures.push(`extension: ${ineligibleTouched} ineligible visas were extended`);
  if (job.status !== 'succeeded') rep.failures.push(`extension: job status ${job.status}`);
  return { ratio: ratioExt, floor: extMs / floorMs };
}

// ---------- scenario 4: verification from the replica, one process and two ----------

/** An app process (`pobyt start`) on the bench database, reading the authorities' queries from the replica. */
function startAppProcess(dbUrl: string, replicaUrl: string, port: number, dataDir: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start', '--no-demo'], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      DATABASE_REPLICA_URL: replicaUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WEBHOOKS_ENABLED: 'false',
      POBYT_DATA_DIR: dataDir,
      POBYT_MASTER_KEYS: `k1:${TEST_MASTER_KEY}`,
      AUTHORITY_REQUESTS_PER_MINUTE: '10000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function benchReplica(t: TestApp, o: Options, olgaId: string, loader: LoadGenerator, rep: Report) {
  const base = process.env.BENCH_DATABASE_URL!;
  const replicaBase = ensureReplica(base);
  if (!replicaBase) {
    rep.lines.push('4. verification from the replica — skipped: scripts/replica.sh could not start a replica here', '');
    return null;
  }
  log(`replica: seeding ${o.verifyVisas} visas, waiting for the replica to have the bench database`);
  await seedVisas(t.handle.db, OFFICE, olgaId, { n: o.verifyVisas, tag: 'rp', ...CURRENT });
  const nums = Array.from({ length: o.verifyVisas }, (_, i) => visaNumber('rp', i + 1));
  const c = await t.call('POST', '/api/v1/admin/authorities', {
    as: 'adam',
    body: { name: 'Bench replica reader', kind: 'health_insurance' },
  });
  if (c.status !== 201) throw new Error(`creating an authority client: HTTP ${c.status}`);
  const name = (await sql<{ d: string }>`select current_database() as d`.execute(t.handle.db)).rows[0]!.d;
  const dbUrl = new URL(base);
  dbUrl.pathname = `/${name}`;
  const replicaUrl = await replicaUrlFor(t.handle, replicaBase);
  const dataDir = mkdtempSync(join(tmpdir(), 'pobyt-bench-replica-'));
  const ports = [await freePort(), await freePort()];
  const procs = ports.map((p) => startAppProcess(dbUrl.toString(), replicaUrl, p, dataDir));
  try {
    for (const p of ports) {
      const t0 = now();
      for (;;) {
        const r = await fetch(`http://127.0.0.1:${p}/ready`).catch(() => null);
        const b = r?.status === 200 ? ((await r.json()) as { replica?: { state: string } }) : null;
        if (b?.replica?.state === 'streaming') break;
        if (now() - t0 > 180_000) throw new Error(`app process on port ${p} not ready with a streaming replica after 180 s`);
        await new Promise((res) => setTimeout(res, 100));
      }
    }
    const headers = { 'content-type': 'application/json', 'x-api-key': c.body.apiKey as string };
    const target = (p: number) => ({ url: `http://127.0.0.1:${p}`, path: '/api/v1/authority/verify', headers, visaNumbers: nums });
    const half = o.seconds / 2;
    const both = async (seconds: number) =>
      Promise.all(ports.map((p) => loader.run(target(p), seconds, Math.max(1, Math.floor(o.connections / 2)))));
    log('replica: warm-up, both processes');
    await both(Math.min(2, o.seconds));
    const one: unknown[] = [];
    const two: unknown[][] = [[], []];
    for (const k of ['one', 'two', 'two', 'one'] as const) {
      log(`replica: ${k} process${k === 'two' ? 'es' : ''}, ${half} s × ${o.connections} connections`);
      if (k === 'one') one.push(await loader.run(target(ports[0]!), half, o.connections));
      else for (const [i, r] of (await both(half)).entries()) two[i]!.push(r);
    }
    const sOne = await loader.aggregate(one);
    const sTwo = await Promise.all(two.map((r) => loader.aggregate(r)));
    const twoRps = sTwo.reduce((a, x) => a + x.reqPerSec, 0);
    const errors = sOne.non2xx + sOne.errors + sTwo.reduce((a, x) => a + x.non2xx + x.errors, 0);
    const readyBody = (await (await fetch(`http://127.0.0.1:${ports[0]}/ready`)).json()) as { replica?: unknown };
    // Who answered: each process's replica read counters, from its /metrics (loopback, no token).
    const served = await Promise.all(
      ports.map(async (p) => {
        const text = await (await fetch(`http://127.0.0.1:${p}/metrics`)).text();
        const n = (by: string) => Number(new RegExp(`^pobyt_replica_reads\\{served_by="${by}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? NaN);
        return { replica: n('replica'), primary: n('primary') };
      }),
    );
    rep.lines.push(
      `4. verification from the replica — ${ports.length} app processes (pobyt start, DATABASE_REPLICA_URL set) on the bench database; ` +
        `${o.connections} connections in all, ${half} s × 2 per setup in the order one, two, two, one`,
      '',
      table(
        ['setup', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx'],
        [
          ['one process', String(sOne.completed), sOne.reqPerSec.toFixed(0), String(sOne.p50), String(sOne.p99), String(sOne.non2xx)],
          [
            'two processes (sum)',
            String(sTwo.reduce((a, x) => a + x.completed, 0)),
            twoRps.toFixed(0),
            sTwo.map((x) => x.p50).join('/'),
            sTwo.map((x) => x.p99).join('/'),
            String(sTwo.reduce((a, x) => a + x.non2xx, 0)),
          ],
        ],
      ),
      '',
      `  ratio two processes ÷ one (req/s): ${ratio(twoRps / sOne.reqPerSec)}   (aim > 1×: ${twoRps > sOne.reqPerSec ? 'met' : 'MISSED'})`,
      `  replica at the end, as /ready reports it: ${JSON.stringify(readyBody.replica)}`,
      `  reads answered by the replica / sent to the primary, per process: ${served.map((x) => `${x.replica} / ${x.primary}`).join(', ')}`,
      '',
    );
    if (errors) rep.failures.push(`replica: ${errors} non-2xx or errors under load`);
    if (!served.some((x) => x.replica > 0)) rep.failures.push('replica: no verification was answered by the replica');
    return { ratio: twoRps / sOne.reqPerSec };
  } finally {
    for (const p of procs) {
      const done = new Promise((r) => p.once('exit', r));
      p.kill('SIGTERM');
      await Promise.race([done, new Promise((r) => setTimeout(r, 10_000))]);
      if (p.exitCode === null) p.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

// ---------- main ----------

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const started = now();
  const { handle, tier, kind } = await openBenchDb({ poolSize: 10 });
  const n = o.visas ?? (kind === 'postgres' ? 1_000_000 : 20_000);
  log(`database tier: ${tier}`);

  let t: TestApp | null = null;
  let loader: LoadGenerator | null = null;
  let cleaning: Promise<void> | null = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await loader?.stop().catch(() => 0);
      if (t) await t.close();
      else await handle.close();
    })());
  const onSignal = (sig: NodeJS.Signals) => {
    log(`${sig}: dropping the throw-away database and stopping`);
    cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const rep: Report = { lines: [], failures: [] };
  const ratios: string[] = [];
  try {
    t = await startTestApp(handle, {
      now: NOW,
      // The authority and holder limits would stop a load test at once: lifted for the bench.
      env: { AUTHORITY_REQUESTS_PER_MINUTE: '10000000', HOLDER_REQUESTS_PER_MINUTE: '10000000' },
    });
    const olga = await handle.db.selectFrom('staff_users').select('id').where('username', '=', 'olga').executeTakeFirstOrThrow();

    if (o.only.has('verify')) {
      loader = new LoadGenerator();
      const r = await benchVerify(t, o, olga.id, loader, rep);
      ratios.push(
        `  authority verify ÷ bare Fastify route (req/s)     ${ratio(r.ratio).padStart(8)}   aim ≥ 0.5×   ${r.ratio >= 0.5 ? 'met' : 'MISSED'}`,
      );
      ratios.push(
        `  authority verify ÷ the same SQL, bare (req/s)     ${ratio(r.floor).padStart(8)}   aim ≥ 0.8×   ${r.floor >= 0.8 ? 'met' : 'MISSED'}`,
      );
      await loader.stop();
      loader = null;
    }
    if (o.only.has('replica') && kind === 'postgres') {
      loader = new LoadGenerator();
      const r = await benchReplica(t, o, olga.id, loader, rep);
      if (r)
        ratios.push(
          `  verify on two processes ÷ one, replica (req/s)    ${ratio(r.ratio).padStart(8)}   aim > 1×     ${r.ratio > 1 ? 'met' : 'MISSED'}`,
        );
      await loader.stop();
      loader = null;
    } else if (o.only.has('replica')) log('replica: needs BENCH_DATABASE_URL (a PostgreSQL server); skipped on PGlite');
    if (o.only.has('booking')) {
      const r = await benchBooking(t, o, olga.id, rep);
      ratios.push(
        `  booking race p99 ÷ one uncontended booking (p50)  ${ratio(r.ratio).padStart(8)}   aim ≤ 20×    ${r.ratio <= 20 ? 'met' : 'MISSED'}`,
      );
    }
    if (o.only.has('extension')) {
      const r = await benchExtension(t, o, n, olga.id, rep);
      ratios.push(
        `  mass extension ÷ raw UPDATE (time)                ${ratio(r.ratio).padStart(8)}   aim ≤ 3×     ${r.ratio <= 3 ? 'met' : 'MISSED'}`,
      );
      ratios.push(
        `  mass extension ÷ one set-based statement (time)   ${ratio(r.floor).padStart(8)}   aim ≤ 1.5×   ${r.floor <= 1.5 ? 'met' : 'MISSED'}`,
      );
    }

    console.log(`pobyt visas bench — ${tier}; ${new Date().toISOString().slice(0, 10)}; node ${process.version}`);
    console.log(
      `scenarios ${[...o.only].join(', ')}; visas ${n}, batch ${o.batch}; load ${o.seconds} s × ${o.connections} connections per target; race ${o.attempts} attempts`,
    );
    console.log('');
    for (const l of rep.lines) console.log(l);
    console.log('ratios (against the baseline measured in the same run):');
    for (const l of ratios) console.log(l);
    console.log(`\ntotal wall time ${((now() - started) / 1000).toFixed(1)} s`);
    if (rep.failures.length) throw new Error(`${rep.failures.length} check(s) failed:\n  ${rep.failures.join('\n  ')}`);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`visas bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
