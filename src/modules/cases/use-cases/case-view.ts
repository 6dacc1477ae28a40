/** The case as an officer sees it; assembled from the projection, the log, the visa and the letters. */
import type { Db, Trx } from '../../../platform/db/db.ts';
import { calendarDaysLeft, todayInPrague } from '../../calendar/index.ts';
import { visaRegister } from '../engine/visa-register.ts';
import { listLettersOfCase } from '../../letters/index.ts';
import type { CaseRow } from '../engine/case-type.ts';
import { allowedActions } from '../domain/fold.ts';
import { caseTypeOf } from '../engine/registry.ts';
import { findApplicant, listActions } from '../db/cases.queries.ts';
import { staffMembers } from '../../auth/index.ts';
import type { AnyCaseType } from '../engine/case-type.ts';

export type { CaseRow };

/** An OAMP case (a type of office scope: it has an applicant and an office). */
export async function buildCaseView(db: Db | Trx, row: CaseRow, now: Date) {
  if (!row.applicant_id || !row.office_id) throw new Error(`case ${row.id} is not an office case`);
  const [applicant, actions, visa, letters, holder] = await Promise.all([
    findApplicant(db, row.applicant_id),
    listActions(db, row.id),
    visaRegister().findVisaByCase(db, row.id),
    listLettersOfCase(db, row.id),
    row.assignee_id ? staffMembers(db, [row.assignee_id]).then((m) => m.get(row.assignee_id!)) : undefined,
  ]);
  const type = caseTypeOf(row.case_type);
  const actionsNow = allowedActions(type, row.status);
  const intake = actions[0]?.payload as { admissible: boolean; missing: { code: string; field?: string }[] } | undefined;
  const today = todayInPrague(now);
  const status = row.status;
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
    assignee: holder ? { id: holder.id, displayName: holder.displayName } : null,
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
    })),
  };
}

/** Claim, release, assign: actions that change who holds the case, not the proceedings. */
export function isAssignment(type: AnyCaseType, action: string): boolean {
  return type.actions[action]?.effect === 'assign';
}

export type CaseView = Awaited<ReturnType<typeof buildCaseView>>;
