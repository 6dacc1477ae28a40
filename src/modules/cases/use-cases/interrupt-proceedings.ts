/** Interrupting the proceedings (a request to complete the application) stops the clock; resuming restarts it. */
import type { StaffCtx } from '../../auth/index.ts';
import { fieldError, validationFailed } from '../../../platform/errors.ts';
import { isValidIsoDate } from '../../calendar/index.ts';
import { INTERRUPTION_LEGAL_GROUND } from '../../policy/index.ts';
import { runCaseAction } from './run-case-action.ts';
import { issueCaseLetter } from './letter-input.ts';
import { actionDate } from './action-date.ts';

export interface CommandBase {
  caseId: string;
  version: number;
  on?: string;
  idempotencyKey?: string | null;
}

/** @throws as runCaseAction, VALIDATION.FAILED (dates) */
export function interruptProceedings(ctx: StaffCtx, input: CommandBase & { requested: string; respondBy: string; legalGround?: string }) {
  return runCaseAction(ctx, {
    caseId: input.caseId,
    version: input.version,
    type: 'interrupt',
    permission: 'case.act',
    idempotencyKey: input.idempotencyKey ?? null,
    run: async ({ trx, row, state }) => {
      const on = actionDate(input.on, ctx.clock.now(), state.lastEffectiveOn);
      if (!isValidIsoDate(input.respondBy) || input.respondBy <= on) {
        throw validationFailed([
          fieldError('/respondBy', 'NOT_AFTER_INTERRUPTION', 'The applicant needs a date after the interruption to respond by.'),
        ]);
      }
      await issueCaseLetter(trx, ctx, row, on, {
        kind: 'interruption',
        interruption: {
          requested: input.requested,
          respondBy: input.respondBy,
          legalGround: input.legalGround ?? INTERRUPTION_LEGAL_GROUND,
        },
      });
      return { payload: { type: 'interrupt', on, requested: input.requested, respondBy: input.respondBy }, effectiveOn: on };
    },
  });
}

export function resumeProceedings(ctx: StaffCtx, input: CommandBase) {
  return runCaseAction(ctx, {
    caseId: input.caseId,
    version: input.version,
    type: 'resume',
    permission: 'case.act',
    idempotencyKey: input.idempotencyKey ?? null,
    run: async ({ state }) => {
      const on = actionDate(input.on, ctx.clock.now(), state.lastEffectiveOn);
      return { payload: { type: 'resume', on }, effectiveOn: on };
    },
  });
}
