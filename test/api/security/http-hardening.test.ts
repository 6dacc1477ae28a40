/**
 * Defect 9 (issue 10): HTTP hardening — security headers on the API as on the pages (strict CSP,
 * HSTS only over HTTPS, nosniff, no framing, no referrer), `Cache-Control: no-store` on personal data,
 * an Origin / Sec-Fetch-Site check on cookie-authenticated changes, TRUST_PROXY, and a growing
 * per-account lockout after repeated failed sign-ins.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { dbTiers } from '../../support/db-tiers.ts';
import { PASSWORD, startTestApp, TEST_MASTER_KEY, type TestApp } from '../../support/test-app.ts';
import { intakeBody } from '../../support/fixtures.ts';
import { buildApp, type App } from '../../../src/app.ts';
import { loadConfig } from '../../../src/platform/config.ts';

/** The origin app.inject's requests are addressed to (its Host is localhost:80). */
const SELF = 'http://localhost';
const EVIL = 'https://evil.example';

const isProblem = (r: { headers: Record<string, unknown> }) => /application\/problem\+json/.test(String(r.headers['content-type']));

function csp(h: Record<string, unknown>): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const d of String(h['content-security-policy'] ?? '').split(';')) {
    const [name, ...values] = d.trim().split(/\s+/);
    if (name) m.set(name, values);
  }
  return m;
}

