import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeStatutoryDeadline, periodEnd, type Interruption } from './deadlines.ts';
import { InvalidDeadlineInputError } from './calendar.errors.ts';

// Worked examples: facts.md § 1.2, and hand-checked runs of days of rest. Weekdays in comments.
test('periodEnd: filed Fri 1 Mar 2024 + 30 → day 30 is Easter Sunday, Easter Monday → Tue 2 Apr 2024', () => {
  assert.equal(periodEnd('2024-03-01', 30), '2024-04-02');
});

test('periodEnd: filed Wed 27 Mar 2024 + 30 → Fri 26 Apr 2024 (no shift)', () => {
  assert.equal(periodEnd('2024-03-27', 30), '2024-04-26');
});

test('periodEnd: day 30 on Good Friday Fri 7 Apr 2023 → Tue 11 Apr 2023', () => {
  assert.equal(periodEnd('2023-03-08', 30), '2023-04-11'); // trigger Wed 8 Mar 2023
});

test('periodEnd: Good Friday 2015 was a working day, Fri 3 Apr 2015 stays', () => {
  assert.equal(periodEnd('2015-03-04', 30), '2015-04-03'); // trigger Wed 4 Mar 2015
});

test('periodEnd: received Sat 2 Dec 2023, day 30 is Mon 1 Jan 2024 → Tue 2 Jan 2024', () => {
  assert.equal(periodEnd('2023-12-02', 30), '2024-01-02');
});

test('periodEnd: Christmas 2023 — day 30 Sat 23 Dec; Sun 24, Mon 25, Tue 26 off → Wed 27 Dec', () => {
  assert.equal(periodEnd('2023-11-23', 30), '2023-12-27'); // trigger Thu 23 Nov 2023
});

test('periodEnd: longest shift — day 30 Sat 22 Dec 2018, five days of rest → Thu 27 Dec 2018', () => {
  assert.equal(periodEnd('2018-11-22', 30), '2018-12-27'); // trigger Thu 22 Nov 2018
});

test('periodEnd: a 1-day period starts the next day', () => {
  assert.equal(periodEnd('2024-07-01', 1), '2024-07-02'); // Mon → Tue
});

test('periodEnd rejects bad input', () => {
  assert.throws(() => periodEnd('2024-03-01', 0), InvalidDeadlineInputError);
  assert.throws(() => periodEnd('2024-03-01', 2.5), InvalidDeadlineInputError);
  assert.throws(() => periodEnd('2024-3-1', 30), InvalidDeadlineInputError);
});

// Interruptions: received Mon 1 Jul 2024, 30 days, floor 15; without interruption due Wed 31 Jul 2024.
const base = { receivedOn: '2024-07-01', periodDays: 30, minDaysAfterResume: 15 };
const deadline = (interruptions: Interruption[], over: Partial<typeof base> = {}) =>
  computeStatutoryDeadline({ ...base, ...over, interruptions });

test('no interruption equals periodEnd', () => {
  assert.deepEqual(deadline([]), { dueOn: '2024-07-31', running: true, daysCounted: 0, pausedDays: 0 });
});

test('one interruption: 10 days counted, 20 paused, 20 remain after resumption → Tue 20 Aug 2024', () => {
  // Counted Tue 2 – Thu 11 Jul; stopped to Wed 31 Jul; resumes Thu 1 Aug; 31 Jul + 20 = Tue 20 Aug.
  const r = deadline([{ from: '2024-07-11', to: '2024-07-31' }]);
  assert.deepEqual(r, { dueOn: '2024-08-20', running: true, daysCounted: 10, pausedDays: 20 });
});

test('15-day floor: 2 days left at resumption, floor Sat 24 Aug → Mon 26 Aug 2024', () => {
  // Counted Tue 2 – Mon 29 Jul (28); ended Fri 9 Aug; 9 Aug + 2 = 11 Aug < 9 Aug + 15 = Sat 24 Aug.
  const r = deadline([{ from: '2024-07-29', to: '2024-08-09' }]);
  assert.deepEqual(r, { dueOn: '2024-08-26', running: true, daysCounted: 28, pausedDays: 11 });
});

test('floor of 0 leaves only the remaining days', () => {
  const r = deadline([{ from: '2024-07-29', to: '2024-08-09' }], { minDaysAfterResume: 0 });
  assert.equal(r.dueOn, '2024-08-12'); // 9 Aug + 2 = Sun 11 Aug → Mon 12 Aug
});

test('interrupted on the last day: nothing remains, floor Sat 17 Aug → Mon 19 Aug 2024', () => {
  const r = deadline([{ from: '2024-07-31', to: '2024-08-02' }]);
  assert.deepEqual(r, { dueOn: '2024-08-19', running: true, daysCounted: 30, pausedDays: 2 });
});

