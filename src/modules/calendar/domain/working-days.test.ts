import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWorkingDay, nextWorkingDayOnOrAfter } from './working-days.ts';

test('weekends and holidays are not working days', () => {
  assert.equal(isWorkingDay('2024-03-28'), true); // Thu before Easter
  assert.equal(isWorkingDay('2024-03-29'), false); // Fri, Good Friday
  assert.equal(isWorkingDay('2024-03-30'), false); // Sat
  assert.equal(isWorkingDay('2024-03-31'), false); // Sun
  assert.equal(isWorkingDay('2024-04-01'), false); // Mon, Easter Monday
  assert.equal(isWorkingDay('2015-04-03'), true); // Fri, Good Friday before 2016
});

test('nextWorkingDayOnOrAfter', () => {
  assert.equal(nextWorkingDayOnOrAfter('2024-04-02'), '2024-04-02'); // Tue, already working
  assert.equal(nextWorkingDayOnOrAfter('2024-03-29'), '2024-04-02'); // Good Friday → Tue
  assert.equal(nextWorkingDayOnOrAfter('2023-12-23'), '2023-12-27'); // Sat; Sun 24, Mon 25, Tue 26 → Wed
  assert.equal(nextWorkingDayOnOrAfter('2024-07-05'), '2024-07-08'); // Fri 5 Jul; Sat 6 Jul holiday; Sun → Mon
  assert.equal(nextWorkingDayOnOrAfter('2023-12-31'), '2024-01-02'); // Sun; Mon 1 Jan → Tue
  // Longest run: Sat 22, Sun 23, Mon 24, Tue 25, Wed 26 Dec 2018 → Thu 27 Dec 2018.
  assert.equal(nextWorkingDayOnOrAfter('2018-12-22'), '2018-12-27');
});
