import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  backlogBucket,
  isoWeekOf,
  isoWeeksCovering,
  monthsCovering,
  percentile,
  summarizeCaseStatistics,
  workingDaysLeft,
} from './case-statistics.ts';

test('ISO weeks: Monday start, week 1 holds the first Thursday, the week-year differs at the turn', () => {
  const cases: [string, string, string][] = [
    ['2024-01-01', '2024-W01', 'a Monday'],
    ['2024-04-07', '2024-W14', 'a Sunday ends its week'],
    ['2024-04-08', '2024-W15', 'the Monday after'],
    ['2021-01-03', '2020-W53', 'Sunday 3 Jan 2021 is in 2020’s week 53'],
    ['2020-12-31', '2020-W53', ''],
    ['2019-12-30', '2020-W01', 'Monday 30 Dec 2019 is in 2020’s week 1'],
    ['2024-12-30', '2025-W01', ''],
    ['2027-01-01', '2026-W53', 'Friday 1 Jan 2027 is in 2026’s week 53'],
    ['2027-01-04', '2027-W01', ''],
  ];
  for (const [d, key, why] of cases) assert.equal(isoWeekOf(d).key, key, `${d} ${why}`);
  assert.deepEqual(isoWeekOf('2024-04-10'), { key: '2024-W15', isoYear: 2024, week: 15, monday: '2024-04-08', sunday: '2024-04-14' });
});

test('weeks and months covering a range include the partial ones at both ends', () => {
  assert.deepEqual(
    isoWeeksCovering('2024-04-03', '2024-04-15').map((w) => w.key),
    ['2024-W14', '2024-W15', '2024-W16'],
  );
  assert.deepEqual(
    isoWeeksCovering('2024-04-01', '2024-04-01').map((w) => w.key),
    ['2024-W14'],
  );
  assert.deepEqual(monthsCovering('2024-11-15', '2025-02-01'), [
    { key: '2024-11', first: '2024-11-01', last: '2024-11-30' },
    { key: '2024-12', first: '2024-12-01', last: '2024-12-31' },
    { key: '2025-01', first: '2025-01-01', last: '2025-01-31' },
    { key: '2025-02', first: '2025-02-01', last: '2025-02-28' },
  ]);
  assert.equal(monthsCovering('2024-02-10', '2024-02-10')[0]!.last, '2024-02-29');
});

test('percentiles interpolate between the closest ranks (as percentile_cont)', () => {
  assert.equal(percentile([], 0.5), null);
  assert.equal(percentile([7], 0.5), 7);
  assert.equal(percentile([7], 0.9), 7);
  assert.equal(percentile([4, 1, 3, 2], 0.5), 2.5);
  assert.equal(percentile([4, 1, 3, 2], 0.9), 3.7);
  assert.equal(percentile([0, 10], 0.9), 9);
  assert.equal(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110], 0.9), 100);
  assert.throws(() => percentile([1], 1.5), RangeError);
});

test('backlog buckets by calendar days left; a stopped clock is its own bucket', () => {
  const b = (daysLeft: number | null, clockRunning = true) => backlogBucket({ daysLeft, clockRunning });
  assert.deepEqual(
    [-1, 0, 5, 6, 10, 11, 20, 21, 30, 31, 60].map((d) => b(d)),
    ['overdue', 'd0_5', 'd0_5', 'd6_10', 'd6_10', 'd11_20', 'd11_20', 'd21_30', 'd21_30', 'd31_plus', 'd31_plus'],
  );
  assert.equal(b(-3, false), 'interrupted');
  assert.equal(b(null, false), 'interrupted');
});

test('working days left skip weekends and Czech holidays; negative when overdue', () => {
  assert.equal(workingDaysLeft('2024-12-20', '2024-12-20'), 0);
  // Fri 20 Dec 2024 → Fri 27 Dec: Mon 23 and Fri 27 (24, 25 and 26 Dec are holidays)
  assert.equal(workingDaysLeft('2024-12-20', '2024-12-27'), 2);
  assert.equal(workingDaysLeft('2024-04-05', '2024-04-08'), 1, 'Fri → Mon');
  assert.equal(workingDaysLeft('2024-04-08', '2024-04-05'), -1, 'due Friday, today Monday');
  assert.equal(workingDaysLeft('2024-04-01', '2024-04-08'), 5, 'Easter Monday 1 Apr 2024: Tue–Fri and Mon');
});

