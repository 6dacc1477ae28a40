/**
 * The supervisor's figures, computed from plain rows: ISO weeks, months, the backlog's buckets by days
 * left, the cases at risk, outcomes and the time to decision. Pure — the use case reads the rows and
 * passes today's date (from the clock) in; nothing here asks what day it is.
 */
import { addDays, dayOfWeek, diffDays, isWorkingDay, type IsoDate } from '../../calendar/index.ts';

/** The backlog's buckets: days left by the calendar (as the work queue counts them), the clock stopped last. */
export const BACKLOG_BUCKETS = ['overdue', 'd0_5', 'd6_10', 'd11_20', 'd21_30', 'd31_plus', 'interrupted'] as const;
export type BacklogBucket = (typeof BACKLOG_BUCKETS)[number];

/** How an application ended: a decision on the merits, a return without proceedings, or proceedings ended otherwise. */
export const OUTCOMES = ['granted', 'refused', 'inadmissible', 'withdrawn', 'discontinued'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Only decisions on the merits count for the time to decision (a withdrawal is the applicant's act). */
export const MERITS_DECISIONS: readonly Outcome[] = ['granted', 'refused'];

/** At risk: the clock runs and at most this many working days are left (or the deadline has passed). */
export const AT_RISK_WORKING_DAYS = 5;

export interface IsoWeek {
  /** 'YYYY-Www', e.g. '2024-W01' (the ISO week-numbering year, which may differ from the calendar year). */
  key: string;
  isoYear: number;
  week: number;
  monday: IsoDate;
  sunday: IsoDate;
}

/** The ISO 8601 week of a date: weeks start on Monday; week 1 is the week with the year's first Thursday. */
export function isoWeekOf(d: IsoDate): IsoWeek {
  const monday = addDays(d, -((dayOfWeek(d) + 6) % 7));
  const thursday = addDays(monday, 3);
  const isoYear = Number(thursday.slice(0, 4));
  const week = Math.floor(diffDays(`${thursday.slice(0, 4)}-01-01`, thursday) / 7) + 1;
  return { key: `${isoYear}-W${String(week).padStart(2, '0')}`, isoYear, week, monday, sunday: addDays(monday, 6) };
}

/** Every ISO week that overlaps [from, to], in order. */
export function isoWeeksCovering(from: IsoDate, to: IsoDate): IsoWeek[] {
  const out: IsoWeek[] = [];
  for (let w = isoWeekOf(from); w.monday <= to; w = isoWeekOf(addDays(w.monday, 7))) out.push(w);
  return out;
}

export interface MonthBin {
  /** 'YYYY-MM' */
  key: string;
  first: IsoDate;
  last: IsoDate;
}

function monthOf(d: IsoDate): MonthBin {
  const first = `${d.slice(0, 7)}-01`;
  const [y, m] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
  const next = m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${d.slice(0, 4)}-${String(m + 1).padStart(2, '0')}-01`;
  return { key: d.slice(0, 7), first, last: addDays(next, -1) };
}

/** Every calendar month that overlaps [from, to], in order. */
export function monthsCovering(from: IsoDate, to: IsoDate): MonthBin[] {
  const out: MonthBin[] = [];
  for (let m = monthOf(from); m.first <= to; m = monthOf(addDays(m.last, 1))) out.push(m);
  return out;
}

/**
 * The p-th quantile (0 ≤ p ≤ 1) by linear interpolation between the closest ranks — the method of
 * PostgreSQL's percentile_cont and spreadsheets' PERCENTILE.INC; null for no values. Rounded to 0.1.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile: p must be within 0..1, got ${p}`);
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = p * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const v = s[lo]! + (s[hi]! - s[lo]!) * (rank - lo);
  return Math.round(v * 10) / 10;
}

/** The bucket of an open case: by calendar days left while its clock runs; 'interrupted' while it stands. */
export function backlogBucket(c: { clockRunning: boolean; daysLeft: number | null }): BacklogBucket {
  if (!c.clockRunning || c.daysLeft === null) return 'interrupted';
  const d = c.daysLeft;
  if (d < 0) return 'overdue';
  if (d <= 5) return 'd0_5';
  if (d <= 10) return 'd6_10';
  if (d <= 20) return 'd11_20';
  if (d <= 30) return 'd21_30';
  return 'd31_plus';
}

/**
 * Working days after `today` up to and including `dueOn` (a due date tomorrow, a working day, leaves 1;
 * due today leaves 0). Negative when overdue: minus the working days since the due date.
 */
export function workingDaysLeft(today: IsoDate, dueOn: IsoDate): number {
  const [a, b, sign] = dueOn >= today ? [today, dueOn, 1] : [dueOn, today, -1];
  let n = 0;
  for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (isWorkingDay(d)) n += 1;
  return sign * n;
}

export function outcomeOf(status: string): Outcome | null {
  return (OUTCOMES as readonly string[]).includes(status) ? (status as Outcome) : null;
}

// — the whole summary, from the rows the queries return —

export interface IntakeRow {
  receivedOn: IsoDate;
  caseType: string;
  count: number;
}
export interface ClosedRow {
  status: string;
  receivedOn: IsoDate;
  decidedOn: IsoDate | null;
}
export interface OpenRow {
  id: string;
  reference: string;
  caseType: string;
  status: string;
  receivedOn: IsoDate;
  dueOn: IsoDate | null;
  clockRunning: boolean;
  /** Who holds the case (přidělení), if anyone. */
  assigneeId?: string | null;
}

export interface StatisticsInput {
  from: IsoDate;
  to: IsoDate;
  /** Today in Prague: the backlog and the cases at risk are as they stand today. */
  today: IsoDate;
  caseTypes: readonly string[];
  intake: readonly IntakeRow[];
  closed: readonly ClosedRow[];
  open: readonly OpenRow[];
}

const inRange = (d: IsoDate, from: IsoDate, to: IsoDate) => d >= from && d <= to;

/** The date an application ended, for the month it counts in: a return on its receipt, the rest on the decision. */
function endedOn(r: ClosedRow): IsoDate | null {
  return r.status === 'inadmissible' ? r.receivedOn : r.decidedOn;
}

export function summarizeCaseStatistics(i: StatisticsInput) {
  const weeks = isoWeeksCovering(i.from, i.to).map((w) => {
    const counts = new Map<string, number>(i.caseTypes.map((t) => [t, 0]));
    for (const r of i.intake) {
      if (r.receivedOn >= w.monday && r.receivedOn <= w.sunday && inRange(r.receivedOn, i.from, i.to))
        counts.set(r.caseType, (counts.get(r.caseType) ?? 0) + r.count);
    }
    const byType = [...counts].map(([caseType, count]) => ({ caseType, count }));
    return {
      week: w.key,
      from: w.monday,
      to: w.sunday,
      partial: w.monday < i.from || w.sunday > i.to,
      byType,
      total: byType.reduce((s, x) => s + x.count, 0),
    };
  });

  const counts = Object.fromEntries(BACKLOG_BUCKETS.map((b) => [b, 0])) as Record<BacklogBucket, number>;
  const atRisk = [];
  for (const c of i.open) {
    const daysLeft = c.dueOn && c.clockRunning ? diffDays(i.today, c.dueOn) : null;
    counts[backlogBucket({ clockRunning: c.clockRunning, daysLeft })] += 1;
    if (c.dueOn && c.clockRunning) {
      const working = workingDaysLeft(i.today, c.dueOn);
      if (working <= AT_RISK_WORKING_DAYS)
        atRisk.push({
          id: c.id,
          reference: c.reference,
          caseType: c.caseType,
          status: c.status,
          receivedOn: c.receivedOn,
          dueOn: c.dueOn,
          daysLeft: daysLeft!,
          workingDaysLeft: working,
          overdue: c.dueOn < i.today,
          assigneeId: c.assigneeId ?? null,
        });
    }
  }
  atRisk.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference));

  const months = monthsCovering(i.from, i.to);
  const outcomesByMonth = months.map((m) => {
    const o = Object.fromEntries(OUTCOMES.map((k) => [k, 0])) as Record<Outcome, number>;
    for (const r of i.closed) {
      const outcome = outcomeOf(r.status);
      const on = endedOn(r);
      if (outcome && on && on >= m.first && on <= m.last && inRange(on, i.from, i.to)) o[outcome] += 1;
    }
    return { month: m.key, partial: m.first < i.from || m.last > i.to, ...o, total: OUTCOMES.reduce((s, k) => s + o[k], 0) };
  });

  const durations = (first: IsoDate, last: IsoDate) =>
    i.closed
      .filter((r) => MERITS_DECISIONS.includes(r.status as Outcome) && r.decidedOn && r.decidedOn >= first && r.decidedOn <= last)
      .filter((r) => inRange(r.decidedOn!, i.from, i.to))
      .map((r) => diffDays(r.receivedOn, r.decidedOn!));
  const summary = (days: number[]) => ({ decisions: days.length, medianDays: percentile(days, 0.5), p90Days: percentile(days, 0.9) });

  return {
    intakeByWeek: { caseTypes: [...i.caseTypes], weeks },
    backlog: {
      asOf: i.today,
      buckets: BACKLOG_BUCKETS.map((bucket) => ({ bucket, count: counts[bucket] })),
      total: i.open.length,
    },
    atRisk: { asOf: i.today, workingDaysThreshold: AT_RISK_WORKING_DAYS, items: atRisk },
    outcomesByMonth,
    timeToDecision: {
      months: months.map((m) => ({
        month: m.key,
        partial: m.first < i.from || m.last > i.to,
        ...summary(durations(m.first, m.last)),
      })),
      overall: summary(durations(i.from, i.to)),
    },
  };
}

export type CaseStatisticsSummary = ReturnType<typeof summarizeCaseStatistics>;
