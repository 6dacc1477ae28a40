/** Defect 5 (issue 10): slot creation scoped to the supervisor's office, the range capped, batches bounded, existing slots reported. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { DEMO_HOURS, setOfficeHours } from '../../../src/modules/appointments/index.ts';

for (const tier of dbTiers()) {
  describe(`slot creation [${tier.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2026-03-02T09:00:00Z' });
      await setOfficeHours(t.handle.db, 'PHA-ZUK', DEMO_HOURS);
      await setOfficeHours(t.handle.db, 'JHM-BRN', DEMO_HOURS);
    });
    after(() => t.close());
    const count = async (office: string) =>
      Number(
        (
          await t.handle.db
            .selectFrom('appointment_slots')
            .select((e) => e.fn.countAll<string>().as('n'))
            .where('office_id', '=', office)
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('a supervisor of PHA-ZUK cannot create slots at JHM-BRN (403, nothing written); an admin can', async () => {
      const body = { from: '2026-03-03', to: '2026-03-04', minutes: 60, capacity: 2 };
      const r = await t.call('POST', '/api/v1/offices/JHM-BRN/slots', { as: 'sylva', body });
      assert.equal(r.status, 403, JSON.stringify(r.body));
      assert.equal(r.body.code, 'AUTH.FORBIDDEN');
      assert.equal(await count('JHM-BRN'), 0);
      const a = await t.call('POST', '/api/v1/offices/JHM-BRN/slots', { as: 'adam', body });
      assert.equal(a.status, 201, JSON.stringify(a.body));
      assert.equal(a.body.created, 13);
    });

    test('a range longer than the cap, reversed, or outside the calendar is 422 naming the field', async () => {
      const year = await t.call('POST', '/api/v1/offices/PHA-ZUK/slots', {
        as: 'sylva',
        body: { from: '2026-03-03', to: '2027-03-02', minutes: 5, capacity: 1 },
      });
      assert.equal(year.status, 422, JSON.stringify(year.body));
      assert.equal(year.body.errors[0].field, '/to');
      assert.equal(year.body.errors[0].reason, 'RANGE_TOO_LONG');
      const reversed = await t.call('POST', '/api/v1/offices/PHA-ZUK/slots', {
        as: 'sylva',
        body: { from: '2026-03-04', to: '2026-03-03', minutes: 60, capacity: 1 },
      });
      assert.equal(reversed.status, 422);
      assert.equal(reversed.body.errors[0].field, '/to');
      const old = await t.call('POST', '/api/v1/offices/PHA-ZUK/slots', {
        as: 'sylva',
        body: { from: '1969-12-31', to: '1970-01-02', minutes: 60, capacity: 1 },
      });
      assert.equal(old.status, 422, JSON.stringify(old.body));
      assert.equal(old.body.errors[0].field, '/from');
      assert.equal(await count('PHA-ZUK'), 0);
    });

    test('the longest range at 5 minutes is inserted (in bounded batches); a second run reports what already existed', async () => {
      const body = { from: '2026-03-02', to: '2026-05-31', minutes: 5, capacity: 1 };
      const r = await t.call('POST', '/api/v1/offices/PHA-ZUK/slots', { as: 'sylva', body });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.ok(r.body.created > 4000, String(r.body.created));
      assert.equal(r.body.existing, 0);
      assert.equal(await count('PHA-ZUK'), r.body.created);
      const again = await t.call('POST', '/api/v1/offices/PHA-ZUK/slots', { as: 'sylva', body: { ...body, to: '2026-06-01' } });
      assert.equal(again.status, 201);
      assert.equal(again.body.existing, r.body.created);
      assert.equal(again.body.created, 108);
      const none = await t.call('POST', '/api/v1/offices/PHA-ZUK/slots', { as: 'sylva', body });
      assert.equal(none.status, 200, 'nothing created is not a 201');
      assert.deepEqual(none.body, { created: 0, existing: r.body.created });
    });
  });
}
