/**
 * Every architecture rule can fail: each test plants one violation (a file scanned from text, never
 * written to disk) next to a clean counterpart and checks the rule reports the planted file and line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText } from './scan.ts';
import { deepImports, fileCycles, foreignTables, impureDomain, moduleCycles, platformImportsModules, readsOfNow } from './rules.ts';

test('(a) a planted file cycle is reported', () => {
  const a = parseText('src/modules/x/a.ts', "import { b } from './b.ts';\nexport const a = 1;");
  const b = parseText('src/modules/x/b.ts', "\nimport { a } from './a.ts';\nexport const b = a;");
  assert.deepEqual(fileCycles([a, b]), ['src/modules/x/a.ts:1: import cycle through src/modules/x/a.ts → src/modules/x/b.ts']);
  const typeOnly = parseText('src/modules/x/b.ts', "import type { a } from './a.ts';");
  assert.deepEqual(fileCycles([a, typeOnly]), []);
});

test('(a) a planted module cycle is reported', () => {
  const v = parseText('src/modules/visas/use-cases/v.ts', "import { x } from '../../appointments/index.ts';");
  const p = parseText('src/modules/appointments/use-cases/p.ts', "\n\nimport { y } from '../../visas/index.ts';");
  const [hit, ...rest] = moduleCycles([v, p]);
  assert.equal(rest.length, 0);
  assert.match(hit!, /module cycle appointments ↔ visas/);
  assert.match(hit!, /src\/modules\/appointments\/use-cases\/p\.ts:3/);
  assert.deepEqual(moduleCycles([v]), []);
});

test('(b) platform importing a module is reported', () => {
  const f = parseText('src/platform/x.ts', "import { NoRuleInForceError } from '../modules/policy/index.ts';");
  assert.deepEqual(platformImportsModules([f]), ['src/platform/x.ts:1: platform imports ../modules/policy/index.ts']);
});

test('(c) an import past another module’s index.ts is reported; its index.ts and own files are not', () => {
  const f = parseText(
    'src/modules/visas/use-cases/x.ts',
    "import { a } from '../../auth/index.ts';\nimport { b } from '../../auth/domain/permissions.ts';\nimport { c } from '../db/visas.queries.ts';",
  );
  assert.deepEqual(deepImports([f]), [
    'src/modules/visas/use-cases/x.ts:2: imports ../../auth/domain/permissions.ts — another module is reached through src/modules/auth/index.ts',
  ]);
  const cli = parseText('src/cli/x.ts', "import { a } from '../modules/auth/use-cases/sessions.ts';");
  assert.equal(deepImports([cli]).length, 1);
});

test('(d) a domain file importing db, load, kysely or platform db is reported', () => {
  const f = parseText(
    'src/modules/policy/domain/x.ts',
    [
      "import { valueOn } from './lookup.ts';",
      "import { defaultBundle } from '../load/load-bundle.ts';",
      "import { sql } from 'kysely';",
      "import type { Db } from '../../../platform/db/db.ts';",
      "import { readFileSync } from 'node:fs';",
      "import { addDays } from '../../calendar/index.ts';",
    ].join('\n'),
  );
  assert.deepEqual(
    impureDomain([f]).map((v) => v.split(':')[1]),
    ['2', '3', '4', '5'],
  );
});

test('(e) naming another module’s table in Kysely or in sql text is reported', () => {
  const f = parseText(
    'src/modules/visas/db/x.ts',
    [
      "db.selectFrom('visas as v').innerJoin('applicants as a', 'a.id', 'v.applicant_id');",
      'sql`select 1 from visas v',
      '  join cases c on c.id = v.case_id`;',
      "db.insertInto('change_events');",
    ].join('\n'),
  );
  assert.deepEqual(foreignTables([f]), [
    'src/modules/visas/db/x.ts:1: names table applicants, owned by cases',
    'src/modules/visas/db/x.ts:3: names table cases, owned by cases',
    'src/modules/visas/db/x.ts:4: names table change_events, owned by platform',
  ]);
  const platform = parseText('src/platform/outbox.ts', "db.insertInto('change_events');");
  assert.deepEqual(foreignTables([platform]), []);
});

test('(f) new Date() and Date.now() outside the clock are reported; parsing a value is not', () => {
  const f = parseText('src/modules/x/y.ts', 'const a = new Date();\nconst b = Date.now();\nconst c = new Date(row.at);');
  assert.deepEqual(
    readsOfNow([f]).map((v) => v.split(':').slice(0, 2).join(':')),
    ['src/modules/x/y.ts:1', 'src/modules/x/y.ts:2'],
  );
  assert.deepEqual(readsOfNow([parseText('src/platform/clock.ts', 'new Date();')]), []);
});
