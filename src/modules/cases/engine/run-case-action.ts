/**
 * One command on an existing case of any type, in one transaction: idempotency check, the type's
 * scope, permission, claim by version, fold the log, the transition table, the declared guards, the
 * action's own work, its letter, the new action in the log, the refreshed projection (and the
 * module's own, if the type keeps one), and an audit event. Any error rolls all of it back.
 */
import { AppError } from '../../../platform/errors.ts';
import { CaseErrors } from '../cases.errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { isUniqueViolation } from '../../../platform/pg-errors.ts';
import { requestSha256 } from '../../../platform/request-hash.ts';
import { requirePermission } from '../../auth/index.ts';
import { todayInPrague } from '../../calendar/index.ts';
import type { Trx } from '../../../platform/db/db.ts';
import type { ActionArgs, AnyCaseType, CaseRow, CaseState, Performed } from './case-type.ts';
import { allowedActions, applyEntry, foldLog, isAllowed } from '../domain/fold.ts';
import { projectionOf } from '../domain/projection.ts';
import { caseTypeOf } from './registry.ts';
import { issueCaseLetter } from './case-letters.ts';
import {
  claimCase,
  findActionByKey,
  findApplicant,
  findCase,
  insertAction,
  listActions,
  toLogEntries,
  updateProjection,
} from '../db/cases.queries.ts';
import type { StaffCtx } from './staff-ctx.ts';

export interface CaseCommand {
  caseId: string;
  action: string;
  /** The version the caller saw; null only for an action declared `versioned: false`. */
  version: number | null;
  input: unknown;
  idempotencyKey: string | null;
  /** Which kinds of case the caller's route serves: a case of another scope answers as not found. */
  scope: 'office' | 'programme';
  /** The error a missing case answers with on this route. */
  notFound?: { code: string; message: string };
}

export interface CaseCommandResult {
  row: CaseRow;
  state: CaseState;
  type: AnyCaseType;
  replayed: boolean;
  /** What the action's work returned for the reply (e.g. the visa recorded). */
  output: Record<string, unknown>;
}

const NOT_FOUND = { code: CaseErrors.NOT_FOUND as string, message: 'No such case.' };

/**
 * Loads a case of the route's scope and checks the caller may reach it. Another office's case answers
 * as an unknown id (the route's not-found, not 403): nothing to infer about which cases exist.
 * @throws the route's not-found code, AUTH.FORBIDDEN (a programme's own check)
 */
export async function loadCaseInScope(
  trx: Trx,
  ctx: StaffCtx,
  caseId: string,
  scope: CaseCommand['scope'],
  action: string | null,
  notFound = NOT_FOUND,
) {
  const row = await findCase(trx, caseId);
  const type = row ? caseTypeOf(row.case_type) : null;
  if (!row || !type || type.scope.kind !== scope) throw new AppError(notFound.code as never, notFound.message);
  if (type.scope.kind === 'office') {
    if (!ctx.actor.officeId || ctx.actor.officeId !== row.office_id) throw new AppError(notFound.code as never, notFound.message);
  } else await type.scope.check({ trx, ctx, row, action });
  return { row, type };
}

/**
 * The case an Idempotency-Key already answered, for its replay: the same access check as reading the
 * case (another office's case answers as reading it would, and shows nothing), the request the key
 * first answered (another body is CASE.IDEMPOTENCY_KEY_REUSED), and an audit event — a replay shows
 * the case as a read does. @throws the read's not-found, AUTH.FORBIDDEN, CASE.IDEMPOTENCY_KEY_REUSED
 */
