/**
 * Migration 0011 moves every nomination onto the case engine without losing one: a case row of the
 * nomination type and a log rebuilt from what the row recorded, whose fold gives the row's status.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { dbTiers } from '../support/db-tiers.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { upsertDirectory } from '../../src/modules/offices/index.ts';
import { createStaffUser } from '../../src/modules/auth/index.ts';
import { caseTypeOf, foldLog } from '../../src/modules/cases/index.ts';
import { registerCaseTypes } from '../../src/case-types.ts';

describe('migration 0011: nominations become cases', () => {
  for (const tier of dbTiers()) {
    test(`every nomination gets a case and a log whose fold matches its status [${tier.name}]`, async () => {
      registerCaseTypes();
      const h = await tier.openEmpty();
      try {
        await migrateToLatest(h.db, '0010_job_heartbeat');
        await upsertDirectory(h.db);
        const org = await h.db.insertInto('partner_orgs').values({ name: 'NGO' }).returning('id').executeTakeFirstOrThrow();
        const ngo = await createStaffUser(h.db, {
          username: 'ngo.x',
          displayName: 'N',
          role: 'caseworker',
          officeId: null,
          orgId: org.id,
          password: 'long-enough-password',
        });
        const o1 = await createStaffUser(h.db, {
          username: 'o.one',
          displayName: 'O1',
          role: 'officer',
          officeId: 'PHA-ZUK',
          password: 'long-enough-password',
        });
        const o2 = await createStaffUser(h.db, {
          username: 'o.two',
          displayName: 'O2',
          role: 'officer',
          officeId: 'PHA-ZUK',
          password: 'long-enough-password',
        });
        const rows = [
          { status: 'nominated', version: 1 },
          { status: 'screening', version: 2 },
          { status: 'assessment', version: 4, first_approver: o1.id },
          { status: 'approved', version: 5, first_approver: o1.id, second_approver: o2.id, decided_on: '2026-03-10' },
          { status: 'declined', version: 3, decided_on: '2026-03-09' },
        ] as const;
        const ids: string[] = [];
        for (const [i, r] of rows.entries()) {
          const id = randomUUID();
          ids.push(id);
          await h.db
            .insertInto('nominations')
            .values({
              id,
              reference: `CSP-2026-00000${i + 1}`,
              org_id: org.id,
              created_by: ngo.id,
              nationality: 'RUS',
              surname: 'X',
              given_names: 'Y',
              date_of_birth: '1980-01-01',
              passport_number: 'AB12345',
              category: 'journalist',
              public_record: '[]',
              visa_type: 'D',
              lodging_post: 'Vilnius',
              narrative_ct: Buffer.from([1]),
              dek_wrapped: Buffer.from([1]),
              dek_master_id: 'k1',
              nominated_on: '2026-03-02',
              created_at: new Date('2026-03-02T10:00:00Z'),
              updated_at: new Date('2026-03-10T10:00:00Z'),
              ...r,
            } as never)
            .execute();
        }
        await migrateToLatest(h.db);
        const type = caseTypeOf('civil_society_nomination');
        for (const [i, id] of ids.entries()) {
          const c = await h.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
          assert.equal(c.case_type, 'civil_society_nomination');
          assert.equal(c.status, rows[i]!.status);
          assert.equal(c.version, rows[i]!.version, 'the version clients hold stays valid');
          const log = await h.db.selectFrom('case_actions').selectAll().where('case_id', '=', id).orderBy('seq').execute();
          const s = foldLog(
            type,
            log.map((a) => ({
              type: a.action_type,
              payload: a.payload as Record<string, unknown>,
              actorId: a.actor_id,
              effectiveOn: a.effective_on,
            })),
          );
          assert.equal(s.status, rows[i]!.status, `fold of ${rows[i]!.status}`);
        }
        const approved = await h.db
          .selectFrom('case_actions')
          .select('actor_id')
          .where('case_id', '=', ids[3]!)
          .where('action_type', '=', 'approve')
          .orderBy('seq')
          .execute();
        assert.deepEqual(
          approved.map((a) => a.actor_id),
          [o1.id, o2.id],
        );
      } finally {
        await h.close();
      }
    });
  }
});
