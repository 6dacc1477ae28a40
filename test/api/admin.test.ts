/**
 * The administration API on every database tier: staff accounts (list, create, deactivate — a
 * deactivated account cannot sign in and its sessions end), partner organisations (list, a duplicate
 * name beside its field), a revoked key revoked again, a replay without a job queue.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { PASSWORD, startTestApp, type TestApp } from '../support/test-app.ts';

for (const tier of dbTiers()) {
  describe(`administration API [${tier.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2026-12-03T09:00:00Z' });
    });
    after(() => t.close());

    test('the staff list: every account, no password; only an admin', async () => {
      const r = await t.call('GET', '/api/v1/admin/staff', { as: 'adam' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const olga = r.body.find((u: { username: string }) => u.username === 'olga');
      assert.deepEqual(
        { role: olga.role, officeId: olga.officeId, active: olga.active, displayName: olga.displayName },
        { role: 'officer', officeId: 'PHA-ZUK', active: true, displayName: 'Olga Officer' },
      );
      assert.ok(!JSON.stringify(r.body).includes('argon2'), 'no password hash');
      assert.deepEqual(
        r.body.map((u: { username: string }) => u.username),
        [...r.body.map((u: { username: string }) => u.username)].sort(),
      );
      for (const who of ['olga', 'sylva']) assert.equal((await t.call('GET', '/api/v1/admin/staff', { as: who })).status, 403);
    });

    test('a deactivated account cannot sign in, and its open sessions end at once', async () => {
      const c = await t.call('POST', '/api/v1/admin/staff', {
        as: 'adam',
        body: { username: 'dana.d', displayName: 'Dana D', role: 'officer', officeId: 'PHA-ZUK', password: PASSWORD },
      });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      const token = await t.token('dana.d');
      assert.equal((await t.call('GET', '/api/v1/auth/me', { token })).status, 200);
      assert.equal((await t.call('POST', `/api/v1/admin/staff/${c.body.id}/deactivate`, { as: 'olga' })).status, 403);
      assert.equal((await t.call('POST', `/api/v1/admin/staff/${c.body.id}/deactivate`, { as: 'adam' })).status, 204);
      assert.equal((await t.call('GET', '/api/v1/auth/me', { token })).status, 401, 'the session ended');
      const login = await t.call('POST', '/api/v1/auth/login', { body: { username: 'dana.d', password: PASSWORD } });
      assert.equal(login.status, 401);
      const again = await t.call('POST', `/api/v1/admin/staff/${c.body.id}/deactivate`, { as: 'adam' });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'AUTH.ALREADY_INACTIVE');
      const list = await t.call('GET', '/api/v1/admin/staff', { as: 'adam' });
      assert.equal(list.body.find((u: { username: string }) => u.username === 'dana.d').active, false);
      const audit = await t.handle.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', c.body.id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action).filter((a) => a.startsWith('staff.')),
        ['staff.created', 'staff.deactivated'],
      );
    });

    test('an admin cannot deactivate their own account; an unknown id is 404', async () => {
      const me = await t.call('GET', '/api/v1/auth/me', { as: 'adam' });
      const self = await t.call('POST', `/api/v1/admin/staff/${me.body.id}/deactivate`, { as: 'adam' });
      assert.equal(self.status, 409);
      assert.equal(self.body.code, 'AUTH.SELF_DEACTIVATION');
      const none = await t.call('POST', '/api/v1/admin/staff/7f1b7e5e-0000-4000-8000-000000000000/deactivate', { as: 'adam' });
      assert.equal(none.status, 404);
    });

    test('partner organisations: listed by name; a duplicate name is 409 naming the field', async () => {
      for (const name of ['Zeta pomoc', 'Alfa pomoc'])
        assert.equal((await t.call('POST', '/api/v1/admin/partner-orgs', { as: 'adam', body: { name } })).status, 201);
      const dup = await t.call('POST', '/api/v1/admin/partner-orgs', { as: 'adam', body: { name: 'Alfa pomoc' } });
      assert.equal(dup.status, 409);
      assert.equal(dup.body.errors?.[0]?.field, '/name');
      const list = await t.call('GET', '/api/v1/admin/partner-orgs', { as: 'adam' });
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.map((o: { name: string }) => o.name),
        ['Alfa pomoc', 'Zeta pomoc'],
      );
      assert.equal((await t.call('GET', '/api/v1/admin/partner-orgs', { as: 'sylva' })).status, 403);
    });

    test('a revoked key revoked again is 409; a replay in a process without a job queue is 409', async () => {
      const c = await t.call('POST', '/api/v1/admin/authorities', { as: 'adam', body: { name: 'ČSSZ', kind: 'social_security' } });
      assert.equal((await t.call('POST', `/api/v1/admin/authorities/${c.body.id}/revoke`, { as: 'adam' })).status, 204);
      const again = await t.call('POST', `/api/v1/admin/authorities/${c.body.id}/revoke`, { as: 'adam' });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'AUTHORITY.ALREADY_REVOKED');
      const replay = await t.call('POST', '/api/v1/admin/webhooks/dead-letters/1/replay', { as: 'adam' });
      assert.equal(replay.status, 409);
      assert.equal(replay.body.code, 'WEBHOOK.NO_JOB_QUEUE');
    });
  });
}
