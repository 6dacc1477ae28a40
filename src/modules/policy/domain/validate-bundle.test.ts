/** A broken policy edit fails at load with a list of exact reasons. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readRawPolicy } from '../load/load-bundle.ts';
import { buildBundle, PolicyLoadError, type RawPolicy } from './validate-bundle.ts';
import { LANGS } from './bundle.types.ts';

const fresh = (): RawPolicy => structuredClone(readRawPolicy());

function problemsOf(raw: RawPolicy): string[] {
  try {
    buildBundle(raw);
    return [];
  } catch (e) {
    assert.ok(e instanceof PolicyLoadError);
    return e.problems;
  }
}

test('the policy in the repository loads, with a stable content hash', () => {
  const a = buildBundle(fresh());
  const b = buildBundle(fresh());
  assert.match(a.hash, /^[0-9a-f]{64}$/);
  assert.equal(a.hash, b.hash);
});

test('changing any value changes the policy hash', () => {
  const raw = fresh();
  const before = buildBundle(raw).hash;
  ((raw.parameters as any)['tolerance_visa.fee'].values[0].value as any).amount_czk = 1000;
  assert.notEqual(buildBundle(raw).hash, before);
});

test('overlapping windows fail the load', () => {
  const raw = fresh();
  (raw.parameters as any)['suspension.ru.active'].values[1].to = '2024-04-05';
  assert.ok(problemsOf(raw).some((p) => p.includes('suspension.ru.active') && p.includes('overlap')));
});

test('a gap between windows fails unless declared', () => {
  const raw = fresh();
  (raw.parameters as any)['suspension.ru.active'].values[1].to = '2024-03-30';
  assert.ok(problemsOf(raw).some((p) => p.includes('gap between 2024-03-30 and 2024-04-01')));
  (raw.parameters as any)['suspension.ru.active'].values[1].gap_after = true;
  assert.deepEqual(problemsOf(raw), []);
});

test('bad dates, unknown keys, facts, parameters, rules and sources are each reported', () => {
  const raw = fresh();
  (raw.parameters as any)['tolerance_visa.fee'].values[0].from = '2022-02-30';
  (raw.parameters as any)['tolerance_visa.fee'].values[0].amount = 1;
  const routes = raw.rules.find((r) => r.file === 'rules/routes.yaml')!.doc as any[];
  routes[1].when.push({ fact: 'no_such_fact', is: true });
  routes[1].when.push({ rule: 'route.no_such_rule', outcome_in: ['eligible'] });
  routes[1].in_force[0].source = 'no_such_source';
  const problems = problemsOf(raw);
  for (const needle of [
    '"2022-02-30" is not a date',
    'unknown key "amount"',
    'unknown fact "no_such_fact"',
    'unknown rule "route.no_such_rule"',
    'unknown source "no_such_source"',
  ]) {
    assert.ok(
      problems.some((p) => p.includes(needle)),
      `${needle} in ${problems.join(' | ')}`,
    );
  }
});

test('every message key exists in all five languages; a missing translation fails the load', () => {
  for (const lang of LANGS) {
    const raw = fresh();
    delete (raw.messages[lang] as any)['outcome.eligible'];
    assert.ok(
      problemsOf(raw).some((p) => p.includes(`messages/${lang}.yaml`) && p.includes('outcome.eligible')),
      lang,
    );
  }
});
