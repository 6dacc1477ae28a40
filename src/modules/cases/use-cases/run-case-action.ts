/**
 * One command on an existing case, in one transaction: idempotency check, claim by version,
 * office scope, allowed-action check, the command's own work, the new action in the log,
 * the refreshed projection and an audit event. Any error rolls all of it back.
 */
import type { StaffCtx } from '../../auth/index.ts';
import type { Trx } from '../../../platform/db/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { isUniqueViolation } from '../../../platform/pg-errors.ts';
import { requireOffice, requirePermission, type Permission } from '../../auth/index.ts';
import {
  applyAction,
  foldCase,
  isAllowed,
  ALLOWED_ACTIONS,
  type ActionPayload,
  type CaseActionType,
  type CaseState,
} from '../domain/case-model.ts';
import { projectionOf } from '../domain/projection.ts';
import { claimCase, findActionByKey, findCase, insertAction, listActions, updateProjection } from '../db/cases.queries.ts';
import { buildCaseView, type CaseRow, type CaseView } from './case-view.ts';
import { CaseErrors } from '../cases.errors.ts';

export interface CaseCommand {
  caseId: string;
  version: number;
  type: CaseActionType;
  permission: Permission;
  idempotencyKey: string | null;
  /** Does the command's work (letters, visa) and returns the action to append. */
  run: (args: { trx: Trx; row: CaseRow; state: CaseState }) => Promise<{ payload: ActionPayload; effectiveOn: string }>;
}

/** @throws CASE.NOT_FOUND, AUTH.FORBIDDEN, CASE.VERSION_CONFLICT, CASE.ILLEGAL_TRANSITION, CASE.DUPLICATE_ACTION, plus the command's own */
export async function runCaseAction(ctx: StaffCtx, cmd: CaseCommand): Promise<CaseView & { replayed: boolean }> {
  requirePermission(ctx.actor, cmd.permission);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      if (cmd.idempotencyKey) {
        const prior = await findActionByKey(trx, cmd.type, cmd.idempotencyKey);
        if (prior && prior.case_id !== cmd.caseId)
          throw new AppError(CaseErrors.DUPLICATE_ACTION, 'This idempotency key was used for another case.');
        if (prior) {
          const row = (await findCase(trx, cmd.caseId))!;
          requireOffice(ctx.actor, row.office_id);
          return { ...(await buildCaseView(trx, row, ctx.clock.now())), replayed: true };
        }
      }
      const current = await findCase(trx, cmd.caseId);
      if (!current) throw new AppError(CaseErrors.NOT_FOUND, 'No such case.');
      requireOffice(ctx.actor, current.office_id);
      const claimed = await claimCase(trx, cmd.caseId, cmd.version);
      if (!claimed) {
        const now = await findCase(trx, cmd.caseId);
        throw new AppError(
          CaseErrors.VERSION_CONFLICT,
          `The case is at version ${now?.version}, not ${cmd.version}: someone else changed it. Reload and decide again.`,
          { currentVersion: now?.version },
        );
      }
      const log = await listActions(trx, cmd.caseId);
      const state = foldCase(log.map((a) => a.payload as ActionPayload));
      if (!isAllowed(state.status, cmd.type)) {
        throw new AppError(CaseErrors.ILLEGAL_TRANSITION, `“${cmd.type}” is not allowed while the case is ${state.status}.`, {
          caseStatus: state.status,
          allowedActions: [...ALLOWED_ACTIONS[state.status]],
        });
      }
      const { payload, effectiveOn } = await cmd.run({ trx, row: claimed, state });
      const next = applyAction(state, payload);
      const projection = projectionOf(next, claimed.case_type);
      await insertAction(trx, {
        caseId: cmd.caseId,
        seq: log.length + 1,
        payload,
        actorId: ctx.actor.id,
        effectiveOn,
        idempotencyKey: cmd.idempotencyKey,
      });
      await updateProjection(trx, cmd.caseId, projection);
      await writeAudit(trx, {
        actorId: ctx.actor.id,
        action: `case.${cmd.type}`,
        entityType: 'case',
        entityId: cmd.caseId,
        requestId: ctx.requestId,
        before: { status: state.status, version: current.version, dueOn: current.due_on },
        after: { status: projection.status, version: claimed.version, dueOn: projection.dueOn },
      });
      const row = (await findCase(trx, cmd.caseId))!;
      return { ...(await buildCaseView(trx, row, ctx.clock.now())), replayed: false };
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError(CaseErrors.VERSION_CONFLICT, 'A concurrent action on this case won; reload and try again.');
    throw e;
  }
}
