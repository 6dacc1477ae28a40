// Deadline, validity and delivery rules of the tolerance-visa case. Every expected date was worked
// out by hand (python3 datetime for the weekdays) from facts.md § 1.1, § 1.2 and § 2.3.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkToleranceValidity, letterDelivery, toleranceDeadline } from '../rules.ts';
import { NoRuleInForceError } from './lookup.ts';

// ---- toleranceDeadline: 30 days from receipt, stopped while interrupted, ≥ 15 days after --------

test('deadline, no interruption: received Fri 1 Mar 2024 → Tue 2 Apr 2024', () => {
  // Day 30 is Sun 31 Mar (Easter Sunday); Mon 1 Apr is Easter Monday; so Tue 2 Apr (facts § 1.2).
  const r = toleranceDeadline('2024-03-01', []);
  assert.equal(r.dueOn, '2024-04-02');
  assert.equal(r.running, true);
  assert.deepEqual(
    r.parameters.map((p) => [p.id, p.date, p.value]),
    [['tolerance_visa.decision_period_days', '2024-03-01', 30]],
  );
});

test('deadline, interrupted Mon 11 Mar, resumed Thu 28 Mar 2024 → Wed 17 Apr 2024', () => {
  // 2–11 Mar counts: 10 days used, 20 left. Counting resumes Fri 29 Mar: 28 Mar + 20 = Wed 17 Apr.
  // The floor 28 Mar + 15 = Fri 12 Apr is earlier, so the 20 remaining days decide.
  const r = toleranceDeadline('2024-03-01', [{ from: '2024-03-11', to: '2024-03-28' }]);
  assert.equal(r.dueOn, '2024-04-17');
  assert.equal(r.running, true);
  assert.deepEqual(
    r.parameters.map((p) => [p.id, p.date, p.value]),
    [
      ['tolerance_visa.decision_period_days', '2024-03-01', 30], // read on receipt
      ['proceedings.min_days_after_interruption', '2024-03-28', 15], // read on the day it resumed
    ],
  );
});

test('deadline, interruption still open → not running, no due date', () => {
  const r = toleranceDeadline('2024-03-01', [{ from: '2024-03-11', to: null }]);
  assert.equal(r.dueOn, null);
  assert.equal(r.running, false);
});

test('deadline, short interruption near the end: the 15-day floor decides → Thu 11 Apr 2024', () => {
  // Received Fri 1 Mar; interrupted Mon 25 Mar (2–25 Mar = 24 days used, 6 left); resumed Wed 27 Mar.
  // Remaining days alone: 27 Mar + 6 = Tue 2 Apr. Floor: 27 Mar + 15 = Thu 11 Apr, a working day.
  const r = toleranceDeadline('2024-03-01', [{ from: '2024-03-25', to: '2024-03-27' }]);
  assert.equal(r.dueOn, '2024-04-11');
  assert.equal(r.running, true);
});

test('deadline, the floor falls on a Saturday → moves to Mon 15 Apr 2024', () => {
  // Received Fri 1 Mar; interrupted Tue 26 Mar (25 days used, 5 left); resumed Fri 29 Mar (Good Friday).
  // Remaining days alone: 29 Mar + 5 = Wed 3 Apr. Floor: 29 Mar + 15 = Sat 13 Apr → Mon 15 Apr.
  const r = toleranceDeadline('2024-03-01', [{ from: '2024-03-26', to: '2024-03-29' }]);
  assert.equal(r.dueOn, '2024-04-15');
});

test('deadline, two interruptions: the floor is read on the last resumption', () => {
  // Received Fri 1 Mar 2024. Interrupted Mon 11 Mar → resumed Thu 14 Mar (10 used, 20 left).
  // Interrupted Mon 18 Mar (15–18 Mar: 4 used, 16 left) → resumed Fri 22 Mar.
  // 22 Mar + 16 = Sun 7 Apr; floor 22 Mar + 15 = Sat 6 Apr; later is Sun 7 Apr → Mon 8 Apr.
  const r = toleranceDeadline('2024-03-01', [
    { from: '2024-03-11', to: '2024-03-14' },
    { from: '2024-03-18', to: '2024-03-22' },
  ]);
  assert.equal(r.dueOn, '2024-04-08');
  assert.equal(r.parameters[1]?.date, '2024-03-22');
});

test('deadline: received before the 30-day rule window (Fri 31 Dec 2010) → no rule in force', () => {
  assert.throws(
    () => toleranceDeadline('2010-12-31', []),
    (e: unknown) => e instanceof NoRuleInForceError && e.parameterId === 'tolerance_visa.decision_period_days' && e.date === '2010-12-31',
  );
  // Sat 1 Jan 2011, the first day: day 30 is Mon 31 Jan 2011, a working day.
  assert.equal(toleranceDeadline('2011-01-01', []).dueOn, '2011-01-31');
});

