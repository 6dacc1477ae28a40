/**
 * What other modules may read of cases' tables, through cases/index.ts: the holder (applicant) of a
 * visa and the case it was granted in. Subquery builders, so a caller's statement keeps its shape
 * (PostgreSQL flattens a plain subquery into the join: the plan is the one of a direct join).
 */
import { sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db/db.ts';

/** Applicants as holders: joinable as `holderRows(db).as('a')`. */
export function holderRows(db: Db | Trx) {
  return db.selectFrom('applicants').select(['id', 'surname', 'given_names', 'date_of_birth', 'nationality', 'passport_number']);
}

/** Cases as the ground a visa was granted on: joinable as `caseGroundRows(db).as('c')`. */
export function caseGroundRows(db: Db | Trx) {
  return db.selectFrom('cases').select(['id', 'case_type', 'ground', 'office_id']);
}

/** The same holder rows as a raw relation, for statements written in SQL (the verification batch's lateral lookup). */
export const holdersRelation = sql`(select id, surname, given_names, date_of_birth, passport_number from applicants)`;

/** Whether any case exists (the demo seed creates its cases once). */
export async function hasCases(db: Db | Trx): Promise<boolean> {
  return (await db.selectFrom('cases').select('id').limit(1).execute()).length > 0;
}
