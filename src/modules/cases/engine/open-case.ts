/**
 * Opens a case of any type in one transaction: the type's intake rules on the filing date (before
 * the transaction), then the idempotency check, the subject (applicant or nominee), the reference
 * from the type's sequence, the case row, the first action of the log, the projection, the letter
 * an inadmissible application gets, and the audit event.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/errors.ts';
import { CaseErrors } from '../cases.errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { nextNumber } from '../../../platform/numbering.ts';
import { isUniqueViolation } from '../../../platform/pg-errors.ts';
import { requirePermission } from '../../auth/index.ts';
import { todayInPrague } from '../../calendar/index.ts';
import { findActionByKey, findCase, insertAction, insertCase, listActions, toLogEntries } from '../db/cases.queries.ts';
import { type CaseCommandResult, replayCaseInScope } from './run-case-action.ts';
import { requestSha256 } from '../../../platform/request-hash.ts';
import { foldLog, initialState } from '../domain/fold.ts';
import { projectionOf } from '../domain/projection.ts';
import { caseTypeOf } from './registry.ts';
import { issueCaseLetter } from './case-letters.ts';
import type { StaffCtx } from './staff-ctx.ts';

/** @throws AUTH.FORBIDDEN, VALIDATION.FAILED and the type's intake errors, CASE.DUPLICATE_ACTION, CASE.IDEMPOTENCY_KEY_REUSED, the read's not-found */
export async function openCase(ctx: StaffCtx, typeId: string, input: unknown, idempotencyKey: string | null): Promise<CaseCommandResult> {
  const type = caseTypeOf(typeId);
  const intake = type.intake;
  requirePermission(ctx.actor, intake.permission);
  const today = todayInPrague(ctx.clock.now());
  const prepared = await intake.prepare({ ctx, input: input as never, today });
  const entry = {
    type: intake.action,
    payload: { receivedOn: prepared.receivedOn, admissible: prepared.admissible, missing: prepared.missing, ...prepared.payload },
    actorId: ctx.actor.id,
    effectiveOn: prepared.receivedOn,
  };
  const state = initialState(type, entry);
  const requestHash = requestSha256({ caseType: typeId, body: input });
  const projection = projectionOf(type, state);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      if (idempotencyKey) {
        const prior = await findActionByKey(trx, intake.action, idempotencyKey);
        if (prior) {
          // The case the key first opened, as it is now — not a state built from the retried body —
          // and only to a caller who may read it: the same check (and answer) as reading that case.
          const { row, type: priorType } = await replayCaseInScope(trx, ctx, prior, requestHash);
          return {
            row,
            state: foldLog(priorType, toLogEntries(await listActions(trx, row.id))),
            type: priorType,
            replayed: true,
            output: {},
          };
        }
      }
      const id = randomUUID();
      const year = prepared.receivedOn.slice(0, 4);
      const reference = intake.reference.format(await nextNumber(trx, intake.reference.scope(prepared, year)), prepared, year);
      const { applicantId, output } = await intake.createSubject({ trx, ctx, input: input as never, caseId: id, reference, prepared });
      await insertCase(trx, {
        id,
        caseType: type.id,
        reference,
        officeId: prepared.officeId,
        applicantId,
        ground: prepared.ground,
        receivedOn: prepared.receivedOn,
        createdBy: ctx.actor.id,
        ...projection,
      });
      await insertAction(trx, { caseId: id, seq: 1, ...entry, idempotencyKey, requestSha256: idempotencyKey ? requestHash : null });
      if (!prepared.admissible && 'kind' in intake.inadmissibleLetter) {
        const subject = { id, reference, officeId: prepared.officeId, applicantId, receivedOn: prepared.receivedOn };
        await issueCaseLetter(trx, ctx, type, subject, today, 'return', intake.inadmissibleLetter.fields(prepared));
      }
      await type.project?.({ trx, caseId: id, state, version: 1, history: [entry], now: ctx.clock.now() });
      await writeAudit(trx, {
        actorId: ctx.actor.id,
        action: intake.auditAction ?? `${type.audit.prefix}.${intake.action}`,
        entityType: type.audit.entityType,
        entityId: id,
        requestId: ctx.requestId,
        after: {
          caseType: type.id,
          status: projection.status,
          version: 1,
          dueOn: projection.dueOn,
          admissible: prepared.admissible,
          missing: prepared.missing,
          ...prepared.audit,
        },
      });
      const row = (await findCase(trx, id))!;
      return { row, state, type, replayed: false, output: { ...prepared.output, ...output } };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError(CaseErrors.DUPLICATE_ACTION, 'This intake was already recorded (same idempotency key).');
    throw e;
  }
}
