/**
 * Pieces shared by the intake of every OAMP case type: the receiving office, the applicant's dates,
 * the applicant row, the reference (č. j. `OAM-000123/PHA-ZUK-2026`, per office and year) and the
 * documents checklist.
 */
import { AuthErrors } from '../../auth/index.ts';
import { AppError, fieldError, type FieldError, validationFailed } from '../../../platform/errors.ts';
import { isValidIsoDate } from '../../calendar/index.ts';
import { findOffice } from '../../offices/index.ts';
import { pad } from '../../../platform/numbering.ts';
import { recordPerson } from '../../people/index.ts';
import { type ApplicantInput, insertApplicant } from '../db/cases.queries.ts';
import type { DocumentDeclaration, IntakeDeclaration, IntakePrepared } from './case-type.ts';
import type { StaffCtx } from './staff-ctx.ts';

export type { ApplicantInput };

/** The office of the officer at the counter. @throws AUTH.FORBIDDEN for an account without one */
export async function receivingOffice(ctx: StaffCtx) {
  const office = ctx.actor.officeId ? await findOffice(ctx.db, ctx.actor.officeId) : undefined;
  if (!office) throw new AppError(AuthErrors.FORBIDDEN, 'Your account has no office.');
  return office;
}

/** The receipt date (default today, not in the future) and the applicant's dates. */
export function checkIntakeDates(receivedOn: string, applicant: ApplicantInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const [path, v] of [
    ['/receivedOn', receivedOn],
    ['/applicant/dateOfBirth', applicant.dateOfBirth],
    ['/applicant/passportExpiresOn', applicant.passportExpiresOn],
  ] as const) {
    if (!isValidIsoDate(v)) errors.push(fieldError(path, 'INVALID_DATE', `${v} is not a calendar date (YYYY-MM-DD).`));
  }
  if (errors.length) return errors;
  if (receivedOn > today) errors.push(fieldError('/receivedOn', 'IN_FUTURE', 'An application cannot be received in the future.'));
  if (applicant.dateOfBirth >= receivedOn)
    errors.push(fieldError('/applicant/dateOfBirth', 'NOT_BEFORE_RECEIPT', 'The date of birth must precede the receipt.'));
  return errors;
}

/** The receipt date of a request: given, or today; a calendar date, not in the future. */
export function receiptDate(given: string | undefined, today: string): string {
  const on = given ?? today;
  if (!isValidIsoDate(on) || on > today)
    throw validationFailed([fieldError('/receivedOn', 'INVALID_DATE', 'A date YYYY-MM-DD, not in the future.')]);
  return on;
}

export function throwIfAny(errors: FieldError[]): void {
  if (errors.length) throw validationFailed(errors);
}

/** The missing documents of a declared checklist, each with its code. */
export function missingDocuments(docs: readonly DocumentDeclaration[], brought: Record<string, boolean>): { code: string }[] {
  return docs.filter((d) => !brought[d.field]).map((d) => ({ code: d.missingCode }));
}

/** The reference and the applicant row of an OAMP case. */
export const OFFICE_CASE_REFERENCE: IntakeDeclaration<never>['reference'] = {
  scope: (p, year) => `case:${p.officeId}:${year}`,
  format: (n, p, year) => `OAM-${pad(n)}/${p.officeId}-${year}`,
};

/**
 * The applicant row and the person behind it (people module, in the same transaction); the answer
 * carries the person's id and the duplicate candidates the officer may see. `prepared.subject`, when
 * the intake completed the applicant (from the MRZ), is used instead of the body's.
 */
export function createApplicant<I extends { applicant: Partial<ApplicantInput> }>(): IntakeDeclaration<I>['createSubject'] {
  return async ({ trx, ctx, input, prepared }) => {
    const a = (prepared.subject as { applicant?: ApplicantInput } | undefined)?.applicant ?? (input.applicant as ApplicantInput);
    const person = await recordPerson(
      trx,
      ctx.actor,
      {
        surname: a.surname,
        givenNames: a.givenNames,
        nativeName: a.nativeName ?? null,
        dateOfBirth: a.dateOfBirth,
        nationality: a.nationality,
        passport: { number: a.passportNumber, nationality: a.nationality, expiresOn: a.passportExpiresOn, source: 'applicant' },
        linkTo: a.personId ?? null,
      },
      { requestId: ctx.requestId, fieldPrefix: '/applicant' },
    );
    const applicantId = await insertApplicant(trx, a, person.personId);
    return {
      applicantId,
      output: { person: { id: person.personId, linkedTo: person.linkedTo }, duplicateCandidates: person.duplicateCandidates },
    };
  };
}

export type { IntakePrepared };
