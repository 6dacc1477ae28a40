/**
 * The letters of a case: the letters module's input built from the case, its applicant, its office,
 * the signing officer and the type's Czech wording, issued in the command's transaction.
 */
import type { Trx } from '../../../platform/db/db.ts';
import { findOffice } from '../../offices/index.ts';
import type { LetterInput } from '../../letters/index.ts';
import { issueLetter } from '../../letters/index.ts';
import { findApplicant } from '../db/cases.queries.ts';
import type { AnyCaseType } from './case-type.ts';
import type { StaffCtx } from './staff-ctx.ts';

const ROLE_CS: Record<StaffCtx['actor']['role'], string> = {
  officer: 'referent/ka OAMP',
  supervisor: 'vedoucí oddělení OAMP',
  admin: 'správce',
  caseworker: 'pracovník/ce partnerské organizace',
};

export interface LetterSubject {
  id: string;
  reference: string;
  officeId: string | null;
  applicantId: string | null;
  receivedOn: string;
}

/** Issues a letter of the case's proceedings, signed by the acting officer, dated `on`. */
export async function issueCaseLetter(
  trx: Trx,
  ctx: StaffCtx,
  type: AnyCaseType,
  c: LetterSubject,
  on: string,
  kind: LetterInput['kind'],
  fields: Record<string, unknown>,
) {
  if (!type.letters || !c.officeId || !c.applicantId)
    throw new Error(`case type ${type.id} declares a letter but no wording, office or applicant`);
  const { legalBasis, ...wording } = type.letters;
  const [office, a] = await Promise.all([findOffice(trx, c.officeId), findApplicant(trx, c.applicantId)]);
  const officeName = office?.name ?? c.officeId;
  // "OAMP Praha – Chodov" → "Praha"
  const place = officeName.replace(/^OAMP\s+/, '').split(' – ')[0] ?? officeName;
  const input: LetterInput = {
    kind,
    reference: c.reference,
    issuedOn: on,
    placeOfIssue: place,
    office: { name: officeName, address: office?.address ?? null },
    addressee: { fullName: `${a.surname} ${a.given_names}`, dateOfBirth: a.date_of_birth, nationality: a.nationality, address: a.address },
    officer: { displayName: ctx.actor.displayName, role: ROLE_CS[ctx.actor.role] },
    legalBasis,
    receivedOn: c.receivedOn,
    wording,
    ...fields,
  };
  return issueLetter(trx, { caseId: c.id, input, actorId: ctx.actor.id, requestId: ctx.requestId });
}
