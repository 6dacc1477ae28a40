import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, dayOfWeek } from './civil-date.ts';
import { czechPublicHolidays, easterSunday, isCzechPublicHoliday } from './czech-holidays.ts';
import { CalendarRangeError } from './calendar.errors.ts';

// facts.md § 2.3 table: Good Friday and Easter Monday, 2022–2030.
const EASTER_TABLE: Array<[year: number, goodFriday: string, easterMonday: string]> = [
  [2022, '2022-04-15', '2022-04-18'],
  [2023, '2023-04-07', '2023-04-10'],
  [2024, '2024-03-29', '2024-04-01'],
  [2025, '2025-04-18', '2025-04-21'],
  [2026, '2026-04-03', '2026-04-06'],
  [2027, '2027-03-26', '2027-03-29'],
  [2028, '2028-04-14', '2028-04-17'],
  [2029, '2029-03-30', '2029-04-02'],
  [2030, '2030-04-19', '2030-04-22'],
];

for (const [year, goodFriday, easterMonday] of EASTER_TABLE) {
  test(`Easter ${year}: Good Friday ${goodFriday}, Easter Monday ${easterMonday}`, () => {
    const sunday = easterSunday(year);
    assert.equal(dayOfWeek(sunday), 0);
    assert.equal(addDays(sunday, -2), goodFriday);
    assert.equal(addDays(sunday, 1), easterMonday);
    assert.equal(isCzechPublicHoliday(goodFriday), true);
    assert.equal(isCzechPublicHoliday(easterMonday), true);
  });
}

test('easterSunday at the ends of the supported range', () => {
  assert.equal(easterSunday(2000), '2000-04-23'); // Sun
  assert.equal(easterSunday(2100), '2100-03-28'); // Sun
  assert.equal(easterSunday(2038), '2038-04-25'); // Sun, the latest possible date
});

test('Good Friday is a holiday only from 2016', () => {
  assert.equal(isCzechPublicHoliday('2015-04-03'), false); // Fri, Good Friday 2015
  assert.equal(isCzechPublicHoliday('2015-04-06'), true); // Mon, Easter Monday 2015
  assert.equal(isCzechPublicHoliday('2016-03-25'), true); // Fri, Good Friday 2016
  assert.equal(czechPublicHolidays(2015).length, 12);
  assert.equal(czechPublicHolidays(2016).length, 13);
});

test('2024 has the 13 days of rest of Act 245/2000 §§ 1–2, sorted, 7 of them state holidays', () => {
  const list = czechPublicHolidays(2024);
  assert.deepEqual(
    list.map((h) => h.date),
    [
      '2024-01-01',
      '2024-03-29',
      '2024-04-01',
      '2024-05-01',
      '2024-05-08',
      '2024-07-05',
      '2024-07-06',
      '2024-09-28',
      '2024-10-28',
      '2024-11-17',
      '2024-12-24',
      '2024-12-25',
      '2024-12-26',
    ],
  );
  assert.equal(list.filter((h) => h.kind === 'state').length, 7);
  assert.deepEqual(
    list.find((h) => h.date === '2024-12-24'),
    { date: '2024-12-24', nameCs: 'Štědrý den', kind: 'other' },
  );
  assert.equal(list.find((h) => h.date === '2024-05-08')?.kind, 'state');
});

test('holidays on a weekend are not moved (Sat 28 Sep 2024 stays, Mon 30 Sep is ordinary)', () => {
  assert.equal(isCzechPublicHoliday('2024-09-28'), true); // Sat
  assert.equal(isCzechPublicHoliday('2024-09-30'), false); // Mon
});

test('significant days are not holidays', () => {
  assert.equal(isCzechPublicHoliday('2024-03-08'), false); // International Women's Day, a významný den
  assert.equal(isCzechPublicHoliday('2024-05-05'), false); // Prague uprising anniversary
});

test('years outside 2000..2100 are refused', () => {
  assert.throws(() => easterSunday(1999), CalendarRangeError);
  assert.throws(() => czechPublicHolidays(2101), CalendarRangeError);
  assert.throws(() => isCzechPublicHoliday('1999-12-24'), CalendarRangeError);
  assert.throws(() => easterSunday(2024.5), CalendarRangeError);
});
