/** Defects 3 and 6 (issue 10): evidence types by own property and magic bytes; nomination reads assigned-only and audited. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../../support/db-tiers.ts';
import { PASSWORD, startTestApp, type TestApp } from '../../support/test-app.ts';

const HTML = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

for (const tier of dbTiers()) {
  describe(`nomination security [${tier.name}]`, () => {
    let t: TestApp;
    let nomId: string;
    const ids: Record<string, string> = {};
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2026-03-10T09:00:00Z' });
      const o = await t.call('POST', '/api/v1/admin/partner-orgs', { as: 'adam', body: { name: 'Org S' } });
      const u = await t.call('POST', '/api/v1/admin/staff', {
        as: 'adam',
        body: { username: 'ngo.s', displayName: 'ngo.s', role: 'caseworker', orgId: o.body.id, password: PASSWORD },
      });
      assert.equal(u.status, 201, JSON.stringify(u.body));
      const n = await t.call('POST', '/api/v1/nominations', {
        as: 'ngo.s',
        body: {
          nationality: 'BLR',
          surname: 'PETROVA',
          givenNames: 'ANNA',
          nativeName: 'Пятрова Ганна',
          dateOfBirth: '1990-01-01',
          passportNumber: 'MP1234567',
          category: 'journalist',
          publicRecord: ['https://example.org/a'],
          narrative: 'narrative',
          visaType: 'D',
          lodgingPost: 'Embassy in Warsaw',
        },
      });
      assert.equal(n.status, 201, JSON.stringify(n.body));
      nomId = n.body.id;
      for (const name of ['olga', 'oskar', 'sylva', 'bruno'])
        ids[name] = (await t.handle.db.selectFrom('staff_users').select('id').where('username', '=', name).executeTakeFirstOrThrow()).id;
    });
    after(() => t.close());

    test('defect 3: a prototype key as the evidence type is refused with 422 and nothing is stored', async () => {
      for (const mime of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'text/html']) {
        const r = await t.call('POST', `/api/v1/nominations/${nomId}/evidence`, {
          as: 'ngo.s',
          body: { name: 'x.html', mime, contentBase64: HTML },
        });
        assert.equal(r.status, 422, `${mime}: ${r.status} ${JSON.stringify(r.body)}`);
        assert.equal(r.body.errors[0].field, '/mime');
        assert.equal(r.body.errors[0].reason, 'TYPE_NOT_ALLOWED');
      }
      const stored = await t.handle.db.selectFrom('nomination_evidence').select('id').where('nomination_id', '=', nomId).execute();
      assert.equal(stored.length, 0);
    });

    test('defect 6: an unassigned officer of any office gets the same 404 as for an unknown id', async () => {
      const missing = await t.call('GET', `/api/v1/nominations/${UNKNOWN}`, { as: 'olga' });
      assert.equal(missing.status, 404);
      for (const who of ['olga', 'bruno']) {
        const r = await t.call('GET', `/api/v1/nominations/${nomId}`, { as: who });
        assert.equal(r.status, 404, `${who}: ${JSON.stringify(r.body)}`);
        assert.deepEqual({ ...r.body, instance: '', requestId: '' }, { ...missing.body, instance: '', requestId: '' });
      }
    });

    test('matrix: an unassigned officer acting on a nomination gets the same 404 as for an unknown id', async () => {
      const body = { action: 'start_screening', version: 1 };
      const missing = await t.call('POST', `/api/v1/nominations/${UNKNOWN}/actions`, { as: 'bruno', body });
      const r = await t.call('POST', `/api/v1/nominations/${nomId}/actions`, { as: 'bruno', body });
      assert.equal(missing.status, 404);
      assert.equal(r.status, 404, JSON.stringify(r.body));
      assert.deepEqual({ ...r.body, instance: '', requestId: '' }, { ...missing.body, instance: '', requestId: '' });
      // The supervisor sees every nomination (to assign it) and is refused, not misled.
      assert.equal((await t.call('POST', `/api/v1/nominations/${nomId}/actions`, { as: 'sylva', body })).status, 403);
    });

    test('defect 6: every read of a nomination by staff is audited; assigned officers see it', async () => {
      const reads = () =>
        t.handle.db
          .selectFrom('audit_events')
          .select(['actor_id', 'action'])
          .where('entity_id', '=', nomId)
          .where('action', 'in', ['nomination.read', 'nomination.sensitive_read'])
          .execute();
      const before = (await reads()).length;
      const s = await t.call('GET', `/api/v1/nominations/${nomId}`, { as: 'sylva' });
      assert.equal(s.status, 200);
      assert.equal(s.body.sensitive, null);
      const a = await t.call('POST', `/api/v1/nominations/${nomId}/assign`, { as: 'sylva', body: { officerId: ids.olga } });
      assert.equal(a.status, 204);
      const o = await t.call('GET', `/api/v1/nominations/${nomId}`, { as: 'olga' });
      assert.equal(o.status, 200);
      assert.equal(o.body.sensitive.narrative, 'narrative');
      const rows = (await reads()).slice(before);
      assert.deepEqual(
        rows.map((r) => [r.actor_id, r.action]),
        [
          [ids.sylva, 'nomination.read'],
          [ids.olga, 'nomination.sensitive_read'],
        ],
      );
      assert.equal((await t.call('GET', `/api/v1/nominations/${nomId}`, { as: 'oskar' })).status, 404);
    });
  });
}
