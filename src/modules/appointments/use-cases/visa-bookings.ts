/**
 * What other modules may do to a visa's bookings, inside their own transaction: release them when the
 * visa is cancelled (each seat goes back to its slot), or mark one attended when the sticker is affixed.
 */
import type { Db, Trx } from '../../../platform/db/db.ts';
import { AppError, GenericErrors } from '../../../platform/errors.ts';
import { AppointmentErrors } from '../appointments.errors.ts';

/** Cancels the visa's active bookings for slots not yet started and frees their seats; returns how many. */
export async function releaseBookingsOfVisa(trx: Trx, visaId: string, now: Date): Promise<number> {
  const gone = await trx
    .updateTable('appointments')
    .set({ status: 'cancelled', cancelled_at: now })
    .where('visa_id', '=', visaId)
    .where('status', '=', 'booked')
    .where('slot_id', 'in', (eb) => eb.selectFrom('appointment_slots').select('id').where('starts_at', '>', now))
    .returning(['id', 'slot_id'])
    .execute();
  for (const a of gone) {
    await trx
      .updateTable('appointment_slots')
      .set((eb) => ({ booked: eb('booked', '-', 1) }))
      .where('id', '=', a.slot_id)
      .execute();
  }
  return gone.length;
}

/**
 * Marks the visa's booked appointment with this code attended at `officeId`; returns its id.
 * @throws NOT_FOUND (no such booked appointment for this visa), APPOINTMENT.AT_OTHER_OFFICE (booked at another office)
 */
export async function attendAppointment(trx: Trx, input: { visaId: string; code: string; officeId: string }): Promise<string> {
  const a = await trx
    .selectFrom('appointments as a')
    .innerJoin('appointment_slots as s', 's.id', 'a.slot_id')
    .select(['a.id', 's.office_id'])
    .where('a.code', '=', input.code)
    .where('a.visa_id', '=', input.visaId)
    .where('a.status', '=', 'booked')
    .forUpdate()
    .executeTakeFirst();
  if (!a) throw new AppError(GenericErrors.NOT_FOUND, 'No booked appointment with this code for this visa.');
  if (a.office_id !== input.officeId)
    throw new AppError(AppointmentErrors.AT_OTHER_OFFICE, `The appointment is at office ${a.office_id}, not here.`);
  await trx.updateTable('appointments').set({ status: 'attended' }).where('id', '=', a.id).execute();
  return a.id;
}

/** Appointment codes by id, joinable as `appointmentCodes(db).as('a')` (the register shows a sticker's appointment). */
export function appointmentCodes(db: Db | Trx) {
  return db.selectFrom('appointments').select(['id', 'code']);
}

/** The visa's booked (not yet attended or cancelled) appointments, soonest first: where and when, and the code. */
export async function bookedAppointmentsOfVisa(db: Db | Trx, visaId: string) {
  const rows = await db
    .selectFrom('appointments as a')
    .innerJoin('appointment_slots as s', 's.id', 'a.slot_id')
    .select(['a.code', 's.office_id', 's.starts_at', 's.minutes'])
    .where('a.visa_id', '=', visaId)
    .where('a.status', '=', 'booked')
    .orderBy('s.starts_at')
    .execute();
  return rows.map((r) => ({ code: r.code, officeId: r.office_id, startsAt: new Date(r.starts_at).toISOString(), minutes: r.minutes }));
}