export async function replayCaseInScope(
  trx: Trx,
  ctx: StaffCtx,
  prior: { case_id: string; request_sha256: string | null },
  requestHash: string,
  scope?: CaseCommand['scope'],
  notFound = NOT_FOUND,
) {
  const found = await findCase(trx, prior.case_id);
  const kind = scope ?? (found ? caseTypeOf(found.case_type).scope.kind : 'office');
  const { row, type } = await loadCaseInScope(trx, ctx, prior.case_id, kind, null, notFound);
  // Rows recorded before 0012 carry no fingerprint: they replay after the access check alone.
  if (prior.request_sha256 !== null && prior.request_sha256 !== requestHash)
    throw new AppError(CaseErrors.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was first sent with another request; use a new key.');
  await writeAudit(trx, {
    actorId: ctx.actor.id,
    action: 'case.replay',
    entityType: type.audit.entityType,
    entityId: row.id,
    requestId: ctx.requestId,
  });
  return { row, type };
}

/** @throws CASE.NOT_FOUND, AUTH.FORBIDDEN, CASE.VERSION_CONFLICT, CASE.ILLEGAL_TRANSITION, CASE.DUPLICATE_ACTION, CASE.IDEMPOTENCY_KEY_REUSED, plus the type's guards and the action's own */
export async function runCaseAction(ctx: StaffCtx, cmd: CaseCommand): Promise<CaseCommandResult> {
  const requestHash = requestSha256({ caseId: cmd.caseId, action: cmd.action, version: cmd.version, input: cmd.input });
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      if (cmd.idempotencyKey) {
        const prior = await findActionByKey(trx, cmd.action, cmd.idempotencyKey);
        if (prior) {
          // The case in the URL first: a key of another case answers nothing about that case.
          await loadCaseInScope(trx, ctx, cmd.caseId, cmd.scope, null, cmd.notFound);
          if (prior.case_id !== cmd.caseId)
            throw new AppError(CaseErrors.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was used for another case.');
          const { row, type } = await replayCaseInScope(trx, ctx, prior, requestHash, cmd.scope, cmd.notFound);
          const state = foldLog(type, toLogEntries(await listActions(trx, row.id)));
          return { row, state, type, replayed: true, output: {} };
        }
      }
      const { row: current, type } = await loadCaseInScope(trx, ctx, cmd.caseId, cmd.scope, cmd.action, cmd.notFound);
      const action = Object.hasOwn(type.actions, cmd.action) ? type.actions[cmd.action] : undefined;
      if (!action) {
        throw new AppError(CaseErrors.ILLEGAL_TRANSITION, `A ${type.title} case has no action “${cmd.action}”.`, {
          caseStatus: current.status,
          allowedActions: allowedActions(type, current.status),
        });
      }
      requirePermission(ctx.actor, action.permission);
      if (cmd.version === null && action.versioned !== false) throw new Error(`${cmd.action} needs the version the caller saw`);
      // An unversioned action (assignment) compares the version only when the caller sent one.
      const claimed = await claimCase(trx, cmd.caseId, cmd.version);
      if (!claimed) {
        const now = await findCase(trx, cmd.caseId);
        throw new AppError(
          CaseErrors.VERSION_CONFLICT,
          `The case is at version ${now?.version}, not ${cmd.version}: someone else changed it. Reload and decide again.`,
          { currentVersion: now?.version },
        );
      }
      const log = toLogEntries(await listActions(trx, cmd.caseId));
      const state = foldLog(type, log);
      if (!isAllowed(type, state.status, cmd.action)) {
        throw new AppError(CaseErrors.ILLEGAL_TRANSITION, `“${cmd.action}” is not allowed while the case is ${state.status}.`, {
          caseStatus: state.status,
          allowedActions: allowedActions(type, state.status),
        });
      }
      const args: ActionArgs<never> = {
        trx,
        ctx,
        row: claimed,
        state,
        input: cmd.input as never,
        type,
        today: todayInPrague(ctx.clock.now()),
        applicant: () => {
          if (!claimed.applicant_id) throw new Error(`a ${type.id} case has no applicant`);
          return findApplicant(trx, claimed.applicant_id);
        },
      };
      for (const g of action.guards ?? []) await g.check(args);
      const performed: Performed = await action.perform(args);
      if ('kind' in action.letter) {
        const fields = action.letter.fields(args, performed);
        await issueCaseLetter(
          trx,
          ctx,
          type,
          {
            id: claimed.id,
            reference: claimed.reference,
            officeId: claimed.office_id,
            applicantId: claimed.applicant_id,
            receivedOn: claimed.received_on,
          },
          performed.effectiveOn,
          action.letter.kind,
          fields,
        );
      }
      const entry = { type: cmd.action, payload: performed.payload, actorId: ctx.actor.id, effectiveOn: performed.effectiveOn };
      const next = applyEntry(type, state, entry);
      const projection = projectionOf(type, next);
      await insertAction(trx, {
        caseId: cmd.caseId,
        seq: log.length + 1,
        ...entry,
        idempotencyKey: cmd.idempotencyKey,
        requestSha256: cmd.idempotencyKey ? requestHash : null,
      });
      await updateProjection(trx, cmd.caseId, { ...projection, assigneeId: next.assignee });
      await type.project?.({
        trx,
        caseId: cmd.caseId,
        state: next,
        version: claimed.version,
        history: [...log, entry],
        now: ctx.clock.now(),
      });
      await writeAudit(trx, {
        actorId: ctx.actor.id,
        action: `${type.audit.prefix}.${cmd.action}`,
        entityType: type.audit.entityType,
        entityId: cmd.caseId,
        requestId: ctx.requestId,
        before: { status: state.status, version: current.version, dueOn: current.due_on },
        after: {
          status: projection.status,
          version: claimed.version,
          dueOn: projection.dueOn,
          ...(performed.output?.audit as object | undefined),
        },
      });
      const row = (await findCase(trx, cmd.caseId))!;
      return { row, state: next, type, replayed: false, output: performed.output ?? {} };
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError(CaseErrors.VERSION_CONFLICT, 'A concurrent action on this case won; reload and try again.');
    throw e;
  }
}
