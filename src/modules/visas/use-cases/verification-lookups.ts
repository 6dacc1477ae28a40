/** What the authorities' module may ask of the register: one visa by number or by passport + birth date. */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db.ts';
import { caseGroundRows, holderRows, holdersRelation } from '../../cases/index.ts';

export type VisaQuery = { visaNumber: string } | { passportNumber: string; dateOfBirth: string };

export async function findVisaForVerification(db: Db, q: VisaQuery, holderBornOn?: string) {
  let query = db
    .selectFrom('visas as v')
    .innerJoin(holderRows(db).as('a'), 'a.id', 'v.applicant_id')
    .select([
      'v.id',
      'v.visa_number',
      'v.visa_code',
      'v.status',
      'v.valid_from',
      'v.valid_to',
      'v.cancelled_on',
      'a.surname',
      'a.given_names',
      'a.date_of_birth',
    ]);
  query =
    'visaNumber' in q
      ? query.where('v.visa_number', '=', q.visaNumber)
      : query.where('a.passport_number', '=', q.passportNumber).where('a.date_of_birth', '=', q.dateOfBirth);
  if (holderBornOn !== undefined) query = query.where('a.date_of_birth', '=', holderBornOn);
  // The newest visa first when a passport holds several.
  return query.orderBy('v.issued_on', 'desc').executeTakeFirst();
}

/**
 * A holder's visa by its number and the holder's birth date (the appointments module's port), or by
 * its id once the pages have checked those two. Number and birth date are conditions of the one
 * statement: a wrong number and a wrong birth date do the same work and find nothing alike. With the
 * visa: its office (from the case it was granted on) and the end date before its first automatic
 * extension, if the register extended it.
 */
export async function findHolderVisa(db: Db, h: { visaNumber: string; dateOfBirth: string } | { visaId: string }) {
  let q = db
    .selectFrom('visas as v')
    .innerJoin(holderRows(db).as('a'), 'a.id', 'v.applicant_id')
    .leftJoin(caseGroundRows(db).as('c'), 'c.id', 'v.case_id')
    .select([
      'v.id',
      'v.visa_number',
      'v.visa_code',
      'v.status',
      'v.valid_from',
      'v.valid_to',
      'v.issued_on',
      'v.war_related',
      'v.cancelled_on',
      'a.date_of_birth',
      'c.office_id',
    ])
    .select((eb) => [
      eb
        .selectFrom('visa_extensions as e')
        .select('e.old_valid_to')
        .whereRef('e.visa_id', '=', 'v.id')
        .orderBy('e.extended_at')
        .limit(1)
        .as('extended_from'),
      eb
        .selectFrom('visa_extensions as e')
        .select('e.rule_id')
        .whereRef('e.visa_id', '=', 'v.id')
        .orderBy('e.extended_at')
        .limit(1)
        .as('extension_rule'),
    ]);
  q =
    'visaId' in h
      ? q.where('v.id', '=', h.visaId)
      : q.where('v.visa_number', '=', h.visaNumber).where('a.date_of_birth', '=', h.dateOfBirth);
  const v = await q.executeTakeFirst();
  return v
    ? { ...v, office_id: v.office_id ?? null, extended_from: v.extended_from ?? null, extension_rule: v.extension_rule ?? null }
    : undefined;
}

/** One row of `visaForRequestRow`: the visa and the holder fields a verification answer is made of. */
export interface VerificationVisaRow {
  id: string;
  visa_number: string;
  visa_code: string;
  status: string;
  valid_from: string;
  valid_to: string;
  cancelled_on: string | null;
  surname: string;
  given_names: string;
  date_of_birth: string;
}

/**
 * The lookup of `findVisaForVerification` as a lateral subquery, for verifying many requests in one
 * statement: over a row `r` with columns visa_number, passport_number and date_of_birth (visa_number
 * null for a passport lookup), the newest matching visa. Each branch reads by its own unique or
 * indexed key (visas.visa_number; applicants(passport_number, date_of_birth) then visas.applicant_id). The
 * holder rows come from the cases module (`holdersRelation`, a plain subquery the planner flattens).
 */
export const visaForRequestRow = () => sql`lateral (
  select x.id, x.visa_number, x.visa_code, x.status, x.valid_from, x.valid_to, x.cancelled_on, x.surname, x.given_names, x.date_of_birth from (
    (select v.id, v.visa_number, v.visa_code, v.status, v.valid_from, v.valid_to, v.cancelled_on, v.issued_on, a.surname, a.given_names, a.date_of_birth
       from visas v join ${holdersRelation} a on a.id = v.applicant_id
      where r.visa_number is not null and v.visa_number = r.visa_number)
    union all
    (select v.id, v.visa_number, v.visa_code, v.status, v.valid_from, v.valid_to, v.cancelled_on, v.issued_on, a.surname, a.given_names, a.date_of_birth
       from ${holdersRelation} a join visas v on v.applicant_id = a.id
      where r.visa_number is null and a.passport_number = r.passport_number and a.date_of_birth = r.date_of_birth)
  ) x order by x.issued_on desc limit 1)`;
