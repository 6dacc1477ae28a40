/** The case as an officer sees it; assembled from the projection, the log, the visa and the letters. */
import type { Db, Trx } from '../../../platform/db/db.ts';
import { calendarDaysLeft, lastDayOfYears, todayInPrague } from '../../calendar/index.ts';
import { visaRegister } from '../engine/visa-register.ts';
import { listLettersOfCase } from '../../letters/index.ts';
import type { CaseRow } from '../engine/case-type.ts';
import { allowedActions } from '../domain/fold.ts';
import { caseTypeOf } from '../engine/registry.ts';
import { findApplicant, listActions, toLogEntries } from '../db/cases.queries.ts';
import { staffNames } from '../../auth/index.ts';
import { defaultBundle, type Parameter, valueOn } from '../../policy/index.ts';
import type { AnyCaseType, CaseState } from '../engine/case-type.ts';
import { foldLog } from '../domain/fold.ts';
import { type ClockExplanation, explainClock } from '../domain/clock-explanation.ts';

export type { CaseRow };

/** An OAMP case (a type of office scope: it has an applicant and an office). */
export async function buildCaseView(db: Db | Trx, row: CaseRow, now: Date) {
  if (!row.applicant_id || !row.office_id) throw new Error(`case ${row.id} is not an office case`);
  const [applicant, actions, visa, letters] = await Promise.all([
    findApplicant(db, row.applicant_id),
    listActions(db, row.id),
    visaRegister().findVisaByCase(db, row.id),
    listLettersOfCase(db, row.id),
  ]);
  const intake = actions[0]?.payload as { admissible: boolean; missing: { code: string; field?: string }[] } | undefined;
  const today = todayInPrague(now);
  const status = row.status;
  const type = caseTypeOf(row.case_type);
  const state = foldLog(type, toLogEntries(actions));
  const assigned = actions.map((a) => (a.payload as { assigneeId?: unknown }).assigneeId).filter((x): x is string => typeof x === 'string');
  const names = await staffNames(db, [...actions.map((a) => a.actor_id), ...assigned, ...(row.assignee_id ? [row.assignee_id] : [])]);
  const actionsNow = allowedActions(type, status);
  return {
    id: row.id,
    reference: row.reference,
    caseType: row.case_type,
    officeId: row.office_id,
    status,
    version: row.version,
    ground: row.ground,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    clockRunning: row.clock_running,
    daysLeft: row.due_on && row.clock_running ? calendarDaysLeft(row.due_on, today) : null,
    overdue: Boolean(row.due_on && row.clock_running && row.due_on < today),
    decidedOn: row.decided_on,
    assignee: row.assignee_id ? { id: row.assignee_id, displayName: names.get(row.assignee_id) ?? row.assignee_id } : null,
    /** The proceedings' actions; who holds the case is changed by `assignmentActions`. */
    allowedActions: actionsNow.filter((a) => !isAssignment(type, a)),
    assignmentActions: actionsNow.filter((a) => isAssignment(type, a)),
    admissibility: intake ? { admissible: intake.admissible, missing: intake.missing } : null,
    applicant: {
      surname: applicant.surname,
      givenNames: applicant.given_names,
      nativeName: applicant.native_name,
      dateOfBirth: applicant.date_of_birth,
      nationality: applicant.nationality,
      passportNumber: applicant.passport_number,
      passportExpiresOn: applicant.passport_expires_on,
      address: applicant.address,
      regionCode: applicant.region_code,
      personId: applicant.person_id,
    },
    visa: visa
      ? {
          visaNumber: visa.visa_number,
          visaCode: visa.visa_code,
          validFrom: visa.valid_from,
          validTo: visa.valid_to,
          issuedOn: visa.issued_on,
          status: visa.status,
        }
      : null,
    letters: letters.map((l) => ({
      id: l.id,
      kind: l.kind,
      issuedOn: l.issued_on,
      sha256: l.sha256,
      templateVersion: l.template_version,
      postedOn: l.posted_on,
      readyForCollectionOn: l.ready_for_collection_on,
      deliveredOn: l.delivered_on,
      deliveryHow: l.delivery_how,
    })),
    history: actions.map((a) => ({
      seq: a.seq,
      type: a.action_type,
      effectiveOn: a.effective_on,
      at: new Date(a.occurred_at).toISOString(),
      actorId: a.actor_id,
      // For the pages (the API's response schema lists only the fields above): who by name, and what
      // the action recorded (reasons, requested documents, validity…) without its policy receipt.
      actorName: names.get(a.actor_id) ?? null,
      details: detailsOf(a.payload as Record<string, unknown>, names),
    })),
    /** The statutory clock step by step (pages); null for a type without one or a case no longer open. */
    clock: clockOf(type, state, row.status),
    interruptions: state.interruptions,
    /** Today in Prague, and the latest end of a visa granted from today (the grant form's defaults and hint). */
    today,
    visaMaxValidTo: maxValidTo(type, today),
  };
}

/** Claim, release, assign: actions that change who holds the case, not the proceedings. */
export function isAssignment(type: AnyCaseType, action: string): boolean {
  return type.actions[action]?.effect === 'assign';
}

function maxValidTo(type: AnyCaseType, from: string): string | null {
  const id = type.visa?.maxValidityYearsParameter;
  if (!id) return null;
  return lastDayOfYears(from, valueOn(defaultBundle().parameters[id] as Parameter<number>, from).value);
}

function detailsOf(payload: Record<string, unknown>, names: Map<string, string>): Record<string, unknown> {
  const { type: _t, policy: _p, ...rest } = payload;
  const who = typeof rest.assigneeId === 'string' ? names.get(rest.assigneeId) : undefined;
  return who ? { ...rest, assigneeName: who } : rest;
}

/** The clock of an open case, explained (the period read on the receipt date, the floor on the last resumption). */
export function clockOf(type: AnyCaseType, state: CaseState, status: string): ClockExplanation | null {
  if (!('parameter' in type.deadline) || !type.openStatuses.includes(status)) return null;
  const params = defaultBundle().parameters;
  const period = valueOn(params[type.deadline.parameter] as Parameter<number>, state.receivedOn);
  const lastResume = [...state.interruptions].reverse().find((i) => i.to !== null)?.to ?? state.receivedOn;
  const floor = valueOn(params['proceedings.min_days_after_interruption'] as Parameter<number>, lastResume);
  return explainClock({
    receivedOn: state.receivedOn,
    periodDays: period.value,
    minDaysAfterResume: floor.value,
    interruptions: state.interruptions,
  });
}

export type CaseView = Awaited<ReturnType<typeof buildCaseView>>;
