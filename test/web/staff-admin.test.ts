/**
 * The administration pages on both database tiers: staff accounts (list, create with a typed or a
 * generated password, a taken username beside its field, deactivation that ends the sessions),
 * partner organisations, authority clients (the key shown once on a no-store 200 that works against
 * the verify API; revoke after a confirmation), webhook subscriptions (the secret shown once) and dead
 * letters with replay. Only an administrator; other staff get the 403 page, nobody signed in goes to
 * the sign-in page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { intakeBody } from '../support/fixtures.ts';
import { PASSWORD, startTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

const PAGES = ['/staff/admin/users', '/staff/admin/organisations', '/staff/admin/authorities', '/staff/admin/webhooks'];

for (const tier of dbTiers()) {
  describe(`administration pages [${tier.name}]`, () => {
    let t: TestApp;
    let visaNumber: string;
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2026-12-03T09:00:00Z', webhooks: true });
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2026-12-03' }) });
      const g = await t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
        as: 'olga',
        body: { version: c.body.version, validFrom: '2026-12-03', validTo: '2027-12-02' },
      });
      visaNumber = g.body.visa.visaNumber;
    });
    after(() => t.close());

    /** A browser signed in as `username` (the session cookie the sign-in page sets). */
    const as = async (username: string) => {
      const web = new WebClient(t.app);
      web.jar.pobyt_session = await t.token(username);
      return web;
    };
    const verify = (key: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/authority/verify', headers: { 'x-api-key': key }, payload: { visaNumber } });

    test('only an administrator: other staff get the 403 page, nobody signed in goes to sign in', async () => {
      for (const p of PAGES) {
        const anon = await new WebClient(t.app).get(`/cs${p}`);
        assert.equal(anon.status, 303, p);
        assert.equal(anon.location, `/cs/sign-in?next=${encodeURIComponent(`/cs${p}`)}`);
        for (const who of ['olga', 'sylva']) {
          const r = await (await as(who)).get(`/en${p}`);
          assert.equal(r.status, 403, `${p} as ${who}`);
          assert.match(r.body, /You may not do this/);
        }
        const ok = await (await as('adam')).get(`/cs${p}`);
        assert.equal(ok.status, 200, p);
        assert.match(ok.body, /<html lang="cs"/);
        assert.match(ok.body, new RegExp(`href="/cs${p}" aria-current="page"`));
      }
      // A form posted by another role is refused the same way, and nothing is created.
      const olga = await as('olga');
      await olga.get('/cs/staff/queue');
      const r = await olga.post('/cs/staff/admin/authorities', { name: 'Úřad X', kind: 'other' }, { csrf: false });
      assert.equal(r.status, 403);
    });

    test('an authority client: 422 beside the field; the key once on a no-store page; it verifies; revoke after a confirmation', async () => {
      const web = await as('adam');
      await web.get('/cs/staff/admin/authorities');
      const none = await web.post('/cs/staff/admin/authorities', { _csrf: '' }, { csrf: false });
      assert.equal(none.status, 403, 'without the CSRF token');
      await web.get('/cs/staff/admin/authorities');
      const empty = await web.post('/cs/staff/admin/authorities', { name: '', kind: 'health_insurance' });
      assert.equal(empty.status, 422);
      assert.match(empty.body, /id="name-error">Vyplňte toto pole/);
      assert.match(empty.body, /href="#name"/);
      const badScope = await web.post('/cs/staff/admin/authorities', { name: 'VZP', kind: 'health_insurance', scopes: 'passportNumber' });
      assert.equal(badScope.status, 422);
      assert.match(badScope.body, /id="scopes-error"/);
      assert.match(badScope.body, /value="VZP"/, 'what was typed stays');

      const made = await web.post('/cs/staff/admin/authorities', { name: 'VZP', kind: 'health_insurance' });
      assert.equal(made.status, 200);
      assert.equal(made.headers['cache-control'], 'no-store');
      assert.equal(made.location, undefined);
      const key = /<code id="secret">(pbk_[0-9a-f]{12}_[A-Za-z0-9_-]+)<\/code>/.exec(made.body)?.[1];
      assert.ok(key, 'the key is on the page');
      assert.match(made.body, /Zobrazuje se jen tentokrát/);
      const v = await verify(key);
      assert.equal(v.statusCode, 200, v.body);
      assert.ok(!t.logs.lines.some((l) => l.includes(key.slice(17))), 'the key is in no log line');
      assert.equal(v.json().status, 'valid');

      const list = await web.get('/cs/staff/admin/authorities');
      assert.ok(!list.body.includes(key.split('_')[2]!), 'the list never shows the key');
      assert.match(list.body, new RegExp(`<code>${key.split('_').slice(0, 2).join('_')}_…</code>`));
      assert.match(list.body, /Zdravotní pojišťovna/);
      const id = /href="\/cs\/staff\/admin\/authorities\/([0-9a-f-]{36})\/revoke"/.exec(list.body)?.[1];
      assert.ok(id);

      const confirm = await web.get(`/cs/staff/admin/authorities/${id}/revoke`);
      assert.equal(confirm.status, 200);
      assert.match(confirm.body, /Zneplatnit klíč klienta VZP\?/);
      const revoked = await web.post(`/cs/staff/admin/authorities/${id}/revoke`, {});
      assert.equal(revoked.status, 303);
      assert.equal(revoked.location, '/cs/staff/admin/authorities?done=revoked');
      assert.match((await web.get(revoked.location!)).body, /Klíč byl zneplatněn/);
      assert.equal((await verify(key)).statusCode, 401);
      const again = await web.post(`/cs/staff/admin/authorities/${id}/revoke`, {});
      assert.equal(again.status, 409);
      const page = await web.get(`/cs/staff/admin/authorities/${id}/revoke`);
      assert.equal(page.status, 409);
      assert.match(page.body, /id="conflict">Klíč klienta VZP byl zneplatněn již 3\. prosince 2026/);
      assert.equal((await web.get('/cs/staff/admin/authorities/00000000-0000-4000-8000-000000000000/revoke')).status, 404);
      assert.equal((await web.get('/cs/staff/admin/authorities/not-an-id/revoke')).status, 404);
    });

    test('chosen scopes are the client’s; the kind’s defaults otherwise', async () => {
      const web = await as('adam');
      const form = await web.get('/en/staff/admin/authorities');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
      const r = await t.app.inject({
        method: 'POST',
        url: '/en/staff/admin/authorities',
        cookies: web.jar,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${encodeURIComponent(csrf)}&name=Labour+office+Brno&kind=labour_office&scopes=status&scopes=validTo`,
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.match(r.body, /The API key of Labour office Brno/);
      const clients = await t.call('GET', '/api/v1/admin/authorities', { as: 'adam' });
      assert.deepEqual(clients.body.find((c: { name: string }) => c.name === 'Labour office Brno').scopes, ['status', 'validTo']);
    });

    test('a webhook: 422 for a bad address; the signing secret once; the webhooks page lists it without the secret', async () => {
      const web = await as('adam');
      await web.get('/en/staff/admin/authorities');
      const made = await web.post('/en/staff/admin/authorities', { name: 'ČSSZ', kind: 'social_security' });
      const key = /<code id="secret">([^<]+)<\/code>/.exec(made.body)![1]!;
      const list = await web.get('/en/staff/admin/authorities');
      const id = [...list.body.matchAll(/href="\/en\/staff\/admin\/authorities\/([0-9a-f-]{36})\/webhook"/g)].map((m) => m[1]!).at(-1)!;
      const form = await web.get(`/en/staff/admin/authorities/${id}/webhook`);
      assert.equal(form.status, 200);
      assert.match(form.body, /The client has no webhook yet/);
      const bad = await web.post(`/en/staff/admin/authorities/${id}/webhook`, { url: 'ftp://hooks.example.org' });
      assert.equal(bad.status, 422);
      assert.match(bad.body, /id="url-error">An address starting with https:\/\//);
      const ok = await web.post(`/en/staff/admin/authorities/${id}/webhook`, { url: 'https://hooks.example.org/pobyt' });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers['cache-control'], 'no-store');
      const secret = /<code id="secret">([^<]+)<\/code>/.exec(ok.body)?.[1];
      assert.ok(secret && secret.length >= 20);
      assert.ok(!t.logs.lines.some((l) => l.includes(secret)), 'the secret is in no log line');
      const hooks = await web.get('/en/staff/admin/webhooks');
      assert.match(hooks.body, /https:\/\/hooks\.example\.org\/pobyt/);
      assert.ok(!hooks.body.includes(secret) && !hooks.body.includes(key));
      const again = await web.get(`/en/staff/admin/authorities/${id}/webhook`);
      assert.match(again.body, /Now delivered to https:\/\/hooks\.example\.org\/pobyt/);
    });

    test('dead letters: listed with a replay button; a replay is 303, a second one the 409 page', async () => {
      const client = (await t.call('GET', '/api/v1/admin/authorities', { as: 'adam' })).body.find(
        (c: { name: string }) => c.name === 'ČSSZ',
      );
      const d = await t.handle.db
        .insertInto('webhook_dead_letters')
        .values({ client_id: client.id, seq: '1', error: 'receiver answered HTTP 500' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const web = await as('adam');
      const page = await web.get('/cs/staff/admin/webhooks');
      assert.match(page.body, /receiver answered HTTP 500/);
      assert.match(page.body, new RegExp(`action="/cs/staff/admin/webhooks/dead-letters/${d.id}/replay"`));
      const r = await web.post(`/cs/staff/admin/webhooks/dead-letters/${d.id}/replay`, {});
      assert.equal(r.status, 303);
      assert.equal(r.location, '/cs/staff/admin/webhooks?done=replayed');
      const after = await web.get(r.location!);
      assert.match(after.body, /Zpráva je znovu zařazena k doručení/);
      assert.doesNotMatch(after.body, /receiver answered HTTP 500/);
      const twice = await web.post(`/cs/staff/admin/webhooks/dead-letters/${d.id}/replay`, {});
      assert.equal(twice.status, 409);
      assert.match(twice.body, /id="conflict">Tato zpráva už byla odeslána znovu/);
      assert.equal((await web.post('/cs/staff/admin/webhooks/dead-letters/999999/replay', {})).status, 404);
    });

    test('staff accounts: the list; created with a typed password (303) or a generated one (shown once); both sign in', async () => {
      const web = await as('adam');
      const list = await web.get('/cs/staff/admin/users');
      assert.match(
        list.body,
        /<th scope="row"><code>olga<\/code><\/th><td>Olga Officer<\/td><td>Referent<\/td><td>[^<]+<\/td><td>Aktivní<\/td>/,
      );
      assert.match(
        list.body,
        /<code>adam<\/code><\/th><td>Adam Admin<\/td><td>Správce<\/td><td>—<\/td><td>Aktivní<\/td><td>Váš účet<\/td>/,
      );

      const typed = await web.post('/cs/staff/admin/users', {
        username: 'Jana.Novakova',
        displayName: 'Jana Nováková',
        role: 'officer',
        officeId: 'PHA-ZUK',
        orgId: '',
        password: 'a-very-long-password',
      });
      assert.equal(typed.status, 303);
      assert.equal(typed.location, '/cs/staff/admin/users?done=created');
      const login = await t.call('POST', '/api/v1/auth/login', { body: { username: 'jana.novakova', password: 'a-very-long-password' } });
      assert.equal(login.status, 200);
      assert.equal(login.body.actor.officeId, 'PHA-ZUK');

      await web.get('/cs/staff/admin/users');
      const gen = await web.post('/cs/staff/admin/users', {
        username: 'petr.svoboda',
        displayName: 'Petr Svoboda',
        role: 'supervisor',
        officeId: 'JHM-BRN',
        password: '',
      });
      assert.equal(gen.status, 200);
      assert.equal(gen.headers['cache-control'], 'no-store');
      const pw = /<code id="secret">([^<]+)<\/code>/.exec(gen.body)?.[1];
      assert.ok(pw && pw.length >= 12);
      assert.ok(!t.logs.lines.some((l) => l.includes(pw)), 'the password is in no log line');
      assert.equal((await t.call('POST', '/api/v1/auth/login', { body: { username: 'petr.svoboda', password: pw } })).status, 200);
      assert.ok(!(await web.get('/cs/staff/admin/users')).body.includes(pw));
    });

    test('staff accounts: a taken username is 409 beside the field; a missing office or organisation, a short password 422', async () => {
      const web = await as('adam');
      await web.get('/en/staff/admin/users');
      const taken = await web.post('/en/staff/admin/users', {
        username: 'olga',
        displayName: 'Another Olga',
        role: 'officer',
        officeId: 'PHA-ZUK',
        password: 'a-very-long-password',
      });
      assert.equal(taken.status, 409);
      assert.match(taken.body, /id="username-error">That username is taken/);
      assert.match(taken.body, /value="Another Olga"/);
      assert.doesNotMatch(taken.body, /a-very-long-password/, 'the password is not echoed');
      const noOffice = await web.post('/en/staff/admin/users', {
        username: 'ivo.x',
        displayName: 'Ivo X',
        role: 'officer',
        officeId: '',
        password: 'a-very-long-password',
      });
      assert.equal(noOffice.status, 422);
      assert.match(noOffice.body, /id="officeId-error">Officers and supervisors belong to an office/);
      const noOrg = await web.post('/en/staff/admin/users', {
        username: 'ivo.x',
        displayName: 'Ivo X',
        role: 'caseworker',
        password: 'a-very-long-password',
      });
      assert.equal(noOrg.status, 422);
      assert.match(noOrg.body, /id="orgId-error">A partner caseworker belongs to a partner organisation/);
      const short = await web.post('/en/staff/admin/users', { username: 'ivo x', displayName: '', role: 'admin', password: 'short' });
      assert.equal(short.status, 422);
      assert.match(short.body, /id="username-error">Use 3 to 64 lowercase letters/);
      assert.match(short.body, /id="displayName-error">Fill this in/);
      assert.match(short.body, /id="password-error">At least 12 characters/);
    });

    test('deactivation: a confirmation, then the account cannot sign in and its session ends; not one’s own', async () => {
      const web = await as('adam');
      await web.get('/cs/staff/admin/users');
      await web.post('/cs/staff/admin/users', {
        username: 'eva.k',
        displayName: 'Eva K',
        role: 'officer',
        officeId: 'PHA-ZUK',
        password: PASSWORD,
      });
      const eva = await as('eva.k');
      assert.equal((await eva.get('/cs/staff/admin/users')).status, 403, 'signed in (an officer)');
      const list = await web.get('/cs/staff/admin/users');
      const id =
        /href="\/cs\/staff\/admin\/users\/([0-9a-f-]{36})\/deactivate"><!-- -->?Deaktivovat<span class="visually-hidden"> účet eva\.k/.exec(
          list.body,
        )?.[1] ??
        /href="\/cs\/staff\/admin\/users\/([0-9a-f-]{36})\/deactivate">Deaktivovat<span class="visually-hidden"> účet eva\.k/.exec(
          list.body,
        )?.[1];
      assert.ok(id, 'a deactivate link for eva.k');
      const confirm = await web.get(`/cs/staff/admin/users/${id}/deactivate`);
      assert.equal(confirm.status, 200);
      assert.match(confirm.body, /Deaktivovat účet eva\.k\?/);
      const done = await web.post(`/cs/staff/admin/users/${id}/deactivate`, {});
      assert.equal(done.status, 303);
      assert.equal(done.location, '/cs/staff/admin/users?done=deactivated');
      const back = await eva.get('/cs/staff/admin/users');
      assert.equal(back.status, 303, 'the session ended: sent to sign in');
      assert.equal((await t.call('POST', '/api/v1/auth/login', { body: { username: 'eva.k', password: PASSWORD } })).status, 401);
      assert.match(
        (await web.get('/cs/staff/admin/users')).body,
        /<code>eva\.k<\/code><\/th><td>Eva K<\/td><td>Referent<\/td><td>[^<]+<\/td><td>Deaktivován<\/td>/,
      );
      const twice = await web.post(`/cs/staff/admin/users/${id}/deactivate`, {});
      assert.equal(twice.status, 409);
      assert.match(twice.body, /id="conflict">Účet eva\.k už byl deaktivován/);
      const me = (await t.call('GET', '/api/v1/auth/me', { as: 'adam' })).body.id;
      const self = await web.get(`/cs/staff/admin/users/${me}/deactivate`);
      assert.equal(self.status, 409);
      assert.match(self.body, /Vlastní účet deaktivovat nemůžete/);
    });

    test('partner organisations: register (303), a taken name 409 beside the field; a caseworker account for it', async () => {
      const web = await as('adam');
      await web.get('/cs/staff/admin/organisations');
      const empty = await web.post('/cs/staff/admin/organisations', { name: '' });
      assert.equal(empty.status, 422);
      assert.match(empty.body, /id="name-error"/);
      const made = await web.post('/cs/staff/admin/organisations', { name: 'Člověk v tísni' });
      assert.equal(made.status, 303);
      assert.equal(made.location, '/cs/staff/admin/organisations?done=created');
      const dup = await web.post('/cs/staff/admin/organisations', { name: 'Člověk v tísni' });
      assert.equal(dup.status, 409);
      assert.match(dup.body, /id="name-error">Organizace s tímto názvem už je registrována/);

      const users = await web.get('/cs/staff/admin/users');
      const org = /<option value="([0-9a-f-]{36})">Člověk v tísni<\/option>/.exec(users.body)?.[1];
      assert.ok(org, 'the organisation is offered');
      const cw = await web.post('/cs/staff/admin/users', {
        username: 'cvt.worker',
        displayName: 'Karel Pomocný',
        role: 'caseworker',
        officeId: 'PHA-ZUK',
        orgId: org,
        password: PASSWORD,
      });
      assert.equal(cw.status, 303, 'the office of a caseworker is dropped, not an error');
      const orgs = await web.get('/cs/staff/admin/organisations');
      assert.match(orgs.body, /<th scope="row">Člověk v tísni<\/th><td>3\. prosince 2026<\/td><td class="num">1<\/td>/);
    });
  });
}
