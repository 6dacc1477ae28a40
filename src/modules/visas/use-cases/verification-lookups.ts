/** What the authorities' module may ask of the register: one visa by number or by passport + birth date. */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db.ts';
import { holderRows, holdersRelation } from '../../cases/index.ts';

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
 * A holder's visa by its number and the holder's birth date (the appointments module's port). Both
 * are conditions of the one statement: a wrong number and a wrong birth date do the same work and
 * find nothing alike.
 */
export async function findHolderVisa(db: Db, h: { visaNumber: string; dateOfBirth: string }) {
  const v = await findVisaForVerification(db, { visaNumber: h.visaNumber }, h.dateOfBirth);
  return v;
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
