/** All SQL of the cases module: applicants, the case projection and its action log — for every case type. */
import { sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db/db.ts';
import type { CaseRow, LogEntry } from '../engine/case-type.ts';
import type { Projection } from '../domain/projection.ts';
import type { PersonScopeProvider } from '../../people/index.ts';

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
  /** An existing person (people module) the officer identified the applicant as. */
  personId?: string | null;
}

export async function insertApplicant(trx: Trx, a: ApplicantInput, personId: string): Promise<string> {
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
      person_id: personId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The people module's scope port: officers and supervisors see the persons behind their office's cases. */
export const officePersons: PersonScopeProvider = (actor) =>
  (actor.role === 'officer' || actor.role === 'supervisor') && actor.officeId
    ? sql`select a.person_id from applicants a join cases c on c.applicant_id = a.id where c.office_id = ${actor.officeId}`
    : null;

export function findApplicant(db: Db | Trx, id: string) {
  return db.selectFrom('applicants').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function insertCase(
  trx: Trx,
  c: {
    id: string;
    caseType: string;
    reference: string;
    officeId: string | null;
    applicantId: string | null;
    ground: string;
    receivedOn: string;
    createdBy: string;
  } & Projection,
) {
  await trx
    .insertInto('cases')
    .values({
      id: c.id,
      reference: c.reference,
      case_type: c.caseType,
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
    .execute();
}

export function findCase(db: Db | Trx, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Claims the case for one command: bumps the version only if it is still the one the caller saw
 * (`expectedVersion` null: whatever it is). Under concurrency the second claimant waits on the row
 * lock, then matches no row — one winner.
 */
export async function claimCase(trx: Trx, id: string, expectedVersion: number | null): Promise<CaseRow | undefined> {
  let q = trx.updateTable('cases').set({ version: sql`version + 1`, updated_at: sql`now()` }).where('id', '=', id);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

export async function updateProjection(trx: Trx, id: string, p: Projection & { assigneeId: string | null }) {
  await trx
    .updateTable('cases')
    .set({ status: p.status, due_on: p.dueOn, clock_running: p.clockRunning, decided_on: p.decidedOn, assignee_id: p.assigneeId })
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

export function toLogEntries(rows: Awaited<ReturnType<typeof listActions>>): LogEntry[] {
  return rows.map((r) => ({
    type: r.action_type,
    payload: r.payload as Record<string, unknown>,
    actorId: r.actor_id,
    effectiveOn: r.effective_on,
  }));
}

export async function insertAction(
  trx: Trx,
  a: {
    caseId: string;
    seq: number;
    type: string;
    payload: Record<string, unknown>;
    actorId: string;
    effectiveOn: string;
    idempotencyKey: string | null;
    /** The fingerprint of the request the key answers (platform/request-hash.ts). */
    requestSha256?: string | null;
  },
) {
  await trx
    .insertInto('case_actions')
    .values({
      case_id: a.caseId,
      seq: a.seq,
      action_type: a.type,
      payload: JSON.stringify({ type: a.type, ...a.payload }),
      actor_id: a.actorId,
      effective_on: a.effectiveOn,
      idempotency_key: a.idempotencyKey,
      request_sha256: a.requestSha256 ?? null,
    })
    .execute();
}

export function findActionByKey(db: Db | Trx, type: string, key: string) {
  return db
    .selectFrom('case_actions')
    .select(['case_id', 'seq', 'request_sha256'])
    .where('action_type', '=', type)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** What narrows the queue: statuses (among the open ones), the holder, a set of cases (a search's hits). */
export interface QueueFilter {
  statuses: readonly string[];
  assigneeId?: string | null;
  caseIds?: readonly string[];
}

/** Open cases of an office (the statuses every office type declares open), by days left, with the applicant's name. */
export function listOpenCases(db: Db | Trx, officeId: string, f: QueueFilter) {
  let q = db
    .selectFrom('cases as c')
    .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
    .select([
      'c.id',
      'c.reference',
      'c.case_type',
      'c.status',
      'c.version',
      'c.received_on',
      'c.due_on',
      'c.clock_running',
      'c.assignee_id',
      'a.surname',
      'a.given_names',
    ])
    .where('c.office_id', '=', officeId)
    .where('c.status', 'in', [...f.statuses]);
  if (f.assigneeId) q = q.where('c.assignee_id', '=', f.assigneeId);
  if (f.caseIds) q = f.caseIds.length ? q.where('c.id', 'in', [...f.caseIds]) : q.where(sql<boolean>`false`);
  return q.orderBy(sql`c.due_on asc nulls last`).orderBy('c.received_on').orderBy('c.reference').execute();
}

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The office's open cases whose reference contains `reference`, whose applicant has passport number
 * `passport`, whose applicant's name contains `name` (plain text, accents ignored), or whose
 * applicant is one of `personIds` (the people module's search in any script) — each id with what it matched.
 */
export async function searchOpenCases(
  db: Db | Trx,
  officeId: string,
  statuses: readonly string[],
  t: { reference: string | null; passport: string | null; name: string | null; personIds: readonly string[] },
) {
  const no = sql<boolean>`false`;
  const byReference = t.reference ? sql<boolean>`c.reference ilike ${likePattern(t.reference)}` : no;
  const byPassport = t.passport ? sql<boolean>`a.passport_number = ${t.passport}` : no;
  const byText = t.name
    ? sql<boolean>`unaccent(a.surname || ' ' || a.given_names || ' ' || coalesce(a.native_name, '')) ilike unaccent(${likePattern(t.name)})`
    : no;
  const byPerson = t.personIds.length ? sql<boolean>`a.person_id in (${sql.join([...t.personIds])})` : no;
  const rows = await db
    .selectFrom('cases as c')
    .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
    .select(['c.id', byReference.as('by_reference'), byPassport.as('by_passport'), sql<boolean>`(${byText} or ${byPerson})`.as('by_name')])
    .where('c.office_id', '=', officeId)
    .where('c.status', 'in', [...statuses])
    .where(sql<boolean>`(${byReference} or ${byPassport} or ${byText} or ${byPerson})`)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    matchedBy: [
      ...(r.by_reference ? (['reference'] as const) : []),
      ...(r.by_name ? (['name'] as const) : []),
      ...(r.by_passport ? (['passport'] as const) : []),
    ],
  }));
}

/** Open cases of the given types, for `pobyt policy simulate`. */
export function listOpenCasesOfTypes(db: Db, types: { id: string; openStatuses: readonly string[] }[]) {
  return db
    .selectFrom('cases')
    .select(['id', 'reference', 'status', 'case_type'])
    .where((eb) => eb.or(types.map((t) => eb.and([eb('case_type', '=', t.id), eb('status', 'in', [...t.openStatuses])]))))
    .orderBy('reference')
    .execute();
}
