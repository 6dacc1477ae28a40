/**
 * A holder books, cancels or moves an appointment for a new sticker, identified by visa number and
 * date of birth. Capacity is a guarded counter (`booked < capacity` in the same statement that takes
 * the seat, with a CHECK behind it); one active booking per visa; an idempotency key makes a retry
 * return the booking it already made.
 */
import { randomInt } from 'node:crypto';
import type { Db, Trx } from '../../../platform/db/db.ts';
import { AppError, GenericErrors } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { isUniqueViolation } from '../../../platform/pg-errors.ts';
import type { FindHolderVisa, HolderKey, HolderVisa } from './holder-visas.ts';
import { defaultBundle, valueOn } from '../../policy/index.ts';
import { todayInPrague } from '../../calendar/index.ts';
import { AppointmentErrors } from '../appointments.errors.ts';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** Who books: visa number and birth date (API), or a visa id the pages checked before (see HolderKey). */
export type Holder = HolderKey;

const keyOf = (h: HolderKey): HolderKey =>
  'visaId' in h ? { visaId: h.visaId } : { visaNumber: h.visaNumber, dateOfBirth: h.dateOfBirth };

/** Whether the visa carries the tolerance visa's code (the code in force on its first day). */
export function isToleranceVisa(v: Pick<HolderVisa, 'visa_code' | 'valid_from'>): boolean {
  const stickerCodes = defaultBundle().parameters['tolerance_visa.sticker_code']!;
  return v.visa_code === valueOn(stickerCodes, v.valid_from).value;
}

/** Whether this visa is a tolerance visa, valid today: the one kind that gets a new sticker by appointment. */
export function canBookSticker(v: HolderVisa, now: Date): boolean {
  return v.status === 'valid' && v.valid_to >= todayInPrague(now) && isToleranceVisa(v);
}

/** The holder's visa. @throws NOT_FOUND (the same for a wrong number and a wrong birth date) */
export async function findHolder(db: Db, findVisa: FindHolderVisa, h: Holder) {
  // The same answer, and the same work (one statement on both), for a wrong number and a wrong birth date.
  const v = await findVisa(db, keyOf(h));
  if (!v) throw new AppError(GenericErrors.NOT_FOUND, 'No visa matches this number and date of birth.');
  return v;
}

async function holderVisa(db: Db, findVisa: FindHolderVisa, h: Holder, now: Date) {
  const v = await findHolder(db, findVisa, h);
  if (!canBookSticker(v, now)) {
    throw new AppError(AppointmentErrors.NOT_ELIGIBLE, 'Only a valid tolerance visa can get a new sticker by appointment.');
  }
  return v;
}

async function view(db: Db | Trx, id: string) {
  const r = await db
    .selectFrom('appointments as a')
    .innerJoin('appointment_slots as s', 's.id', 'a.slot_id')
    .select(['a.code', 'a.status', 's.office_id', 's.starts_at', 's.minutes', 'a.slot_id'])
    .where('a.id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    code: r.code,
    status: r.status,
    officeId: r.office_id,
    slotId: r.slot_id,
    startsAt: new Date(r.starts_at).toISOString(),
    minutes: r.minutes,
  };
}

async function takeSeat(trx: Trx, slotId: string, now: Date) {
  const seat = await trx
    .updateTable('appointment_slots')
    .set((eb) => ({ booked: eb('booked', '+', 1) }))
    .where('id', '=', slotId)
    .where('starts_at', '>', now)
    .where((eb) => eb('booked', '<', eb.ref('capacity')))
    .returning('id')
    .executeTakeFirst();
  if (!seat) {
    const exists = await trx.selectFrom('appointment_slots').select('id').where('id', '=', slotId).executeTakeFirst();
    if (!exists) throw new AppError(GenericErrors.NOT_FOUND, 'No such slot.');
    throw new AppError(AppointmentErrors.SLOT_FULL, 'That slot is full or already past; choose another.');
  }
}

/**
 * Whether the slot has a free seat now, read without a lock or a transaction: a full or past slot is
 * refused at once instead of queueing for a pooled connection, a transaction and the slot row's lock
 * behind the bookings that are taking its last seats (the booking race). Only a hint: the guarded
 * UPDATE in `takeSeat` still decides.
 */
async function seatHint(db: Db, slotId: string, now: Date): Promise<'open' | 'full' | 'missing'> {
  const s = await db
    .selectFrom('appointment_slots')
    .select((eb) => [eb.and([eb('booked', '<', eb.ref('capacity')), eb('starts_at', '>', now)]).as('open')])
    .where('id', '=', slotId)
    .executeTakeFirst();
  return !s ? 'missing' : s.open ? 'open' : 'full';
}

