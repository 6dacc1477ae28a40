/** SQL of the nomination as a case: the nominee's row, its projection of the case, assignments. */
import type { Db, Trx } from '../../../platform/db/db.ts';
import type { NewRow } from '../../../platform/db/schema.ts';
import type { NominationStatus } from '../domain/nomination-model.ts';
import { sql } from 'kysely';
import type { PersonScopeProvider } from '../../people/index.ts';

/**
 * The people module's scope port: an officer (or supervisor) sees the nominees of the nominations
 * assigned to them, a caseworker its own organisation's nominees; a supervisor's metadata access
 * to every nomination does not extend to the nominee.
 */
export const nomineePersons: PersonScopeProvider = (actor) => {
  if (actor.role === 'officer' || actor.role === 'supervisor')
    return sql`select n.person_id from nominations n join nomination_assignments na on na.nomination_id = n.id where na.officer_id = ${actor.id}`;
  if (actor.role === 'caseworker' && actor.orgId) return sql`select n.person_id from nominations n where n.org_id = ${actor.orgId}`;
  return null;
};

export function findNomination(db: Db | Trx, id: string) {
  return db.selectFrom('nominations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertNomination(trx: Trx, row: NewRow<'nominations'>) {
  await trx.insertInto('nominations').values(row).execute();
}

/** The programme's own projection of the case, for its listings and statistics; written in the engine's transaction. */
export async function updateNominationProjection(
  trx: Trx,
  id: string,
  p: {
    status: NominationStatus;
    version: number;
    firstApprover: string | null;
    secondApprover: string | null;
    decidedOn: string | null;
    at: Date;
  },
) {
  await trx
    .updateTable('nominations')
    .set({
      status: p.status,
      version: p.version,
      first_approver: p.firstApprover,
      second_approver: p.secondApprover,
      decided_on: p.decidedOn,
      updated_at: p.at,
    })
    .where('id', '=', id)
    .execute();
}

export async function storeDeclineReasons(trx: Trx, id: string, sealed: Buffer) {
  await trx.updateTable('nominations').set({ decline_reasons_ct: sealed }).where('id', '=', id).execute();
}

export async function isAssigned(db: Db | Trx, id: string, officerId: string): Promise<boolean> {
  const r = await db
    .selectFrom('nomination_assignments')
    .select('officer_id')
    .where('nomination_id', '=', id)
    .where('officer_id', '=', officerId)
    .executeTakeFirst();
  return Boolean(r);
}

export function listAssignedOfficers(db: Db | Trx, id: string) {
  return db.selectFrom('nomination_assignments').select('officer_id').where('nomination_id', '=', id).execute();
}

export async function insertAssignment(trx: Trx, a: { nominationId: string; officerId: string; assignedBy: string }) {
  await trx
    .insertInto('nomination_assignments')
    .values({ nomination_id: a.nominationId, officer_id: a.officerId, assigned_by: a.assignedBy })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function listEvidenceNames(db: Db | Trx, id: string) {
  return db
    .selectFrom('nomination_evidence')
    .select(['id', 'mime', 'size_bytes', 'name_ct'])
    .where('nomination_id', '=', id)
    .orderBy('created_at')
    .execute();
}

export function listOrgNominations(db: Db, orgId: string) {
  return db
    .selectFrom('nominations')
    .select(['id', 'reference', 'status', 'nominated_on', 'visa_type'])
    .where('org_id', '=', orgId)
    .orderBy('nominated_on', 'desc')
    .orderBy('reference')
    .execute();
}

/** The officers assigned to each of these nominations. */
export function listAssignmentsOf(db: Db | Trx, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('nomination_assignments')
    .select(['nomination_id', 'officer_id'])
    .where('nomination_id', 'in', ids)
    .orderBy('assigned_at')
    .execute();
}
