/** Reads of the register: a visa with its extensions, stickers and cancellation (audited), a job's progress. */
import { sql } from 'kysely';
import type { StaffCtx } from '../../auth/index.ts';
import { AppError, GenericErrors } from '../../../platform/errors.ts';
import { caseGroundRows, holderRows } from '../../cases/index.ts';
import { appointmentCodes } from '../../appointments/index.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { requirePermission, staffNames } from '../../auth/index.ts';

/**
 * A visa with its holder and legal ground, from its case (tolerance, study). A Civil Society visa has
 * no case: who holds it stays behind the programme's assignment-restricted views (civil-society
 * module), so the register shows only that it belongs to the programme.
 */
function visaWithHolder(db: StaffCtx['db']) {
  return db
    .selectFrom('visas as v')
    .leftJoin(caseGroundRows(db).as('c'), 'c.id', 'v.case_id')
    .leftJoin(holderRows(db).as('a'), 'a.id', 'v.applicant_id')
    .select([
      'v.id',
      'v.visa_number',
      'v.visa_code',
      'v.status',
      'v.valid_from',
      'v.valid_to',
      'v.issued_on',
      'v.war_related',
      'v.cancelled_on',
      'v.cancellation_reason',
      'v.case_id',
      'v.nomination_id',
      'c.case_type',
      'c.ground',
      'c.office_id',
      'a.surname',
      'a.given_names',
      'a.date_of_birth',
      'a.nationality',
      'a.passport_number',
    ]);
}

/** A visa named by its number (the API), or by its internal id (the staff pages: a number stays out of URLs). */
export type VisaRef = string | { id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The condition on `visas as v` for a reference (an id that is no UUID matches nothing). */
export function visaRefMatch(ref: VisaRef) {
  if (typeof ref === 'string') return sql<boolean>`v.visa_number = ${ref}`;
  return UUID.test(ref.id) ? sql<boolean>`v.id = ${ref.id}::uuid` : sql<boolean>`false`;
}

/** @throws NOT_FOUND, AUTH.FORBIDDEN */
export async function getVisa(ctx: StaffCtx, ref: VisaRef) {
  requirePermission(ctx.actor, 'visa.read');
  return ctx.db.transaction().execute(async (trx) => {
    const v = await visaWithHolder(trx).where(visaRefMatch(ref)).executeTakeFirst();
    if (!v) throw new AppError(GenericErrors.NOT_FOUND, typeof ref === 'string' ? 'No visa with that number.' : 'No such visa.');
    await writeAudit(trx, { actorId: ctx.actor.id, action: 'visa.read', entityType: 'visa', entityId: v.id, requestId: ctx.requestId });
    const ext = await trx
      .selectFrom('visa_extensions')
      .select(['rule_id', 'old_valid_to', 'new_valid_to', 'extended_at'])
      .where('visa_id', '=', v.id)
      .orderBy('id')
      .execute();
    const stickers = await trx
      .selectFrom('visa_stickers as s')
      .leftJoin(appointmentCodes(trx).as('a'), 'a.id', 's.appointment_id')
      .select(['s.sticker_code', 's.sticker_number', 's.affixed_on', 's.office_id', 'a.code as appointment_code'])
      .where('s.visa_id', '=', v.id)
      .orderBy('s.id')
      .execute();
    return {
      id: v.id,
      visaNumber: v.visa_number,
      visaCode: v.visa_code,
      status: v.status,
      validFrom: v.valid_from,
      validTo: v.valid_to,
      issuedOn: v.issued_on,
      warRelated: v.war_related,
      cancelledOn: v.cancelled_on,
      caseId: v.case_id,
      holder: v.case_id
        ? {
            surname: v.surname,
            givenNames: v.given_names,
            dateOfBirth: v.date_of_birth,
            nationality: v.nationality,
            passportNumber: v.passport_number,
          }
        : null,
      ground: v.case_id
        ? { basis: v.case_type, ground: v.ground, officeId: v.office_id }
        : { basis: 'civil_society_programme', nominationId: v.nomination_id },
      cancellation: v.cancelled_on ? { on: v.cancelled_on, ground: v.cancellation_reason } : null,
      extensions: ext.map((e) => ({
        rule: e.rule_id,
        from: e.old_valid_to,
        to: e.new_valid_to,
        at: new Date(e.extended_at).toISOString(),
      })),
      stickers: stickers.map((s) => ({
        code: s.sticker_code,
        number: s.sticker_number,
        affixedOn: s.affixed_on,
        officeId: s.office_id,
        appointment: s.appointment_code,
      })),
    };
  });
}

/**
 * A holder's visas granted in cases (tolerance, study) by passport number and date of birth, newest
 * first. Civil Society visas are not found this way (see visaWithHolder). Audited with the visas
 * found — the passport number itself stays out of the audit.
 * @throws AUTH.FORBIDDEN
 */
export async function findVisasOfHolder(ctx: StaffCtx, q: { passportNumber: string; dateOfBirth: string }) {
  requirePermission(ctx.actor, 'visa.read');
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await visaWithHolder(trx)
      .where('a.passport_number', '=', q.passportNumber)
      .where('a.date_of_birth', '=', q.dateOfBirth)
      .orderBy('v.issued_on', 'desc')
      .orderBy('v.visa_number')
      .execute();
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'visa.search',
      entityType: 'visa',
      entityId: 'search',
      requestId: ctx.requestId,
      after: { found: rows.map((r) => r.id) },
    });
    return rows.map((v) => ({
      id: v.id,
      visaNumber: v.visa_number,
      visaCode: v.visa_code,
      status: v.status,
      validFrom: v.valid_from,
      validTo: v.valid_to,
      issuedOn: v.issued_on,
      basis: v.case_type,
    }));
  });
}

