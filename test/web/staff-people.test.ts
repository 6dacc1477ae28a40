/**
 * The people pages (both database tiers): the search by POST in another script (nothing typed in a
 * URL or the log), a person's file with the candidates that resemble it, the supervisor's merge,
 * reverse and "different people" decisions, an officer refused them, another office's officer refused
 * the file (the same 404 page as for an unknown person).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { intakeBody } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { staffBrowser } from '../support/web-client.ts';

const OLEKSANDR = { surname: 'SHEVCHENKO', givenNames: 'OLEKSANDR', nativeName: 'Шевченко Олександр', dateOfBirth: '1979-05-17' };

for (const tier of dbTiers()) {
  describe(`people pages [${tier.name}]`, () => {
    let t: TestApp;
    let first: string;
    let second: string;
    let third: string;
    before(async () => {
      t = await startTestApp(await tier.open());
      const intake = async (applicant: Record<string, unknown>) => {
        const r = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ applicant }) });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        return r.body.person.id as string;
      };
      first = await intake({ ...OLEKSANDR, passportNumber: 'FA1234567' });
      second = await intake({
        surname: 'SHEVCHENKO',
        givenNames: 'ALEKSANDR',
        nativeName: null,
        dateOfBirth: OLEKSANDR.dateOfBirth,
        passportNumber: 'EK7654321',
      });
      third = await intake({
        surname: 'SHEVCHENKO',
        givenNames: 'OLEKSANDRA',
        nativeName: null,
        dateOfBirth: '1990-01-01',
        passportNumber: 'FB1111111',
      });
    });
    after(() => t.close());

    test('an officer finds the person by the Cyrillic name, by POST; each hit says why', async () => {
      const web = await staffBrowser(t.app, 'olga');
      const form = await web.get('/cs/staff/people');
      assert.equal(form.status, 200);
      assert.match(form.body, /<form method="post" action="\/cs\/staff\/people"/);
      const r = await web.post('/cs/staff/people', { q: 'Шевченко Олександр', dateOfBirth: '1979-05-17' });
      assert.equal(r.status, 200);
      assert.match(r.body, new RegExp(`href="/cs/staff/people/${first}"`));
      assert.match(r.body, /the name as recorded/);
      assert.match(r.body, /value="Шевченко Олександр"/, 'the terms stay in the form');
      const lines = t.logs.lines.join('\n');
      assert.doesNotMatch(lines, /Шевченко|1979-05-17/);
    });

    test('a query that is too short: 422 with the error beside the field', async () => {
      const web = await staffBrowser(t.app, 'olga', undefined, 'en');
      await web.get('/en/staff/people');
      const r = await web.post('/en/staff/people', { q: 'S' });
      assert.equal(r.status, 422);
      assert.match(r.body, /id="q-error">At least 2 characters/);
    });

    test('the person’s file: passports, spellings, and the other record as a possible duplicate; no decision forms for an officer', async () => {
      const web = await staffBrowser(t.app, 'olga');
      const r = await web.get(`/cs/staff/people/${first}`);
      assert.equal(r.status, 200);
      assert.match(r.body, /FA1234567/);
      assert.match(r.body, /Ševčenko Oleksandr<\/td><td>cs-transcription/);
      assert.match(r.body, new RegExp(`href="/cs/staff/people/${second}"`));
      assert.doesNotMatch(r.body, /\/merge"/);
      const merge = await web.post(`/cs/staff/people/${second}/merge`, { into: first });
      assert.equal(merge.status, 403);
    });

    test('another office’s officer gets the 404 page, the same as for an unknown person', async () => {
      const web = await staffBrowser(t.app, 'bruno');
      const r = await web.get(`/cs/staff/people/${first}`);
      assert.equal(r.status, 404);
      const unknown = await web.get('/cs/staff/people/00000000-0000-4000-8000-000000000000');
      assert.equal(unknown.status, 404);
      const junk = await web.get('/cs/staff/people/not-a-uuid');
      assert.equal(junk.status, 404);
    });

    test('a supervisor merges, reverses the merge, and marks two persons different; an impossible decision is the 409 page', async () => {
      const web = await staffBrowser(t.app, 'sylva');
      const page = await web.get(`/cs/staff/people/${first}`);
      assert.match(page.body, new RegExp(`action="/cs/staff/people/${first}/merge"`));
      const m = await web.post(`/cs/staff/people/${second}/merge`, { into: first });
      assert.equal(m.status, 303);
      assert.equal(m.location, `/cs/staff/people/${second}?done=merged`);
      const merged = await web.get(m.location!);
      assert.match(merged.body, /Osoba byla sloučena/);
      assert.match(merged.body, new RegExp(`action="/cs/staff/people/${second}/unmerge"`));
      const again = await web.post(`/cs/staff/people/${second}/merge`, { into: first });
      assert.equal(again.status, 409);
      assert.match(again.body, /Teď to nelze provést/);
      const u = await web.post(`/cs/staff/people/${second}/unmerge`, {});
      assert.equal(u.status, 303);
      const row = await t.handle.db.selectFrom('persons').select('merged_into').where('id', '=', second).executeTakeFirstOrThrow();
      assert.equal(row.merged_into, null);
      const d = await web.post(`/cs/staff/people/${third}/distinct`, { other: first });
      assert.equal(d.status, 303);
      const after = await web.get(`/cs/staff/people/${third}`);
      assert.match(after.body, /různé osoby/);
    });
  });
}
