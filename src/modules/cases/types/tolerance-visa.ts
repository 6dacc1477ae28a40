/**
 * The tolerance visa (vízum za účelem strpění pobytu, § 33(1)(a) Act 326/1999 Coll.): filed in
 * person at the OAMP office of the applicant's region; admissible only with the form in capital
 * Latin letters in Czech, passport, photo, the fee in duty stamps and a notarised affidavit (the
 * policy module decides, on the filing date); otherwise returned with a letter. 30 days to decide,
 * stopped while interrupted; a grant is at most one year and is recorded in the register.
 */
import { fieldError, validationFailed } from '../../../platform/errors.ts';
import { isValidIsoDate } from '../../calendar/index.ts';
import { readMrzAtIntake } from '../../people/index.ts';
import {
  assessToleranceAdmissibility,
  defaultBundle,
  parameterReceipt,
  TOLERANCE_LEGAL_BASIS,
  type ToleranceChecklist,
} from '../../policy/index.ts';
import { TOLERANCE_WORDING } from '../../letters/index.ts';
import { defineCaseType, defineIntake } from '../engine/case-type.ts';
import {
  type ApplicantInput,
  checkIntakeDates,
  createApplicant,
  OFFICE_CASE_REFERENCE,
  receivingOffice,
  throwIfAny,
} from '../engine/office-intake.ts';
import { administrativeProceedings } from '../engine/proceedings.ts';
import * as S from '../http/cases.schema.ts';

type IdentityField = 'surname' | 'givenNames' | 'dateOfBirth' | 'nationality' | 'passportNumber' | 'passportExpiresOn';
const IDENTITY: readonly IdentityField[] = ['surname', 'givenNames', 'dateOfBirth', 'nationality', 'passportNumber', 'passportExpiresOn'];

export interface ToleranceIntake {
  receivedOn?: string;
  /** § 33(1)(a): departure prevented by an obstacle beyond the applicant's control. */
  ground: '33-1-a';
  /** The identity fields may be left out when the MRZ is given: it fills them. */
  applicant: Omit<ApplicantInput, IdentityField> & Partial<Pick<ApplicantInput, IdentityField>>;
  /** The passport's (TD3) or identity card's (TD1) machine-readable zone. */
  mrz?: string | string[];
  checklist: ToleranceChecklist;
}

/** The applicant completed from the MRZ (every check digit checked first), and what was typed otherwise. @throws PEOPLE.MRZ_INVALID, VALIDATION.FAILED */
function completeApplicant(input: ToleranceIntake, asOf: string) {
  const typed = Object.fromEntries(IDENTITY.map((f) => [f, input.applicant[f]]));
  const read = input.mrz ? readMrzAtIntake(input.mrz, typed, asOf) : null;
  const applicant = { ...input.applicant, ...(read?.filled ?? {}) } as ApplicantInput;
  const missing = IDENTITY.filter((f) => !applicant[f]);
  if (missing.length)
    throw validationFailed(
      missing.map((f) =>
        fieldError(`/applicant/${f}`, 'REQUIRED', 'Type it, or give the MRZ of the passport (it fills the identity fields).'),
      ),
    );
  return { applicant, mismatches: read?.mismatches ?? null };
}

export const toleranceVisa = defineCaseType({
  id: 'tolerance_visa',
  title: 'tolerance visa',
  audit: { entityType: 'case', prefix: 'case' },
  scope: { kind: 'office' },
  // § 33(1)(a) for a Ukrainian citizen is the war-related case unless the officer says otherwise.
  ...administrativeProceedings({ letters: 'letter', warRelatedByDefault: (nationality) => nationality === 'UKR' }),
  intake: defineIntake<ToleranceIntake>({
    action: 'intake',
    permission: 'case.intake',
    http: {
      path: '/cases/tolerance',
      summary: 'Intake of a tolerance-visa application at the counter; decides admissibility',
      body: S.IntakeBody,
    },
    prepare: async ({ ctx, input, today }) => {
      const receivedOn = input.receivedOn ?? today;
      const { applicant, mismatches } = completeApplicant(input, isValidIsoDate(receivedOn) ? receivedOn : today);
      const errors = checkIntakeDates(receivedOn, applicant, today);
      const office = await receivingOffice(ctx);
      // Applicants file at the OAMP office of their region (facts §2.1); Prague offices serve all of Prague.
      if (input.applicant.regionCode !== office.region_code) {
        errors.push(
          fieldError(
            '/applicant/regionCode',
            'OTHER_REGION',
            `This office serves region ${office.region_code}; the applicant files at an office of region ${input.applicant.regionCode}.`,
          ),
        );
      }
      throwIfAny(errors);
      const a = assessToleranceAdmissibility(input.checklist, receivedOn);
      const missing = a.missing.map((m) => ({
        code: m.code,
        ...(m.field ? { field: m.field } : {}),
        ...(m.expected !== undefined ? { expected: m.expected, paid: m.paid } : {}),
      }));
      return {
        receivedOn,
        officeId: office.id,
        ground: input.ground,
        admissible: a.admissible,
        missing,
        payload: { policy: parameterReceipt(defaultBundle(), { filed_on: receivedOn }, a.parameters) },
        audit: { policy: a.parameters.map((p) => ({ id: p.id, from: p.from, to: p.to })), mrz: Boolean(input.mrz) },
        subject: { applicant },
        ...(mismatches ? { output: { mrzMismatches: mismatches } } : {}),
      };
    },
    createSubject: createApplicant<ToleranceIntake>(),
    reference: OFFICE_CASE_REFERENCE,
    initial: { admissible: 'under_assessment', inadmissible: 'inadmissible' },
    inadmissibleLetter: { kind: 'return', fields: (p) => ({ missingItems: p.missing }) },
  }),
  deadline: { parameter: 'tolerance_visa.decision_period_days' },
  visa: { codeParameter: 'tolerance_visa.sticker_code', maxValidityYearsParameter: 'tolerance_visa.max_validity_years' },
  letters: { legalBasis: TOLERANCE_LEGAL_BASIS, ...TOLERANCE_WORDING },
});
