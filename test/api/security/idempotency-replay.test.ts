/** Defect 1 (issue 10): an Idempotency-Key replay passes the read's access check, is audited, and refuses another body. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { intakeBody } from '../../support/fixtures.ts';

for (const tier of dbTiers()) {
  describe(`idempotency replay [${tier.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2024-03-04T09:00:00Z' });
    });
    after(() => t.close());

    const auditOf = (entityId: string) =>
      t.handle.db.selectFrom('audit_events').select(['action', 'actor_id']).where('entity_id', '=', entityId).execute();

    test('an officer of another office replaying a Prague intake key gets no case data, and no case is opened', async () => {
      const headers = { 'idempotency-key': 'cross-office-intake-0001' };
      const body = intakeBody({ receivedOn: '2024-03-04' });
      const a = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body, headers });
      assert.equal(a.status, 201);
      // Bruno files at his office (a South Moravian address), with the key Prague used.
      const brno = { ...body, applicant: { ...body.applicant, address: 'Husova 5, 602 00 Brno', regionCode: 'CZ-64' } };
      const b = await t.call('POST', '/api/v1/cases/tolerance', { as: 'bruno', body: brno, headers });
      // The same answer as reading that case: another office's case is not shown.
      const read = await t.call('GET', `/api/v1/cases/${a.body.id}`, { as: 'bruno' });
      assert.equal(b.status, read.status, JSON.stringify(b.body));
      assert.equal(b.body.code, read.body.code);
      assert.equal(b.headers['idempotent-replay'], undefined);
      const dump = JSON.stringify(b.body);
      assert.equal(dump.includes(body.applicant.passportNumber), false);
      assert.equal(dump.includes('ŠEVČENKOVÁ'), false);
      assert.equal(dump.includes(a.body.id), false);
    });

    test('a replay by the same office is audited as a read of the case', async () => {
      const headers = { 'idempotency-key': 'audited-intake-replay-0001' };
      const body = intakeBody({ receivedOn: '2024-03-04' });
      const a = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body, headers });
      const before = (await auditOf(a.body.id)).length;
      const b = await t.call('POST', '/api/v1/cases/tolerance', { as: 'oskar', body, headers });
      assert.equal(b.status, 200);
      assert.equal(b.headers['idempotent-replay'], 'true');
      const rows = await auditOf(a.body.id);
      assert.equal(rows.length, before + 1);
      assert.equal(rows.at(-1)?.action, 'case.replay');

      const gk = { 'idempotency-key': 'audited-grant-replay-0001' };
      const grant = { version: a.body.version, validFrom: '2024-03-04', validTo: '2025-03-03' };
      const g1 = await t.call('POST', `/api/v1/cases/${a.body.id}/grant`, { as: 'olga', body: grant, headers: gk });
      assert.equal(g1.status, 200);
      const n = (await auditOf(a.body.id)).length;
      const g2 = await t.call('POST', `/api/v1/cases/${a.body.id}/grant`, { as: 'olga', body: grant, headers: gk });
      assert.equal(g2.status, 200);
      assert.equal(g2.headers['idempotent-replay'], 'true');
      const after = await auditOf(a.body.id);
      assert.equal(after.length, n + 1);
      assert.equal(after.at(-1)?.action, 'case.replay');
    });

    test('a key reused with a different body is refused with its own code, nothing written', async () => {
      const headers = { 'idempotency-key': 'reused-intake-key-0001' };
      const a = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-03-04' }), headers });
      assert.equal(a.status, 201);
      const cases = async () =>
        Number(
          (
            await t.handle.db
              .selectFrom('cases')
              .select((e) => e.fn.countAll<string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const n = await cases();
      const other = intakeBody({ receivedOn: '2024-03-04' });
      const b = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: other, headers });
      assert.equal(b.status, 422, JSON.stringify(b.body));
      assert.equal(b.body.code, 'CASE.IDEMPOTENCY_KEY_REUSED');
      assert.match(String(b.headers['content-type']), /problem\+json/);
      assert.equal(await cases(), n);

      const gk = { 'idempotency-key': 'reused-grant-key-0001' };
      const g1 = await t.call('POST', `/api/v1/cases/${a.body.id}/grant`, {
        as: 'olga',
        body: { version: a.body.version, validFrom: '2024-03-04', validTo: '2025-03-03' },
        headers: gk,
      });
      assert.equal(g1.status, 200);
      const g2 = await t.call('POST', `/api/v1/cases/${a.body.id}/grant`, {
        as: 'olga',
        body: { version: a.body.version, validFrom: '2024-03-05', validTo: '2025-03-03' },
        headers: gk,
      });
      assert.equal(g2.status, 422);
      assert.equal(g2.body.code, 'CASE.IDEMPOTENCY_KEY_REUSED');
    });
  });
}
