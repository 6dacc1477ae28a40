/** Reads: a case (audited — it shows personal data), a letter's PDF (audited). The work queue is in work-queue.ts. */
import type { StaffCtx } from '../../auth/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { requirePermission, staffNames } from '../../auth/index.ts';
import { findLetterPdf } from '../../letters/index.ts';
import { loadCaseInScope } from '../engine/run-case-action.ts';
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

/**
 * Who holds a case (its assignee), for a page that must warn before acting on a colleague's case. Shows
 * no personal data of the applicant, so it is not an audited read. @throws CASE.NOT_FOUND, AUTH.FORBIDDEN
 */
export async function getCaseHolder(ctx: StaffCtx, caseId: string): Promise<{ id: string; displayName: string } | null> {
  requirePermission(ctx.actor, 'case.read');
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadCaseInScope(trx, ctx, caseId, 'office', null);
    if (!row.assignee_id) return null;
    const names = await staffNames(trx, [row.assignee_id]);
    return { id: row.assignee_id, displayName: names.get(row.assignee_id) ?? row.assignee_id };
  });
}
