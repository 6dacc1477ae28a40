/**
 * Migration 0014 moves today's data onto persons without losing a row: one person per applicant and
 * per nominee (never merged), their passports, the visas' holders, and the names as recorded
 * (searchable at once); `reindexPeople` then writes every variant nameVariants knows.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { dbTiers } from '../support/db-tiers.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { upsertDirectory } from '../../src/modules/offices/index.ts';
import { createStaffUser } from '../../src/modules/auth/index.ts';
import { EVERYONE, reindexPeople, runSearch } from '../../src/modules/people/index.ts';

/** The migration just before 0014 (whichever helper's 0013 has landed). */
const BEFORE = readdirSync(fileURLToPath(new URL('../../db/migrations/', import.meta.url)))
  .filter((f) => f.endsWith('.sql') && f < '0014')
  .sort()
  .at(-1)!
  .replace(/\.sql$/, '');

describe('migration 0014: applicants, nominees and holders become persons', () => {
  for (const tier of dbTiers()) {
    test(`every row gets its person; nothing is lost or merged [${tier.name}]`, async () => {
      const h = await tier.openEmpty();
      try {
        await migrateToLatest(h.db, BEFORE);
        await upsertDirectory(h.db);
        const officer = await createStaffUser(h.db, {
          username: 'o.one',
          displayName: 'O1',
          role: 'officer',
          officeId: 'PHA-ZUK',
          password: 'long-enough-password',
        });
        const org = await h.db.insertInto('partner_orgs').values({ name: 'NGO' }).returning('id').executeTakeFirstOrThrow();
        const applicants = [
          ['ŠEVČENKOVÁ', 'OLENA', 'Шевченко Олена', 'FX100001'],
          ['SHEVCHENKO', 'OLENA', null, 'FX100002'],
          ['NOVÁK', 'JAN', null, 'CZ123456'],
        ] as const;
        const applicantIds: string[] = [];
        for (const [i, [surname, given, native, passport]] of applicants.entries()) {
          const a = await sql<{
            id: string;
          }>`insert into applicants (surname, given_names, native_name, date_of_birth, nationality, passport_number, passport_expires_on, address, region_code)
            values (${surname}, ${given}, ${native}, '1988-02-14', 'UKR', ${passport}, '2030-01-31', 'Praha', 'CZ-10') returning id`.execute(
            h.db,
          );
          applicantIds.push(a.rows[0]!.id);
          const caseId = randomUUID();
          await sql`insert into cases (id, reference, case_type, office_id, applicant_id, status, ground, received_on, clock_running, created_by)
            values (${caseId}, ${`OAM-00000${i + 1}/PHA-ZUK-2026`}, 'tolerance_visa', 'PHA-ZUK', ${a.rows[0]!.id}, 'granted', '33-1-a', '2026-03-02', false, ${officer.id})`.execute(
            h.db,
          );
          if (i === 0)
            await sql`insert into visas (visa_number, case_id, applicant_id, visa_code, valid_from, valid_to, issued_on)
              values ('VS-2026-PHA-ZUK-000001', ${caseId}, ${a.rows[0]!.id}, 'D/VS/91', '2026-03-10', '2026-12-31', '2026-03-10')`.execute(
              h.db,
            );
        }
        const nomId = randomUUID();
        await sql`insert into cases (id, reference, case_type, office_id, applicant_id, status, ground, received_on, clock_running, created_by)
          values (${nomId}, 'CSP-2026-000001', 'civil_society_nomination', null, null, 'nominated', 'civil_society_programme', '2026-03-02', false, ${officer.id})`.execute(
          h.db,
        );
        await sql`insert into nominations (id, reference, org_id, created_by, nationality, surname, given_names, native_name, date_of_birth, passport_number, category, public_record, visa_type, lodging_post, narrative_ct, dek_wrapped, dek_master_id, nominated_on, status)
          values (${nomId}, 'CSP-2026-000001', ${org.id}, ${officer.id}, 'RUS', 'IVANOV', 'PETR', 'Иванов Пётр', '1985-03-03', 'RU7000001', 'journalist', '[]', 'D', 'Vilnius', '\\x01', '\\x01', 'k1', '2026-03-02', 'nominated')`.execute(
          h.db,
        );

        await migrateToLatest(h.db);

        const count = async (t: string) =>
          Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(t)}`.execute(h.db)).rows[0]!.n);
        assert.equal(await count('applicants'), 3);
        assert.equal(await count('nominations'), 1);
        assert.equal(await count('persons'), 4, 'one person per applicant and nominee, none merged');
        const rows = await h.db
          .selectFrom('applicants')
          .innerJoin('persons', 'persons.id', 'applicants.person_id')
          .select(['persons.id', 'persons.surname', 'persons.date_of_birth', 'persons.merged_into'])
          .execute();
        assert.equal(rows.length, 3);
        assert.ok(rows.every((r) => r.merged_into === null && r.date_of_birth === '1988-02-14'));
        const nominee = await h.db
          .selectFrom('nominations')
          .innerJoin('persons', 'persons.id', 'nominations.person_id')
          .select(['persons.native_name'])
          .executeTakeFirstOrThrow();
        assert.equal(nominee.native_name, 'Иванов Пётр');
        const visa = await h.db
          .selectFrom('visas')
          .innerJoin('applicants', 'applicants.id', 'visas.applicant_id')
          .select(['visas.person_id', 'applicants.person_id as ap'])
          .executeTakeFirstOrThrow();
        assert.equal(visa.person_id, visa.ap);
        const passports = await h.db.selectFrom('person_passports').select('number').orderBy('number').execute();
        assert.deepEqual(
          passports.map((p) => p.number),
          ['CZ123456', 'FX100001', 'FX100002', 'RU7000001'],
        );

        // searchable at once by the names as recorded; after the reindex under every variant too
        const before = await h.db.transaction().execute((trx) => runSearch(trx, EVERYONE, { q: 'Sevcenkova Olena' }));
        assert.ok(before.some((x) => x.personId === rows.find((r) => r.surname === 'ŠEVČENKOVÁ')!.id));
        const r = await reindexPeople(h.db, { onlyStale: true });
        assert.equal(r.persons, 4);
        const after = await h.db.transaction().execute((trx) => runSearch(trx, EVERYONE, { q: 'Shevchenko Olena' }));
        const first = after.find((x) => x.personId === rows.find((r) => r.surname === 'ŠEVČENKOVÁ')!.id);
        assert.ok(first, JSON.stringify(after));
        assert.equal(first.why, 'the Ukrainian national transliteration of Шевченко Олена');
        assert.equal((await reindexPeople(h.db, { onlyStale: true })).persons, 0, 'nothing stale left');
      } finally {
        await h.close();
      }
    });
  }
});