/** @throws NOT_FOUND, APPOINTMENT.NOT_ELIGIBLE, APPOINTMENT.SLOT_FULL, APPOINTMENT.ALREADY_BOOKED */
export async function bookAppointment(
  db: Db,
  findVisa: FindHolderVisa,
  now: Date,
  input: Holder & { slotId: string; idempotencyKey?: string | null; requestId?: string | null },
) {
  // A full slot is refused first, with one read and no transaction. This tells nothing the public
  // list of free slots does not; a retry with an idempotency key skips it, to find its booking.
  if (!input.idempotencyKey) {
    const h = await seatHint(db, input.slotId, now);
    if (h === 'missing') throw new AppError(GenericErrors.NOT_FOUND, 'No such slot.');
    if (h === 'full') throw new AppError(AppointmentErrors.SLOT_FULL, 'That slot is full or already past; choose another.');
  }
  const v = await holderVisa(db, findVisa, input, now);
  try {
    return await db.transaction().execute(async (trx) => {
      if (input.idempotencyKey) {
        const prior = await trx
          .selectFrom('appointments')
          .select(['id', 'visa_id'])
          .where('idempotency_key', '=', input.idempotencyKey)
          .executeTakeFirst();
        if (prior && prior.visa_id === v.id) return { ...(await view(trx, prior.id)), replayed: true };
        if (prior) throw new AppError(AppointmentErrors.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was used for another booking.');
      }
      await takeSeat(trx, input.slotId, now);
      const a = await trx
        .insertInto('appointments')
        .values({
          code: newCode(),
          slot_id: input.slotId,
          visa_id: v.id,
          purpose: 'sticker',
          status: 'booked',
          idempotency_key: input.idempotencyKey ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(trx, {
        actorId: null,
        action: 'appointment.booked',
        entityType: 'appointment',
        entityId: a.id,
        requestId: input.requestId,
        after: { slotId: input.slotId, visaId: v.id },
      });
      return { ...(await view(trx, a.id)), replayed: false };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'appointments_one_active'))
      throw new AppError(AppointmentErrors.ALREADY_BOOKED, 'This visa already has an appointment; cancel or move it.');
    throw e;
  }
}

async function findActive(trx: Trx, code: string, visaId: string) {
  const a = await trx
    .selectFrom('appointments')
    .select(['id', 'slot_id'])
    .where('code', '=', code)
    .where('visa_id', '=', visaId)
    .where('status', '=', 'booked')
    .executeTakeFirst();
  if (!a) throw new AppError(GenericErrors.NOT_FOUND, 'No active appointment with this code for this visa.');
  return a;
}

/** @throws NOT_FOUND */
export async function cancelAppointment(
  db: Db,
  findVisa: FindHolderVisa,
  now: Date,
  input: Holder & { code: string; requestId?: string | null },
) {
  const v = await holderVisa(db, findVisa, input, now);
  return db.transaction().execute(async (trx) => {
    const a = await findActive(trx, input.code, v.id);
    await trx.updateTable('appointments').set({ status: 'cancelled', cancelled_at: now }).where('id', '=', a.id).execute();
    await trx
      .updateTable('appointment_slots')
      .set((eb) => ({ booked: eb('booked', '-', 1) }))
      .where('id', '=', a.slot_id)
      .execute();
    await writeAudit(trx, {
      actorId: null,
      action: 'appointment.cancelled',
      entityType: 'appointment',
      entityId: a.id,
      requestId: input.requestId,
    });
    return view(trx, a.id);
  });
}

/** Moves a booking to another slot in one transaction: the old seat is freed only if the new one is taken. */
export async function rebookAppointment(
  db: Db,
  findVisa: FindHolderVisa,
  now: Date,
  input: Holder & { code: string; slotId: string; requestId?: string | null },
) {
  const v = await holderVisa(db, findVisa, input, now);
  return db.transaction().execute(async (trx) => {
    const a = await findActive(trx, input.code, v.id);
    if (a.slot_id === input.slotId) return view(trx, a.id);
    await takeSeat(trx, input.slotId, now);
    await trx
      .updateTable('appointment_slots')
      .set((eb) => ({ booked: eb('booked', '-', 1) }))
      .where('id', '=', a.slot_id)
      .execute();
    await trx.updateTable('appointments').set({ slot_id: input.slotId }).where('id', '=', a.id).execute();
    await writeAudit(trx, {
      actorId: null,
      action: 'appointment.moved',
      entityType: 'appointment',
      entityId: a.id,
      requestId: input.requestId,
      before: { slotId: a.slot_id },
      after: { slotId: input.slotId },
    });
    return view(trx, a.id);
  });
}

/** The visa's booked appointment (at most one), or null. */
export async function activeAppointment(db: Db, visaId: string) {
  const a = await db
    .selectFrom('appointments')
    .select('id')
    .where('visa_id', '=', visaId)
    .where('status', '=', 'booked')
    .executeTakeFirst();
  return a ? view(db, a.id) : null;
}

/**
 * What a holder's status page shows: the visa as the register holds it, whether a new sticker can be
 * booked, and the booked appointment if there is one. @throws NOT_FOUND
 */
export async function holderStatus(
  db: Db,
  findVisa: FindHolderVisa,
  now: Date,
  h: Holder,
  opts: { audit?: boolean; requestId?: string | null } = {},
) {
  const visa = await findHolder(db, findVisa, h);
  // The holder's own check of the register is a read of their record: audited (not the pages that follow it).
  if (opts.audit)
    await writeAudit(db, {
      actorId: null,
      action: 'visa.holder_checked',
      entityType: 'visa',
      entityId: visa.id,
      requestId: opts.requestId,
    });
  return { visa, tolerance: isToleranceVisa(visa), canBook: canBookSticker(visa, now), appointment: await activeAppointment(db, visa.id) };
}
