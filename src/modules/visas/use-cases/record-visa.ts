/** Records a granted visa in the register, with its change event, inside the deciding command's transaction. */
import type { Trx } from '../../../platform/db/db.ts';
import { nextNumber, pad } from '../../../platform/numbering.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { appendChangeEvent } from '../../../platform/outbox.ts';
import type { NewCaseVisa } from '../../cases/index.ts';

/** What the case engine hands the register when a grant is decided (the engine's port type). */
export type NewVisa = NewCaseVisa;

/** Visa numbers run per office and year: VS-2024-PHA-ZUK-000001. */
export async function recordVisa(trx: Trx, v: NewVisa) {
  const year = v.issuedOn.slice(0, 4);
  const n = await nextNumber(trx, `visa:${v.officeId}:${year}`);
  const visaNumber = `VS-${year}-${v.officeId}-${pad(n)}`;
  const row = await trx
    .insertInto('visas')
    .values({
      visa_number: visaNumber,
      case_id: v.caseId,
      applicant_id: v.applicantId,
      person_id: v.personId,
      visa_code: v.visaCode,
      valid_from: v.validFrom,
      valid_to: v.validTo,
      issued_on: v.issuedOn,
      war_related: v.warRelated,
    })
    .returning(['id', 'visa_number', 'visa_code', 'valid_from', 'valid_to', 'issued_on', 'status'])
    .executeTakeFirstOrThrow();
  await writeAudit(trx, {
    actorId: v.actorId,
    action: 'visa.recorded',
    entityType: 'visa',
    entityId: row.id,
    requestId: v.requestId,
    after: { visaNumber, visaCode: v.visaCode, validFrom: v.validFrom, validTo: v.validTo, caseId: v.caseId },
  });
  await appendChangeEvent(trx, {
    kind: 'visa.granted',
    visaId: row.id,
    payload: { visaNumber, visaCode: v.visaCode, validFrom: v.validFrom, validTo: v.validTo, status: 'valid' },
  });
  return row;
}

/** A visa that comes from an approved Civil Society nomination (Schengen C or long-stay D), numbered CSP-<year>-000001. */
export async function recordNominationVisa(
  trx: Trx,
  v: {
    nominationId: string;
    /** The nominee (people module). */
    personId: string;
    visaCode: 'C' | 'D';
    validFrom: string;
    validTo: string;
    issuedOn: string;
    actorId: string;
    requestId: string | null;
  },
) {
  const year = v.issuedOn.slice(0, 4);
  const visaNumber = `CSP-${year}-${pad(await nextNumber(trx, `visa:csp:${year}`))}`;
  const row = await trx
    .insertInto('visas')
    .values({
      visa_number: visaNumber,
      nomination_id: v.nominationId,
      person_id: v.personId,
      case_id: null,
      applicant_id: null,
      visa_code: v.visaCode,
      valid_from: v.validFrom,
      valid_to: v.validTo,
      issued_on: v.issuedOn,
      war_related: false,
    })
    .returning(['id', 'visa_number', 'visa_code', 'valid_from', 'valid_to'])
    .executeTakeFirstOrThrow();
  await writeAudit(trx, {
    actorId: v.actorId,
    action: 'visa.recorded',
    entityType: 'visa',
    entityId: row.id,
    requestId: v.requestId,
    after: { visaNumber, visaCode: v.visaCode, nominationId: v.nominationId },
  });
  await appendChangeEvent(trx, {
    kind: 'visa.granted',
    visaId: row.id,
    payload: { visaNumber, visaCode: v.visaCode, validFrom: v.validFrom, validTo: v.validTo, status: 'valid' },
  });
  return row;
}
