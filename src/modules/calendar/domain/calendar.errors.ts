/**
 * Errors raised by the calendar domain. Each carries a stable dotted `code` so the edge can map it
 * to a response without parsing messages; domain code never names an HTTP status.
 */

/** A string is not a real civil date in strict 'YYYY-MM-DD' form. */
export class InvalidDateError extends Error {
  readonly code = 'CALENDAR.INVALID_DATE';
  constructor(
    readonly input: unknown,
    reason: string,
  ) {
    super(`Invalid date ${JSON.stringify(input)}: ${reason}`);
    this.name = 'InvalidDateError';
  }
}

/** A year outside the range for which the holiday calendar is defined (Act 245/2000 Coll.). */
export class CalendarRangeError extends Error {
  readonly code = 'CALENDAR.YEAR_OUT_OF_RANGE';
  constructor(
    readonly year: number,
    min: number,
    max: number,
  ) {
    super(`Year ${year} is outside the supported range ${min}..${max}`);
    this.name = 'CalendarRangeError';
  }
}

/** Inputs to a deadline computation that cannot describe real proceedings. */
export class InvalidDeadlineInputError extends Error {
  readonly code = 'CALENDAR.INVALID_DEADLINE_INPUT';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidDeadlineInputError';
  }
}
