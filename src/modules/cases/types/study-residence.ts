import { defineCaseType, defineIntake } from '../engine/case-type.ts';
import {
  type ApplicantInput,
  createApplicant,
  missingDocuments,
  OFFICE_CASE_REFERENCE,
  receiptDate,
  receivingOffice,
} from '../engine/office-intake.ts';
import { policyNationality, requireRoute } from '../engine/policy-guards.ts';
import { administrativeProceedings } from '../engine/proceedings.ts';
import * as S from '../http/cases.schema.ts';

const NO_LETTER = { none: 'The wording and legal basis of study-permit decisions are not verified (facts file); no letter is issued yet.' };

const DOCUMENTS = [
  { field: 'passport', missingCode: 'PASSPORT_MISSING' },
  { field: 'photo', missingCode: 'PHOTO_MISSING' },
  { field: 'scholarshipAward', missingCode: 'SCHOLARSHIP_AWARD_MISSING' },
  { field: 'admissionConfirmation', missingCode: 'ADMISSION_CONFIRMATION_MISSING' },
  { field: 'accommodation', missingCode: 'ACCOMMODATION_MISSING' },
] as const;

export interface StudyIntake {
  receivedOn?: string;
  applicant: ApplicantInput;
  scholarship: 'cz_government' | 'msmt' | 'eu';
  documents: Record<(typeof DOCUMENTS)[number]['field'], boolean>;
}

export const studyResidence = defineCaseType({
  id: 'study_residence',
  title: 'long-term residence permit for study',
  audit: { entityType: 'case', prefix: 'case' },
  scope: { kind: 'office' },
  ...administrativeProceedings({ letters: NO_LETTER, warRelatedByDefault: () => false }),
  intake: defineIntake<StudyIntake>({
    action: 'intake',
    permission: 'case.intake',
    http: {
      path: '/cases/study',
      summary: 'Intake of an application for long-term residence for study (Belarusian scholarship holders)',
      body: S.StudyIntakeBody,
    },
    prepare: async ({ ctx, input, today }) => {
      const receivedOn = receiptDate(input.receivedOn, today);
      const office = await receivingOffice(ctx);
      const route = requireRoute({
        rule: 'route.study_residence_by',
        facts: { nationality: policyNationality(input.applicant.nationality), scholarship: input.scholarship },
        dates: { as_of: receivedOn },
        accept: ['eligible'],
        field: '/applicant',
        dateField: '/receivedOn',
      });
      const missing = missingDocuments(DOCUMENTS, input.documents);
      return {
        receivedOn,
        officeId: office.id,
        ground: `study:${input.scholarship}`,
        admissible: missing.length === 0,
        missing,
        audit: { policy: route.receipt },
      };
    },
    createSubject: createApplicant<StudyIntake>(),
    reference: OFFICE_CASE_REFERENCE,
    initial: { admissible: 'under_assessment', inadmissible: 'inadmissible' },
    inadmissibleLetter: NO_LETTER,
  }),
  deadline: { parameter: 'study_residence.decision_period_days' },
  documents: DOCUMENTS,
  visa: {
    codeParameter: 'study_residence.permit_code',
    maxValidityYearsParameter: null,
    note: 'No validity cap for a study permit is encoded: the maximum is not in the facts file (unverified).',
  },
});
