/** All SQL of the cases module: applicants, the case projection and its action log. */
import { sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db/db.ts';
import type { ActionPayload, CaseStatus, CaseActionType } from '../domain/case-model.ts';

export interface ApplicantInput {
  surname: string;
  givenNames: string;
  nativeName?: string | null;
  dateOfBirth: string;
  nationality: string;
  passportNumber: string;
  passportExpiresOn: string;
  address: string;
  regionCode: string;
}

export async function insertApplicant(trx: Trx, a: ApplicantInput): Promise<string> {
  const r = await trx
    .insertInto('applicants')
    .values({
      surname: a.surname,
      given_names: a.givenNames,
      native_name: a.nativeName ?? null,
      date_of_birth: a.dateOfBirth,
      nationality: a.nationality,
      passport_number: a.passportNumber,
      passport_expires_on: a.passportExpiresOn,
      address: a.address,
      region_code: a.regionCode,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export function findApplicant(db: Db | Trx, id: string) {
  return db.selectFrom('applicants').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export interface Projection {
  status: CaseStatus;
  dueOn: string | null;
  clockRunning: boolean;
  decidedOn: string | null;
}

export async function insertCase(
  trx: Trx,
  c: {
    reference: string;
    officeId: string;
    applicantId: string;
    ground: string;
    receivedOn: string;
    createdBy: string;
    caseType?: 'tolerance_visa' | 'study_residence';
  } & Projection,
) {
  const r = await trx
    .insertInto('cases')
    .values({
      reference: c.reference,
      case_type: c.caseType ?? 'tolerance_visa',
      office_id: c.officeId,
      applicant_id: c.applicantId,
      status: c.status,
      ground: c.ground,
      received_on: c.receivedOn,
      due_on: c.dueOn,
      clock_running: c.clockRunning,
      decided_on: c.decidedOn,
      created_by: c.createdBy,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  return r;
}

export function findCase(db: Db | Trx, id: string) {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Claims the case for one command: bumps the version only if it is still the one the caller saw.
 * Under concurrency the second claimant waits on the row lock, then matches no row — one winner.
 */
export async function claimCase(trx: Trx, id: string, expectedVersion: number) {
  return trx
    .updateTable('cases')
    .set({ version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export async function updateProjection(trx: Trx, id: string, p: Projection) {
  await trx
    .updateTable('cases')
    .set({ status: p.status, due_on: p.dueOn, clock_running: p.clockRunning, decided_on: p.decidedOn })
    .where('id', '=', id)
    .execute();
}

export async function listActions(db: Db | Trx, caseId: string) {
  return db
    .selectFrom('case_actions')
    .select(['seq', 'action_type', 'payload', 'actor_id', 'occurred_at', 'effective_on'])
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
}

export async function insertAction(
  trx: Trx,
  a: { caseId: string; seq: number; payload: ActionPayload; actorId: string; effectiveOn: string; idempotencyKey: string | null },
) {
  await trx
    .insertInto('case_actions')
    .values({
      case_id: a.caseId,
      seq: a.seq,
      action_type: a.payload.type,
      payload: JSON.stringify(a.payload),
      actor_id: a.actorId,
      effective_on: a.effectiveOn,
      idempotency_key: a.idempotencyKey,
    })
    .execute();
}

export function findActionByKey(db: Db | Trx, type: CaseActionType, key: string) {
  return db
    .selectFrom('case_actions')
    .select(['case_id', 'seq'])
    .where('action_type', '=', type)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export function listOpenCases(db: Db, officeId: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'reference', 'status', 'version', 'received_on', 'due_on', 'clock_running'])
    .where('office_id', '=', officeId)
    .where('status', 'in', ['under_assessment', 'interrupted'])
    .orderBy(sql`due_on asc nulls last`)
    .orderBy('received_on')
    .orderBy('reference')
    .execute();
}
