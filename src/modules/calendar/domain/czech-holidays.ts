/**
 * Czech days of rest under Act 245/2000 Coll.: state holidays (§ 1) and other holidays (§ 2) are
 * both days of rest (§ 3). A holiday falling on a weekend is not moved to a weekday.
 */
import { CalendarRangeError } from './calendar.errors.ts';
import { addDays, isoDateFromParts, yearOf, type IsoDate } from './civil-date.ts';

export type HolidayKind = 'state' | 'other';

export interface CzechHoliday {
  date: IsoDate;
  nameCs: string;
  /** 'state' = státní svátek (§ 1), 'other' = ostatní svátek (§ 2). */
  kind: HolidayKind;
}

/** The act dates from 2000; beyond 2100 nobody should be computing deadlines with this table. */
export const MIN_HOLIDAY_YEAR = 2000;
export const MAX_HOLIDAY_YEAR = 2100;

/** Good Friday became a holiday by an amendment of December 2015, first observed in 2016. */
const GOOD_FRIDAY_FROM_YEAR = 2016;

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_HOLIDAY_YEAR || year > MAX_HOLIDAY_YEAR) {
    throw new CalendarRangeError(year, MIN_HOLIDAY_YEAR, MAX_HOLIDAY_YEAR);
  }
}

/** Western (Gregorian) Easter Sunday, by the anonymous Gregorian computus. */
export function easterSunday(year: number): IsoDate {
  assertSupportedYear(year);
  const a = year % 19; // position in the 19-year lunar (Metonic) cycle
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3); // correction for the lunar orbit
  const h = (19 * a + b - d - g + 15) % 30; // days from 21 March to the Paschal full moon (roughly)
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7; // days from the full moon to the next Sunday
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDateFromParts(year, month, day);
}

const FIXED: ReadonlyArray<readonly [month: number, day: number, nameCs: string, kind: HolidayKind]> = [
  // 1 Jan is both a state holiday (§ 1) and New Year (§ 2); the state holiday is the weightier kind.
  [1, 1, 'Den obnovy samostatného českého státu; Nový rok', 'state'],
  [5, 1, 'Svátek práce', 'other'],
  [5, 8, 'Den vítězství', 'state'],
  [7, 5, 'Den slovanských věrozvěstů Cyrila a Metoděje', 'state'],
  [7, 6, 'Den upálení mistra Jana Husa', 'state'],
  [9, 28, 'Den české státnosti', 'state'],
  [10, 28, 'Den vzniku samostatného československého státu', 'state'],
  [11, 17, 'Den boje za svobodu a demokracii a Mezinárodní den studentstva', 'state'],
  [12, 24, 'Štědrý den', 'other'],
  [12, 25, '1. svátek vánoční', 'other'],
  [12, 26, '2. svátek vánoční', 'other'],
];

/** All days of rest in `year`, sorted by date: 13 from 2016, 12 before (no Good Friday). */
export function czechPublicHolidays(year: number): CzechHoliday[] {
  const easter = easterSunday(year);
  const list: CzechHoliday[] = FIXED.map(([month, day, nameCs, kind]) => ({
    date: isoDateFromParts(year, month, day),
    nameCs,
    kind,
  }));
  if (year >= GOOD_FRIDAY_FROM_YEAR) {
    list.push({ date: addDays(easter, -2), nameCs: 'Velký pátek', kind: 'other' });
  }
  list.push({ date: addDays(easter, 1), nameCs: 'Velikonoční pondělí', kind: 'other' });
  return list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

const cache = new Map<number, ReadonlySet<string>>();

/** Throws CalendarRangeError for years outside 2000..2100. */
export function isCzechPublicHoliday(d: IsoDate): boolean {
  const year = yearOf(d);
  let dates = cache.get(year);
  if (!dates) {
    dates = new Set(czechPublicHolidays(year).map((h) => h.date));
    cache.set(year, dates);
  }
  return dates.has(d);
}
