/**
 * Working days for § 40(1)(c) Act 500/2004 Coll.: a period whose last day is a Saturday, Sunday
 * or public holiday ends on the next working day.
 */
import { addDays, dayOfWeek, type IsoDate } from './civil-date.ts';
import { isCzechPublicHoliday } from './czech-holidays.ts';

export function isWorkingDay(d: IsoDate): boolean {
  const dow = dayOfWeek(d);
  return dow !== 0 && dow !== 6 && !isCzechPublicHoliday(d);
}

export function nextWorkingDayOnOrAfter(d: IsoDate): IsoDate {
  let day = d;
  // Terminates quickly: the longest run of days of rest is 5 (Sat 22 – Wed 26 Dec when 24 Dec is a Monday).
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}
