/** Signing in and out on a page, where a role starts, and the staff frame (both database tiers). */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { PASSWORD, startTestApp, type TestApp } from '../support/test-app.ts';
import { staffBrowser, WebClient } from '../support/web-client.ts';

for (const tier of dbTiers()) {
  describe(`staff sign-in pages [${tier.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(await tier.open(), { env: { LOGIN_LOCKOUT_FAILURES: '3' } });
    });
    after(() => t.close());

    test('the sign-in page is a form with labels, a CSRF token and no session', async () => {
      const web = new WebClient(t.app);
      const r = await web.get('/cs/sign-in');
      assert.equal(r.status, 200);
      assert.match(r.body, /<html lang="cs"/);
      assert.match(r.body, /<label class="gov-form-label__label" for="username">Uživatelské jméno/);
      assert.match(r.body, /type="password"/);
      assert.match(r.body, /name="_csrf"/);
      assert.equal(r.headers['cache-control'], 'no-store');
    });

    test('without the CSRF token the form is refused with the 403 page', async () => {
      const web = new WebClient(t.app);
      await web.get('/en/sign-in');
      const r = await web.post('/en/sign-in', { username: 'olga', password: PASSWORD }, { csrf: false });
      assert.equal(r.status, 403);
      assert.match(r.headers['content-type'] as string, /text\/html/);
      assert.equal(web.jar.pobyt_session, undefined);
    });

    test('empty fields: 422 with the error beside each field', async () => {
      const web = new WebClient(t.app);
      await web.get('/cs/sign-in');
      const r = await web.post('/cs/sign-in', { username: '', password: '' });
      assert.equal(r.status, 422);
      assert.match(r.body, /id="username-error">Vyplňte toto pole/);
      assert.match(r.body, /id="password-error">Vyplňte toto pole/);
      assert.match(r.body, /href="#username"/);
    });

    test('a wrong password: 401 with one neutral message; the username stays, the password does not', async () => {
      const web = new WebClient(t.app);
      await web.get('/en/sign-in');
      const r = await web.post('/en/sign-in', { username: 'oskar', password: 'wrong-password-1' });
      assert.equal(r.status, 401);
      assert.match(r.body, /The username or the password is wrong/);
      assert.match(r.body, /value="oskar"/);
      assert.doesNotMatch(r.body, /wrong-password-1/);
    });

    test('each role lands on its start page, with the session cookie the API accepts', async () => {
      for (const [user, home] of [
        ['olga', '/cs/staff/queue'],
        ['sylva', '/cs/staff/dashboard'],
        ['adam', '/cs/staff/admin/users'],
      ] as const) {
        const web = new WebClient(t.app);
        await web.get('/cs/sign-in');
        const r = await web.post('/cs/sign-in', { username: user, password: PASSWORD });
        assert.equal(r.status, 303);
        assert.equal(r.location, home);
        const set = String(r.headers['set-cookie']);
        assert.match(set, /pobyt_session=/);
        assert.match(set, /HttpOnly/i);
        assert.match(set, /SameSite=Strict/i);
        const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${web.jar.pobyt_session}` } });
        assert.equal(me.json().username, user);
        const landing = await web.get('/cs/staff');
        assert.equal(landing.location, home);
      }
    });

    test('`next` brings the person back to the page they asked for, and only to a page of this site', async () => {
      const anon = new WebClient(t.app);
      const r = await anon.get('/en/sign-out');
      assert.equal(r.status, 303);
      assert.equal(r.location, '/en/sign-in');
      const web = new WebClient(t.app);
      await web.get('/en/sign-in?next=%2Fen%2Fstaff%2Fregister');
      const ok = await web.post('/en/sign-in', { username: 'olga', password: PASSWORD, next: '/en/staff/register' });
      assert.equal(ok.location, '/en/staff/register');
      const evil = new WebClient(t.app);
      await evil.get('/en/sign-in');
      const r2 = await evil.post('/en/sign-in', { username: 'olga', password: PASSWORD, next: '//evil.example/en/' });
      assert.equal(r2.location, '/en/staff/queue');
    });

    test('the frame shows who is signed in, the role’s navigation, and a sign-out button', async () => {
      const web = await staffBrowser(t.app, 'sylva');
      const r = await web.get('/cs/sign-out');
      assert.equal(r.status, 200);
      assert.match(r.body, /Sylva Supervisor \(vedoucí\)/);
      assert.match(r.body, /href="\/cs\/staff\/dashboard"/);
      assert.match(r.body, /href="\/cs\/staff\/extensions"/);
      assert.doesNotMatch(r.body, /href="\/cs\/staff\/admin\/users"/);
    });

    test('sign-out ends the session: the API refuses its token afterwards', async () => {
      const web = await staffBrowser(t.app, 'olga');
      const token = web.jar.pobyt_session!;
      await web.get('/cs/sign-out');
      const r = await web.post('/cs/sign-out', {});
      assert.equal(r.status, 303);
      assert.equal(r.location, '/cs/sign-in?out=1');
      assert.equal(web.jar.pobyt_session, undefined);
      const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
      assert.equal(me.statusCode, 401);
      const page = await web.get('/cs/sign-in?out=1');
      assert.match(page.body, /Jste odhlášen/);
    });

    test('repeated failures lock the username on the page too (shared with the API): 429 with the wait', async () => {
      for (let i = 0; i < 3; i++) {
        const r = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'bruno', password: 'nope-nope-nope' },
        });
        assert.equal(r.statusCode, 401);
      }
      const web = new WebClient(t.app);
      await web.get('/en/sign-in');
      const r = await web.post('/en/sign-in', { username: 'bruno', password: PASSWORD });
      assert.equal(r.status, 429);
      assert.match(r.body, /Too many failed attempts. Try again in \d+ seconds/);
      assert.ok(Number(r.headers['retry-after']) > 0);
    });
  });
}