// ---- checkToleranceValidity: at most one year (§ 33 Act 326/1999), read on the decision date ----

test('validity: exactly one year minus a day is allowed (Thu 2 May 2024 – Thu 1 May 2025)', () => {
  // 1 May 2025 is a holiday (Svátek práce): the end of validity is a date on the sticker, not a
  // period under § 40, so it is not moved to a working day.
  const r = checkToleranceValidity('2024-05-02', '2024-05-02', '2025-05-01');
  assert.equal(r.ok, true);
  assert.equal(r.latestValidTo, '2025-05-01');
});

test('validity: one day more than a year fails (to Fri 2 May 2025)', () => {
  const r = checkToleranceValidity('2024-05-02', '2024-05-02', '2025-05-02');
  assert.equal(r.ok, false);
  assert.equal(r.latestValidTo, '2025-05-01');
});

test('validity: from Thu 29 Feb 2024 the latest end is Fri 28 Feb 2025', () => {
  const r = checkToleranceValidity('2024-02-29', '2024-02-29', '2025-02-28');
  assert.equal(r.latestValidTo, '2025-02-28');
  assert.equal(r.ok, true);
  assert.equal(checkToleranceValidity('2024-02-29', '2024-02-29', '2025-03-01').ok, false);
});

test('validity: from Wed 1 Mar 2023 the latest end is Thu 29 Feb 2024 (leap year end)', () => {
  assert.equal(checkToleranceValidity('2023-03-01', '2023-03-01', '2024-02-29').latestValidTo, '2024-02-29');
});

test('validity: shorter than a year is fine, a single day is fine', () => {
  assert.equal(checkToleranceValidity('2024-05-02', '2024-05-02', '2024-11-01').ok, true);
  assert.equal(checkToleranceValidity('2024-05-02', '2024-05-02', '2024-05-02').ok, true);
});

test('validity: validTo before validFrom fails', () => {
  assert.equal(checkToleranceValidity('2024-05-02', '2024-05-02', '2024-05-01').ok, false);
});

test('validity: the sticker code is D/VS/91, and both parameters are read on the decision date', () => {
  const r = checkToleranceValidity('2024-05-02', '2024-05-06', '2025-05-05');
  assert.equal(r.visaCode, 'D/VS/91');
  assert.deepEqual(
    r.parameters.map((p) => [p.id, p.date, p.value]),
    [
      ['tolerance_visa.max_validity_years', '2024-05-02', 1],
      ['tolerance_visa.sticker_code', '2024-05-02', 'D/VS/91'],
    ],
  );
});

test('validity: decided before the window (Fri 31 Dec 2010) → no rule in force', () => {
  assert.throws(() => checkToleranceValidity('2010-12-31', '2011-01-03', '2011-06-30'), NoRuleInForceError);
});

// ---- letterDelivery: § 24(1) Act 500/2004, deemed delivered after 10 days -------------------------

test('delivery: ready Mon 16 Dec 2024, not collected → Fri 27 Dec 2024 with the shift', () => {
  // Day 10 is Thu 26 Dec (2. svátek vánoční), moved to the next working day, Fri 27 Dec.
  const r = letterDelivery('2024-12-16', null, true);
  assert.equal(r.deliveredOn, '2024-12-27');
  assert.equal(r.how, 'deemed');
  assert.deepEqual(
    r.parameters.map((p) => [p.id, p.date, p.value]),
    [['delivery.deemed_after_days', '2024-12-16', 10]],
  );
});

test('delivery: ready Mon 16 Dec 2024, not collected → Thu 26 Dec 2024 without the shift', () => {
  const r = letterDelivery('2024-12-16', null, false);
  assert.equal(r.deliveredOn, '2024-12-26');
  assert.equal(r.how, 'deemed');
});

test('delivery: collected within the period → collected on that day (Fri 20 Dec 2024)', () => {
  const r = letterDelivery('2024-12-16', '2024-12-20', true);
  assert.equal(r.deliveredOn, '2024-12-20');
  assert.equal(r.how, 'collected');
});

test('delivery: collected after the period (Mon 30 Dec 2024) → still deemed on Fri 27 Dec', () => {
  const r = letterDelivery('2024-12-16', '2024-12-30', true);
  assert.equal(r.deliveredOn, '2024-12-27');
  assert.equal(r.how, 'deemed');
});
