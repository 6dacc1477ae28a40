/**
 * Cancelling a visa in the register (§ 37), and recording a new sticker affixed to it. One transaction
 * each: the visa row, the audit event and — for a cancellation — the change event the authorities
 * receive, and the release of the holder's booked sticker appointments.
 */
import type { StaffCtx } from '../../auth/index.ts';
import type { Trx } from '../../../platform/db/db.ts';
import { AppError, validationFailed, GenericErrors } from '../../../platform/errors.ts';
import { appendChangeEvent } from '../../../platform/outbox.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { requireOffice, requirePermission } from '../../auth/index.ts';
import { todayInPrague } from '../../calendar/index.ts';
import { caseGroundRows } from '../../cases/index.ts';
import { attendAppointment, releaseBookingsOfVisa } from '../../appointments/index.ts';
import { cancellationDateErrors, stickerRefusal, type CancellationGround } from '../domain/cancellation.ts';
import { getVisa, visaRefMatch, type VisaRef } from './read-visas.ts';
import { AuthErrors } from '../../auth/index.ts';
import { VisaErrors } from '../visas.errors.ts';

/** The visa with the office that granted it (null for a Civil Society visa, granted by the Foreign Ministry). */
async function visaForChange(trx: Trx, ref: VisaRef) {
  const v = await trx
    .selectFrom('visas as v')
    .leftJoin(caseGroundRows(trx).as('c'), 'c.id', 'v.case_id')
    .select(['v.id', 'v.visa_number', 'v.visa_code', 'v.status', 'v.valid_from', 'v.valid_to', 'v.issued_on', 'c.office_id'])
    .where(visaRefMatch(ref))
    .executeTakeFirst();
  if (!v) throw new AppError(GenericErrors.NOT_FOUND, typeof ref === 'string' ? 'No visa with that number.' : 'No such visa.');
  return v;
}

/**
 * @throws AUTH.FORBIDDEN (not a supervisor of the granting office), NOT_FOUND, VISA.CANCELLED_BY_MINISTRY (a
 * Civil Society visa), VISA.ALREADY_CANCELLED, VALIDATION.FAILED (date in the future or before issue)
 */
export async function cancelVisa(ctx: StaffCtx, ref: VisaRef, input: { ground: CancellationGround; cancelledOn?: string }) {
  requirePermission(ctx.actor, 'visa.cancel');
  const now = ctx.clock.now();
  const today = todayInPrague(now);
  const on = input.cancelledOn ?? today;
  const released = await ctx.db.transaction().execute(async (trx) => {
    const v = await visaForChange(trx, ref);
    if (!v.office_id)
      throw new AppError(
        VisaErrors.CANCELLED_BY_MINISTRY,
        'This visa was granted by the Foreign Ministry under the Civil Society programme; it is cancelled there, not by an OAMP office.',
      );
    requireOffice(ctx.actor, v.office_id);
    if (v.status === 'cancelled') throw new AppError(VisaErrors.ALREADY_CANCELLED, 'The visa is already cancelled.');
    const errors = cancellationDateErrors(
      { status: v.status, validFrom: v.valid_from, validTo: v.valid_to, issuedOn: v.issued_on },
      on,
      today,
    );
    if (errors.length) throw validationFailed(errors);
    // Guarded by status: of two supervisors cancelling at once, one wins and the other gets the 409.
    const done = await trx
      .updateTable('visas')
      .set({ status: 'cancelled', cancelled_on: on, cancellation_reason: input.ground, cancelled_by: ctx.actor.id })
      .where('id', '=', v.id)
      .where('status', '=', 'valid')
      .returning('id')
      .executeTakeFirst();
    if (!done) throw new AppError(VisaErrors.ALREADY_CANCELLED, 'The visa is already cancelled.');
    const freed = await releaseBookingsOfVisa(trx, v.id, now);
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'visa.cancelled',
      entityType: 'visa',
      entityId: v.id,
      requestId: ctx.requestId,
      before: { status: v.status },
      after: { status: 'cancelled', cancelledOn: on, ground: input.ground, appointmentsReleased: freed },
    });
    await appendChangeEvent(trx, {
      kind: 'visa.cancelled',
      visaId: v.id,
      payload: {
        visaNumber: v.visa_number,
        visaCode: v.visa_code,
        validFrom: v.valid_from,
        validTo: v.valid_to,
        status: 'cancelled',
        cancelledOn: on,
      },
    });
    return freed;
  });
  // How many booked sticker appointments went back to their slots (the page says so; the API's schema leaves it out).
  return { ...(await getVisa(ctx, ref)), appointmentsReleased: released };
}

/**
 * A new sticker affixed at the actor's office, at a booked appointment (marked attended) or walk-in.
 * The sticker carries the visa's own code.
 * @throws AUTH.FORBIDDEN, NOT_FOUND (visa, or appointment), APPOINTMENT.AT_OTHER_OFFICE,
 * VISA.NOT_IN_FORCE, VALIDATION.FAILED (a day after today)
 */
export async function recordSticker(
  ctx: StaffCtx,
  ref: VisaRef,
  input: { affixedOn?: string; stickerNumber?: string; appointmentCode?: string },
) {
  requirePermission(ctx.actor, 'visa.sticker');
  const officeId = ctx.actor.officeId;
  if (!officeId) throw new AppError(AuthErrors.FORBIDDEN, 'Only staff of an office record stickers.');
  const today = todayInPrague(ctx.clock.now());
  const on = input.affixedOn ?? today;
  await ctx.db.transaction().execute(async (trx) => {
    const v = await visaForChange(trx, ref);
    const refusal = stickerRefusal({ status: v.status, validFrom: v.valid_from, validTo: v.valid_to, issuedOn: v.issued_on }, on, today);
    if (refusal?.field) throw validationFailed([{ field: refusal.field, reason: refusal.reason, message: refusal.message }]);
    if (refusal) throw new AppError(VisaErrors.NOT_IN_FORCE, refusal.message, { reason: refusal.reason });
    const appointmentId = input.appointmentCode
      ? await attendAppointment(trx, { visaId: v.id, code: input.appointmentCode, officeId })
      : null;
    const s = await trx
      .insertInto('visa_stickers')
      .values({
        visa_id: v.id,
        sticker_code: v.visa_code,
        sticker_number: input.stickerNumber ?? null,
        affixed_on: on,
        office_id: officeId,
        appointment_id: appointmentId,
        recorded_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'visa.sticker_affixed',
      entityType: 'visa',
      entityId: v.id,
      requestId: ctx.requestId,
      after: { sticker: s.id, affixedOn: on, officeId, appointment: appointmentId },
    });
  });
  return getVisa(ctx, ref);
}
