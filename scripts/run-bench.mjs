#!/usr/bin/env node
// Runs every *.bench.ts under bench/ with `node --import tsx`, one process each, passing the
// arguments through (e.g. `npm run bench -- --iterations 500`). Database tier: the PostgreSQL server
// at BENCH_DATABASE_URL (a throw-away database is created and dropped on it) or an in-memory PGlite.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

let files;
try {
  files = readdirSync('bench')
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()
    .map((f) => join('bench', f));
} catch {
  files = [];
}
if (files.length === 0) {
  console.error('run-bench: no bench/*.bench.ts files found');
  process.exit(1);
}

let tier = 'PGlite (in memory; set BENCH_DATABASE_URL for a PostgreSQL server)';
if (process.env.BENCH_DATABASE_URL) {
  try {
    const u = new URL(process.env.BENCH_DATABASE_URL);
    u.password = '';
    tier = `PostgreSQL server from BENCH_DATABASE_URL (${u.host}${u.pathname})`;
  } catch {
    tier = 'PostgreSQL server from BENCH_DATABASE_URL';
  }
}
const args = process.argv.slice(2);
// `--mixed`: the mixed load alone (bench/mixed.ts: every kind of traffic at once on two processes).
if (args.includes('--mixed')) files = [join('bench', 'mixed.ts')];
console.error(`run-bench: ${files.length} file(s); database tier: ${tier}`);

let failed = 0;
for (const f of files) {
  console.error(`run-bench: ${f} ${args.join(' ')}`.trimEnd());
  const r = spawnSync(process.execPath, ['--import', 'tsx', f, ...args], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed += 1;
    console.error(`run-bench: ${f} failed (exit ${r.status ?? r.signal})`);
  }
}
process.exit(failed ? 1 : 0);
