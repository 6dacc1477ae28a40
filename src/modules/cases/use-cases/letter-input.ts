/** Builds the letters module's input from a case, its applicant, office and the signing officer. */
import type { StaffActor } from '../../auth/index.ts';
import type { Db, Trx } from '../../../platform/db/db.ts';
import { findOffice } from '../../offices/index.ts';
import { TOLERANCE_LEGAL_BASIS } from '../../policy/index.ts';
import type { LetterInput } from '../../letters/render-entry.ts';
import { issueLetter } from '../../letters/use-cases/issue-letter.ts';
import { findApplicant } from '../db/cases.queries.ts';

const ROLE_CS: Record<StaffActor['role'], string> = {
  officer: 'referent/ka OAMP',
  supervisor: 'vedoucí oddělení OAMP',
  admin: 'správce',
  caseworker: 'pracovník/ce partnerské organizace',
};

export async function letterBase(
  db: Db | Trx,
  c: { reference: string; officeId: string; applicantId: string; receivedOn: string },
  actor: StaffActor,
  issuedOn: string,
): Promise<Omit<LetterInput, 'kind'>> {
  const [office, a] = await Promise.all([findOffice(db, c.officeId), findApplicant(db, c.applicantId)]);
  const officeName = office?.name ?? c.officeId;
  // "OAMP Praha – Chodov" → "Praha"
  const place = officeName.replace(/^OAMP\s+/, '').split(' – ')[0] ?? officeName;
  return {
    reference: c.reference,
    issuedOn,
    placeOfIssue: place,
    office: { name: officeName, address: office?.address ?? null },
    addressee: { fullName: `${a.surname} ${a.given_names}`, dateOfBirth: a.date_of_birth, nationality: a.nationality, address: a.address },
    officer: { displayName: actor.displayName, role: ROLE_CS[actor.role] },
    legalBasis: TOLERANCE_LEGAL_BASIS,
    receivedOn: c.receivedOn,
  };
}

/** Issues a letter of the case's proceedings, signed by the acting officer, dated `on`. */
export async function issueCaseLetter(
  trx: Trx,
  ctx: { actor: StaffActor; requestId: string | null },
  row: { id: string; reference: string; office_id: string; applicant_id: string; received_on: string; case_type?: string },
  on: string,
  fields: Pick<LetterInput, 'kind' | 'missingItems' | 'visa' | 'refusal' | 'discontinuation' | 'interruption'>,
) {
  // The letter templates are written for the tolerance visa; a study case has none yet.
  if (row.case_type && row.case_type !== 'tolerance_visa') return null;
  const base = await letterBase(
    trx,
    { reference: row.reference, officeId: row.office_id, applicantId: row.applicant_id, receivedOn: row.received_on },
    ctx.actor,
    on,
  );
  return issueLetter(trx, { caseId: row.id, input: { ...base, ...fields }, actorId: ctx.actor.id, requestId: ctx.requestId });
}
