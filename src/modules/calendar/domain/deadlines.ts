/**
 * The statutory clock: periods under § 40 Act 500/2004 Coll. (Administrative Procedure Code), the
 * processing deadline with interruptions, and delivery by fiction under § 24(1).
 * Period lengths (30, 15, 10 …) are never fixed here: callers pass them in from the policy module.
 */
import { InvalidDeadlineInputError } from './calendar.errors.ts';
import { addDays, diffDays, isValidIsoDate, maxDate, type IsoDate } from './civil-date.ts';
import { nextWorkingDayOnOrAfter } from './working-days.ts';

function assertDate(value: unknown, field: string): asserts value is IsoDate {
  // Dates often arrive from storage cast to IsoDate; check them once more at the clock's door.
  if (!isValidIsoDate(value)) throw new InvalidDeadlineInputError(`${field} is not a valid date: ${String(value)}`);
}

function assertDays(value: number, field: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new InvalidDeadlineInputError(`${field} must be an integer >= ${min}, got ${value}`);
  }
}

/**
 * Last day of a period of `days` days triggered on `trigger`.
 * § 40(1)(a): the triggering day is not counted, so day 1 is the next day.
 * § 40(1)(c): if the last day is a Saturday, Sunday or public holiday, the period ends on the next
 * working day.
 */
export function periodEnd(trigger: IsoDate, days: number): IsoDate {
  assertDate(trigger, 'trigger');
  assertDays(days, 'days', 1);
  return nextWorkingDayOnOrAfter(addDays(trigger, days));
}

export interface Interruption {
  /** Day the proceedings were interrupted (přerušení řízení); it still counts as a day of the period. */
  from: IsoDate;
  /** Day the interruption ended; null while it lasts. */
  to: IsoDate | null;
}

export interface StatutoryDeadlineInput {
  receivedOn: IsoDate;
  periodDays: number;
  minDaysAfterResume: number;
  interruptions: readonly Interruption[];
}

export interface StatutoryDeadline {
  /** Last day for the decision; null while an interruption that stopped the clock is open. */
  dueOn: IsoDate | null;
  /** False while the last interruption is open (to: null). */
  running: boolean;
  /** Days of the period used before the current stretch (before the last resumption or the open interruption). */
  daysCounted: number;
  /** Days the clock stood still in closed interruptions (from+1 .. to). */
  pausedDays: number;
}

/**
 * Processing deadline with interruptions. Our documented interpretation of "the deadline does not
 * run while proceedings are interrupted; it cannot end sooner than N days after the interruption
 * ends" (MV, "Lhůty a počítání času"; facts.md § 1.1):
 *
 * 1. Day 1 is receivedOn + 1 (§ 40(1)(a) Act 500/2004 Coll.).
 * 2. Days up to and including an interruption's `from` count; the clock then stops.
 * 3. It resumes the day after `to` (the interruption ended on `to`, and § 40(1)(a) again skips the
 *    triggering day); the remaining days run from there.
 * 4. The end is not sooner than `to + minDaysAfterResume` (the latest interruption's floor wins).
 * 5. The final day moves to the next working day (§ 40(1)(c)).
 * 6. An interruption beginning after the deadline (as it then stood) has already passed does not
 *    revive it: a period that has ended cannot be stopped. It is ignored, so a missed deadline
 *    stays visible as overdue. Everything else is applied in order, any number of times.
 *
 * Interruptions must be in order, not overlapping (one may start on the day the previous ended),
 * not start before receipt, and only the last may be open. Otherwise InvalidDeadlineInputError.
 */
