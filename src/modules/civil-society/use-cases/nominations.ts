/**
 * Nominations by partner NGOs and their individual assessment, run by the case engine (the type is
 * declared in `case-type/nomination.ts`). The narrative, contacts and decline reasons are sealed with
 * the record's own data key before they reach the database; only officers assigned to the
 * nomination open them, and every such read is audited.
 */
import { can, requirePermission, type StaffCtx } from '../../auth/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { NominationErrors } from '../civil-society.errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { openField, unwrapRecordKey } from '../../../platform/crypto.ts';
import { openCase, runCaseAction } from '../../cases/index.ts';
import type { DuplicateCandidate } from '../../people/index.ts';
import { statusForNgo, type NominationAction, type NominationStatus } from '../domain/nomination-model.ts';
import { civilSocietyNomination, keyringOf, NOMINATION_NOT_FOUND, type NewNomination } from '../case-type/nomination.ts';
import { findNomination, isAssigned, listAssignedOfficers, listEvidenceNames, listOrgNominations } from '../db/nomination-cases.queries.ts';

export type { NewNomination };

/** @throws AUTH.FORBIDDEN, VALIDATION.FAILED */
export async function nominate(ctx: StaffCtx, n: NewNomination) {
  const r = await openCase(ctx, civilSocietyNomination.id, n, null);
  return {
    id: r.row.id,
    reference: r.row.reference,
    status: statusForNgo('nominated'),
    duplicateCandidates: (r.output.duplicateCandidates ?? []) as DuplicateCandidate[],
  };
}

/** The NGO's own nominations, with the coarse status only. */
export async function listOwnNominations(ctx: StaffCtx) {
  requirePermission(ctx.actor, 'nomination.own');
  const rows = await listOrgNominations(ctx.db, ctx.actor.orgId!);
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    status: statusForNgo(r.status),
    nominatedOn: r.nominated_on,
    visaType: r.visa_type,
  }));
}

/**
 * One nomination. An NGO caseworker of the same organisation sees its status; an officer assigned to it
 * sees everything, decrypted; a supervisor sees the metadata (to assign it); every staff read is audited;
 * anyone else — an unassigned officer of any office, another organisation — gets 404 (not 403: nothing to infer).
 */
export async function getNomination(ctx: StaffCtx, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const n = await findNomination(trx, id);
    if (ctx.actor.role === 'caseworker') {
      if (!n || n.org_id !== ctx.actor.orgId) throw new AppError(NominationErrors.NOT_FOUND, 'No such nomination.');
      return { id: n.id, reference: n.reference, status: statusForNgo(n.status), nominatedOn: n.nominated_on, visaType: n.visa_type };
    }
    requirePermission(ctx.actor, 'nomination.work');
    if (!n) throw new AppError(NominationErrors.NOT_FOUND, 'No such nomination.');
    const assigned = await isAssigned(trx, id, ctx.actor.id);
    // An officer sees only the nominations assigned to them; any other answers as an unknown id. A
    // supervisor (who assigns them) sees the metadata of every one, the sealed part only when assigned.
    if (!assigned && !can(ctx.actor, 'nomination.assign')) throw new AppError(NominationErrors.NOT_FOUND, 'No such nomination.');
    const officers = await listAssignedOfficers(trx, id);
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
    if (!assigned) {
      await writeAudit(trx, {
        actorId: ctx.actor.id,
        action: 'nomination.read',
        entityType: 'nomination',
        entityId: id,
        requestId: ctx.requestId,
      });
      return { ...base, sensitive: null };
    }
    const dek = unwrapRecordKey(keyringOf(ctx.config), id, n.dek_wrapped, n.dek_master_id);
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'nomination.sensitive_read',
      entityType: 'nomination',
      entityId: id,
      requestId: ctx.requestId,
    });
    const evidence = await listEvidenceNames(trx, id);
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

/** A supervisor assigns an officer (logged as an action of the case). @throws AUTH.FORBIDDEN, NOT_FOUND, VALIDATION.FAILED (not an officer) */
export async function assignOfficer(ctx: StaffCtx, id: string, officerId: string) {
  requirePermission(ctx.actor, 'nomination.assign');
  await runCaseAction(ctx, {
    caseId: id,
    action: 'assign',
    version: null,
    input: { officerId },
    idempotencyKey: null,
    scope: 'programme',
    notFound: NOMINATION_NOT_FOUND,
  });
}

/**
 * A step of the assessment by an assigned officer: start screening, start assessment, approve (the
 * second approval by another officer approves, checks the RU/BY suspension exemption with the policy
 * module and records the visa), or decline with reasons.
 * @throws AUTH.FORBIDDEN (not assigned), CASE.ILLEGAL_TRANSITION, CASE.VERSION_CONFLICT, four eyes, VALIDATION.FAILED
 */
export async function actOnNomination(
  ctx: StaffCtx,
  id: string,
  input: { action: NominationAction; version: number; reasons?: string; validFrom?: string; validTo?: string },
) {
  requirePermission(ctx.actor, 'nomination.work');
  const { action, version, ...rest } = input;
  const r = await runCaseAction(ctx, {
    caseId: id,
    action,
    version,
    input: rest,
    idempotencyKey: null,
    scope: 'programme',
    notFound: NOMINATION_NOT_FOUND,
  });
  const visa = r.output.visa as { visa_number: string; visa_code: string; valid_from: string; valid_to: string } | undefined;
  return {
    id,
    status: r.row.status as NominationStatus,
    version: r.row.version,
    visa: visa ? { visaNumber: visa.visa_number, visaCode: visa.visa_code, validFrom: visa.valid_from, validTo: visa.valid_to } : null,
  };
}
