/**
 * Nominations by partner NGOs and their individual assessment. The narrative, contacts and decline
 * reasons are sealed with the record's own data key before they reach the database; only officers
 * assigned to the nomination open them, and every such read is audited.
 */
import { randomUUID } from 'node:crypto';
import type { StaffCtx } from '../../auth/index.ts';
import type { Trx } from '../../../platform/db/db.ts';
import { AppError, fieldError, validationFailed } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { nextNumber, pad } from '../../../platform/numbering.ts';
import { newRecordKey, openField, sealField, unwrapRecordKey, type Keyring } from '../../../platform/crypto.ts';
import { requirePermission } from '../../auth/index.ts';
import { isValidIsoDate, todayInPrague } from '../../calendar/index.ts';
import { evaluate, defaultBundle, valueOn } from '../../policy/index.ts';
import { recordNominationVisa } from '../../visas/index.ts';
import { NominationErrors } from '../civil-society.errors.ts';
import { NEXT, statusForNgo, type NominationAction, type NominationStatus } from '../domain/nomination-model.ts';

export interface NewNomination {
  nationality: 'RUS' | 'BLR';
  surname: string;
  givenNames: string;
  nativeName?: string | null;
  dateOfBirth: string;
  passportNumber: string;
  category: string;
  publicRecord: string[];
  narrative: string;
  contacts?: string | null;
  visaType: 'C' | 'D';
  lodgingPost: string;
}

function keyring(ctx: StaffCtx): Keyring {
  if (!ctx.config.keyring) throw new AppError('INTERNAL', 'No master key is configured (POBYT_MASTER_KEYS or POBYT_MASTER_KEY_FILE).');
  return ctx.config.keyring;
}

/** @throws AUTH.FORBIDDEN, VALIDATION.FAILED */
export async function nominate(ctx: StaffCtx, n: NewNomination) {
  requirePermission(ctx.actor, 'nomination.create');
  if (!isValidIsoDate(n.dateOfBirth)) throw validationFailed([fieldError('/dateOfBirth', 'INVALID_DATE', 'A date YYYY-MM-DD.')]);
  const ring = keyring(ctx);
  const id = randomUUID();
  const k = newRecordKey(ring, id);
  const today = todayInPrague(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const reference = `CSP-${today.slice(0, 4)}-${pad(await nextNumber(trx, `csp:${today.slice(0, 4)}`))}`;
    await trx
      .insertInto('nominations')
      .values({
        id,
        reference,
        org_id: ctx.actor.orgId!,
        created_by: ctx.actor.id,
        nationality: n.nationality,
        surname: n.surname,
        given_names: n.givenNames,
        native_name: n.nativeName ?? null,
        date_of_birth: n.dateOfBirth,
        passport_number: n.passportNumber,
        category: n.category,
        public_record: JSON.stringify(n.publicRecord),
        visa_type: n.visaType,
        lodging_post: n.lodgingPost,
        narrative_ct: sealField(k.dek, id, 'narrative', n.narrative),
        contacts_ct: n.contacts ? sealField(k.dek, id, 'contacts', n.contacts) : null,
        dek_wrapped: k.wrapped,
        dek_master_id: k.masterId,
        status: 'nominated',
        nominated_on: today,
        created_at: ctx.clock.now(),
        updated_at: ctx.clock.now(),
      })
      .execute();
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'nomination.created',
      entityType: 'nomination',
      entityId: id,
      requestId: ctx.requestId,
      after: { status: 'nominated' },
    });
    return { id, reference, status: statusForNgo('nominated') };
  });
}

/** The NGO's own nominations, with the coarse status only. */
export async function listOwnNominations(ctx: StaffCtx) {
  requirePermission(ctx.actor, 'nomination.own');
  const rows = await ctx.db
    .selectFrom('nominations')
    .select(['id', 'reference', 'status', 'nominated_on', 'visa_type'])
    .where('org_id', '=', ctx.actor.orgId!)
    .orderBy('nominated_on', 'desc')
    .orderBy('reference')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    status: statusForNgo(r.status),
    nominatedOn: r.nominated_on,
    visaType: r.visa_type,
  }));
}

