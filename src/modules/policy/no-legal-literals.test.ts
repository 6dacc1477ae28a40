/**
 * The law lives in policy/: outside the policy module (and tests and demo data), no source file may
 * hold a legal date. Comment lines are ignored; a literal date in code fails with its place.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../', import.meta.url));

function files(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.tsx?$/.test(e) && !/\.test\.tsx?$|\.fixtures?\.ts$/.test(e)) out.push(p);
  }
  return out;
}

test('no legal date literal in code outside the policy module', () => {
  const hits: string[] = [];
  for (const f of files(SRC)) {
    const rel = relative(SRC, f);
    if (rel.startsWith('modules/policy/') || rel.startsWith('modules/demo/')) continue;
    readFileSync(f, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '').trim();
        if (code.startsWith('*') || code.startsWith('/*')) return;
        if (/['"`](19|20)\d\d-\d\d-\d\d['"`]/.test(code)) hits.push(`${rel}:${i + 1}: ${code.slice(0, 100)}`);
      });
  }
  assert.deepEqual(hits, []);
});
