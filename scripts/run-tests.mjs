#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with node:test through tsx. Node 20's --test does not
// expand globs, and `tsx --test` with no files runs nothing and passes — so the list is built here
// and an empty list is an error.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) find(p, out);
    else if (e.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const filter = process.argv.slice(2);
let files = [...find('src'), ...find('test')].sort();
if (filter.length) files = files.filter((f) => filter.some((s) => f.includes(s)));
if (files.length === 0) {
  console.error('run-tests: no test files found');
  process.exit(1);
}
const tier = process.env.TEST_DATABASE_URL ? 'PGlite + PostgreSQL server' : 'PGlite only (set TEST_DATABASE_URL for the server tier)';
console.error(`run-tests: ${files.length} files; database tiers: ${tier}`);
// Two files at a time: each API test file holds its own PGlite (~0.5 GB) in memory.
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
