/**
 * An office's sticker appointments of one day (Prague civil day), for the staff at its counter: each
 * slot with its seats, and the bookings made for it — booked, attended or cancelled — with the booking
 * code and the visa (by id: the register says whose it is, and reading it there is audited).
 */
import type { StaffCtx } from '../../auth/index.ts';
import { requireOffice, requirePermission } from '../../auth/index.ts';
import { addDays, isValidIsoDate, MAX_HOLIDAY_YEAR, MIN_HOLIDAY_YEAR, yearOf } from '../../calendar/index.ts';
import { fieldError, validationFailed } from '../../../platform/errors.ts';
import { pragueInstant } from '../domain/slot-plan.ts';

export interface DayBooking {
  code: string;
  status: 'booked' | 'attended' | 'cancelled';
  visaId: string;
  bookedAt: string;
  cancelledAt: string | null;
}

export interface DaySlot {
  id: string;
  startsAt: string;
  minutes: number;
  capacity: number;
  booked: number;
  bookings: DayBooking[];
}

/**
 * The slots of `officeId` starting on `day` (Prague time) with their bookings, in time order.
 * Officers and supervisors of that office only (another office: 403).
 * @throws AUTH.FORBIDDEN, VALIDATION.FAILED (/day: not a date, outside the calendar)
 */
export async function listOfficeDay(ctx: StaffCtx, o: { officeId: string; day: string }): Promise<DaySlot[]> {
  requirePermission(ctx.actor, 'visa.sticker');
  requireOffice(ctx.actor, o.officeId);
  if (!isValidIsoDate(o.day)) throw validationFailed([fieldError('/day', 'INVALID_DATE', `${o.day} is not a date.`)]);
  const y = yearOf(o.day);
  if (y < MIN_HOLIDAY_YEAR || y > MAX_HOLIDAY_YEAR)
    throw validationFailed([
      fieldError('/day', 'OUT_OF_CALENDAR', `The Czech calendar is known for ${MIN_HOLIDAY_YEAR}–${MAX_HOLIDAY_YEAR}.`),
    ]);
  const from = pragueInstant(o.day, '00:00');
  const to = pragueInstant(addDays(o.day, 1), '00:00');
  const slots = await ctx.db
    .selectFrom('appointment_slots')
    .select(['id', 'starts_at', 'minutes', 'capacity', 'booked'])
    .where('office_id', '=', o.officeId)
    .where('purpose', '=', 'sticker')
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .orderBy('starts_at')
    .execute();
  const bookings = slots.length
    ? await ctx.db
        .selectFrom('appointments')
        .select(['slot_id', 'code', 'status', 'visa_id', 'created_at', 'cancelled_at'])
        .where(
          'slot_id',
          'in',
          slots.map((s) => s.id),
        )
        .orderBy('created_at')
        .orderBy('code')
        .execute()
    : [];
  return slots.map((s) => ({
    id: s.id,
    startsAt: new Date(s.starts_at).toISOString(),
    minutes: s.minutes,
    capacity: s.capacity,
    booked: s.booked,
    bookings: bookings
      .filter((b) => b.slot_id === s.id)
      .map((b) => ({
        code: b.code,
        status: b.status as DayBooking['status'],
        visaId: b.visa_id,
        bookedAt: new Date(b.created_at).toISOString(),
        cancelledAt: b.cancelled_at ? new Date(b.cancelled_at).toISOString() : null,
      })),
  }));
}
