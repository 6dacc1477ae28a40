/** The clock explanation gives the same due date as the calendar's statutory clock, and says why. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeStatutoryDeadline } from '../../calendar/index.ts';
import { explainClock } from './clock-explanation.ts';

const P = { periodDays: 30, minDaysAfterResume: 15 };

test('no interruption: 30 days from receipt, Sunday and Easter Monday move the last day (Fri 1 Mar 2024 → Tue 2 Apr)', () => {
  const x = explainClock({ receivedOn: '2024-03-01', interruptions: [], ...P });
  assert.equal(x.periodEndsOn, '2024-03-31');
  assert.equal(x.dueOn, '2024-04-02');
  assert.deepEqual(
    x.movedOver.map((d) => [d.date, d.why]),
    [
      ['2024-03-31', 'sunday'],
      ['2024-04-01', 'holiday'],
    ],
  );
  assert.match(x.movedOver[1]!.holiday ?? '', /Velikonoční pondělí/);
  assert.equal(x.floorApplies, false);
});

test('an interruption 11–28 Mar: 10 days counted, 17 paused, the 15-day floor gives the last day', () => {
  const x = explainClock({ receivedOn: '2024-03-01', interruptions: [{ from: '2024-03-11', to: '2024-03-28' }], ...P });
  assert.equal(x.interruptions[0]!.daysCountedBefore, 10);
  assert.equal(x.interruptions[0]!.pausedDays, 17);
  assert.equal(x.periodEndsOn, '2024-04-17');
  assert.equal(x.dueOn, '2024-04-17');
  assert.equal(x.running, true);
});

test('an open interruption: no due date, the days counted so far', () => {
  const x = explainClock({ receivedOn: '2024-03-01', interruptions: [{ from: '2024-03-11', to: null }], ...P });
  assert.equal(x.running, false);
  assert.equal(x.dueOn, null);
  assert.equal(x.daysCounted, 10);
});

test('agrees with computeStatutoryDeadline over many receipts and interruptions', () => {
  const starts = ['2024-01-02', '2024-03-01', '2024-04-30', '2024-12-01', '2025-06-27', '2026-12-03'];
  const add = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
  for (const r of starts) {
    for (const [a, b, c, d] of [
      [3, 10, 12, 20],
      [0, 0, 40, 41],
      [29, 31, 35, 50],
      [5, 6, 6, 7],
    ] as const) {
      for (const list of [
        [],
        [{ from: add(r, a), to: add(r, b) }],
        [
          { from: add(r, a), to: add(r, b) },
          { from: add(r, c), to: add(r, d) },
        ],
        [{ from: add(r, a), to: null }],
      ]) {
        const want = computeStatutoryDeadline({ receivedOn: r, interruptions: list, ...P });
        const got = explainClock({ receivedOn: r, interruptions: list, ...P });
        assert.equal(got.dueOn, want.dueOn, `${r} ${JSON.stringify(list)}`);
        assert.equal(got.running, want.running);
        assert.equal(got.daysCounted, want.daysCounted);
        assert.equal(got.pausedDays, want.pausedDays);
      }
    }
  }
});
