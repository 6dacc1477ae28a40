/** Bulk visas for extension tests and benchmarks: applicants, granted cases and visas in three set-based statements. */
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
      with a as (
        insert into applicants (surname, given_names, date_of_birth, nationality, passport_number, passport_expires_on, address, region_code)
        select 'TEST', ${b.tag} || '-' || g, date '1980-01-01', 'UKR', upper(${b.tag}) || lpad(g::text, 8, '0'), date '2030-01-01', 'Praha', 'CZ-10'
        from generate_series(1, ${b.n}) g
        returning id, passport_number
      ), c as (
        insert into cases (reference, case_type, office_id, applicant_id, status, ground, received_on, clock_running, decided_on, created_by)
        select 'T-' || a.passport_number, 'tolerance_visa', ${officeId}, a.id, 'granted', '33-1-a', ${b.issuedOn}::date, false, ${b.issuedOn}::date, ${createdBy}::uuid
        from a
        returning id, applicant_id, reference
      )
      insert into visas (visa_number, case_id, applicant_id, visa_code, valid_from, valid_to, issued_on, war_related, status, cancelled_on)
      select 'V' || c.reference, c.id, c.applicant_id, 'D/VS/91', ${b.issuedOn}::date, ${b.validTo}::date, ${b.issuedOn}::date, ${b.warRelated},
             ${b.status ?? 'valid'}, case when ${b.status ?? 'valid'} = 'cancelled' then ${b.issuedOn}::date end
      from c`.execute(trx);
  });
}
