/**
 * The staff frame in Chromium: the sign-in page at 1280, 768 and 360 px (axe, no sideways scrolling),
 * a wrong password and then signing in by keyboard alone (visible focus at every stop), the role's
 * navigation, and signing out — with JavaScript off for the caseworker in Ukrainian.
 * Skips when Chromium is missing, unless REQUIRE_CHROMIUM=1 (CI).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { type Browser, launchChromium, scrollsSideways, seriousViolations, skipWithoutChromium } from '../support/browser.ts';
import { dbTiers } from '../support/db-tiers.ts';
import { assertVisibleFocus, tabTo } from '../support/keyboard.ts';
import { PASSWORD, startTestApp, type TestApp } from '../support/test-app.ts';

describe('staff sign-in in Chromium', { skip: skipWithoutChromium }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  before(async () => {
    t = await startTestApp(await dbTiers()[0]!.open());
    const o = await t.call('POST', '/api/v1/admin/partner-orgs', { as: 'adam', body: { name: 'Frame NGO' } });
    await t.call('POST', '/api/v1/admin/staff', {
      as: 'adam',
      body: { username: 'ngo.frame', displayName: 'Iryna NGO', role: 'caseworker', orgId: o.body.id, password: PASSWORD },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the sign-in page at 1280, 768 and 360 px: no serious axe finding, no sideways scrolling', async () => {
    for (const width of [1280, 768, 360]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await ctx.newPage();
      const r = await page.goto(`${base}/cs/sign-in`);
      assert.equal(r?.status(), 200);
      assert.deepEqual(await seriousViolations(page), [], `axe at ${width} px`);
      assert.equal(await scrollsSideways(page), false, `sideways at ${width} px`);
      await ctx.close();
    }
  });

  test('by keyboard alone: a wrong password, then the right one, the navigation, sign-out', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/en/sign-in`);
    await tabTo(page, '#username');
    await page.keyboard.type('olga');
    await tabTo(page, '#password');
    await page.keyboard.type('not-the-password');
    await page.keyboard.press('Enter');
    await page.waitForLoadState('load');
    assert.match((await page.textContent('main')) ?? '', /The username or the password is wrong/);
    await tabTo(page, '#password');
    await assertVisibleFocus(page, 'password field');
    await page.keyboard.type(PASSWORD);
    await tabTo(page, 'form.sign-in-form button[type=submit]');
    await assertVisibleFocus(page, 'sign-in button');
    await Promise.all([page.waitForURL(/\/en\/staff\/queue$/), page.keyboard.press('Enter')]);
    // Olga is an officer: the queue, intake and register are in her navigation; the dashboard is not.
    await page.goto(`${base}/en/sign-out`);
    const nav = await page.$$eval('nav.staff-nav a', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(nav.includes('/en/staff/queue') && nav.includes('/en/staff/intake'), nav.join(' '));
    assert.ok(!nav.includes('/en/staff/dashboard'));
    assert.deepEqual(await seriousViolations(page), []);
    await tabTo(page, 'main button[type=submit]');
    await Promise.all([page.waitForURL(/\/en\/sign-in\?out=1$/), page.keyboard.press('Enter')]);
    assert.match((await page.textContent('main')) ?? '', /You are signed out/);
    await ctx.close();
  });

  test('a partner caseworker in Ukrainian with JavaScript off signs in and out', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${base}/uk/sign-in`);
    assert.equal(await page.getAttribute('html', 'lang'), 'uk');
    await page.fill('#username', 'ngo.frame');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForLoadState('load'), page.click('form.sign-in-form button[type=submit]')]);
    assert.match(new URL(page.url()).pathname, /^\/uk\/ngo\//);
    await page.goto(`${base}/uk/sign-out`);
    assert.match((await page.textContent('header')) ?? '', /Iryna NGO/);
    await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
    assert.equal(new URL(page.url()).pathname, '/uk/sign-in');
    assert.match((await page.textContent('main')) ?? '', /Ви вийшли/);
    await ctx.close();
  });
});