test('the summary: intake per week by type, backlog, at risk, outcomes and time to decision', () => {
  const s = summarizeCaseStatistics({
    from: '2024-04-03',
    to: '2024-05-10',
    today: '2024-05-10',
    caseTypes: ['tolerance_visa', 'study_residence'],
    intake: [
      { receivedOn: '2024-04-01', caseType: 'tolerance_visa', count: 9 }, // before the range: not counted
      { receivedOn: '2024-04-03', caseType: 'tolerance_visa', count: 2 },
      { receivedOn: '2024-04-05', caseType: 'study_residence', count: 1 },
      { receivedOn: '2024-05-10', caseType: 'tolerance_visa', count: 1 },
    ],
    closed: [
      { status: 'granted', receivedOn: '2024-04-03', decidedOn: '2024-04-13' },
      { status: 'granted', receivedOn: '2024-04-03', decidedOn: '2024-04-23' },
      { status: 'refused', receivedOn: '2024-04-05', decidedOn: '2024-05-05' },
      { status: 'withdrawn', receivedOn: '2024-04-05', decidedOn: '2024-05-06' },
      { status: 'inadmissible', receivedOn: '2024-04-03', decidedOn: null },
      { status: 'granted', receivedOn: '2024-03-01', decidedOn: '2024-03-20' }, // decided before the range
    ],
    open: [
      {
        id: 'a',
        reference: 'R-A',
        caseType: 'tolerance_visa',
        status: 'under_assessment',
        receivedOn: '2024-04-05',
        dueOn: '2024-05-07',
        clockRunning: true,
      },
      {
        id: 'b',
        reference: 'R-B',
        caseType: 'tolerance_visa',
        status: 'under_assessment',
        receivedOn: '2024-05-10',
        dueOn: '2024-06-10',
        clockRunning: true,
      },
      {
        id: 'c',
        reference: 'R-C',
        caseType: 'tolerance_visa',
        status: 'interrupted',
        receivedOn: '2024-04-03',
        dueOn: '2024-05-03',
        clockRunning: false,
      },
      {
        id: 'd',
        reference: 'R-D',
        caseType: 'study_residence',
        status: 'under_assessment',
        receivedOn: '2024-04-05',
        dueOn: '2024-05-14',
        clockRunning: true,
      },
    ],
  });
  assert.deepEqual(
    s.intakeByWeek.weeks.map((w) => [w.week, w.partial, w.byType.map((x) => x.count), w.total]),
    [
      ['2024-W14', true, [2, 1], 3],
      ['2024-W15', false, [0, 0], 0],
      ['2024-W16', false, [0, 0], 0],
      ['2024-W17', false, [0, 0], 0],
      ['2024-W18', false, [0, 0], 0],
      ['2024-W19', true, [1, 0], 1],
    ],
  );
  assert.deepEqual(
    s.backlog.buckets.map((b) => b.count),
    [1, 1, 0, 0, 0, 1, 1],
  );
  assert.equal(s.backlog.total, 4);
  // a: overdue by 3 days (2 working days); d: Fri 10 → Tue 14 May = 2 working days
  assert.deepEqual(
    s.atRisk.items.map((x) => [x.reference, x.daysLeft, x.workingDaysLeft, x.overdue]),
    [
      ['R-A', -3, -2, true],
      ['R-D', 4, 2, false],
    ],
  );
  assert.deepEqual(
    s.outcomesByMonth.map((m) => [m.month, m.partial, m.granted, m.refused, m.inadmissible, m.withdrawn, m.discontinued, m.total]),
    [
      ['2024-04', true, 2, 0, 1, 0, 0, 3],
      ['2024-05', true, 0, 1, 0, 1, 0, 2],
    ],
  );
  assert.deepEqual(s.timeToDecision.months, [
    { month: '2024-04', partial: true, decisions: 2, medianDays: 15, p90Days: 19 },
    { month: '2024-05', partial: true, decisions: 1, medianDays: 30, p90Days: 30 },
  ]);
  assert.deepEqual(s.timeToDecision.overall, { decisions: 3, medianDays: 20, p90Days: 28 });
});

test('an empty office: zero everywhere, no percentile', () => {
  const s = summarizeCaseStatistics({
    from: '2024-04-01',
    to: '2024-04-30',
    today: '2024-04-30',
    caseTypes: ['t'],
    intake: [],
    closed: [],
    open: [],
  });
  assert.equal(
    s.intakeByWeek.weeks.every((w) => w.total === 0),
    true,
  );
  assert.equal(s.backlog.total, 0);
  assert.deepEqual(s.atRisk.items, []);
  assert.deepEqual(s.timeToDecision.overall, { decisions: 0, medianDays: null, p90Days: null });
});
