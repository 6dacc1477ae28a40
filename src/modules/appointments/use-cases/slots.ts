/** Opening hours and slots: generated from the hours on working days, listed with free seats. */
import type { StaffCtx } from '../../auth/index.ts';
import type { Db } from '../../../platform/db/db.ts';
import { fieldError, validationFailed } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { requirePermission } from '../../auth/index.ts';
import { isValidIsoDate } from '../../calendar/index.ts';
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

/** Creates the missing slots of an office between two dates; existing ones are kept. Returns how many were added. */
export async function generateSlots(db: Db, o: { officeId: string; from: string; to: string; minutes: number; capacity: number }) {
  const errors = [
    ['/from', o.from],
    ['/to', o.to],
  ]
    .filter(([, d]) => !isValidIsoDate(d))
    .map(([f, d]) => fieldError(f!, 'INVALID_DATE', `${d} is not a date.`));
  if (errors.length) throw validationFailed(errors);
  const hours = (
    await db.selectFrom('office_hours').select(['weekday', 'opens', 'closes']).where('office_id', '=', o.officeId).execute()
  ).map((h) => ({ weekday: h.weekday, opens: String(h.opens).slice(0, 5), closes: String(h.closes).slice(0, 5) }));
  const plan = planSlots(hours, o.from, o.to, o.minutes);
  if (!plan.length) return 0;
  const r = await db
    .insertInto('appointment_slots')
    .values(
      plan.map((p) => ({
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
  return r.length;
}

export async function generateSlotsAsStaff(ctx: StaffCtx, o: Parameters<typeof generateSlots>[1]) {
  requirePermission(ctx.actor, 'slots.manage');
  const n = await generateSlots(ctx.db, o);
  await writeAudit(ctx.db, {
    actorId: ctx.actor.id,
    action: 'slots.generated',
    entityType: 'office',
    entityId: o.officeId,
    requestId: ctx.requestId,
    after: { ...o, created: n },
  });
  return n;
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
