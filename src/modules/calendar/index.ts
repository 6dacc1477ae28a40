// Public surface of the calendar module: civil dates, Czech days of rest and the statutory clock.
export {
  addDays,
  compareDates,
  dayOfWeek,
  diffDays,
  isValidIsoDate,
  isoDateFromParts,
  lastDayOfYears,
  maxDate,
  parseIsoDate,
  todayInPrague,
  yearOf,
  type IsoDate,
} from './domain/civil-date.ts';
export {
  czechPublicHolidays,
  easterSunday,
  isCzechPublicHoliday,
  MAX_HOLIDAY_YEAR,
  MIN_HOLIDAY_YEAR,
  type CzechHoliday,
  type HolidayKind,
} from './domain/czech-holidays.ts';
export { isWorkingDay, nextWorkingDayOnOrAfter } from './domain/working-days.ts';
export {
  calendarDaysLeft,
  computeStatutoryDeadline,
  deemedDeliveryDate,
  deliveryOutcome,
  periodEnd,
  type DeliveryInput,
  type DeliveryOutcome,
  type Interruption,
  type StatutoryDeadline,
  type StatutoryDeadlineInput,
} from './domain/deadlines.ts';
export { CalendarRangeError, InvalidDateError, InvalidDeadlineInputError } from './domain/calendar.errors.ts';
