/**
 * Start-up and memory of `npm start` on the embedded database (PGlite), on an existing data folder.
 *
 *   ready   `npm start` spawned on a data folder a first start has already migrated and seeded, until
 *           GET /ready answers 200 — median of --starts runs; baseline in the same run: a bare Node
 *           process that loads Fastify and answers one route       → aim ≤ 3 s (and the ratio printed)
 *   memory  resident set (VmRSS) of the server process (the node process listening; npm and the tsx
 *           launcher are reported apart) idle, 3 s after ready, and the highest sample during
 *           --load-seconds of authority verification load (autocannon, the demo authority key)
 *                                                                  → aim ≤ 300 MB both
 *
 * Always PGlite, in a throw-away folder (the aims are about the embedded database); BENCH_DATABASE_URL is
 * ignored here. A miss is printed, never an exit status; a start that never becomes ready fails the run.
 *
 * Flags: --starts N (3), --load-seconds S (5).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { intFlag, parseBenchArgs } from './support/flags.ts';

const log = (s: string) => process.stderr.write(`startup-bench: ${s}\n`);
const now = () => performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

function parseArgs(argv: string[]) {
  const o = { starts: 3, loadSeconds: 5 };
  parseBenchArgs('startup', argv, 'usage: node --import tsx bench/startup.bench.ts [--starts N] [--load-seconds S]', (name, raw) => {
    if (name === '--starts') o.starts = intFlag(name, raw, 1);
    else if (name === '--load-seconds') o.loadSeconds = intFlag(name, raw, 1);
    else return false;
    return true;
  });
  return o;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

/** Every process's parent, from /proc. */
function parents(): Map<number, number> {
  const m = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      m.set(Number(d), ppid);
    } catch {
      // gone meanwhile
    }
  }
  return m;
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The process tree under `root` (root included), and its deepest process: the server itself. */
function tree(root: number): { all: number[]; leaf: number } {
  const pp = parents();
  const all = [root];
  for (let i = 0; i < all.length; i++) for (const [pid, ppid] of pp) if (ppid === all[i]) all.push(pid);
  return { all, leaf: all.at(-1)! };
}

async function untilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<number> {
  const t0 = now();
  let exited: number | null = null;
  child.once('exit', (c) => {
    exited = c ?? -1;
  });
  for (;;) {
    if (exited !== null) throw new Error(`the process exited (${exited}) before it was ready`);
    try {
      const r = await fetch(url);
      if (r.status === 200) return now() - t0;
    } catch {
      // not listening yet
    }
    if (now() - t0 > timeoutMs) throw new Error(`not ready after ${timeoutMs} ms`);
    await sleep(20);
  }
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return;
  const done = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  await Promise.race([done, sleep(15_000)]);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function startApp(dataDir: string, port: number): ChildProcess {
  return spawn('npm', ['start', '--silent'], {
    cwd: process.cwd(),
    env: { ...process.env, POBYT_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const BARE = `import Fastify from 'fastify';
const app = Fastify();
app.get('/ready', async () => ({ status: 'ready' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });`;

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const dataDir = mkdtempSync(join(tmpdir(), 'pobyt-startup-'));
  const children: ChildProcess[] = [];
  const cleanup = async () => {
    for (const c of children) await stop(c);
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    // The first start migrates and seeds the demo data (not measured).
    let port = await freePort();
    log(`first start in ${dataDir} (migrate, demo data)`);
    let c = startApp(dataDir, port);
    children.push(c);
    const first = await untilReady(`http://127.0.0.1:${port}/ready`, c, 300_000);
    await stop(c);
    log(`first start ready in ${(first / 1000).toFixed(2)} s`);

    const bare: number[] = [];
    const ready: number[] = [];
    for (let i = 0; i < o.starts; i++) {
      port = await freePort();
      const b = spawn(process.execPath, ['--input-type=module', '-e', BARE], {
        env: { ...process.env, PORT: String(port) },
        detached: true,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(b);
      bare.push(await untilReady(`http://127.0.0.1:${port}/ready`, b, 60_000));
      await stop(b);
      port = await freePort();
      c = startApp(dataDir, port);
      children.push(c);
      ready.push(await untilReady(`http://127.0.0.1:${port}/ready`, c, 300_000));
      log(
        `start ${i + 1}/${o.starts}: bare Node + Fastify ${(bare.at(-1)! / 1000).toFixed(2)} s, npm start ${(ready.at(-1)! / 1000).toFixed(2)} s`,
      );
      if (i < o.starts - 1) await stop(c);
    }

    // The last start stays up: memory idle, then under verification load.
    await sleep(3000);
    const t = tree(c.pid!);
    const idle = rssMb(t.leaf);
    const idleTree = t.all.reduce((a, p) => a + rssMb(p), 0);
    const extras = JSON.parse(readFileSync(join(dataDir, 'demo-extras.json'), 'utf8')) as {
      authorityApiKey: string;
      holder: { visaNumber: string };
    };
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb(t.leaf));
    }, 200);
    log(`verification load ${o.loadSeconds} s × 20 connections`);
    const load = await autocannon({
      url: `http://127.0.0.1:${port}/api/v1/authority/verify`,
      method: 'POST',
      connections: 20,
      duration: o.loadSeconds,
      headers: { 'content-type': 'application/json', 'x-api-key': extras.authorityApiKey },
      body: JSON.stringify({ visaNumber: extras.holder.visaNumber }),
    });
    clearInterval(sampler);
    const after = rssMb(t.leaf);

    const mb = (x: number) => `${x.toFixed(0)} MB`;
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    console.log(`pobyt start-up bench — PGlite in a folder; ${new Date().toISOString().slice(0, 10)}; node ${process.version}`);
    console.log(`npm start on an existing data folder (first start, not counted: ${s(first)}); ${o.starts} starts, medians\n`);
    console.log(`  bare Node + Fastify, time to a 200           ${s(median(bare)).padStart(8)}   (all: ${bare.map(s).join(', ')})`);
    console.log(`  npm start, time to GET /ready 200            ${s(median(ready)).padStart(8)}   (all: ${ready.map(s).join(', ')})`);
    console.log(`  ratio npm start ÷ bare Node + Fastify        ${`${(median(ready) / median(bare)).toFixed(2)}×`.padStart(8)}`);
    console.log(`  server RSS idle (3 s after ready)            ${mb(idle).padStart(8)}   (npm + launcher + server: ${mb(idleTree)})`);
    console.log(
      `  server RSS under verification load, peak     ${mb(peak).padStart(8)}   (${load.requests.total} requests in ${o.loadSeconds} s, non-2xx ${load.non2xx}; after: ${mb(after)})`,
    );
    console.log('');
    console.log(`  aim: ready ≤ 3 s                  ${verdict(median(ready) <= 3000)} (${s(median(ready))})`);
    console.log(`  aim: RSS idle ≤ 300 MB            ${verdict(idle <= 300)} (${mb(idle)})`);
    console.log(`  aim: RSS under load ≤ 300 MB      ${verdict(peak <= 300)} (${mb(peak)})`);
    if (load.non2xx || load.errors) log(`verification load: ${load.non2xx} non-2xx, ${load.errors} errors`);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`startup bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