export function computeStatutoryDeadline(input: StatutoryDeadlineInput): StatutoryDeadline {
  const { receivedOn, periodDays, minDaysAfterResume, interruptions } = input;
  assertDate(receivedOn, 'receivedOn');
  assertDays(periodDays, 'periodDays', 1);
  assertDays(minDaysAfterResume, 'minDaysAfterResume', 0);
  validateInterruptions(receivedOn, interruptions);

  let resumedAfter = receivedOn; // counting runs from the day after this date
  let remaining = periodDays;
  let floor: IsoDate | null = null;
  let daysCounted = 0;
  let pausedDays = 0;
  const dueAsItStands = () => {
    const end = addDays(resumedAfter, remaining);
    return nextWorkingDayOnOrAfter(floor ? maxDate(end, floor) : end);
  };

  for (const { from, to } of interruptions) {
    if (from > dueAsItStands()) break; // rule 6; later interruptions are later still
    const used = Math.min(diffDays(resumedAfter, from), remaining);
    remaining -= used;
    daysCounted += used;
    if (to === null) return { dueOn: null, running: false, daysCounted, pausedDays };
    pausedDays += diffDays(from, to);
    resumedAfter = to;
    floor = addDays(to, minDaysAfterResume);
  }
  const lastOpen = interruptions.length > 0 && interruptions[interruptions.length - 1]!.to === null;
  return { dueOn: dueAsItStands(), running: !lastOpen, daysCounted, pausedDays };
}

function validateInterruptions(receivedOn: IsoDate, list: readonly Interruption[]): void {
  let previousEnd: IsoDate = receivedOn;
  list.forEach(({ from, to }, i) => {
    assertDate(from, `interruptions[${i}].from`);
    if (to !== null) assertDate(to, `interruptions[${i}].to`);
    if (from < previousEnd) {
      throw new InvalidDeadlineInputError(
        i === 0
          ? `interruptions[0] starts ${from}, before receipt on ${receivedOn}`
          : `interruptions[${i}] starts ${from}, before the previous one ended (${previousEnd}): out of order or overlapping`,
      );
    }
    if (to === null) {
      if (i !== list.length - 1) throw new InvalidDeadlineInputError(`interruptions[${i}] is open but is not the last`);
      return;
    }
    if (to < from) throw new InvalidDeadlineInputError(`interruptions[${i}] ends ${to}, before it starts ${from}`);
    previousEnd = to;
  });
}

/** Calendar days from `asOf` to `dueOn`: 0 on the last day, negative once overdue. */
export function calendarDaysLeft(dueOn: IsoDate, asOf: IsoDate): number {
  return diffDays(asOf, dueOn);
}

/**
 * § 24(1) Act 500/2004 Coll.: a stored letter not collected within `days` days of being ready for
 * collection is deemed delivered on the last day of that period; the period starts the day after
 * the letter was ready (§ 40(1)(a)).
 * Whether § 40(1)(c) moves that last day off a weekend or holiday is an open legal point (facts.md
 * § 1.2); NSS 9 As 55/2009 and ÚS II. ÚS 157/03 point to yes, so callers normally pass true.
 */
export function deemedDeliveryDate(readyForCollectionOn: IsoDate, days: number, shiftToWorkingDay: boolean): IsoDate {
  assertDate(readyForCollectionOn, 'readyForCollectionOn');
  assertDays(days, 'days', 1);
  const last = addDays(readyForCollectionOn, days);
  return shiftToWorkingDay ? nextWorkingDayOnOrAfter(last) : last;
}

export interface DeliveryInput {
  readyForCollectionOn: IsoDate;
  collectedOn: IsoDate | null;
  days: number;
  shiftToWorkingDay: boolean;
}

export interface DeliveryOutcome {
  deliveredOn: IsoDate;
  how: 'collected' | 'deemed';
}

/**
 * Collected within the collection period → delivered that day. Not collected, or collected later
 * (the post office keeps letters longer, § 23(4)) → delivered by fiction on the period's last day.
 */
export function deliveryOutcome(input: DeliveryInput): DeliveryOutcome {
  const { readyForCollectionOn, collectedOn, days, shiftToWorkingDay } = input;
  const deemedOn = deemedDeliveryDate(readyForCollectionOn, days, shiftToWorkingDay);
  if (collectedOn === null) return { deliveredOn: deemedOn, how: 'deemed' };
  assertDate(collectedOn, 'collectedOn');
  if (collectedOn < readyForCollectionOn) {
    throw new InvalidDeadlineInputError(`collectedOn ${collectedOn} is before the letter was ready (${readyForCollectionOn})`);
  }
  return collectedOn <= deemedOn ? { deliveredOn: collectedOn, how: 'collected' } : { deliveredOn: deemedOn, how: 'deemed' };
}
