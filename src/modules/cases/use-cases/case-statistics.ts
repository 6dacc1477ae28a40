/** The supervisor's dashboard figures for an office: intake, backlog, cases at risk, outcomes, time to decision. */
import type { StaffCtx } from '../../auth/index.ts';
import { requireOffice, requirePermission, staffMembers } from '../../auth/index.ts';
import { diffDays, isValidIsoDate, todayInPrague } from '../../calendar/index.ts';
import { fieldError, validationFailed, type FieldError } from '../../../platform/errors.ts';
import { summarizeCaseStatistics } from '../domain/case-statistics.ts';
import { closedInRange, intakeByDay, openCasesOf } from '../db/case-statistics.queries.ts';
import { registeredCaseTypes } from '../engine/registry.ts';

/** The longest range asked at once (a year and a day: one leap year's worth of weeks and months). */
export const MAX_RANGE_DAYS = 366;

export interface CaseStatisticsInput {
  /** Default: the supervisor's own office. */
  officeId?: string;
  /** Default: today in Prague. */
  to?: string;
  /** Default: the first day of the month five months before `to`'s (six calendar months). */
  from?: string;
}

/** The range asked, its defaults filled in from today. @throws VALIDATION.FAILED */
export function statisticsRange(input: { from?: string; to?: string }, today: string): { from: string; to: string } {
  const errors: FieldError[] = [];
  const to = input.to ?? today;
  if (!isValidIsoDate(to)) errors.push(fieldError('/to', 'INVALID_DATE', `${to} is not a calendar date (YYYY-MM-DD).`));
  else if (to > today) errors.push(fieldError('/to', 'IN_FUTURE', `${to} is after today (${today}).`));
  if (input.from !== undefined && !isValidIsoDate(input.from))
    errors.push(fieldError('/from', 'INVALID_DATE', `${input.from} is not a calendar date (YYYY-MM-DD).`));
  if (errors.length) throw validationFailed(errors);
  const from = input.from ?? sixMonthsBefore(to);
  if (from > to) throw validationFailed([fieldError('/from', 'AFTER_TO', `${from} is after the end of the range (${to}).`)]);
  if (diffDays(from, to) + 1 > MAX_RANGE_DAYS)
    throw validationFailed([fieldError('/from', 'RANGE_TOO_LONG', `A range covers at most ${MAX_RANGE_DAYS} days.`)]);
  return { from, to };
}

function sixMonthsBefore(to: string): string {
  const [y, m] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  const months = y * 12 + (m - 1) - 5;
  return `${String(Math.floor(months / 12)).padStart(4, '0')}-${String((months % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * The figures of one office over [from, to] (flows: intake, outcomes, time to decision) and as it
 * stands today (backlog, cases at risk — the projection holds today's state; a past day's backlog is
 * not reconstructed). A supervisor of the office only.
 * @throws AUTH.FORBIDDEN (another role, another office), VALIDATION.FAILED (the dates)
 */
export async function caseStatistics(ctx: StaffCtx, input: CaseStatisticsInput = {}) {
  requirePermission(ctx.actor, 'case.stats');
  const officeId = input.officeId ?? ctx.actor.officeId;
  if (!officeId) throw validationFailed([fieldError('/office', 'REQUIRED', 'Which office?')]);
  requireOffice(ctx.actor, officeId);
  const today = todayInPrague(ctx.clock.now());
  const { from, to } = statisticsRange(input, today);
  const types = registeredCaseTypes().filter((t) => t.scope.kind === 'office');
  const openStatuses = [...new Set(types.flatMap((t) => t.openStatuses))];
  const [intake, closed, open] = await Promise.all([
    intakeByDay(ctx.db, officeId, from, to),
    closedInRange(ctx.db, officeId, from, to, openStatuses),
    openCasesOf(ctx.db, officeId, openStatuses),
  ]);
  const summary = summarizeCaseStatistics({ from, to, today, caseTypes: types.map((t) => t.id), intake, closed, open });
  const holders = await staffMembers(
    ctx.db,
    summary.atRisk.items.flatMap((c) => (c.assigneeId ? [c.assigneeId] : [])),
  );
  const items = summary.atRisk.items.map(({ assigneeId, ...c }) => {
    const h = assigneeId ? holders.get(assigneeId) : undefined;
    return { ...c, assignee: assigneeId ? { id: assigneeId, displayName: h?.displayName ?? assigneeId } : null };
  });
  return { officeId, from, to, asOf: today, ...summary, atRisk: { ...summary.atRisk, items } };
}

export type CaseStatistics = Awaited<ReturnType<typeof caseStatistics>>;
