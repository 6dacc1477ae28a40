/** Bulk visas for extension tests and benchmarks: persons, applicants, granted cases and visas in four set-based statements. */
import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/db.ts';

export interface VisaBatch {
  n: number;
  tag: string;
  issuedOn: string;
  validTo: string;
  warRelated: boolean;
  status?: 'valid' | 'cancelled';
}

export async function seedVisas(db: Db, officeId: string, createdBy: string, b: VisaBatch): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`
      with p as (
        insert into persons (surname, given_names, date_of_birth, nationality)
        select 'TEST', ${b.tag} || '-' || g, date '1980-01-01', 'UKR' from generate_series(1, ${b.n}) g
        returning id, given_names
      ), a as (
        insert into applicants (surname, given_names, date_of_birth, nationality, passport_number, passport_expires_on, address, region_code, person_id)
        select 'TEST', p.given_names, date '1980-01-01', 'UKR', upper(${b.tag}) || lpad(split_part(p.given_names, '-', 2), 8, '0'), date '2030-01-01', 'Praha', 'CZ-10', p.id
        from p
        returning id, passport_number, person_id
      ), c as (
        insert into cases (reference, case_type, office_id, applicant_id, status, ground, received_on, clock_running, decided_on, created_by)
        select 'T-' || a.passport_number, 'tolerance_visa', ${officeId}, a.id, 'granted', '33-1-a', ${b.issuedOn}::date, false, ${b.issuedOn}::date, ${createdBy}::uuid
        from a
        returning id, applicant_id, reference
      )
      insert into visas (visa_number, case_id, applicant_id, person_id, visa_code, valid_from, valid_to, issued_on, war_related, status, cancelled_on)
      select 'V' || c.reference, c.id, c.applicant_id, a.person_id, 'D/VS/91', ${b.issuedOn}::date, ${b.validTo}::date, ${b.issuedOn}::date, ${b.warRelated},
             ${b.status ?? 'valid'}, case when ${b.status ?? 'valid'} = 'cancelled' then ${b.issuedOn}::date end
      from c join a on a.id = c.applicant_id`.execute(trx);
  });
}