for (const tier of dbTiers()) {
  describe(`HTTP hardening [${tier.name}]`, () => {
    let t: TestApp;
    /** Another app on the same database: behind a trusted proxy on 127.0.0.1, three sign-ins a minute. */
    let proxied: App;
    /** …and one that trusts no proxy, with the same sign-in limit. */
    let direct: App;
    const app = (env: Record<string, string>) =>
      buildApp({
        db: t.handle.db,
        config: loadConfig({ POBYT_MASTER_KEYS: `k1:${TEST_MASTER_KEY}`, ...env } as NodeJS.ProcessEnv),
        clock: t.clock,
        logger: false,
      });
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2024-03-04T09:00:00Z' });
      proxied = await app({ TRUST_PROXY: '127.0.0.1', LOGIN_ATTEMPTS_PER_MINUTE: '3' });
      direct = await app({ LOGIN_ATTEMPTS_PER_MINUTE: '3' });
    });
    after(async () => {
      await proxied.close();
      await direct.close();
      await t.close();
    });

    const signIn = async (username: string) => {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
      assert.equal(r.statusCode, 200, r.body);
      return r.json().token as string;
    };

    test('API answers, errors and pages carry a strict CSP, nosniff, no framing and no referrer; no HSTS over plain HTTP', async () => {
      const token = await t.token('olga');
      const answers = [
        await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } }),
        await t.app.inject({ method: 'GET', url: '/api/v1/no-such-route' }),
        await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'olga', password: 'wrong-wrong' } }),
        await t.app.inject({ method: 'GET', url: '/api/v1/offices' }),
        await t.app.inject({ method: 'GET', url: '/cs/' }),
      ];
      for (const r of answers) {
        const where = `${r.statusCode} ${r.headers['content-type']}`;
        const p = csp(r.headers);
        assert.deepEqual(p.get('default-src'), ["'self'"], where);
        assert.deepEqual(p.get('script-src'), ["'self'"], where);
        assert.deepEqual(p.get('style-src'), ["'self'"], where);
        assert.deepEqual(p.get('frame-ancestors'), ["'none'"], where);
        assert.deepEqual(p.get('object-src'), ["'none'"], where);
        assert.doesNotMatch(String(r.headers['content-security-policy']), /unsafe-inline|unsafe-eval/, where);
        assert.equal(r.headers['x-content-type-options'], 'nosniff', where);
        assert.equal(r.headers['x-frame-options'], 'DENY', where);
        assert.equal(r.headers['referrer-policy'], 'no-referrer', where);
        assert.equal(r.headers['strict-transport-security'], undefined, `${where}: HSTS over plain HTTP`);
      }
    });

    test('HSTS only when the request came over HTTPS, as a trusted proxy says; an untrusted X-Forwarded-Proto is ignored', async () => {
      const https = { 'x-forwarded-proto': 'https' };
      const viaProxy = await proxied.inject({ method: 'GET', url: '/api/v1/offices', headers: https });
      assert.match(String(viaProxy.headers['strict-transport-security']), /^max-age=31536000\b/);
      const plain = await proxied.inject({ method: 'GET', url: '/api/v1/offices' });
      assert.equal(plain.headers['strict-transport-security'], undefined);
      const untrusted = await direct.inject({ method: 'GET', url: '/api/v1/offices', headers: https });
      assert.equal(untrusted.headers['strict-transport-security'], undefined);
      const otherProxy = await proxied.inject({ method: 'GET', url: '/api/v1/offices', headers: https, remoteAddress: '10.9.9.9' });
      assert.equal(otherProxy.headers['strict-transport-security'], undefined);
    });

    test('Swagger UI has its own CSP: inline style attributes, but no inline or foreign script', async () => {
      const r = await t.app.inject({ method: 'GET', url: '/docs/' });
      assert.equal(r.statusCode, 200);
      const p = csp(r.headers);
      assert.deepEqual(p.get('script-src'), ["'self'"]);
      assert.deepEqual(p.get('style-src'), ["'self'", "'unsafe-inline'"]);
      assert.deepEqual(p.get('frame-ancestors'), ["'none'"]);
      assert.doesNotMatch(r.body, /<script>|<script [^>]*>[^<\s]/, 'no inline script in the docs page');
    });

    test('Cache-Control: no-store on answers with personal data (cases, PDFs, sign-in, errors) and pages; assets stay cacheable', async () => {
      // An intake missing a document: the call-for-documents letter is issued at once.
      const c = await t.call('POST', '/api/v1/cases/tolerance', {
        as: 'olga',
        body: intakeBody({ receivedOn: '2024-03-04', checklist: { photo: { submitted: false } } }),
      });
      assert.equal(c.status, 201);
      assert.ok(c.body.letters.length > 0);
      const answers = [
        c,
        await t.call('GET', `/api/v1/cases/${c.body.id}`, { as: 'olga' }),
        await t.call('GET', `/api/v1/cases/${c.body.id}/letters/${c.body.letters[0].id}/pdf`, { as: 'olga' }),
        await t.call('GET', '/api/v1/queue', { as: 'olga' }),
        await t.call('POST', '/api/v1/auth/login', { body: { username: 'oskar', password: PASSWORD } }),
        await t.call('GET', `/api/v1/cases/${c.body.id}`, { as: 'bruno' }),
        await t.call('GET', '/api/v1/auth/me'),
        await t.call('GET', '/cs/navigator'),
      ];
      for (const r of answers) assert.equal(r.headers['cache-control'], 'no-store', `${r.status} ${r.headers['content-type']}`);
      assert.equal(answers[2]!.headers['content-type'], 'application/pdf');
      const asset = await t.app.inject({ method: 'GET', url: '/assets/web/web.css' });
      assert.equal(asset.statusCode, 200);
      assert.match(String(asset.headers['cache-control']), /max-age=86400/);
    });

    test('CSRF: a cookie-signed change from another origin is 403 REQUEST.CROSS_SITE and changes nothing', async () => {
      const token = await signIn('oskar');
      const cookies = { pobyt_session: token };
      const logout = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies, headers });
      const me = () => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies });
      const refusals = [
        await logout({ origin: EVIL }),
        await logout({ origin: 'null' }),
        await logout({ origin: 'http://localhost:8080' }),
        await logout({ 'sec-fetch-site': 'cross-site' }),
        await logout({ 'sec-fetch-site': 'same-site', origin: SELF }),
      ];
      for (const r of refusals) {
        assert.equal(r.statusCode, 403, r.body);
        assert.ok(isProblem(r));
        assert.equal(r.json().code, 'REQUEST.CROSS_SITE');
      }
      assert.equal((await me()).statusCode, 200, 'the session survived every cross-site logout');
      // A cross-site intake is refused before it is written.
      const queue = async () => (await t.call('GET', '/api/v1/queue', { as: 'oskar' })).body;
      const before = JSON.stringify(await queue());
      const intake = await t.app.inject({
        method: 'POST',
        url: '/api/v1/cases/tolerance',
        cookies,
        headers: { origin: EVIL },
        payload: intakeBody({ receivedOn: '2024-03-04' }),
      });
      assert.equal(intake.statusCode, 403);
      assert.equal(JSON.stringify(await queue()), before);
      // Reading with the cookie from anywhere is not a change; the same origin may change things.
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies, headers: { origin: EVIL } })).statusCode, 200);
      assert.equal((await logout({ origin: SELF, 'sec-fetch-site': 'same-origin' })).statusCode, 204);
      assert.equal((await me()).statusCode, 401);
      // Same-origin by Origin alone, by Sec-Fetch-Site alone, and a non-browser client sending neither.
      for (const headers of [{ origin: SELF }, { 'sec-fetch-site': 'same-origin' }, {}]) {
        const s = await signIn('oskar');
        const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { pobyt_session: s }, headers });
        assert.equal(r.statusCode, 204, JSON.stringify(headers));
      }
    });

    test('CSRF: bearer-token, API-key and holder requests are not cookie-authenticated and are not refused for their origin', async () => {
      const bearer = await signIn('oskar');
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { authorization: `Bearer ${bearer}`, origin: EVIL, 'sec-fetch-site': 'cross-site' },
      });
      assert.equal(r.statusCode, 204);
      const a = await t.call('POST', '/api/v1/admin/authorities', { as: 'adam', body: { name: 'VZP', kind: 'health_insurance' } });
      const verify = await t.app.inject({
        method: 'POST',
        url: '/api/v1/authority/verify',
        headers: { 'x-api-key': a.body.apiKey, origin: EVIL },
        payload: { visaNumber: 'VS-0000-000000' },
      });
      assert.notEqual(verify.statusCode, 403, verify.body);
      const holder = await t.app.inject({
        method: 'POST',
        url: '/api/v1/temporary-protection/extension',
        headers: { origin: EVIL, 'sec-fetch-site': 'cross-site' },
        payload: { visaNumber: 'VS-0000-000000', dateOfBirth: '1970-01-01' },
      });
      assert.equal(holder.statusCode, 404, holder.body);
    });

    test('CSRF: the pages’ form still works with its token and is refused without it', async () => {
      const page = await t.app.inject({ method: 'GET', url: '/en/navigator' });
      const field = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(page.body)?.[1];
      const csrf = field('_csrf');
      const question = field('question');
      assert.ok(csrf && question, 'the question page has its token and question');
      const cookie = String(page.headers['set-cookie']).split(';')[0]!;
      const answer = /name="answer"[^>]*value="([^"]*)"/.exec(page.body)?.[1] ?? 'unknown';
      const post = (form: Record<string, string>) =>
        t.app.inject({
          method: 'POST',
          url: '/en/navigator',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: SELF },
          payload: new URLSearchParams(form).toString(),
        });
      const ok = await post({ _csrf: csrf!, state: field('state') ?? '', question: question!, answer });
      assert.equal(ok.statusCode, 303, ok.body);
      assert.equal((await post({ state: '', question: question!, answer })).statusCode, 403);
    });

    test('TRUST_PROXY: behind a trusted proxy the sign-in limit counts the real client (X-Forwarded-For); without it, the proxy', async () => {
      const attempt = (a: App, xff: string) =>
        a.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'x-forwarded-for': xff },
          // A new username each time: the per-account lockout is not what is measured here.
          payload: { username: `nobody-${randomBytes(4).toString('hex')}`, password: 'wrong-wrong' },
        });
      const viaProxy = [];
      for (let i = 0; i < 4; i++) viaProxy.push((await attempt(proxied, '203.0.113.7')).statusCode);
      assert.deepEqual(viaProxy, [401, 401, 401, 429]);
      assert.equal((await attempt(proxied, '203.0.113.8')).statusCode, 401, 'another client behind the same proxy is not blocked');
      const direct4 = [];
      for (let i = 0; i < 4; i++) direct4.push((await attempt(direct, `198.51.100.${i}`)).statusCode);
      assert.deepEqual(direct4, [401, 401, 401, 429], 'an untrusted X-Forwarded-For does not buy a fresh allowance');
    });

    test('lockout: 5 failed sign-ins lock the username for a growing time, 429 with Retry-After, the same whether it exists or not', async () => {
      const login = (username: string, password: string) =>
        t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      const start = t.clock.now().getTime();
      const at = (seconds: number) => t.clock.set(new Date(start + seconds * 1000).toISOString());
      // A real account (in mixed case: one username) and one that does not exist, side by side.
      const names = ['oskar', 'no-such-officer'];
      for (let i = 0; i < 5; i++)
        for (const n of names) assert.equal((await login(i % 2 ? n.toUpperCase() : n, 'wrong-wrong')).statusCode, 401);
      const locked = [await login('oskar', PASSWORD), await login('no-such-officer', PASSWORD)];
      for (const r of locked) {
        assert.equal(r.statusCode, 429, r.body);
        assert.ok(isProblem(r));
        assert.equal(r.json().code, 'AUTH.LOCKED');
        assert.equal(r.headers['retry-after'], '60');
      }
      const strip = (b: string) => ({ ...JSON.parse(b), requestId: '' });
      assert.deepEqual(strip(locked[0]!.body), strip(locked[1]!.body));
      assert.deepEqual(Object.keys(locked[0]!.headers).sort(), Object.keys(locked[1]!.headers).sort());
      // Other accounts sign in as before.
      assert.equal((await login('olga', PASSWORD)).statusCode, 200);
      // 30 s later still locked (30 s to go); after the minute the right password works.
      at(30);
      assert.equal((await login('oskar', PASSWORD)).headers['retry-after'], '30');
      at(61);
      assert.equal((await login('oskar', PASSWORD)).statusCode, 200);
      // The success reset the count: four more failures and a success are all tried.
      for (let i = 0; i < 4; i++) assert.equal((await login('oskar', 'wrong-wrong')).statusCode, 401);
      assert.equal((await login('oskar', PASSWORD)).statusCode, 200);
      // Without a success the next lock is twice as long.
      at(62);
      for (let i = 0; i < 5; i++) assert.equal((await login('no-such-officer', 'wrong-wrong')).statusCode, 401);
      const second = await login('no-such-officer', 'wrong-wrong');
      assert.equal(second.statusCode, 429);
      assert.equal(second.headers['retry-after'], '120');
      // Failures spread wider than the window do not lock.
      for (let i = 0; i < 6; i++) {
        at(200 + i * 4 * 60);
        assert.equal((await login('oskar', 'wrong-wrong')).statusCode, 401, `failure ${i + 1}, four minutes apart`);
      }
      t.clock.set('2024-03-04T09:00:00Z');
    });
  });
}
