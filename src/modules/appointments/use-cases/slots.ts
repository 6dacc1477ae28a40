/** Opening hours and slots: generated from the hours on working days, listed with free seats. */
import type { StaffCtx } from '../../auth/index.ts';
import type { Db, Trx } from '../../../platform/db/db.ts';
import { fieldError, validationFailed } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { requireOffice, requirePermission } from '../../auth/index.ts';
import { diffDays, isValidIsoDate, MAX_HOLIDAY_YEAR, MIN_HOLIDAY_YEAR, yearOf } from '../../calendar/index.ts';
import { planSlots, type Hours } from '../domain/slot-plan.ts';

/** Typical OAMP hours (facts §2.1): Mon and Wed 8–17, Tue and Thu 8–12, Fri for booked clients 8–12. Demo data. */
export const DEMO_HOURS: Hours[] = [
  { weekday: 1, opens: '08:00', closes: '17:00' },
  { weekday: 2, opens: '08:00', closes: '12:00' },
  { weekday: 3, opens: '08:00', closes: '17:00' },
  { weekday: 4, opens: '08:00', closes: '12:00' },
  { weekday: 5, opens: '08:00', closes: '12:00' },
];

export async function setOfficeHours(db: Db, officeId: string, hours: Hours[]) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('office_hours').where('office_id', '=', officeId).execute();
    if (hours.length)
      await trx
        .insertInto('office_hours')
        .values(hours.map((h) => ({ office_id: officeId, ...h })))
        .execute();
  });
}

/** The longest range created in one request (a quarter): a bigger plan is several requests. */
export const MAX_SLOT_RANGE_DAYS = 92;
/** Rows per INSERT: 5 parameters a row stays far below PostgreSQL's 65,535 bound parameters. */
const SLOT_BATCH = 1000;

export interface SlotsOutcome {
  created: number;
  /** Slots of the plan that were there already (kept as they are). */
  existing: number;
}

function checkRange(o: { from: string; to: string }) {
  const errors = [
    ['/from', o.from],
    ['/to', o.to],
  ]
    .filter(([, d]) => !isValidIsoDate(d))
    .map(([f, d]) => fieldError(f!, 'INVALID_DATE', `${d} is not a date.`));
  if (errors.length) throw validationFailed(errors);
  for (const [f, d] of [
    ['/from', o.from],
    ['/to', o.to],
  ] as const) {
    const y = yearOf(d);
    if (y < MIN_HOLIDAY_YEAR || y > MAX_HOLIDAY_YEAR)
      throw validationFailed([
        fieldError(f, 'OUT_OF_CALENDAR', `The Czech calendar is known for ${MIN_HOLIDAY_YEAR}–${MAX_HOLIDAY_YEAR}.`),
      ]);
  }
  if (o.to < o.from) throw validationFailed([fieldError('/to', 'BEFORE_FROM', `${o.to} is before ${o.from}.`)]);
  if (diffDays(o.from, o.to) + 1 > MAX_SLOT_RANGE_DAYS)
    throw validationFailed([fieldError('/to', 'RANGE_TOO_LONG', `At most ${MAX_SLOT_RANGE_DAYS} days at a time.`)]);
}

/**
 * Creates the missing slots of an office between two dates (at most MAX_SLOT_RANGE_DAYS), in bounded
 * batches; existing ones are kept and counted. @throws VALIDATION.FAILED
 */
export async function generateSlots(
  db: Db | Trx,
  o: { officeId: string; from: string; to: string; minutes: number; capacity: number },
): Promise<SlotsOutcome> {
  checkRange(o);
  const hours = (
    await db.selectFrom('office_hours').select(['weekday', 'opens', 'closes']).where('office_id', '=', o.officeId).execute()
  ).map((h) => ({ weekday: h.weekday, opens: String(h.opens).slice(0, 5), closes: String(h.closes).slice(0, 5) }));
  const plan = planSlots(hours, o.from, o.to, o.minutes);
  let created = 0;
  for (let i = 0; i < plan.length; i += SLOT_BATCH) {
    const r = await db
      .insertInto('appointment_slots')
      .values(
        plan.slice(i, i + SLOT_BATCH).map((p) => ({
          office_id: o.officeId,
          purpose: 'sticker' as const,
          starts_at: p.startsAt,
          minutes: o.minutes,
          capacity: o.capacity,
        })),
      )
      .onConflict((oc) => oc.columns(['office_id', 'purpose', 'starts_at']).doNothing())
      .returning('id')
      .execute();
    created += r.length;
  }
  return { created, existing: plan.length - created };
}

/** A supervisor creates slots at their own office (another office: 403); an admin at any. One transaction. @throws AUTH.FORBIDDEN, VALIDATION.FAILED */
export async function generateSlotsAsStaff(ctx: StaffCtx, o: Parameters<typeof generateSlots>[1]): Promise<SlotsOutcome> {
  requirePermission(ctx.actor, 'slots.manage');
  if (ctx.actor.role !== 'admin') requireOffice(ctx.actor, o.officeId);
  checkRange(o);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await generateSlots(trx, o);
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'slots.generated',
      entityType: 'office',
      entityId: o.officeId,
      requestId: ctx.requestId,
      after: { ...o, ...r },
    });
    return r;
  });
}

export async function listFreeSlots(db: Db, officeId: string, from: Date, to: Date) {
  const rows = await db
    .selectFrom('appointment_slots')
    .select(['id', 'starts_at', 'minutes', 'capacity', 'booked'])
    .where('office_id', '=', officeId)
    .where('purpose', '=', 'sticker')
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .orderBy('starts_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    startsAt: new Date(r.starts_at).toISOString(),
    minutes: r.minutes,
    capacity: r.capacity,
    free: r.capacity - r.booked,
  }));
}