async function load(trx: Trx, id: string) {
  const n = await trx.selectFrom('nominations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!n) throw new AppError('NOT_FOUND', 'No such nomination.');
  return n;
}

async function isAssigned(trx: Trx, id: string, officerId: string) {
  return Boolean(
    await trx
      .selectFrom('nomination_assignments')
      .select('officer_id')
      .where('nomination_id', '=', id)
      .where('officer_id', '=', officerId)
      .executeTakeFirst(),
  );
}

/**
 * One nomination. An NGO caseworker of the same organisation sees its status; an officer assigned to it
 * sees everything, decrypted, and the read is audited; anyone else gets 404 (not 403: nothing to infer).
 */
export async function getNomination(ctx: StaffCtx, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const n = await trx.selectFrom('nominations').selectAll().where('id', '=', id).executeTakeFirst();
    if (ctx.actor.role === 'caseworker') {
      if (!n || n.org_id !== ctx.actor.orgId) throw new AppError('NOT_FOUND', 'No such nomination.');
      return { id: n.id, reference: n.reference, status: statusForNgo(n.status), nominatedOn: n.nominated_on, visaType: n.visa_type };
    }
    requirePermission(ctx.actor, 'nomination.work');
    if (!n) throw new AppError('NOT_FOUND', 'No such nomination.');
    const assigned = await isAssigned(trx, id, ctx.actor.id);
    const officers = await trx.selectFrom('nomination_assignments').select('officer_id').where('nomination_id', '=', id).execute();
    const base = {
      id: n.id,
      reference: n.reference,
      status: n.status,
      version: n.version,
      nationality: n.nationality,
      category: n.category,
      visaType: n.visa_type,
      lodgingPost: n.lodging_post,
      nominatedOn: n.nominated_on,
      decidedOn: n.decided_on,
      assignedOfficers: officers.map((o) => o.officer_id),
      firstApprover: n.first_approver,
      secondApprover: n.second_approver,
    };
    if (!assigned) return { ...base, sensitive: null };
    const dek = unwrapRecordKey(keyring(ctx), id, n.dek_wrapped, n.dek_master_id);
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'nomination.sensitive_read',
      entityType: 'nomination',
      entityId: id,
      requestId: ctx.requestId,
    });
    const evidence = await trx
      .selectFrom('nomination_evidence')
      .select(['id', 'mime', 'size_bytes', 'name_ct'])
      .where('nomination_id', '=', id)
      .orderBy('created_at')
      .execute();
    return {
      ...base,
      sensitive: {
        surname: n.surname,
        givenNames: n.given_names,
        nativeName: n.native_name,
        dateOfBirth: n.date_of_birth,
        passportNumber: n.passport_number,
        publicRecord: n.public_record,
        narrative: openField(dek, id, 'narrative', n.narrative_ct).toString('utf8'),
        contacts: n.contacts_ct ? openField(dek, id, 'contacts', n.contacts_ct).toString('utf8') : null,
        declineReasons: n.decline_reasons_ct ? openField(dek, id, 'decline_reasons', n.decline_reasons_ct).toString('utf8') : null,
        evidence: evidence.map((e) => ({
          id: e.id,
          mime: e.mime,
          sizeBytes: e.size_bytes,
          name: openField(dek, id, `evidence:${e.id}:name`, e.name_ct).toString('utf8'),
        })),
      },
    };
  });
}

/** @throws AUTH.FORBIDDEN, NOT_FOUND, VALIDATION.FAILED (not an officer) */
export async function assignOfficer(ctx: StaffCtx, id: string, officerId: string) {
  requirePermission(ctx.actor, 'nomination.assign');
  await ctx.db.transaction().execute(async (trx) => {
    await load(trx, id);
    const o = await trx
      .selectFrom('staff_users')
      .select(['id', 'role'])
      .where('id', '=', officerId)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!o || (o.role !== 'officer' && o.role !== 'supervisor'))
      throw validationFailed([fieldError('/officerId', 'NOT_AN_OFFICER', 'Assign an active officer or supervisor.')]);
    await trx
      .insertInto('nomination_assignments')
      .values({ nomination_id: id, officer_id: officerId, assigned_by: ctx.actor.id })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'nomination.assigned',
      entityType: 'nomination',
      entityId: id,
      requestId: ctx.requestId,
      after: { officerId },
    });
  });
}

/**
 * A step of the assessment by an assigned officer: start screening, start assessment, approve (the
 * second approval by another officer approves, checks the RU/BY suspension exemption with the policy
 * module and records the visa), or decline with reasons.
 * @throws AUTH.FORBIDDEN (not assigned), CASE.ILLEGAL_TRANSITION, CASE.VERSION_CONFLICT, NOMINATION.FOUR_EYES, NOMINATION.NOT_EXEMPT, VALIDATION.FAILED
 */
