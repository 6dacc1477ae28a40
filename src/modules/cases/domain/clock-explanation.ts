/**
 * How the statutory clock of a case came to its due date, step by step, for the case page: the same
 * counting as `computeStatutoryDeadline` (calendar module; § 40 Act 500/2004 Coll.), with each step
 * kept — days counted before each interruption, days the clock stood, the floor after a resumption
 * (§ 65(2): not sooner than N days after the interruption ended), and the days of rest the last day
 * moved over (§ 40(1)(c)). Pure; the period lengths come from the policy, passed in.
 */
import {
  addDays,
  dayOfWeek,
  diffDays,
  type IsoDate,
  isCzechPublicHoliday,
  czechPublicHolidays,
  maxDate,
  nextWorkingDayOnOrAfter,
} from '../../calendar/index.ts';

export interface ClockInterruption {
  from: string;
  to: string | null;
  /** Days of the period used from the previous start to this interruption (its first day included). */
  daysCountedBefore: number;
  /** Days the clock stood (from+1 … to); null while it lasts. */
  pausedDays: number | null;
  /** An interruption after the deadline had already passed does not revive it (ignored). */
  ignored: boolean;
}

export interface DayOfRest {
  date: string;
  why: 'saturday' | 'sunday' | 'holiday';
  /** The holiday's Czech name (Act 245/2000 Coll.). */
  holiday?: string;
}

export interface ClockExplanation {
  receivedOn: string;
  periodDays: number;
  minDaysAfterResume: number;
  interruptions: ClockInterruption[];
  /** Days of the period used up to now (before the current stretch). */
  daysCounted: number;
  pausedDays: number;
  /** False while the last interruption is open: there is no due date then. */
  running: boolean;
  /** receivedOn + the remaining days after the last resumption (before the floor and the working-day rule). */
  periodEndsOn: string | null;
  /** The last resumption + minDaysAfterResume, if any interruption closed. */
  floorOn: string | null;
  /** Whether the floor, not the period, gave the last day. */
  floorApplies: boolean;
  /** The days of rest the last day moved over to reach a working day. */
  movedOver: DayOfRest[];
  dueOn: string | null;
}

function restDay(d: IsoDate): DayOfRest {
  if (isCzechPublicHoliday(d)) {
    const h = czechPublicHolidays(Number(d.slice(0, 4))).find((x) => x.date === d);
    return { date: d, why: 'holiday', ...(h ? { holiday: h.nameCs } : {}) };
  }
  return { date: d, why: dayOfWeek(d) === 6 ? 'saturday' : 'sunday' };
}

export function explainClock(input: {
  receivedOn: string;
  periodDays: number;
  minDaysAfterResume: number;
  interruptions: readonly { from: string; to: string | null }[];
}): ClockExplanation {
  const { receivedOn, periodDays, minDaysAfterResume } = input;
  let resumedAfter = receivedOn;
  let remaining = periodDays;
  let floor: string | null = null;
  let daysCounted = 0;
  let pausedDays = 0;
  let open = false;
  const dueAsItStands = () =>
    nextWorkingDayOnOrAfter(floor ? maxDate(addDays(resumedAfter, remaining), floor) : addDays(resumedAfter, remaining));
  const interruptions: ClockInterruption[] = [];
  for (const { from, to } of input.interruptions) {
    if (open || from > dueAsItStands()) {
      interruptions.push({ from, to, daysCountedBefore: 0, pausedDays: to === null ? null : diffDays(from, to), ignored: true });
      continue;
    }
    const used = Math.min(diffDays(resumedAfter, from), remaining);
    remaining -= used;
    daysCounted += used;
    if (to === null) {
      interruptions.push({ from, to, daysCountedBefore: used, pausedDays: null, ignored: false });
      open = true;
      continue;
    }
    const paused = diffDays(from, to);
    pausedDays += paused;
    interruptions.push({ from, to, daysCountedBefore: used, pausedDays: paused, ignored: false });
    resumedAfter = to;
    floor = addDays(to, minDaysAfterResume);
  }
  if (open) {
    return {
      receivedOn,
      periodDays,
      minDaysAfterResume,
      interruptions,
      daysCounted,
      pausedDays,
      running: false,
      periodEndsOn: null,
      floorOn: null,
      floorApplies: false,
      movedOver: [],
      dueOn: null,
    };
  }
  const periodEndsOn = addDays(resumedAfter, remaining);
  const last = floor ? maxDate(periodEndsOn, floor) : periodEndsOn;
  const dueOn = nextWorkingDayOnOrAfter(last);
  const movedOver: DayOfRest[] = [];
  for (let d = last; d < dueOn; d = addDays(d, 1)) movedOver.push(restDay(d));
  return {
    receivedOn,
    periodDays,
    minDaysAfterResume,
    interruptions,
    daysCounted,
    pausedDays,
    running: true,
    periodEndsOn,
    floorOn: floor,
    floorApplies: floor !== null && floor > periodEndsOn,
    movedOver,
    dueOn,
  };
}
