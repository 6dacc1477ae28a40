/** Programme statistics: exact counts for supervisors; disclosure-controlled ranges for the public. */
import { sql } from 'kysely';
import type { StaffCtx } from '../../auth/index.ts';
import type { Db } from '../../../platform/db/db.ts';
import { requirePermission } from '../../auth/index.ts';
import { todayInPrague } from '../../calendar/index.ts';
import { protectCells, rangeLabel, SUPPRESS_BELOW, type Cell } from '../domain/disclosure.ts';

async function cells(db: Db, beforeMonth: string | null): Promise<Cell[]> {
  const where = beforeMonth ? sql`where to_char(nominated_on, 'YYYY-MM') < ${beforeMonth}` : sql``;
  const r = await sql<{ dimension: string; value: string; count: number }>`
    select 'status' as dimension, status as value, count(*)::int as count from nominations ${where} group by status
    union all select 'category', category, count(*)::int from nominations ${where} group by category
    union all select 'nationality', nationality::text, count(*)::int from nominations ${where} group by nationality
    union all select 'month', to_char(nominated_on, 'YYYY-MM'), count(*)::int from nominations ${where} group by 2
    order by 1, 2`.execute(db);
  return r.rows;
}

export async function exactStatistics(ctx: StaffCtx) {
  requirePermission(ctx.actor, 'stats.exact');
  const c = await cells(ctx.db, null);
  const total = c.filter((x) => x.dimension === 'status').reduce((s, x) => s + x.count, 0);
  return { total, cells: c };
}

/** Completed months only, fixed tables, range labels: no exact count and no cell under the threshold ever leaves. */
export async function publicStatistics(db: Db, now: Date) {
  const month = todayInPrague(now).slice(0, 7);
  const c = await cells(db, month);
  const total = c.filter((x) => x.dimension === 'status').reduce((s, x) => s + x.count, 0);
  return {
    method: `Counts of completed months; every figure is a range; cells under ${SUPPRESS_BELOW} are suppressed; the same data always gives the same answer.`,
    upToMonth: month,
    total: rangeLabel(total),
    cells: protectCells(c),
  };
}

export function toCsv(p: Awaited<ReturnType<typeof publicStatistics>>): string {
  const esc = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `${[
    'dimension,value,figure',
    `total,all,${esc(p.total)}`,
    ...p.cells.map((c) => `${c.dimension},${esc(c.value)},${esc(c.figure)}`),
  ].join('\n')}\n`;
}
