/**
 * Intake of an application for long-term residence for study by a Belarusian scholarship holder
 * (Czech government, Ministry of Education or EU scholarship). The policy module decides whether the
 * route is open on the filing date; a missing document makes the application inadmissible; an
 * admissible one runs on the study deadline (60 days, from the policy module).
 */
import type { StaffCtx } from '../../auth/index.ts';
import { AppError, fieldError, validationFailed } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { nextNumber, pad } from '../../../platform/numbering.ts';
import { requirePermission, AuthErrors } from '../../auth/index.ts';
import { isValidIsoDate, todayInPrague } from '../../calendar/index.ts';
import { findOffice } from '../../offices/index.ts';
import { evaluate } from '../../policy/index.ts';
import { foldCase, type ActionPayload } from '../domain/case-model.ts';
import { projectionOf } from '../domain/projection.ts';
import { findCase, insertAction, insertApplicant, insertCase, type ApplicantInput } from '../db/cases.queries.ts';
import { buildCaseView } from './case-view.ts';

export const STUDY_DOCUMENTS = ['passport', 'photo', 'scholarshipAward', 'admissionConfirmation', 'accommodation'] as const;
export type StudyDocument = (typeof STUDY_DOCUMENTS)[number];

export interface StudyIntake {
  receivedOn?: string;
  applicant: ApplicantInput;
  scholarship: 'cz_government' | 'msmt' | 'eu';
  documents: Record<StudyDocument, boolean>;
}

const MISSING_CODE: Record<StudyDocument, string> = {
  passport: 'PASSPORT_MISSING',
  photo: 'PHOTO_MISSING',
  scholarshipAward: 'SCHOLARSHIP_AWARD_MISSING',
  admissionConfirmation: 'ADMISSION_CONFIRMATION_MISSING',
  accommodation: 'ACCOMMODATION_MISSING',
};

/** @throws VALIDATION.FAILED (dates; the route is not open for this person on that date, with the policy's reasons) */
export async function receiveStudyApplication(ctx: StaffCtx, input: StudyIntake) {
  requirePermission(ctx.actor, 'case.intake');
  const today = todayInPrague(ctx.clock.now());
  const receivedOn = input.receivedOn ?? today;
  if (!isValidIsoDate(receivedOn) || receivedOn > today)
    throw validationFailed([fieldError('/receivedOn', 'INVALID_DATE', 'A date YYYY-MM-DD, not in the future.')]);
  const office = await findOffice(ctx.db, ctx.actor.officeId!);
  if (!office) throw new AppError(AuthErrors.FORBIDDEN, 'Your account has no office.');
  const ev = evaluate({
    facts: {
      nationality:
        input.applicant.nationality === 'BLR'
          ? 'BLR'
          : input.applicant.nationality === 'RUS'
            ? 'RUS'
            : input.applicant.nationality === 'UKR'
              ? 'UKR'
              : 'OTHER',
      scholarship: input.scholarship,
    },
    dates: { as_of: receivedOn },
    rules: ['route.study_residence_by'],
  });
  const route = ev.results[0]!;
  if (route.outcome !== 'eligible') {
    throw validationFailed(
      route.whatWouldChange.failing
        .map((f) => fieldError('/applicant', f.code, f.text))
        .concat(route.outcome === 'no_rule_in_force' ? [fieldError('/receivedOn', 'NO_RULE_IN_FORCE', route.outcomeText)] : []),
      'This route is not open to the applicant on that date.',
    );
  }
  const missing = STUDY_DOCUMENTS.filter((d) => !input.documents[d]).map((d) => ({ code: MISSING_CODE[d] }));
  const intake: ActionPayload = { type: 'intake', receivedOn, admissible: missing.length === 0, missing };
  const projection = projectionOf(foldCase([intake]), 'study_residence');
  return ctx.db.transaction().execute(async (trx) => {
    const applicantId = await insertApplicant(trx, input.applicant);
    const year = receivedOn.slice(0, 4);
    const reference = `OAM-${pad(await nextNumber(trx, `case:${office.id}:${year}`))}/${office.id}-${year}`;
    const created = await insertCase(trx, {
      reference,
      officeId: office.id,
      applicantId,
      ground: `study:${input.scholarship}`,
      receivedOn,
      createdBy: ctx.actor.id,
      ...projection,
      caseType: 'study_residence',
    });
    await insertAction(trx, {
      caseId: created.id,
      seq: 1,
      payload: intake,
      actorId: ctx.actor.id,
      effectiveOn: receivedOn,
      idempotencyKey: null,
    });
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'case.intake',
      entityType: 'case',
      entityId: created.id,
      requestId: ctx.requestId,
      after: { caseType: 'study_residence', status: projection.status, dueOn: projection.dueOn, policy: ev.receipt },
    });
    return buildCaseView(trx, (await findCase(trx, created.id))!, ctx.clock.now());
  });
}
