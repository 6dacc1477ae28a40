/**
 * The supervisor's figures read from the case projection: counts grouped by day in SQL (the same on
 * PGlite and PostgreSQL — no week or percentile functions), weeks, months and percentiles in
 * domain/case-statistics.ts.
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db.ts';
import type { ClosedRow, IntakeRow, OpenRow } from '../domain/case-statistics.ts';

/** Applications received at the office in [from, to] (returned ones included), per day and type. */
export async function intakeByDay(db: Db, officeId: string, from: string, to: string): Promise<IntakeRow[]> {
  const rows = await db
    .selectFrom('cases')
    .select(['received_on', 'case_type', sql<number>`count(*)::int`.as('n')])
    .where('office_id', '=', officeId)
    .where('received_on', '>=', from)
    .where('received_on', '<=', to)
    .groupBy(['received_on', 'case_type'])
    .orderBy('received_on')
    .execute();
  return rows.map((r) => ({ receivedOn: r.received_on, caseType: r.case_type, count: Number(r.n) }));
}

/** Cases that ended in [from, to]: decided then, or returned (inadmissible) on receipt then. */
export async function closedInRange(
  db: Db,
  officeId: string,
  from: string,
  to: string,
  openStatuses: readonly string[],
): Promise<ClosedRow[]> {
  const rows = await db
    .selectFrom('cases')
    .select(['status', 'received_on', 'decided_on'])
    .where('office_id', '=', officeId)
    .where('status', 'not in', [...openStatuses])
    .where((eb) =>
      eb.or([
        eb.and([eb('decided_on', '>=', from), eb('decided_on', '<=', to)]),
        eb.and([eb('status', '=', 'inadmissible'), eb('received_on', '>=', from), eb('received_on', '<=', to)]),
      ]),
    )
    .execute();
  return rows.map((r) => ({ status: r.status, receivedOn: r.received_on, decidedOn: r.decided_on }));
}

/** The office's open cases as they stand (the projection is today's state). */
export async function openCasesOf(db: Db, officeId: string, openStatuses: readonly string[]): Promise<OpenRow[]> {
  const rows = await db
    .selectFrom('cases')
    .select(['id', 'reference', 'case_type', 'status', 'received_on', 'due_on', 'clock_running', 'assignee_id'])
    .where('office_id', '=', officeId)
    .where('status', 'in', [...openStatuses])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    caseType: r.case_type,
    status: r.status,
    receivedOn: r.received_on,
    dueOn: r.due_on,
    clockRunning: r.clock_running,
    assigneeId: r.assignee_id,
  }));
}
