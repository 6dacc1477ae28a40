/** Posting a letter and its delivery are case actions: logged, audited, version-checked. */
import type { StaffCtx } from '../../auth/index.ts';
import { fieldError, validationFailed } from '../../../platform/errors.ts';
import { isValidIsoDate, todayInPrague } from '../../calendar/index.ts';
import { letterDelivery } from '../../policy/index.ts';
import { recordLetterDelivery, recordLetterPosting, type DeliveryRecord } from '../../letters/use-cases/issue-letter.ts';
import { runCaseAction } from './run-case-action.ts';
import { actionDate } from './action-date.ts';

export function postLetter(
  ctx: StaffCtx,
  input: { caseId: string; letterId: string; version: number; postedOn?: string; idempotencyKey?: string | null },
) {
  return runCaseAction(ctx, {
    caseId: input.caseId,
    version: input.version,
    type: 'letter_posted',
    permission: 'letter.post',
    idempotencyKey: input.idempotencyKey ?? null,
    run: async ({ trx }) => {
      const postedOn = actionDate(input.postedOn, ctx.clock.now(), '0000-01-01', '/postedOn');
      await recordLetterPosting(trx, {
        caseId: input.caseId,
        letterId: input.letterId,
        postedOn,
        actorId: ctx.actor.id,
        requestId: ctx.requestId,
      });
      return { payload: { type: 'letter_posted', letterId: input.letterId, postedOn }, effectiveOn: postedOn };
    },
  });
}

export type DeliveryInput =
  | { kind: 'delivered'; deliveredOn: string }
  | { kind: 'stored'; readyForCollectionOn: string; collectedOn?: string | null };

/**
 * Delivery: handed over on a date, or stored at the post office — then collected within the
 * period or deemed delivered on its last day (§ 24(1) Act 500/2004; the weekend/holiday shift is
 * the DEEMED_DELIVERY_SHIFT setting). A deemed date still in the future cannot be recorded yet.
 */
export function recordDelivery(
  ctx: StaffCtx,
  input: { caseId: string; letterId: string; version: number; delivery: DeliveryInput; idempotencyKey?: string | null },
) {
  return runCaseAction(ctx, {
    caseId: input.caseId,
    version: input.version,
    type: 'letter_delivery',
    permission: 'letter.post',
    idempotencyKey: input.idempotencyKey ?? null,
    run: async ({ trx }) => {
      const today = todayInPrague(ctx.clock.now());
      const d = input.delivery;
      let rec: DeliveryRecord;
      if (d.kind === 'delivered') {
        const on = actionDate(d.deliveredOn, ctx.clock.now(), '0000-01-01', '/delivery/deliveredOn');
        rec = { deliveredOn: on, how: 'delivered', readyForCollectionOn: null };
      } else {
        const ready = actionDate(d.readyForCollectionOn, ctx.clock.now(), '0000-01-01', '/delivery/readyForCollectionOn');
        const collected = d.collectedOn ?? null;
        if (collected !== null && (!isValidIsoDate(collected) || collected < ready || collected > today)) {
          throw validationFailed([
            fieldError('/delivery/collectedOn', 'INVALID_COLLECTION', 'The collection date lies between the ready date and today.'),
          ]);
        }
        const out = letterDelivery(ready, collected, ctx.config.deemedDeliveryShift);
        if (out.deliveredOn > today) {
          throw validationFailed([
            fieldError(
              '/delivery/collectedOn',
              'PERIOD_NOT_OVER',
              `Not collected yet: the letter is deemed delivered on ${out.deliveredOn}; record it then, or record the collection.`,
            ),
          ]);
        }
        rec = { deliveredOn: out.deliveredOn, how: out.how, readyForCollectionOn: ready };
      }
      await recordLetterDelivery(trx, {
        caseId: input.caseId,
        letterId: input.letterId,
        delivery: rec,
        actorId: ctx.actor.id,
        requestId: ctx.requestId,
      });
      return {
        payload: {
          type: 'letter_delivery',
          letterId: input.letterId,
          deliveredOn: rec.deliveredOn,
          how: rec.how,
          ...(rec.readyForCollectionOn ? { readyForCollectionOn: rec.readyForCollectionOn } : {}),
        },
        effectiveOn: rec.deliveredOn,
      };
    },
  });
}
