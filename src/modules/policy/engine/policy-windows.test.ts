/**
 * Generated boundary cases: for every window edge of every parameter, rule and exception, the day
 * before, of and after. Inside a window the value or rule is in force; outside every window the
 * answer is "no rule in force on D" — never a neighbour's value.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../../calendar/index.ts';
import { defaultBundle } from '../load/load-bundle.ts';
import { NoRuleInForceError, valueOn, windowOn } from '../domain/lookup.ts';
import { evaluateRules } from './evaluate-rules.ts';
import type { Window } from '../domain/bundle.types.ts';

const bundle = defaultBundle();

function edges(ws: { from: string; to: string | null }[]) {
  return ws.flatMap((w, i) => [
    { date: addDays(w.from, -1), inside: i > 0 && ws[i - 1]!.to === addDays(w.from, -1) ? i - 1 : null, label: `day before ${w.from}` },
    { date: w.from, inside: i, label: `first day ${w.from}` },
    {
      date: addDays(w.from, 1),
      inside: w.to === w.from ? (ws[i + 1]?.from === addDays(w.from, 1) ? i + 1 : null) : i,
      label: `day after ${w.from}`,
    },
    ...(w.to
      ? [
          {
            date: addDays(w.to, -1),
            inside: w.to === w.from ? (i > 0 && ws[i - 1]!.to === addDays(w.to, -1) ? i - 1 : null) : i,
            label: `day before end ${w.to}`,
          },
          { date: w.to, inside: i, label: `last day ${w.to}` },
          { date: addDays(w.to, 1), inside: ws[i + 1]?.from === addDays(w.to, 1) ? i + 1 : null, label: `day after end ${w.to}` },
        ]
      : []),
  ]);
}

for (const p of Object.values(bundle.parameters)) {
  test(`parameter ${p.id}: the day before, of and after every window edge`, () => {
    for (const e of edges(p.values)) {
      if (e.inside === null) {
        assert.throws(() => valueOn(p, e.date), NoRuleInForceError, `${p.id} ${e.label}`);
      } else {
        const v = valueOn(p, e.date);
        assert.deepEqual(v.value, p.values[e.inside]!.value, `${p.id} ${e.label}`);
        assert.equal(v.from, p.values[e.inside]!.from);
      }
    }
  });
}

function checkRuleWindows(id: string, ws: Window[], inForce: (d: string) => boolean) {
  for (const e of edges(ws)) assert.equal(inForce(e.date), e.inside !== null, `${id} ${e.label} (${e.date})`);
}

for (const r of bundle.rules) {
  test(`rule ${r.id}: in force exactly inside its windows, and says "no rule in force" outside`, () => {
    checkRuleWindows(r.id, r.inForce, (date) => {
      const [res] = evaluateRules(bundle, {}, { [r.readsDate]: date }, [r.id]);
      return res!.outcome !== 'no_rule_in_force';
    });
    for (const ex of r.exceptions) checkRuleWindows(ex.id, ex.inForce, (d) => windowOn(ex.inForce, d) !== null);
  });
}

test('a rule evaluated without the date it reads says so instead of assuming today', () => {
  const [r] = evaluateRules(bundle, { nationality: 'RUS' }, { as_of: '2023-06-01' }, ['suspension.ru_by']);
  assert.equal(r!.outcome, 'needs_date');
  assert.equal(r!.readsDate, 'filed_on');
});
