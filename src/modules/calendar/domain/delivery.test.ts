// Tests for the delivery part of deadlines.ts (§ 24(1) Act 500/2004 Coll.), kept apart for size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarDaysLeft, deemedDeliveryDate, deliveryOutcome } from './deadlines.ts';
import { InvalidDeadlineInputError } from './calendar.errors.ts';

test('ready Mon 16 Dec 2024: day 10 is Thu 26 Dec (holiday) → Fri 27 Dec with shift, Thu 26 Dec without', () => {
  assert.equal(deemedDeliveryDate('2024-12-16', 10, true), '2024-12-27');
  assert.equal(deemedDeliveryDate('2024-12-16', 10, false), '2024-12-26');
});

test('deemed delivery on an ordinary working day is the same with or without shift', () => {
  // Ready Mon 3 Jun 2024 → day 10 is Thu 13 Jun 2024.
  assert.equal(deemedDeliveryDate('2024-06-03', 10, true), '2024-06-13');
  assert.equal(deemedDeliveryDate('2024-06-03', 10, false), '2024-06-13');
});

test('deemedDeliveryDate rejects bad input', () => {
  assert.throws(() => deemedDeliveryDate('2024-06-03', 0, true), InvalidDeadlineInputError);
  assert.throws(() => deemedDeliveryDate('2024-13-03', 10, true), InvalidDeadlineInputError);
});

const dec2024 = { readyForCollectionOn: '2024-12-16', days: 10 };

test('collected within the period → delivered on the collection day', () => {
  assert.deepEqual(deliveryOutcome({ ...dec2024, collectedOn: '2024-12-16', shiftToWorkingDay: true }), {
    deliveredOn: '2024-12-16',
    how: 'collected',
  }); // Mon, same day it was ready
  assert.deepEqual(deliveryOutcome({ ...dec2024, collectedOn: '2024-12-20', shiftToWorkingDay: true }), {
    deliveredOn: '2024-12-20',
    how: 'collected',
  }); // Fri
});

test('collected on the shifted last day counts as collected only when the shift applies', () => {
  assert.deepEqual(deliveryOutcome({ ...dec2024, collectedOn: '2024-12-27', shiftToWorkingDay: true }), {
    deliveredOn: '2024-12-27',
    how: 'collected',
  }); // Fri 27 Dec
  assert.deepEqual(deliveryOutcome({ ...dec2024, collectedOn: '2024-12-27', shiftToWorkingDay: false }), {
    deliveredOn: '2024-12-26',
    how: 'deemed',
  }); // fiction already on Thu 26 Dec
});

test('not collected, or collected after the period → deemed', () => {
  assert.deepEqual(deliveryOutcome({ ...dec2024, collectedOn: null, shiftToWorkingDay: true }), {
    deliveredOn: '2024-12-27',
    how: 'deemed',
  });
  assert.deepEqual(deliveryOutcome({ ...dec2024, collectedOn: '2024-12-30', shiftToWorkingDay: true }), {
    deliveredOn: '2024-12-27',
    how: 'deemed',
  }); // Mon 30 Dec, still within 15-day storage
});

test('collection before the letter was ready is rejected', () => {
  assert.throws(() => deliveryOutcome({ ...dec2024, collectedOn: '2024-12-15', shiftToWorkingDay: true }), InvalidDeadlineInputError);
});

test('calendarDaysLeft counts calendar days, negative when overdue', () => {
  assert.equal(calendarDaysLeft('2024-04-02', '2024-03-01'), 32);
  assert.equal(calendarDaysLeft('2024-04-02', '2024-04-02'), 0);
  assert.equal(calendarDaysLeft('2024-04-02', '2024-04-05'), -3);
});