/**
 * A visa by its number, as a search (the staff page's "find a visa"): the hit (zero or one), audited
 * like the holder search. The page then opens the visa by its id, whose read is audited again.
 * @throws AUTH.FORBIDDEN
 */
export async function findVisaByNumber(ctx: StaffCtx, visaNumber: string) {
  requirePermission(ctx.actor, 'visa.read');
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await visaWithHolder(trx).where('v.visa_number', '=', visaNumber.trim().toUpperCase()).execute();
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'visa.search',
      entityType: 'visa',
      entityId: 'search',
      requestId: ctx.requestId,
      after: { found: rows.map((r) => r.id) },
    });
    return rows.map((v) => ({ id: v.id, visaNumber: v.visa_number }));
  });
}

/** A running job that has not made progress for this long is taken to be dead (a batch takes about a second). */
export const JOB_STALE_AFTER_SECONDS = 120;

/**
 * A job's progress. A job still marked running whose heartbeat is older than JOB_STALE_AFTER_SECONDS
 * (by the database's clock, which also wrote it) is reported as `interrupted`: its process died.
 * @throws NOT_FOUND, AUTH.FORBIDDEN
 */
export async function getJob(ctx: StaffCtx, id: string) {
  requirePermission(ctx.actor, 'job.read');
  const j = await ctx.db
    .selectFrom('job_runs')
    .selectAll()
    .select(sql<boolean>`status = 'running' and heartbeat_at < now() - make_interval(secs => ${JOB_STALE_AFTER_SECONDS})`.as('stale'))
    .where('id', '=', id)
    .executeTakeFirst();
  if (!j) throw new AppError(GenericErrors.NOT_FOUND, 'No such job.');
  return {
    id: j.id,
    kind: j.kind,
    status: j.stale ? 'interrupted' : j.status,
    dryRun: j.dry_run,
    total: j.total,
    done: j.done,
    percent: j.total ? Math.floor((j.done / j.total) * 100) : 100,
    params: j.params,
    startedAt: new Date(j.started_at).toISOString(),
    lastProgressAt: new Date(j.heartbeat_at).toISOString(),
    finishedAt: j.finished_at ? new Date(j.finished_at).toISOString() : null,
    startedBy: j.started_by ? { id: j.started_by, name: (await staffNames(ctx.db, [j.started_by])).get(j.started_by) ?? null } : null,
    error: j.stale
      ? `No progress since ${new Date(j.heartbeat_at).toISOString()}: the process running it stopped. Start the run again; it extends only what is left.`
      : j.error,
  };
}
