/**
 * Runs the case tables in policy/tests/*.yaml, then checks coverage: every rule decided at least once,
 * every exception applied, every reason code shown. A new rule or reason without a case fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_POLICY_DIR, defaultBundle } from '../load/load-bundle.ts';
import { evaluatePolicy } from './explain.ts';
import type { Dates, Facts } from './evaluate-rules.ts';

interface Case {
  name: string;
  dates: Dates;
  facts: Facts;
  expect: Record<string, string>;
  reasons?: Record<string, string[]>;
  exception?: Record<string, string>;
  next_question?: string;
  points_to_weigh?: Record<string, string[]>;
  guidance?: Record<string, string[]>;
  rights?: string[];
}

const bundle = defaultBundle();
const dir = join(DEFAULT_POLICY_DIR, 'tests');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const seen = { rules: new Set<string>(), exceptions: new Set<string>(), reasons: new Set<string>() };

for (const file of files) {
  const cases = parse(readFileSync(join(dir, file), 'utf8')) as Case[];
  for (const c of cases) {
    test(`${file}: ${c.name}`, () => {
      const ev = evaluatePolicy(bundle, { facts: c.facts ?? {}, dates: c.dates, lang: 'en' });
      const byRule = new Map(ev.results.map((r) => [r.rule, r]));
      for (const [rule, outcome] of Object.entries(c.expect)) {
        const r = byRule.get(rule);
        assert.ok(r, `no result for ${rule}`);
        assert.equal(
          r.outcome,
          outcome,
          `${rule}: ${r.outcomeText} — reasons: ${r.reasons.map((x) => `${x.code}:${x.status}`).join(', ')}`,
        );
        if (!['needs_date', 'no_rule_in_force'].includes(r.outcome)) seen.rules.add(rule);
        if (outcome === 'not_eligible' || outcome.startsWith('not_'))
          assert.ok(r.whatWouldChange.failing.length > 0, `${rule}: a negative outcome names what would change it`);
        if (outcome === 'possible' || outcome === 'manual_review')
          assert.ok(r.whatWouldChange.unknown.length > 0, `${rule}: an open outcome names the unknown facts`);
      }
      for (const [rule, codes] of Object.entries(c.reasons ?? {})) {
        const r = byRule.get(rule)!;
        const shown = new Set([...r.reasons.map((x) => x.code), ...r.whatWouldChange.failing.map((x) => x.code)]);
        for (const code of codes) assert.ok(shown.has(code), `${rule}: reason ${code} not among ${[...shown].join(', ')}`);
        for (const code of shown) seen.reasons.add(code);
        for (const x of [...r.reasons, ...r.whatWouldChange.failing]) assert.ok(!x.text.startsWith('r.'), `untranslated ${x.text}`);
      }
      for (const r of ev.results) for (const x of r.reasons) seen.reasons.add(x.code);
      for (const [rule, id] of Object.entries(c.exception ?? {})) {
        assert.equal(byRule.get(rule)!.exception?.id, id);
        seen.exceptions.add(id);
      }
      if (c.next_question) assert.equal(ev.nextQuestion?.fact, c.next_question);
      for (const [rule, codes] of Object.entries(c.points_to_weigh ?? {}))
        assert.deepEqual(
          byRule.get(rule)!.pointsToWeigh.map((p) => p.code),
          codes,
        );
      for (const [rule, codes] of Object.entries(c.guidance ?? {}))
        assert.deepEqual(
          byRule.get(rule)!.guidance.map((p) => p.code),
          codes,
        );
      if (c.rights)
        assert.deepEqual(
          ev.rights?.items.map((i) => i.code),
          c.rights,
        );
      // Every evaluation carries its trace and receipt.
      assert.equal(ev.receipt.policyVersion, bundle.hash);
      assert.deepEqual(Object.keys(ev.receipt.dates).sort(), Object.keys(c.dates).sort());
      assert.equal(ev.trace.rules.length, bundle.rules.length);
    });
  }
}

test('coverage: every rule decided, every exception applied, every reason code shown by some case', () => {
  const allReasons = new Set<string>();
  const walk = (cs: unknown[]) =>
    cs.forEach((c) => {
      const o = c as Record<string, unknown>;
      if (typeof o.reason === 'string') allReasons.add(o.reason);
      if (Array.isArray(o.any)) walk(o.any);
      if (Array.isArray(o.all)) walk(o.all);
    });
  for (const r of bundle.rules) {
    walk(r.when);
    for (const e of r.exceptions) walk(e.when);
  }
  const missing = {
    rules: bundle.rules.map((r) => r.id).filter((id) => !seen.rules.has(id)),
    exceptions: bundle.rules.flatMap((r) => r.exceptions.map((e) => e.id)).filter((id) => !seen.exceptions.has(id)),
    reasons: [...allReasons].filter((k) => !seen.reasons.has(k)),
  };
  assert.deepEqual(missing, { rules: [], exceptions: [], reasons: [] });
});
