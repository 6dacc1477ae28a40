/** Reads: a case (audited — it shows personal data), a letter's PDF (audited), the office work queue. */
import type { StaffCtx } from '../../auth/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { requireOffice, requirePermission } from '../../auth/index.ts';
import { calendarDaysLeft, todayInPrague } from '../../calendar/index.ts';
import { findLetterPdf } from '../../letters/index.ts';
import { listOpenCases } from '../db/cases.queries.ts';
import { loadCaseInScope } from '../engine/run-case-action.ts';
import { registeredCaseTypes } from '../engine/registry.ts';
import { buildCaseView } from './case-view.ts';
import { LetterErrors } from '../../letters/index.ts';

/** @throws CASE.NOT_FOUND, AUTH.FORBIDDEN */
export async function getCase(ctx: StaffCtx, caseId: string) {
  requirePermission(ctx.actor, 'case.read');
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadCaseInScope(trx, ctx, caseId, 'office', null);
    await writeAudit(trx, { actorId: ctx.actor.id, action: 'case.read', entityType: 'case', entityId: caseId, requestId: ctx.requestId });
    return buildCaseView(trx, row, ctx.clock.now());
  });
}

/** @throws CASE.NOT_FOUND, LETTER.NOT_FOUND, AUTH.FORBIDDEN */
export async function getLetterPdf(ctx: StaffCtx, caseId: string, letterId: string) {
  requirePermission(ctx.actor, 'letter.read');
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadCaseInScope(trx, ctx, caseId, 'office', null);
    const letter = await findLetterPdf(trx, caseId, letterId);
    if (!letter) throw new AppError(LetterErrors.NOT_FOUND, 'No such letter in this case.');
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'letter.read',
      entityType: 'letter',
      entityId: letterId,
      requestId: ctx.requestId,
    });
    return { pdf: letter.pdf, sha256: letter.sha256, kind: letter.kind, reference: row.reference };
  });
}

/** Open cases of an office by days left; interrupted cases (clock stopped) last. Names are not listed: open a case to see them. */
export async function listWorkQueue(ctx: StaffCtx, officeId?: string) {
  requirePermission(ctx.actor, 'queue.read');
  const office = officeId ?? ctx.actor.officeId!;
  requireOffice(ctx.actor, office);
  const today = todayInPrague(ctx.clock.now());
  const open = registeredCaseTypes()
    .filter((t) => t.scope.kind === 'office')
    .flatMap((t) => t.openStatuses);
  const rows = await listOpenCases(ctx.db, office, [...new Set(open)]);
  return {
    officeId: office,
    asOf: today,
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      caseType: r.case_type,
      status: r.status,
      version: r.version,
      receivedOn: r.received_on,
      dueOn: r.due_on,
      clockRunning: r.clock_running,
      daysLeft: r.due_on && r.clock_running ? calendarDaysLeft(r.due_on, today) : null,
      overdue: Boolean(r.due_on && r.clock_running && r.due_on < today),
    })),
  };
}
