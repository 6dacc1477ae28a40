/**
 * The work queue in a real browser (Debian's Chromium through playwright-core) with axe-core: two
 * officers of one office. Officer A reaches the search and a case's claim button by keyboard alone and
 * claims it; officer B sees "held by A" in the queue, finds the case by its passport number, is warned
 * that A is working on it when claiming it too, and sees it on the case page. axe finds nothing serious and nothing scrolls sideways at 1280 and 768 px on every page.
 * Skips when Chromium is missing, unless REQUIRE_CHROMIUM=1 (CI).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import {
  type Browser,
  launchChromium,
  type Page,
  scrollsSideways,
  seriousViolations,
  signInOnPage,
  skipWithoutChromium,
} from '../support/browser.ts';
import { dbTiers } from '../support/db-tiers.ts';
import { intakeBody } from '../support/fixtures.ts';
import { tabTo } from '../support/keyboard.ts';
import { PASSWORD, startTestApp, type TestApp } from '../support/test-app.ts';

const SHOTS = 'screenshots';
const PASSPORT = 'FB123456';

describe('the work queue in Chromium: two officers, one case', { skip: skipWithoutChromium }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let target: { id: string; reference: string };
  before(async () => {
    // The real time: the session cookie's expiry is set by the app's clock, and the browser keeps only an unexpired one.
    t = await startTestApp(await dbTiers()[0]!.open(), { now: new Date().toISOString() });
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const a = await t.call('POST', '/api/v1/cases/tolerance', {
      as: 'olga',
      body: intakeBody({ receivedOn: daysAgo(40), applicant: { surname: 'HORBAN', givenNames: 'TARAS', nativeName: 'Горбань Тарас' } }),
    });
    const b = await t.call('POST', '/api/v1/cases/tolerance', {
      as: 'olga',
      body: intakeBody({ receivedOn: daysAgo(1), applicant: { surname: 'MELNYK', givenNames: 'OKSANA', passportNumber: PASSPORT } }),
    });
    assert.equal(b.status, 201);
    assert.equal(a.status, 201);
    target = b.body;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  /** axe and no sideways scrolling at 1280 and 768 px on the page as it is. */
  async function check(page: Page, name: string) {
    for (const width of [1280, 768]) {
      await page.setViewportSize({ width, height: 900 });
      assert.deepEqual(await seriousViolations(page), [], `${name} at ${width}px: axe`);
      assert.equal(await scrollsSideways(page), false, `${name} at ${width}px scrolls sideways`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  async function officer(username: string, locale: string) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    await signInOnPage(page, base, username, PASSWORD, locale).catch(async (e) => {
      throw new Error(`${e.message}: ${page.url()} ${(await page.content()).slice(-1500)}`);
    });
    return { ctx, page, csp };
  }

  const text = async (l: { textContent(): Promise<string | null> }) => (await l.textContent()) ?? '';
  const rowOf = (page: Page, reference: string) => page.locator('table.staff-table tbody tr', { hasText: reference });

  test('A claims by keyboard; B sees “held by A”, finds it by passport number and is warned before taking it', async () => {
    const a = await officer('olga', 'cs');
    await a.page.goto(`${base}/cs/staff/queue`);
    assert.match(await a.page.title(), /Pracovní fronta/);
    await check(a.page, 'queue (A)');
    await a.page.screenshot({ path: `${SHOTS}/staff-queue-cs-1280.png`, fullPage: true });

    // Keyboard alone: from the top of the page to the search box, then on to this case's claim button.
    await a.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(a.page, '#q');
    const claim = `form[action="/cs/staff/cases/${target.id}/assignment"] button[value="claim"]`;
    await tabTo(a.page, claim, { max: 80 });
    await Promise.all([a.page.waitForURL(/\/cs\/staff\/queue\?done=claim/), a.page.keyboard.press('Enter')]);
    assert.match(await text(a.page.locator('.staff-notice')), new RegExp(`Věc ${target.reference.replace(/[/]/g, '\\/')} je nyní vaše`));
    assert.match(await text(rowOf(a.page, target.reference)), /já/);
    await check(a.page, 'queue after the claim (A)');

    const b = await officer('oskar', 'en');
    await b.page.goto(`${base}/en/staff/queue`);
    const row = rowOf(b.page, target.reference);
    assert.match(await text(row), /held by Olga Officer/);
    await check(b.page, 'queue (B)');

    // Search by passport number: the results page, the terms in the box, never in the address.
    await b.page.fill('#q', PASSPORT);
    await Promise.all([b.page.waitForLoadState('load'), b.page.click('form.queue-search button[type=submit]')]);
    assert.ok(!b.page.url().includes(PASSPORT), b.page.url());
    assert.match(await text(b.page.locator('h1')), /Search results/);
    assert.equal(await b.page.inputValue('#q'), PASSPORT);
    const found = b.page.locator('table.staff-table tbody tr');
    assert.equal(await found.count(), 1);
    assert.match(await text(found), /held by Olga Officer/);
    assert.match(await text(found), /found by passport number/);
    await check(b.page, 'search results (B)');

    // B claims it too: the warning page says who is working on it and offers the take-over.
    await Promise.all([b.page.waitForLoadState('load'), found.locator('button[value="claim"]').click()]);
    assert.match(await text(b.page.locator('main')), /Olga Officer is working on this case\./);
    assert.equal(await b.page.locator('button[value="take_over"]').count(), 1);
    await check(b.page, 'warning page (B)');

    // The case page (the casework pages) says who holds it; its AssignmentNotice says it in these words.
    await b.page.goto(`${base}/en/staff/cases/${target.id}`);
    assert.match(await text(b.page.locator('main')), /Olga Officer/);
    if (await b.page.locator('.assignment-notice').count())
      assert.match(await text(b.page.locator('.assignment-notice')), /Olga Officer is working on this case\./);
    await check(b.page, 'case page (B)');
    assert.deepEqual([...a.csp, ...b.csp], [], 'no CSP violation');
    await a.ctx.close();
    await b.ctx.close();
  });
});
