/**
 * Long-term residence for study for Belarusian holders of a Czech government, Ministry of Education
 * or EU scholarship. The policy module decides whether the route is open on the filing date; a
 * missing document makes the application inadmissible; an admissible one runs on the study deadline
 * (60 days, from the policy module). A grant records the permit in the register.
 *
 * No letters: the legal basis and wording of a study-permit decision are not in the facts file, and
 * a letter citing an unverified provision would be worse than none.
 */
import { fieldError } from '../../../platform/errors.ts';
import { defineCaseType, defineIntake } from '../engine/case-type.ts';
import {
  type ApplicantInput,
  createApplicant,
  missingDocuments,
  OFFICE_CASE_REFERENCE,
  receivingOffice,
  throwIfAny,
} from '../engine/office-intake.ts';
import { isValidIsoDate } from '../../calendar/index.ts';
import { policyNationality, requireRoute } from '../engine/policy-guards.ts';
import {
  discontinueAction,
  grantAction,
  interruptAction,
  LETTER_STEPS,
  letterDeliveryAction,
  letterPostedAction,
  refuseAction,
  resumeAction,
  withdrawAction,
} from '../engine/standard-actions.ts';
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
  statuses: ['inadmissible', 'under_assessment', 'interrupted', 'granted', 'refused', 'withdrawn', 'discontinued'],
  openStatuses: ['under_assessment', 'interrupted'],
  transitions: {
    inadmissible: { ...LETTER_STEPS },
    under_assessment: {
      interrupt: 'interrupted',
      grant: 'granted',
      refuse: 'refused',
      withdraw: 'withdrawn',
      discontinue: 'discontinued',
      ...LETTER_STEPS,
    },
    interrupted: { resume: 'under_assessment', withdraw: 'withdrawn', discontinue: 'discontinued', ...LETTER_STEPS },
    granted: { ...LETTER_STEPS },
    refused: { ...LETTER_STEPS },
    withdrawn: { ...LETTER_STEPS },
    discontinued: { ...LETTER_STEPS },
  },
  actions: {
    interrupt: interruptAction(NO_LETTER),
    resume: resumeAction(),
    grant: grantAction({ letter: NO_LETTER, warRelatedByDefault: () => false }),
    refuse: refuseAction(NO_LETTER),
    withdraw: withdrawAction(NO_LETTER),
    discontinue: discontinueAction(NO_LETTER),
    letter_posted: letterPostedAction(),
    letter_delivery: letterDeliveryAction(),
  },
  intake: defineIntake<StudyIntake>({
    action: 'intake',
    permission: 'case.intake',
    http: {
      path: '/cases/study',
      summary: 'Intake of an application for long-term residence for study (Belarusian scholarship holders)',
      body: S.StudyIntakeBody,
    },
    prepare: async ({ ctx, input, today }) => {
      const receivedOn = input.receivedOn ?? today;
      if (!isValidIsoDate(receivedOn) || receivedOn > today)
        throwIfAny([fieldError('/receivedOn', 'INVALID_DATE', 'A date YYYY-MM-DD, not in the future.')]);
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
