// Tests for valueOn (inclusive validity windows, "no rule in force" outside them) and a structural
// check over every dated parameter exported by parameters.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NoRuleInForceError, valueOn } from './lookup.ts';
import * as parameters from '../parameters.ts';
import type { Parameter, Source } from '../parameters.ts';

const source: Source = { id: 'test', act: 'synthetic act for tests', verification: 'V' };

/** One closed window: 1 Jan – 31 Dec 2020, both days included. */
const closed: Parameter<number> = {
  id: 'test.closed',
  readsDate: 'filed_on',
  values: [{ from: '2020-01-01', to: '2020-12-31', value: 100, source }],
};

/** Two windows with a gap (January 2021 has no rule) and an open end. */
const twoWindows: Parameter<string> = {
  id: 'test.two_windows',
  readsDate: 'decided_on',
  values: [
    { from: '2020-01-01', to: '2020-12-31', value: 'old', source },
    { from: '2021-02-01', to: null, value: 'new', source: { ...source, verification: 'P' } },
  ],
};

function assertNoRule(fn: () => unknown, parameterId: string, date: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof NoRuleInForceError);
    assert.equal(e.name, 'NoRuleInForceError');
    assert.equal(e.parameterId, parameterId);
    assert.equal(e.date, date);
    assert.match(e.message, new RegExp(`${date}.*${parameterId.replace('.', '\\.')}`));
    return true;
  });
}

test('a date inside the window returns the value, the id, the date read and the source', () => {
  assert.deepEqual(valueOn(closed, '2020-06-15'), {
    id: 'test.closed',
    date: '2020-06-15',
    from: '2020-01-01',
    to: '2020-12-31',
    value: 100,
    source,
  });
});

test('both edges of a window are inclusive', () => {
  assert.equal(valueOn(closed, '2020-01-01').value, 100); // first day
  assert.equal(valueOn(closed, '2020-12-31').value, 100); // last day
});

test('the day before and the day after the window: no rule in force, with id and date', () => {
  assertNoRule(() => valueOn(closed, '2019-12-31'), 'test.closed', '2019-12-31');
  assertNoRule(() => valueOn(closed, '2021-01-01'), 'test.closed', '2021-01-01');
});

test('to: null is open-ended: any later date is inside', () => {
  assert.equal(valueOn(twoWindows, '2021-02-01').value, 'new');
  assert.equal(valueOn(twoWindows, '2099-12-31').value, 'new');
});

test('two windows: each date picks its own window, never the nearest one', () => {
  assert.equal(valueOn(twoWindows, '2020-12-31').value, 'old');
  assert.equal(valueOn(twoWindows, '2021-02-01').value, 'new');
  assert.equal(valueOn(twoWindows, '2021-02-01').source.verification, 'P');
  // The gap: 1–31 Jan 2021. No fall-back to 'old' (the predecessor) or 'new' (the successor).
  assertNoRule(() => valueOn(twoWindows, '2021-01-01'), 'test.two_windows', '2021-01-01');
  assertNoRule(() => valueOn(twoWindows, '2021-01-31'), 'test.two_windows', '2021-01-31');
  // Before the first window.
  assertNoRule(() => valueOn(twoWindows, '2019-12-31'), 'test.two_windows', '2019-12-31');
});

// ---- Every dated parameter in parameters.ts --------------------------------------------------

function isParameter(x: unknown): x is Parameter<unknown> {
  return typeof x === 'object' && x !== null && 'id' in x && 'readsDate' in x && Array.isArray((x as { values?: unknown }).values);
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
function isRealIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  return new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s; // rejects 2023-02-29
}

const exported: Array<[name: string, p: Parameter<unknown>]> = [];
for (const [name, value] of Object.entries(parameters as Record<string, unknown>)) {
  if (isParameter(value)) exported.push([name, value]);
}

test('parameters.ts exports the expected dated parameters', () => {
  // A new parameter added without being listed here makes this fail on purpose: add it to
  // CONTEXT.md's parameter table at the same time.
  assert.deepEqual(exported.map(([, p]) => p.id).sort(), [
    'appeal.period_days',
    'delivery.deemed_after_days',
    'proceedings.min_days_after_interruption',
    'tolerance_visa.decision_period_days',
    'tolerance_visa.fee',
    'tolerance_visa.max_validity_years',
    'tolerance_visa.sticker_code',
  ]);
});

test('parameter ids are unique', () => {
  const ids = exported.map(([, p]) => p.id);
  assert.equal(new Set(ids).size, ids.length);
});

for (const [name, p] of exported) {
  test(`${name} (${p.id}): windows are real dates, sorted, non-overlapping; only the last may be open`, () => {
    assert.ok(['filed_on', 'decided_on', 'event_on'].includes(p.readsDate), `readsDate ${p.readsDate}`);
    assert.ok(p.values.length > 0, 'at least one window');
    p.values.forEach((v, i) => {
      assert.ok(isRealIsoDate(v.from), `values[${i}].from ${v.from}`);
      if (v.to !== null) {
        assert.ok(isRealIsoDate(v.to), `values[${i}].to ${v.to}`);
        assert.ok(v.from <= v.to, `values[${i}]: from ${v.from} after to ${v.to}`);
      } else {
        assert.equal(i, p.values.length - 1, `values[${i}] is open-ended but not the last window`);
      }
      const next = p.values[i + 1];
      if (next) {
        assert.ok(v.from < next.from, `values[${i}] and [${i + 1}] are not sorted by from`);
        assert.ok(v.to !== null && v.to < next.from, `values[${i}] (to ${v.to}) overlaps values[${i + 1}] (from ${next.from})`);
      }
    });
  });

  test(`${name} (${p.id}): every value has a source with an act and a V/P/U marker`, () => {
    p.values.forEach((v, i) => {
      assert.equal(typeof v.source.act, 'string', `values[${i}].source.act`);
      assert.ok(v.source.act.trim().length > 0, `values[${i}].source.act is empty`);
      assert.ok(['V', 'P', 'U'].includes(v.source.verification), `values[${i}].source.verification ${v.source.verification}`);
      if (v.source.url !== undefined) assert.match(v.source.url, /^https?:\/\//, `values[${i}].source.url`);
    });
  });

  test(`${name} (${p.id}): valueOn finds each window at both of its edges`, () => {
    for (const v of p.values) {
      assert.equal(valueOn(p, v.from).value, v.value);
      if (v.to !== null) assert.equal(valueOn(p, v.to).value, v.value);
    }
    const first = p.values[0]!;
    const dayBefore = new Date(Date.parse(`${first.from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    assertNoRule(() => valueOn(p, dayBefore), p.id, dayBefore);
  });
}
