/**
 * Decisions that end the proceedings: grant (with a visa record), refusal, withdrawal by the
 * applicant, discontinuation. Each issues its letter in the same transaction.
 */
import type { StaffCtx } from '../../auth/index.ts';
import { fieldError, validationFailed } from '../../../platform/errors.ts';
import { isValidIsoDate } from '../../calendar/index.ts';
import {
  APPEAL_PERIOD_DAYS,
  checkToleranceValidity,
  defaultBundle,
  valueOn,
  type Parameter,
  parameterReceipt,
  WITHDRAWAL_LEGAL_GROUND,
} from '../../policy/index.ts';
import { recordVisa } from '../../visas/index.ts';
import { runCaseAction } from './run-case-action.ts';
import { issueCaseLetter } from './letter-input.ts';
import { findApplicant } from '../db/cases.queries.ts';
import type { Trx } from '../../../platform/db/db.ts';
import type { CaseRow } from './case-view.ts';
import { actionDate } from './action-date.ts';
import type { CommandBase } from './interrupt-proceedings.ts';

/** @throws as runCaseAction; VALIDATION.FAILED when the validity breaks the one-year maximum or starts before the decision */
export function grantVisa(ctx: StaffCtx, input: CommandBase & { validFrom: string; validTo: string; warRelated?: boolean }) {
  return runCaseAction(ctx, {
    caseId: input.caseId,
    version: input.version,
    type: 'grant',
    permission: 'case.decide',
    idempotencyKey: input.idempotencyKey ?? null,
    run: async ({ trx, row, state }) => {
      const on = actionDate(input.on, ctx.clock.now(), state.lastEffectiveOn);
      for (const [f, v] of [
        ['/validFrom', input.validFrom],
        ['/validTo', input.validTo],
      ] as const) {
        if (!isValidIsoDate(v)) throw validationFailed([fieldError(f, 'INVALID_DATE', `${v} is not a calendar date.`)]);
      }
      if (input.validFrom < on)
        throw validationFailed([fieldError('/validFrom', 'BEFORE_DECISION', `Validity cannot start before the decision (${on}).`)]);
      if (row.case_type === 'study_residence') return grantStudyPermit(trx, ctx, row, on, input.validFrom, input.validTo);
      const v = checkToleranceValidity(on, input.validFrom, input.validTo);
      if (!v.ok)
        throw validationFailed([
          fieldError(
            '/validTo',
            'EXCEEDS_MAXIMUM',
            `A tolerance visa is granted for at most one year: valid to ${v.latestValidTo} at the latest.`,
          ),
        ]);
      const visa = await recordVisa(trx, {
        caseId: row.id,
        applicantId: row.applicant_id,
        officeId: row.office_id,
        visaCode: v.visaCode,
        validFrom: input.validFrom,
        validTo: input.validTo,
        issuedOn: on,
        actorId: ctx.actor.id,
        requestId: ctx.requestId,
        // § 33(1)(a) for a Ukrainian citizen is the war-related case unless the officer says otherwise.
        warRelated: input.warRelated ?? (await findApplicant(trx, row.applicant_id)).nationality === 'UKR',
      });
      await issueCaseLetter(trx, ctx, row, on, {
        kind: 'grant',
        visa: { number: visa.visa_number, code: visa.visa_code, validFrom: visa.valid_from, validTo: visa.valid_to },
      });
      const policy = parameterReceipt(defaultBundle(), { decided_on: on }, v.parameters);
      return {
        payload: {
          type: 'grant',
          on,
          visaNumber: visa.visa_number,
          visaCode: visa.visa_code,
          validFrom: input.validFrom,
          validTo: input.validTo,
          policy,
        },
        effectiveOn: on,
      };
    },
  });
}

export function refuseVisa(ctx: StaffCtx, input: CommandBase & { reasons: string; legalGround: string }) {
  return runCaseAction(ctx, {
    caseId: input.caseId,
    version: input.version,
    type: 'refuse',
    permission: 'case.decide',
    idempotencyKey: input.idempotencyKey ?? null,
    run: async ({ trx, row, state }) => {
      const on = actionDate(input.on, ctx.clock.now(), state.lastEffectiveOn);
      const appeal = valueOn(APPEAL_PERIOD_DAYS, on);
      await issueCaseLetter(trx, ctx, row, on, {
        kind: 'refusal',
        refusal: { reasons: input.reasons, legalGround: input.legalGround, appealDays: appeal.value },
      });
      return { payload: { type: 'refuse', on, reasons: input.reasons, legalGround: input.legalGround }, effectiveOn: on };
    },
  });
}

/** Withdrawal by the applicant ends the proceedings by a resolution to discontinue (§ 66(1)(a) Act 500/2004). */
export function withdrawApplication(ctx: StaffCtx, input: CommandBase) {
  return runCaseAction(ctx, {
    caseId: input.caseId,
    version: input.version,
    type: 'withdraw',
    permission: 'case.act',
    idempotencyKey: input.idempotencyKey ?? null,
    run: async ({ trx, row, state }) => {
      const on = actionDate(input.on, ctx.clock.now(), state.lastEffectiveOn);
      await issueCaseLetter(trx, ctx, row, on, {
        kind: 'discontinuation',
        discontinuation: { reason: 'withdrawn', legalGround: WITHDRAWAL_LEGAL_GROUND },
      });
      return { payload: { type: 'withdraw', on }, effectiveOn: on };
    },
  });
}

export function discontinueProceedings(ctx: StaffCtx, input: CommandBase & { legalGround: string; note?: string }) {
  return runCaseAction(ctx, {
    caseId: input.caseId,
    version: input.version,
    type: 'discontinue',
    permission: 'case.decide',
    idempotencyKey: input.idempotencyKey ?? null,
    run: async ({ trx, row, state }) => {
      const on = actionDate(input.on, ctx.clock.now(), state.lastEffectiveOn);
      await issueCaseLetter(trx, ctx, row, on, {
        kind: 'discontinuation',
        discontinuation: { reason: 'other', legalGround: input.legalGround, ...(input.note ? { note: input.note } : {}) },
      });
      return {
        payload: { type: 'discontinue', on, legalGround: input.legalGround, ...(input.note ? { note: input.note } : {}) },
        effectiveOn: on,
      };
    },
  });
}

/** A long-term residence permit for study: recorded in the register under the policy's code; no validity cap is encoded (unverified). */
async function grantStudyPermit(trx: Trx, ctx: StaffCtx, row: CaseRow, on: string, validFrom: string, validTo: string) {
  if (validTo < validFrom) throw validationFailed([fieldError('/validTo', 'BEFORE_START', 'Validity ends before it starts.')]);
  const code = valueOn(defaultBundle().parameters['study_residence.permit_code'] as Parameter<string>, on);
  const visa = await recordVisa(trx, {
    caseId: row.id,
    applicantId: row.applicant_id,
    officeId: row.office_id,
    visaCode: code.value,
    validFrom,
    validTo,
    issuedOn: on,
    warRelated: false,
    actorId: ctx.actor.id,
    requestId: ctx.requestId,
  });
  const policy = parameterReceipt(defaultBundle(), { decided_on: on }, [code]);
  return {
    payload: { type: 'grant' as const, on, visaNumber: visa.visa_number, visaCode: visa.visa_code, validFrom, validTo, policy },
    effectiveOn: on,
  };
}
