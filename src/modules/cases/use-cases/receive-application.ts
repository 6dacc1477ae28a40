/**
 * Intake at the counter: records the applicant and the checklist, decides admissibility by the
 * policy rules in force on the filing date, and either opens proceedings with their deadline or
 * returns the application with a letter listing exactly what was missing. One transaction.
 */
import type { StaffCtx } from '../../auth/index.ts';
import { AppError, fieldError, validationFailed, type FieldError } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { nextNumber, pad } from '../../../platform/numbering.ts';
import { isUniqueViolation } from '../../../platform/pg-errors.ts';
import { requirePermission, AuthErrors } from '../../auth/index.ts';
import { isValidIsoDate, todayInPrague } from '../../calendar/index.ts';
import { findOffice } from '../../offices/index.ts';
import { assessToleranceAdmissibility, defaultBundle, parameterReceipt, type ToleranceChecklist } from '../../policy/index.ts';
import { issueLetter } from '../../letters/use-cases/issue-letter.ts';
import { foldCase, type ActionPayload } from '../domain/case-model.ts';
import { projectionOf } from '../domain/projection.ts';
import { findActionByKey, findCase, insertAction, insertApplicant, insertCase, type ApplicantInput } from '../db/cases.queries.ts';
import { buildCaseView, type CaseView } from './case-view.ts';
import { letterBase } from './letter-input.ts';
import { CaseErrors } from '../cases.errors.ts';

export interface IntakeInput {
  receivedOn?: string;
  /** § 33(1)(a): departure prevented by an obstacle beyond the applicant's control. */
  ground: '33-1-a';
  applicant: ApplicantInput;
  checklist: ToleranceChecklist;
  idempotencyKey?: string | null;
}

function checkDates(input: IntakeInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const a = input.applicant;
  const receivedOn = input.receivedOn ?? today;
  for (const [path, v] of [
    ['/receivedOn', receivedOn],
    ['/applicant/dateOfBirth', a.dateOfBirth],
    ['/applicant/passportExpiresOn', a.passportExpiresOn],
  ] as const) {
    if (!isValidIsoDate(v)) errors.push(fieldError(path, 'INVALID_DATE', `${v} is not a calendar date (YYYY-MM-DD).`));
  }
  if (errors.length) return errors;
  if (receivedOn > today) errors.push(fieldError('/receivedOn', 'IN_FUTURE', 'An application cannot be received in the future.'));
  if (a.dateOfBirth >= receivedOn)
    errors.push(fieldError('/applicant/dateOfBirth', 'NOT_BEFORE_RECEIPT', 'The date of birth must precede the receipt.'));
  return errors;
}

/** @throws VALIDATION.FAILED (dates, region), AUTH.FORBIDDEN, POLICY.NO_RULE_IN_FORCE (no fee/deadline rule on the filing date) */
export async function receiveApplication(ctx: StaffCtx, input: IntakeInput): Promise<CaseView & { replayed: boolean }> {
  requirePermission(ctx.actor, 'case.intake');
  const officeId = ctx.actor.officeId!;
  const today = todayInPrague(ctx.clock.now());
  const errors = checkDates(input, today);
  const office = await findOffice(ctx.db, officeId);
  if (!office) throw new AppError(AuthErrors.FORBIDDEN, 'Your account has no office.');
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
  if (errors.length) throw validationFailed(errors);

  const receivedOn = input.receivedOn ?? today;
  const admissibility = assessToleranceAdmissibility(input.checklist, receivedOn);
  const intake: ActionPayload = {
    type: 'intake',
    receivedOn,
    admissible: admissibility.admissible,
    missing: admissibility.missing.map((m) => ({
      code: m.code,
      ...(m.field ? { field: m.field } : {}),
      ...(m.expected !== undefined ? { expected: m.expected, paid: m.paid } : {}),
    })),
    policy: parameterReceipt(defaultBundle(), { filed_on: receivedOn }, admissibility.parameters),
  };
  const projection = projectionOf(foldCase([intake]));
  const key = input.idempotencyKey ?? null;

  try {
    return await ctx.db.transaction().execute(async (trx) => {
      if (key) {
        const prior = await findActionByKey(trx, 'intake', key);
        if (prior) return { ...(await buildCaseView(trx, (await findCase(trx, prior.case_id))!, ctx.clock.now())), replayed: true };
      }
      const applicantId = await insertApplicant(trx, input.applicant);
      const year = receivedOn.slice(0, 4);
      const reference = `OAM-${pad(await nextNumber(trx, `case:${officeId}:${year}`))}/${officeId}-${year}`;
      const created = await insertCase(trx, {
        reference,
        officeId,
        applicantId,
        ground: input.ground,
        receivedOn,
        createdBy: ctx.actor.id,
        ...projection,
      });
      await insertAction(trx, {
        caseId: created.id,
        seq: 1,
        payload: intake,
        actorId: ctx.actor.id,
        effectiveOn: receivedOn,
        idempotencyKey: key,
      });
      if (!admissibility.admissible) {
        const base = await letterBase(trx, { reference, officeId, applicantId, receivedOn }, ctx.actor, today);
        await issueLetter(trx, {
          caseId: created.id,
          input: { ...base, kind: 'return', missingItems: admissibility.missing },
          actorId: ctx.actor.id,
          requestId: ctx.requestId,
        });
      }
      await writeAudit(trx, {
        actorId: ctx.actor.id,
        action: 'case.intake',
        entityType: 'case',
        entityId: created.id,
        requestId: ctx.requestId,
        after: {
          status: projection.status,
          version: 1,
          dueOn: projection.dueOn,
          admissible: admissibility.admissible,
          missing: intake.missing,
          policy: admissibility.parameters.map((p) => ({ id: p.id, from: p.from, to: p.to })),
        },
      });
      return { ...(await buildCaseView(trx, (await findCase(trx, created.id))!, ctx.clock.now())), replayed: false };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError(CaseErrors.DUPLICATE_ACTION, 'This intake was already recorded (same idempotency key).');
    throw e;
  }
}
