/**
 * The mixed load (`npm run bench -- --mixed`): officers reading their queue, authorities verifying,
 * holders booking and a mass extension, all at once, on two app processes (`pobyt start`) over one
 * PostgreSQL server — with the streaming replica for the authorities when scripts/replica.sh can start
 * one — for a bounded time. Prints the latency per kind; fails on any 5xx or network error, on an
 * unexpected status, and when something is lost: a booking answered 201 without its row (or a row
 * without a 201), a verification answered without its audit row, an extension that did not finish
 * with every eligible visa extended exactly once.
 *
 * Server tier only (BENCH_DATABASE_URL): two processes cannot share an embedded PGlite.
 * Flags: --seconds S (20), --ext-visas N (20000), --authorities C (16), --officers C (4), --holders C (4).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { startTestApp, TEST_MASTER_KEY, PASSWORD } from '../test/support/test-app.ts';
import { seedVisas } from '../test/support/seed-visas.ts';
import { ensureReplica, replicaUrlFor } from '../test/support/replica.ts';
import { openBenchDb } from './support/bench-db.ts';
import { intFlag } from './support/flags.ts';

const log = (s: string) => process.stderr.write(`mixed-bench: ${s}\n`);
const now = () => performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]! : Number.NaN;
};

function parseArgs(argv: string[]) {
  const o = { seconds: 20, extVisas: 20000, authorities: 16, officers: 4, holders: 4 };
  const names: Record<string, keyof typeof o> = {
    '--seconds': 'seconds',
    '--ext-visas': 'extVisas',
    '--authorities': 'authorities',
    '--officers': 'officers',
    '--holders': 'holders',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--mixed') continue;
    const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const key = names[name];
    if (!key) throw new Error(`mixed bench: unknown argument ${a} (flags: ${Object.keys(names).join(', ')})`);
    o[key] = intFlag(name, inline ?? argv[++i], 1);
  }
  return o;
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

const OFFICE = 'PHA-ZUK';
const DOB = '1980-01-01';
const CURRENT = { issuedOn: '2026-01-15', validTo: '2027-06-30', warRelated: true };
const visaNumber = (tag: string, n: number) => `VT-${tag.toUpperCase()}${String(n).padStart(8, '0')}`;

interface Kind {
  name: string;
  ms: number[];
  statuses: Record<string, number>;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) {
    console.log('pobyt mixed bench — needs BENCH_DATABASE_URL (two app processes on one PostgreSQL server); nothing run');
    return;
  }
  const { handle, tier } = await openBenchDb({ poolSize: 10 });
  const procs: ChildProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'pobyt-mixed-'));
  const failures: string[] = [];
  const t = await startTestApp(handle, { now: new Date().toISOString() });
  try {
    const db = handle.db;
    const olga = await db.selectFrom('staff_users').select('id').where('username', '=', 'olga').executeTakeFirstOrThrow();
    log(`seeding: 1000 visas to verify, 3000 holders, 200 slots of 10 seats, ${o.extVisas} visas for the mass extension`);
    await seedVisas(db, OFFICE, olga.id, { n: 1000, tag: 'au', ...CURRENT });
    await seedVisas(db, OFFICE, olga.id, { n: 3000, tag: 'bk', ...CURRENT });
    await seedVisas(db, OFFICE, olga.id, { n: o.extVisas, tag: 'mx', issuedOn: '2022-05-02', validTo: '2023-03-31', warRelated: true });
    const day0 = Math.ceil(new Date(t.clock.now()).getTime() / 86_400_000) * 86_400_000 + 2 * 86_400_000;
    const slots = await db
      .insertInto('appointment_slots')
      .values(
        Array.from({ length: 200 }, (_, i) => ({
          office_id: OFFICE,
          purpose: 'sticker' as const,
          starts_at: new Date(day0 + i * 30 * 60_000),
          minutes: 30,
          capacity: 10,
        })),
      )
      .returning('id')
      .execute();
    const key = await t.call('POST', '/api/v1/admin/authorities', { as: 'adam', body: { name: 'Mixed', kind: 'health_insurance' } });
    if (key.status !== 201) throw new Error(`authority client: ${key.status}`);
    const apiKey = key.body.apiKey as string;

    const replicaBase = ensureReplica(base);
    const name = (await sql<{ d: string }>`select current_database() as d`.execute(db)).rows[0]!.d;
    const dbUrl = new URL(base);
    dbUrl.pathname = `/${name}`;
    const replicaUrl = replicaBase ? await replicaUrlFor(handle, replicaBase) : null;
    const ports = [await freePort(), await freePort()];
    for (const port of ports)
      procs.push(
        spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start', '--no-demo'], {
          env: {
            ...process.env,
            DATABASE_URL: dbUrl.toString(),
            ...(replicaUrl ? { DATABASE_REPLICA_URL: replicaUrl } : {}),
            PORT: String(port),
            HOST: '127.0.0.1',
            LOG_LEVEL: 'warn',
            WEBHOOKS_ENABLED: 'false',
            POBYT_DATA_DIR: dataDir,
            POBYT_MASTER_KEYS: `k1:${TEST_MASTER_KEY}`,
            AUTHORITY_REQUESTS_PER_MINUTE: '10000000',
            HOLDER_REQUESTS_PER_MINUTE: '10000000',
            LOGIN_ATTEMPTS_PER_MINUTE: '100000',
          },
          stdio: ['ignore', 'ignore', 'inherit'],
        }),
      );
    for (const port of ports) {
      const t0 = now();
      while ((await fetch(`http://127.0.0.1:${port}/ready`).catch(() => null))?.status !== 200) {
        if (now() - t0 > 180_000) throw new Error(`app process on ${port} not ready after 180 s`);
        await sleep(100);
      }
    }
    const url = (i: number, path: string) => `http://127.0.0.1:${ports[i % 2]}${path}`;
    const login = await fetch(url(0, '/api/v1/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'olga', password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login: ${login.status}`);
    const token = ((await login.json()) as { token: string }).token;
    const sylva = await fetch(url(0, '/api/v1/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sylva', password: PASSWORD }),
    });
    const supervisorToken = ((await sylva.json()) as { token: string }).token;

    const kinds: Record<string, Kind> = {};
    const kind = (n: string) => (kinds[n] ??= { name: n, ms: [], statuses: {} });
    const timed = async (k: string, f: () => Promise<Response>) => {
      const s = now();
      let status = 'network error';
      try {
        const r = await f();
        await r.arrayBuffer();
        status = String(r.status);
      } catch {
        // counted as a network error
      }
      const x = kind(k);
      x.ms.push(now() - s);
      x.statuses[status] = (x.statuses[status] ?? 0) + 1;
      return status;
    };
    const end = now() + o.seconds * 1000;
    const loop = async (f: (i: number) => Promise<unknown>) => {
      for (let i = 0; now() < end; i++) await f(i);
    };
    let holderSeq = 0;
    const booked: string[] = [];

    log(
      `load: ${o.seconds} s — ${o.authorities} authority, ${o.officers} officer and ${o.holders} holder loops over 2 processes, and a mass extension`,
    );
    const ext0 = now();
    const started = await fetch(url(1, '/api/v1/visas/extensions'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${supervisorToken}` },
      body: JSON.stringify({ rule: 'auto_extension.tolerance_2023' }),
    });
    if (started.status !== 202) throw new Error(`starting the mass extension: ${started.status} ${await started.text()}`);
    const job = (await started.json()) as { jobId: string };
    let extDoneMs: number | null = null;
    const jobWatch = (async () => {
      for (;;) {
        const r = await fetch(url(0, `/api/v1/jobs/${job.jobId}`), { headers: { authorization: `Bearer ${supervisorToken}` } });
        const b = (await r.json()) as { status: string };
        if (b.status !== 'running') {
          extDoneMs = now() - ext0;
          return b.status;
        }
        await sleep(200);
      }
    })();
    await Promise.all([
      ...Array.from({ length: o.authorities }, (_, c) =>
        loop((i) =>
          timed('authority verify', () =>
            fetch(url(c + i, '/api/v1/authority/verify'), {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
              body: JSON.stringify({ visaNumber: visaNumber('au', 1 + Math.floor(Math.random() * 1000)) }),
            }),
          ),
        ),
      ),
      ...Array.from({ length: o.officers }, (_, c) =>
        loop((i) => timed('officer queue', () => fetch(url(c + i, '/api/v1/queue'), { headers: { authorization: `Bearer ${token}` } }))),
      ),
      ...Array.from({ length: o.holders }, (_, c) =>
        loop(async (i) => {
          const n = ++holderSeq;
          if (n > 3000) return sleep(50);
          const v = visaNumber('bk', n);
          const status = await timed('holder booking', () =>
            fetch(url(c + i, '/api/v1/appointments'), {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ visaNumber: v, dateOfBirth: DOB, slotId: slots[Math.floor(Math.random() * slots.length)]!.id }),
            }),
          );
          if (status === '201') booked.push(v);
        }),
      ),
    ]);
    log('load over; waiting for the mass extension to finish');
    const jobStatus = await jobWatch;

    // Nothing lost.
    const rows = Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from appointments a join visas v on v.id = a.visa_id
        where a.status = 'booked' and v.visa_number like 'VT-BK%'`.execute(db)
      ).rows[0]!.n,
    );
    if (rows !== booked.length) failures.push(`bookings: ${booked.length} answered 201, ${rows} booked rows`);
    const verifyOk = kind('authority verify').statuses['200'] ?? 0;
    const audits = Number(
      (await sql<{ n: number }>`select count(*)::int as n from audit_events where action = 'authority.verify'`.execute(db)).rows[0]!.n,
    );
    if (audits < verifyOk) failures.push(`verification: ${verifyOk} answers, ${audits} audit rows`);
    const ext = Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from visa_extensions e join visas v on v.id = e.visa_id
        where v.visa_number like 'VT-MX%'`.execute(db)
      ).rows[0]!.n,
    );
    if (jobStatus !== 'succeeded' || ext !== o.extVisas)
      failures.push(`mass extension: job ${jobStatus}, ${ext} of ${o.extVisas} extended`);
    const expected: Record<string, string[]> = {
      'authority verify': ['200'],
      'officer queue': ['200'],
      'holder booking': ['201', '409'],
    };
    for (const k of Object.values(kinds)) {
      const bad = Object.entries(k.statuses).filter(([s]) => !expected[k.name]!.includes(s));
      if (bad.length) failures.push(`${k.name}: unexpected ${JSON.stringify(Object.fromEntries(bad))}`);
    }

    console.log(`pobyt mixed bench — ${tier}; ${new Date().toISOString().slice(0, 10)}; node ${process.version}`);
    console.log(
      `${o.seconds} s on 2 app processes (replica for the authorities: ${replicaUrl ? 'yes' : 'no — scripts/replica.sh could not start one'}); ` +
        `${o.authorities} authority, ${o.officers} officer, ${o.holders} holder loops (requests one after another per loop); mass extension of ${o.extVisas} visas\n`,
    );
    const w = 18;
    console.log(`${'kind'.padEnd(w)}  requests   req/s  p50 ms  p99 ms  max ms  statuses`);
    for (const k of Object.values(kinds))
      console.log(
        `${k.name.padEnd(w)}  ${String(k.ms.length).padStart(8)}  ${(k.ms.length / o.seconds).toFixed(0).padStart(6)}  ${pct(k.ms, 0.5).toFixed(1).padStart(6)}  ${pct(k.ms, 0.99).toFixed(1).padStart(6)}  ${Math.max(
          ...k.ms,
        )
          .toFixed(0)
          .padStart(6)}  ${JSON.stringify(k.statuses)}`,
      );
    console.log(
      `${'mass extension'.padEnd(w)}  job ${jobStatus}, ${ext} visas extended in ${((extDoneMs ?? 0) / 1000).toFixed(1)} s (${(ext / ((extDoneMs ?? 1) / 1000)).toFixed(0)} rows/s)`,
    );
    console.log(
      `\nnothing lost: bookings 201 ${booked.length} = booked rows ${rows}; verification answers ${verifyOk} ≤ audit rows ${audits}; extensions ${ext}/${o.extVisas}`,
    );
    console.log(failures.length ? `\nFAILED:\n  ${failures.join('\n  ')}` : '\nno error, nothing lost');
  } finally {
    for (const p of procs) {
      const done = new Promise((r) => p.once('exit', r));
      p.kill('SIGTERM');
      await Promise.race([done, sleep(10_000)]);
      if (p.exitCode === null) p.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
    await t.close();
  }
  if (failures.length) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`mixed bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
