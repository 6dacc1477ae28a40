/**
 * The module boundaries, enforced: each rule fails with the offending file and line. The rules are in
 * rules.ts, the table ownership map in ownership.ts; rules.test.ts plants a violation of each.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sources } from './scan.ts';
import {
  deepImports,
  fileCycles,
  foreignTables,
  impureDomain,
  moduleCycles,
  platformImportsModules,
  readsOfNow,
  type Violation,
} from './rules.ts';

/** Waivers: none. A red rule means the design is being bent — fix the design, not this list. */
const KNOWN_UNTIL_MERGE: { path: string; rules: string[] }[] = [];

function unwaived(rule: string, vs: Violation[]): Violation[] {
  return vs.filter((v) => !KNOWN_UNTIL_MERGE.some((k) => k.rules.includes(rule) && v.includes(k.path)));
}

const src = () => sources('src');
const everything = () => sources('src', 'test', 'bench');

test('(a) no import cycle between files', () => {
  assert.deepEqual(unwaived('fileCycles', fileCycles(everything())), []);
});

test('(a) no import cycle between modules', () => {
  assert.deepEqual(unwaived('moduleCycles', moduleCycles(src())), []);
});

test('(b) src/platform imports nothing from src/modules', () => {
  assert.deepEqual(unwaived('platform', platformImportsModules(src())), []);
});

test('(c) another module is imported only through its index.ts (from modules, CLI, tests and benches)', () => {
  assert.deepEqual(unwaived('deep', deepImports(everything())), []);
});

test('(d) domain/ imports no db, http, use cases, loaders, fs, pg, kysely or fastify', () => {
  assert.deepEqual(unwaived('domain', impureDomain(src())), []);
});

test("(e) a module's code names only the tables it owns", () => {
  assert.deepEqual(unwaived('tables', foreignTables(src())), []);
});

test('(f) the current time is read only through src/platform/clock.ts', () => {
  assert.deepEqual(unwaived('now', readsOfNow(src())), []);
});
