/**
 * The administrator's journey in a real browser (Debian's Chromium through playwright-core) with
 * axe-core: sign in → staff accounts → register an authority client → its API key shown once on a
 * no-store page → the key verifies a status against POST /api/v1/authority/verify → revoke it (after
 * a confirmation) and it stops → create a staff account with a generated password → that person signs
 * in. A partner organisation registered by keyboard alone (a visible focus ring at every stop). axe on
 * every page at 1280 and 768 px, no sideways scrolling, no CSP violation. One browser, one app.
 * Skips when Chromium is missing, unless REQUIRE_CHROMIUM=1 (CI).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { AXE, type Browser, launchChromium, type Page, skipWithoutChromium } from '../support/browser.ts';
import { dbTiers } from '../support/db-tiers.ts';
import { intakeBody } from '../support/fixtures.ts';
import { tabTo } from '../support/keyboard.ts';
import { PASSWORD, startTestApp, type TestApp } from '../support/test-app.ts';

const SHOTS = 'screenshots';

describe('administration pages in Chromium', { skip: skipWithoutChromium }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let visaNumber: string;
  before(async () => {
    t = await startTestApp(await dbTiers()[0]!.open(), { now: '2026-12-03T09:00:00Z' });
    const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2026-12-03' }) });
    const g = await t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
      as: 'olga',
      body: { version: c.body.version, validFrom: '2026-12-03', validTo: '2027-12-02' },
    });
    visaNumber = g.body.visa.visaNumber;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function axe(page: Page) {
    await page.evaluate(AXE);
    const r = (await page.evaluate(() => (globalThis as any).axe.run(document, { resultTypes: ['violations'] }))) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  /** axe and no sideways scrolling at 1280 and 768 px; back at 1280 afterwards. */
  async function check(page: Page, name: string) {
    for (const width of [768, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      assert.deepEqual(await axe(page), [], `${name} at ${width}px: axe`);
      const { sw, cw } = await page.evaluate(() => ({
        sw: document.documentElement.scrollWidth,
        cw: document.documentElement.clientWidth,
      }));
      assert.ok(sw <= cw, `${name} at ${width}px: ${sw}px wide in a ${cw}px viewport`);
    }
  }

  const verify = (key: string) =>
    fetch(`${base}/api/v1/authority/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ visaNumber }),
    });

  async function signIn(page: Page, username: string, password: string, lands: RegExp) {
    await page.goto(`${base}/cs/sign-in`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await Promise.all([page.waitForURL(lands), page.click('main form button[type="submit"]')]);
  }

  test('cs: sign in, register an authority client, the key once, it verifies; revoke; a new account signs in', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    await signIn(page, 'adam', PASSWORD, /\/cs\/staff\/admin\/users$/);
    assert.match((await page.textContent('h1')) ?? '', /Uživatelské účty/);
    await check(page, 'staff accounts');
    await page.screenshot({ path: `${SHOTS}/admin-users-cs-1280.png`, fullPage: true });

    await Promise.all([page.waitForURL(/\/cs\/staff\/admin\/authorities$/), page.click('nav a[href="/cs/staff/admin/authorities"]')]);
    await check(page, 'authority clients');
    // An empty name: 422, the error beside the field and in the summary.
    const [bad] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.click('main form button[type="submit"]'),
    ]);
    assert.equal(bad.status(), 422);
    assert.equal(await page.locator('#error-summary a[href="#name"]').count(), 1);
    assert.equal(await page.locator('#name-error').count(), 1);
    await check(page, 'authority clients with an error');

    await page.fill('#name', 'Všeobecná zdravotní pojišťovna');
    await page.selectOption('#kind', 'health_insurance');
    const [made] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.click('main form button[type="submit"]'),
    ]);
    assert.equal(made.status(), 200);
    assert.equal(made.headers()['cache-control'], 'no-store');
    const key = ((await page.textContent('#secret')) ?? '').trim();
    assert.match(key, /^pbk_[0-9a-f]{12}_[A-Za-z0-9_-]{20,}$/);
    assert.ok(!page.url().includes(key.slice(17)), 'the key is not in the address');
    await check(page, 'the key, shown once');
    await page.screenshot({ path: `${SHOTS}/admin-authority-key-cs-1280.png`, fullPage: true });

    const v = await verify(key);
    assert.equal(v.status, 200);
    const answer = (await v.json()) as { status: string; visaNumber: string; validTo?: string };
    assert.equal(answer.visaNumber, visaNumber);
    assert.equal(answer.status, 'valid');
    assert.equal(answer.validTo, '2027-12-02');

    await Promise.all([page.waitForURL(/\/cs\/staff\/admin\/authorities$/), page.click('main a[href="/cs/staff/admin/authorities"]')]);
    assert.ok(!(await page.content()).includes(key.slice(17)), 'never shown again');
    await Promise.all([page.waitForURL(/\/revoke$/), page.click('main a[href$="/revoke"]')]);
    await check(page, 'revoke confirmation');
    await Promise.all([page.waitForURL(/\?done=revoked$/), page.click('main form button[type="submit"]')]);
    assert.match((await page.textContent('main')) ?? '', /Klíč byl zneplatněn/);
    assert.equal((await verify(key)).status, 401);

    // A staff account with a generated password, shown once; its holder signs in.
    await Promise.all([page.waitForURL(/\/cs\/staff\/admin\/users$/), page.click('nav a[href="/cs/staff/admin/users"]')]);
    await page.fill('#username', 'marie.dvorakova');
    await page.fill('#displayName', 'Marie Dvořáková');
    await page.selectOption('#role', 'officer');
    await page.selectOption('#officeId', 'PHA-ZUK');
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.click('main form button[type="submit"]'),
    ]);
    assert.equal(created.status(), 200);
    assert.equal(created.headers()['cache-control'], 'no-store');
    const password = ((await page.textContent('#secret')) ?? '').trim();
    assert.ok(password.length >= 12);
    await check(page, 'generated password');
    await Promise.all([page.waitForURL(/\/cs\/sign-in/), page.click('header form button[type="submit"]')]);
    await signIn(page, 'marie.dvorakova', password, /\/cs\/staff\/queue$/);
    const me = await page.request.get(`${base}/api/v1/auth/me`);
    assert.equal(me.status(), 200);
    assert.equal(((await me.json()) as { username: string }).username, 'marie.dvorakova');
    assert.deepEqual(csp, []);
    await ctx.close();
  });

  test('en by keyboard alone at 768 px: sign in, register a partner organisation and an authority client; the webhooks page', async () => {
    const ctx = await browser.newContext({ viewport: { width: 768, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/en/sign-in`);
    await tabTo(page, '#username');
    await page.keyboard.type('adam');
    await tabTo(page, '#password');
    await page.keyboard.type(PASSWORD);
    await Promise.all([page.waitForURL(/\/en\/staff\/admin\/users$/), page.keyboard.press('Enter')]);
    // The navigation is the frame's (tested with it); this page's own controls from the skip link on.
    await page.goto(`${base}/en/staff/admin/organisations`);
    assert.deepEqual(await axe(page), [], 'organisations (768 px): axe');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#main');
    await page.keyboard.press('Enter');
    await tabTo(page, '#name', { max: 3 });
    await page.keyboard.type('People in Need');
    await tabTo(page, 'main form button[type="submit"]');
    await Promise.all([page.waitForURL(/\?done=created$/), page.keyboard.press('Enter')]);
    assert.match((await page.textContent('main')) ?? '', /The organisation is registered/);
    assert.match((await page.textContent('main table')) ?? '', /People in Need/);
    await check(page, 'organisations after registering');
    // An authority client by keyboard: the name, the kind (arrow keys on the select), one field ticked with Space.
    await page.goto(`${base}/en/staff/admin/authorities`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await tabTo(page, '#name');
    await page.keyboard.type('Labour office Ostrava');
    await tabTo(page, '#kind', { max: 2 });
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.inputValue('#kind'), 'labour_office');
    await tabTo(page, '#scopes-status');
    await page.keyboard.press('Space');
    assert.ok(await page.isChecked('#scopes-status'));
    await tabTo(page, 'main form button[type="submit"]');
    const [made] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.keyboard.press('Enter')]);
    assert.equal(made.status(), 200);
    assert.match((await page.textContent('h1')) ?? '', /The API key of Labour office Ostrava/);
    const key = ((await page.textContent('#secret')) ?? '').trim();
    const v = await verify(key);
    assert.equal(v.status, 200);
    assert.deepEqual(Object.keys((await v.json()) as object).sort(), ['asOf', 'status', 'visaNumber'], 'only the ticked field');
    await check(page, 'the key (en)');
    await page.goto(`${base}/en/staff/admin/authorities`);
    await check(page, 'authority clients (en)');
    await page.setViewportSize({ width: 768, height: 900 });
    await page.screenshot({ path: `${SHOTS}/admin-authorities-en-768.png`, fullPage: true });

    await page.goto(`${base}/en/staff/admin/webhooks`);
    assert.match((await page.textContent('main')) ?? '', /No dead letters/);
    await check(page, 'webhooks');
    await ctx.close();
  });
});
