/**
 * Civil dates (a day on the calendar, no time, no zone). Legal periods are counted in whole days,
 * so we never let a time-of-day or the server's local zone leak into the arithmetic: every
 * conversion goes through UTC, where days are always 24 hours long.
 */
import { InvalidDateError } from './calendar.errors.ts';

/**
 * A civil date as 'YYYY-MM-DD'. A plain string alias rather than a branded type so rows and
 * request bodies flow in without casts; instead every function here re-validates its input and
 * throws InvalidDateError, so a malformed string can never yield a silently wrong date.
 */
export type IsoDate = string;

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function whyInvalid(s: unknown): string | null {
  if (typeof s !== 'string') return 'not a string';
  const m = ISO_PATTERN.exec(s);
  if (!m) return "expected the form 'YYYY-MM-DD'";
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return 'month out of range';
  if (d < 1 || d > daysInMonth(y, mo)) return 'day does not exist in that month';
  return null;
}

export function isValidIsoDate(s: unknown): s is IsoDate {
  return whyInvalid(s) === null;
}

/** Strict parse: '2026-02-29', '2026-2-1' and '2026-01-01T00:00' are all rejected. */
export function parseIsoDate(s: string): IsoDate {
  const reason = whyInvalid(s);
  if (reason !== null) throw new InvalidDateError(s, reason);
  return s;
}

/** Days since 1970-01-01. setUTCFullYear is used because Date.UTC maps years 0..99 to 1900..1999. */
function toEpochDay(d: IsoDate): number {
  parseIsoDate(d);
  const t = new Date(0);
  t.setUTCFullYear(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round(t.getTime() / MS_PER_DAY);
}

function fromEpochDay(n: number): IsoDate {
  const t = new Date(n * MS_PER_DAY);
  const y = t.getUTCFullYear();
  if (!(y >= 0 && y <= 9999)) throw new InvalidDateError(n, 'result is outside years 0000..9999');
  const pad = (v: number, w: number) => String(v).padStart(w, '0');
  return `${pad(y, 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`;
}

function assertWholeDays(n: number): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Day count must be an integer, got ${n}`);
}

/** The last day of a period of whole years starting on `iso` (a validity of N years): 1 Mar 2024 + 1 → 28 Feb 2025; 29 Feb + 1 → 28 Feb. */
export function lastDayOfYears(iso: IsoDate, years: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  // 29 Feb + 1 year → 28 Feb (Date would roll to 1 Mar)
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  else target.setUTCDate(target.getUTCDate() - 1);
  return target.toISOString().slice(0, 10);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  assertWholeDays(n);
  return fromEpochDay(toEpochDay(d) + n);
}

/** `b - a` in days: positive when b is later. */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** 0 = Sunday .. 6 = Saturday (the same numbering as Date#getUTCDay). */
export function dayOfWeek(d: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(d) + 4) % 7) + 7) % 7;
}

/** -1, 0 or 1. Fixed-width 'YYYY-MM-DD' strings sort chronologically. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  parseIsoDate(a);
  parseIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((acc, d) => (compareDates(d, acc) > 0 ? d : acc), first);
}

export function yearOf(d: IsoDate): number {
  parseIsoDate(d);
  return Number(d.slice(0, 4));
}

/** Builds a date from numeric parts, validating them (month is 1-based). */
export function isoDateFromParts(year: number, month: number, day: number): IsoDate {
  const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseIsoDate(s);
}

const pragueFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Prague',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The civil date in Prague at instant `now`. Authorities count periods by the Czech calendar, so a
 * filing at 00:30 Prague time belongs to that Prague day even though it is still "yesterday" in UTC.
 */
// Prague's day changes only on a whole minute (its offsets are whole hours), so the answer for the
// last minute asked is kept: a hot path (authority verification) asks on every request.
let lastMinute = { minute: NaN, date: '' as IsoDate };

export function todayInPrague(now: Date): IsoDate {
  if (Number.isNaN(now.getTime())) throw new InvalidDateError(String(now), 'not a valid instant');
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute === lastMinute.minute) return lastMinute.date;
  const parts = pragueFormatter.formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const date = isoDateFromParts(get('year'), get('month'), get('day'));
  lastMinute = { minute, date };
  return date;
}