export async function actOnNomination(
  ctx: StaffCtx,
  id: string,
  input: { action: NominationAction; version: number; reasons?: string; validFrom?: string; validTo?: string },
) {
  requirePermission(ctx.actor, 'nomination.work');
  return ctx.db.transaction().execute(async (trx) => {
    const n = await load(trx, id);
    if (!(await isAssigned(trx, id, ctx.actor.id)))
      throw new AppError('AUTH.FORBIDDEN', 'Only officers assigned to this nomination act on it.');
    const claimed = await trx
      .updateTable('nominations')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: ctx.clock.now() }))
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('version')
      .executeTakeFirst();
    if (!claimed) throw new AppError('CASE.VERSION_CONFLICT', `The nomination is no longer at version ${input.version}; reload.`);
    const next = NEXT[n.status as NominationStatus][input.action];
    if (!next) throw new AppError('CASE.ILLEGAL_TRANSITION', `“${input.action}” is not allowed while the nomination is ${n.status}.`);
    const today = todayInPrague(ctx.clock.now());
    const set: Record<string, unknown> = { status: next };
    let visa = null;
    let receipt = null;
    if (input.action === 'decline') {
      if (!input.reasons?.trim()) throw validationFailed([fieldError('/reasons', 'REQUIRED', 'A decline states its reasons.')]);
      const dek = unwrapRecordKey(keyring(ctx), id, n.dek_wrapped, n.dek_master_id);
      Object.assign(set, { decline_reasons_ct: sealField(dek, id, 'decline_reasons', input.reasons), decided_on: today });
    }
    if (input.action === 'approve') {
      if (!n.first_approver) {
        set.first_approver = ctx.actor.id;
      } else {
        if (n.first_approver === ctx.actor.id)
          throw new AppError(NominationErrors.FOUR_EYES, 'Four eyes: the second approval must come from another officer.');
        // The programme is an exception to the RU/BY suspension; the policy module confirms it for this filing.
        const ev = evaluate({
          facts: {
            nationality: n.nationality,
            application_kind: n.visa_type === 'C' ? 'schengen_visa' : 'long_stay_visa',
            nominated_by_partner_ngo: true,
            also_other_citizenship: null,
          },
          dates: { filed_on: n.nominated_on },
          rules: ['suspension.ru_by'],
        });
        const outcome = ev.results[0]!.outcome;
        if (outcome === 'suspended')
          throw new AppError(
            NominationErrors.NOT_EXEMPT,
            'The policy in force on the nomination date does not exempt this application from the suspension.',
            { policy: ev.receipt },
          );
        receipt = ev.receipt;
        const errors = [
          ['/validFrom', input.validFrom],
          ['/validTo', input.validTo],
        ]
          .filter(([, d]) => !d || !isValidIsoDate(d))
          .map(([f]) => fieldError(f!, 'REQUIRED', 'A date YYYY-MM-DD.'));
        if (errors.length) throw validationFailed(errors);
        if (input.validTo! < input.validFrom!)
          throw validationFailed([fieldError('/validTo', 'BEFORE_START', 'Validity ends before it starts.')]);
        if (n.visa_type === 'D') {
          const max = valueOn(defaultBundle().parameters['long_stay_visa.max_validity_years'] as never, today) as { value: number };
          const limit = `${Number(input.validFrom!.slice(0, 4)) + max.value}${input.validFrom!.slice(4)}`;
          if (input.validTo! >= limit)
            throw validationFailed([
              fieldError('/validTo', 'EXCEEDS_MAXIMUM', `A long-stay visa is granted for at most ${max.value} year(s).`),
            ]);
        }
        visa = await recordNominationVisa(trx, {
          nominationId: id,
          visaCode: n.visa_type,
          validFrom: input.validFrom!,
          validTo: input.validTo!,
          issuedOn: today,
          actorId: ctx.actor.id,
          requestId: ctx.requestId,
        });
        Object.assign(set, { status: 'approved', second_approver: ctx.actor.id, decided_on: today });
      }
    }
    await trx.updateTable('nominations').set(set).where('id', '=', id).execute();
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: `nomination.${input.action}`,
      entityType: 'nomination',
      entityId: id,
      requestId: ctx.requestId,
      before: { status: n.status, version: n.version },
      after: { status: set.status, version: claimed.version, ...(receipt ? { policy: receipt } : {}) },
    });
    return {
      id,
      status: set.status as NominationStatus,
      version: claimed.version,
      visa: visa ? { visaNumber: visa.visa_number, visaCode: visa.visa_code, validFrom: visa.valid_from, validTo: visa.valid_to } : null,
    };
  });
}
