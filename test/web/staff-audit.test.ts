/** The audit page (both tiers): a supervisor runs the check (audited), sees both chains hold, then a tampered row named; an officer is refused. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { dbTiers } from '../support/db-tiers.ts';
import { intakeBody } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { staffBrowser } from '../support/web-client.ts';

for (const tier of dbTiers()) {
  describe(`audit page [${tier.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(await tier.open());
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody() });
      assert.equal(c.status, 201);
    });
    after(() => t.close());

    test('an officer gets the 403 page', async () => {
      const web = await staffBrowser(t.app, 'olga');
      assert.equal((await web.get('/cs/staff/audit')).status, 403);
    });

    test('a supervisor runs the check: both chains hold, and the check is itself recorded', async () => {
      const web = await staffBrowser(t.app, 'sylva', undefined, 'en');
      const form = await web.get('/en/staff/audit');
      assert.equal(form.status, 200);
      assert.doesNotMatch(form.body, /data-audit=/);
      const r = await web.post('/en/staff/audit', {});
      assert.equal(r.status, 200);
      assert.match(r.body, /data-audit="ok">Both chains hold/);
      assert.match(r.body, /case actions<\/th><td class="num">\d+<\/td><td>yes/);
      const ev = await t.handle.db.selectFrom('audit_events').select('action').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      assert.equal(ev.action, 'audit.verify');
    });

    test('a changed case action is named on the page', async () => {
      const row = await t.handle.db.selectFrom('case_actions').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
      await sql`alter table case_actions disable trigger case_actions_append_only`.execute(t.handle.db);
      await sql`update case_actions set payload = payload || '{"note":"x"}' where id = ${row.id}`.execute(t.handle.db);
      await sql`alter table case_actions enable trigger case_actions_append_only`.execute(t.handle.db);
      const web = await staffBrowser(t.app, 'adam');
      await web.get('/cs/staff/audit');
      const r = await web.post('/cs/staff/audit', {});
      assert.equal(r.status, 200);
      assert.match(r.body, new RegExp(`data-audit="broken">Řetězec je přerušen v úkony v řízení, řádek ${row.id}: řádek byl změněn`));
    });
  });
}