test('two interruptions in sequence → Wed 21 Aug 2024', () => {
  // Counted 2–5 Jul (4); stopped to Mon 15 Jul; counted 16–25 Jul (10); stopped to Mon 5 Aug;
  // 16 remain: 5 Aug + 16 = Wed 21 Aug (floor 5 Aug + 15 = Tue 20 Aug is earlier).
  const r = deadline([
    { from: '2024-07-05', to: '2024-07-15' },
    { from: '2024-07-25', to: '2024-08-05' },
  ]);
  assert.deepEqual(r, { dueOn: '2024-08-21', running: true, daysCounted: 14, pausedDays: 21 });
});

test('second interruption inside the first floor: the later floor wins → Mon 16 Sep 2024', () => {
  // After the first, 2 days remain (due Mon 26 Aug by the floor); second from Tue 20 Aug to Fri 30 Aug;
  // floor 30 Aug + 15 = Sat 14 Sep → Mon 16 Sep.
  const r = deadline([
    { from: '2024-07-29', to: '2024-08-09' },
    { from: '2024-08-20', to: '2024-08-30' },
  ]);
  assert.deepEqual(r, { dueOn: '2024-09-16', running: true, daysCounted: 30, pausedDays: 21 });
});

test('touching interruptions (second starts the day the first ended) are allowed', () => {
  const r = deadline([
    { from: '2024-07-05', to: '2024-07-15' },
    { from: '2024-07-15', to: '2024-07-25' },
  ]);
  // 4 counted, 20 paused, 26 remain: 25 Jul + 26 = Tue 20 Aug (floor 9 Aug).
  assert.deepEqual(r, { dueOn: '2024-08-20', running: true, daysCounted: 4, pausedDays: 20 });
});

test('open interruption: clock stopped, no due date', () => {
  const r = deadline([{ from: '2024-07-10', to: null }]); // Wed 10 Jul
  assert.deepEqual(r, { dueOn: null, running: false, daysCounted: 9, pausedDays: 0 });
  const two = deadline([
    { from: '2024-07-05', to: '2024-07-15' },
    { from: '2024-07-25', to: null },
  ]);
  assert.deepEqual(two, { dueOn: null, running: false, daysCounted: 14, pausedDays: 10 });
});

test('interruption starting after the deadline passed does not revive it', () => {
  const late = [{ from: '2024-08-05', to: '2024-08-20' }]; // Mon 5 Aug, after Wed 31 Jul
  assert.deepEqual(deadline(late), { dueOn: '2024-07-31', running: true, daysCounted: 0, pausedDays: 0 });
  const openLate = deadline([{ from: '2024-08-05', to: null }]);
  assert.deepEqual(openLate, { dueOn: '2024-07-31', running: false, daysCounted: 0, pausedDays: 0 });
});

test('interruption between the last calendar day and the shifted end still counts', () => {
  // Received Thu 30 May 2024: day 30 Sat 29 Jun → due Mon 1 Jul. Interrupted Sun 30 Jun – Fri 5 Jul;
  // floor 5 Jul + 15 = Sat 20 Jul → Mon 22 Jul 2024.
  const r = deadline([{ from: '2024-06-30', to: '2024-07-05' }], { receivedOn: '2024-05-30' });
  assert.equal(r.dueOn, '2024-07-22');
  const after = deadline([{ from: '2024-07-02', to: '2024-07-05' }], { receivedOn: '2024-05-30' });
  assert.equal(after.dueOn, '2024-07-01'); // Tue 2 Jul is after the due Mon 1 Jul
});

test('invalid interruptions are rejected', () => {
  const bad: Array<[string, Interruption[]]> = [
    ['before receipt', [{ from: '2024-06-30', to: '2024-07-05' }]],
    ['ends before it starts', [{ from: '2024-07-10', to: '2024-07-05' }]],
    [
      'out of order',
      [
        { from: '2024-07-20', to: '2024-07-25' },
        { from: '2024-07-05', to: '2024-07-10' },
      ],
    ],
    [
      'overlapping',
      [
        { from: '2024-07-05', to: '2024-07-15' },
        { from: '2024-07-14', to: '2024-07-20' },
      ],
    ],
    [
      'open but not last',
      [
        { from: '2024-07-05', to: null },
        { from: '2024-07-14', to: '2024-07-20' },
      ],
    ],
    ['malformed date', [{ from: '2024-07-5', to: '2024-07-15' }]],
  ];
  for (const [why, list] of bad) assert.throws(() => deadline(list), InvalidDeadlineInputError, why);
  assert.throws(() => deadline([], { periodDays: 0 }), InvalidDeadlineInputError);
  assert.throws(() => deadline([], { minDaysAfterResume: -1 }), InvalidDeadlineInputError);
  assert.throws(() => deadline([], { receivedOn: '2024-02-30' }), InvalidDeadlineInputError);
});

test('an interruption may start on the day of receipt', () => {
  const r = deadline([{ from: '2024-07-01', to: '2024-07-03' }]); // nothing counted; resumes Thu 4 Jul
  assert.deepEqual(r, { dueOn: '2024-08-02', running: true, daysCounted: 0, pausedDays: 2 }); // Fri 2 Aug
});
