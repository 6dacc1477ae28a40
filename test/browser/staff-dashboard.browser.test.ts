/**
 * The supervisor dashboard in Chromium: the supervisor signs in on the page and lands on the dashboard
 * of the seeded office; at 1280 and 768 px no serious axe finding, no sideways scrolling, no CSP
 * violation; by keyboard alone a chart's data table opens and the period form is sent (the URL then
 * holds the two dates only); a case at risk links to its case page.
 * Skips when Chromium is missing, unless REQUIRE_CHROMIUM=1 (CI).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { type Browser, launchChromium, scrollsSideways, seriousViolations, signInOnPage, skipWithoutChromium } from '../support/browser.ts';
import { dbTiers } from '../support/db-tiers.ts';
import { assertVisibleFocus, tabTo } from '../support/keyboard.ts';
import { PASSWORD, startTestApp, type TestApp } from '../support/test-app.ts';
import { seedCaseStats } from '../support/seed-case-stats.ts';

const SHOTS = 'screenshots';

describe('supervisor dashboard in Chromium', { skip: skipWithoutChromium }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let seeded: Awaited<ReturnType<typeof seedCaseStats>>;
  before(async () => {
    t = await startTestApp(await dbTiers()[0]!.open());
    seeded = await seedCaseStats(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the supervisor signs in and sees the dashboard: axe clean and no sideways scrolling at 1280 and 768 px', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) csp.push(m.text());
    });
    await signInOnPage(page, base, 'sylva', PASSWORD, 'cs');
    assert.match(page.url(), /\/cs\/staff\/dashboard$/, 'a supervisor starts on the dashboard');
    assert.equal(await page.textContent('h1'), 'Pracoviště PHA-ZUK: přehled');
    assert.equal(await page.locator('svg.chart-svg[role="img"]').count(), 4);
    assert.equal(await page.locator('section.dashboard-section h2').count(), 5);
    for (const width of [1280, 768]) {
      await page.setViewportSize({ width, height: 900 });
      assert.deepEqual(await seriousViolations(page), [], `axe at ${width} px`);
      assert.equal(await scrollsSideways(page), false, `sideways at ${width} px`);
      // the charts fit their column and stay readable: 12-unit tick labels drawn at 10 px or more
      const { svgWidth, main, tick } = await page.evaluate(() => {
        const svg = document.querySelector('svg.chart-svg') as SVGSVGElement;
        const text = svg.querySelector('text.chart-tick') as SVGTextElement;
        return {
          svgWidth: svg.getBoundingClientRect().width,
          main: (document.querySelector('main') as HTMLElement).clientWidth,
          tick: text.getBoundingClientRect().height,
        };
      });
      assert.ok(svgWidth <= main, `chart ${svgWidth}px in a ${main}px column at ${width} px`);
      assert.ok(tick >= 10, `tick labels ${tick}px high at ${width} px`);
      await page.screenshot({ path: `${SHOTS}/staff-dashboard-${width}.png`, fullPage: true });
    }
    assert.deepEqual(csp, [], 'no CSP violation');
    await ctx.close();
  });

  test('by keyboard alone: a chart’s data table opens; the period form sends the two dates only; a case at risk opens', async () => {
    const ctx = await browser.newContext({ viewport: { width: 768, height: 900 } });
    const page = await ctx.newPage();
    await signInOnPage(page, base, 'sylva', PASSWORD, 'en');
    const summary = '#chart-backlog details.chart-data > summary';
    assert.equal(await page.locator('#chart-backlog table').isVisible(), false, 'the table starts closed');
    await tabTo(page, summary);
    await assertVisibleFocus(page, 'the data table’s summary');
    await page.keyboard.press('Enter');
    await page.locator('#chart-backlog table').waitFor({ state: 'visible' });
    assert.equal(await page.getAttribute('#chart-backlog details', 'open'), '');
    const caption = await page.textContent('#chart-backlog table caption');
    assert.equal(caption, 'Backlog by days left');
    assert.deepEqual(await page.$$eval('#chart-backlog tbody tr', (rows) => rows.map((r) => r.textContent)), [
      'Overdue1',
      '0–5 days1',
      '6–10 days0',
      '11–20 days1',
      '21–30 days1',
      'More than 30 days0',
      'Interrupted (clock stopped)1',
    ]);
    assert.deepEqual(await seriousViolations(page), [], 'axe with the table open');
    assert.equal(await scrollsSideways(page), false, 'sideways with the table open');

    // The period: fill both dates from the keyboard, send with Enter.
    await tabTo(page, '#from', { back: true });
    await page.fill('#from', '2024-04-03');
    await tabTo(page, '#to');
    await page.fill('#to', '2024-04-09');
    await Promise.all([page.waitForURL(/from=2024-04-03/), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).search, '?from=2024-04-03&to=2024-04-09', 'only the two dates in the URL');
    assert.match((await page.textContent('p.lead')) ?? '', /from April 3, 2024 to April 9, 2024/);

    // The case at risk with the nearest deadline comes first and links to its case page.
    const href = `/en/staff/cases/${seeded.H!.id}`;
    await tabTo(page, `main a[href="${href}"]`);
    await assertVisibleFocus(page, 'the case at risk');
    await Promise.all([page.waitForURL(new RegExp(`${href}$`)), page.keyboard.press('Enter')]);
    await ctx.close();
  });
});
