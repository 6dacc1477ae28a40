import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, compareDates, dayOfWeek, diffDays, isValidIsoDate, maxDate, parseIsoDate, todayInPrague } from './civil-date.ts';
import { InvalidDateError } from './calendar.errors.ts';

test('parseIsoDate accepts real dates, including leap days', () => {
  assert.equal(parseIsoDate('2024-02-29'), '2024-02-29'); // Thu, 2024 is a leap year
  assert.equal(parseIsoDate('2000-02-29'), '2000-02-29'); // Tue, divisible by 400
  assert.equal(parseIsoDate('0050-01-01'), '0050-01-01');
});

test('parseIsoDate rejects impossible or loosely formatted dates', () => {
  for (const bad of [
    '2023-02-29',
    '1900-02-29',
    '2023-2-1',
    '2023-02-1',
    '2023-13-01',
    '2023-00-10',
    '2023-04-31',
    '2023-01-00',
    '20230101',
    '2023-01-01T00:00',
    ' 2023-01-01',
    '',
    '+02023-01-01',
  ]) {
    assert.throws(() => parseIsoDate(bad), InvalidDateError, bad);
    assert.equal(isValidIsoDate(bad), false, bad);
  }
  assert.equal(isValidIsoDate(20230101), false);
});

test('InvalidDateError carries a stable code', () => {
  assert.throws(
    () => parseIsoDate('2023-02-29'),
    (e: unknown) => {
      assert.ok(e instanceof InvalidDateError);
      assert.equal(e.code, 'CALENDAR.INVALID_DATE');
      return true;
    },
  );
});

test('addDays and diffDays cross month, year and leap-day boundaries', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2023-02-28', 1), '2023-03-01');
  assert.equal(addDays('2023-12-31', 1), '2024-01-01');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  // Across the 2024 CET→CEST switch (Sun 31 Mar) a day is still one day.
  assert.equal(addDays('2024-03-30', 2), '2024-04-01');
  assert.equal(diffDays('2024-01-01', '2025-01-01'), 366);
  assert.equal(diffDays('2024-03-31', '2024-03-01'), -30);
  assert.equal(addDays('0099-12-31', 1), '0100-01-01');
  assert.throws(() => addDays('2024-01-01', 1.5), RangeError);
  assert.throws(() => addDays('2024-1-1', 1), InvalidDateError);
});

test('dayOfWeek numbers Sunday 0 .. Saturday 6', () => {
  assert.equal(dayOfWeek('2024-03-31'), 0); // Sun, Easter Sunday 2024
  assert.equal(dayOfWeek('2024-04-01'), 1); // Mon
  assert.equal(dayOfWeek('2024-03-01'), 5); // Fri
  assert.equal(dayOfWeek('2023-12-02'), 6); // Sat
  assert.equal(dayOfWeek('1970-01-01'), 4); // Thu
  assert.equal(dayOfWeek('1969-12-28'), 0); // Sun, before the epoch
});

test('compareDates and maxDate order chronologically', () => {
  assert.equal(compareDates('2024-01-02', '2024-01-10'), -1);
  assert.equal(compareDates('2024-01-10', '2024-01-10'), 0);
  assert.equal(compareDates('2025-01-01', '2024-12-31'), 1);
  assert.equal(maxDate('2024-05-01', '2024-12-24', '2024-07-06'), '2024-12-24');
  assert.equal(maxDate('2024-05-01'), '2024-05-01');
});

test('todayInPrague follows Prague civil time, winter and summer', () => {
  // 23:30 UTC on Sat 30 Mar 2024 is 00:30 CET on Sun 31 Mar.
  assert.equal(todayInPrague(new Date('2024-03-30T23:30:00Z')), '2024-03-31');
  assert.equal(todayInPrague(new Date('2024-03-30T22:59:59Z')), '2024-03-30');
  // Summer (CEST, UTC+2): 22:00 UTC on Mon 1 Jul is already Tue 2 Jul.
  assert.equal(todayInPrague(new Date('2024-07-01T22:00:00Z')), '2024-07-02');
  assert.equal(todayInPrague(new Date('2024-07-01T21:59:59Z')), '2024-07-01');
  // New Year's Eve: 23:00 UTC on 31 Dec 2023 is midnight, 1 Jan 2024, in Prague.
  assert.equal(todayInPrague(new Date('2023-12-31T23:00:00Z')), '2024-01-01');
  assert.throws(() => todayInPrague(new Date('nope')), InvalidDateError);
});

const anyDate = fc.integer({ min: 0, max: 99 * 366 }).map((n) => addDays('2000-01-01', n));

test('property: addDays and diffDays round-trip', () => {
  fc.assert(
    fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
      assert.equal(diffDays(d, addDays(d, n)), n);
      assert.equal(addDays(addDays(d, n), -n), d);
      assert.equal(dayOfWeek(addDays(d, 7 * n)), dayOfWeek(d));
    }),
  );
});

test('property: isValidIsoDate agrees with the JavaScript calendar', () => {
  const part = (max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(2, '0'));
  fc.assert(
    fc.property(fc.integer({ min: 1900, max: 2400 }), part(13), part(32), (y, m, d) => {
      const s = `${y}-${m}-${d}`;
      const js = new Date(`${s}T00:00:00Z`);
      const real = !Number.isNaN(js.getTime()) && js.toISOString().slice(0, 10) === s;
      assert.equal(isValidIsoDate(s), real, s);
    }),
  );
});
