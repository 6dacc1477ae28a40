/**
 * The navigator in a real browser (Debian's Chromium through playwright-core) with axe-core: a
 * tolerance-visa journey in uk and cs end to end by clicking, the other languages to the result page,
 * JavaScript off, keyboard only, 360 and 1280 px without sideways scrolling, no CSP violation, and no
 * serious or critical axe finding. Skips when Chromium is missing, unless REQUIRE_CHROMIUM=1 (CI).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { AXE, type Browser, launchChromium, type Page, skipWithoutChromium } from '../support/browser.ts';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const SHOTS = 'screenshots';

describe('navigator in Chromium', { skip: skipWithoutChromium }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  before(async () => {
    const tier = dbTiers()[0]!;
    t = await startTestApp(await tier.open(), { now: '2026-12-02T09:00:00Z' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(opts: { width?: number; js?: boolean; lang?: string } = {}) {
    const ctx = await browser.newContext({
      viewport: { width: opts.width ?? 360, height: 800 },
      javaScriptEnabled: opts.js ?? true,
      locale: opts.lang,
    });
    const page = await ctx.newPage();
    const cspViolations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    return { ctx, page, cspViolations };
  }

  async function axe(page: Page) {
    // The CSP blocks addScriptTag; evaluate the source instead (needs JavaScript on in that context).
    await page.evaluate(AXE);
    const r = (await page.evaluate(() => (globalThis as any).axe.run(document, { resultTypes: ['violations'] }))) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  async function noSidewaysScroll(page: Page) {
    const { sw, cw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
    assert.ok(sw <= cw, `page is ${sw}px wide in a ${cw}px viewport`);
  }

  async function choose(page: Page, value: string) {
    await page.check(`input[name="answer"][value="${value}"]`);
    await Promise.all([page.waitForURL(/navigator\?/), page.click('button[type="submit"]')]);
  }

  const tolerance: [string, string][] = [
    ['held_status', 'none'],
    ['nationality', 'UKR'],
    ['lived_in_ukraine_before_war', 'true'],
    ['applied_protection_in_other_eu_state', 'false'],
    ['holds_residence_in_other_state', 'true'],
    ['cannot_return', 'true'],
    ['in_czech_republic', 'true'],
  ];

  for (const [lang, expect] of [
    ['uk', /ВЕЛИКИМИ ДРУКОВАНИМИ ЛАТИНСЬКИМИ ЛІТЕРАМИ[\s\S]*гербові марки|Гербові марки/],
    ['cs', /VELKÝMI TISKACÍMI PÍSMENY[\s\S]*kolkových známkách/],
  ] as const) {
    test(`tolerance-visa journey in ${lang}, end to end by clicking, at 360 and 1280 px, with axe`, async () => {
      for (const width of [360, 1280]) {
        const { ctx, page, cspViolations } = await open({ width });
        await page.goto(`${base}/${lang}/`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.deepEqual(await axe(page), [], 'home page axe');
        await noSidewaysScroll(page);
        if (width === 360 && lang === 'uk') await page.screenshot({ path: `${SHOTS}/home-${lang}-${width}.png`, fullPage: true });
        await Promise.all([page.waitForURL(/navigator/), page.click('a.start-link')]);
        const answers = new Map(tolerance);
        for (let i = 0; (await page.locator('input[name="question"]').count()) > 0; i++) {
          assert.ok(i < 8, 'more than eight questions');
          if (i === 1) {
            assert.deepEqual(await axe(page), [], 'question page axe');
            await noSidewaysScroll(page);
          }
          const fact = (await page.getAttribute('input[name="question"]', 'value')) ?? '';
          assert.ok(answers.has(fact), `unexpected question ${fact}`);
          await choose(page, answers.get(fact)!);
        }
        const body = await page.textContent('main');
        assert.match(body ?? '', expect);
        await page.selectOption('select[name="region"]', 'CZ-10');
        await Promise.all([page.waitForURL(/region=CZ-10/), page.click('form.region-form button')]);
        assert.match((await page.textContent('main')) ?? '', /Žukovského 888\/2/);
        assert.deepEqual(await axe(page), [], 'result page axe');
        await noSidewaysScroll(page);
        await page.screenshot({ path: `${SHOTS}/result-${lang}-${width}.png`, fullPage: true });
        assert.deepEqual(cspViolations, []);
        await ctx.close();
      }
    });
  }

  for (const lang of ['en', 'ru', 'be']) {
    test(`the ${lang} journey reaches the result page (JavaScript off)`, async () => {
      const { ctx, page } = await open({ js: false });
      await page.goto(`${base}/${lang}/navigator`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      const journalist = ['none', 'RUS', 'journalist', 'true', 'true'];
      for (const value of journalist) await choose(page, value);
      assert.equal(await page.locator('h1').count(), 1);
      assert.match(page.url(), /at_risk_at_home=true/);
      assert.ok(await page.locator('section.route').count());
      await ctx.close();
    });
  }

  test('without JavaScript a missing answer comes back 422 with the error beside the field and a summary', async () => {
    const { ctx, page } = await open({ js: false });
    await page.goto(`${base}/en/navigator`);
    const [resp] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('button[type="submit"]')]);
    assert.equal(resp.status(), 422);
    assert.equal(await page.locator('#error-summary a[href="#answer"]').count(), 1);
    assert.equal(await page.locator('#answer-error').count(), 1);
    await ctx.close();
  });

  test('keyboard alone: Tab to an answer, Space, Enter', async () => {
    const { ctx, page } = await open({ width: 1280 });
    await page.goto(`${base}/be/navigator`);
    // Tab through the page until the first radio has focus.
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'answer')) break;
    }
    await page.keyboard.press('Space');
    await Promise.all([page.waitForURL(/held_status=/), page.keyboard.press('Enter')]);
    assert.match(page.url(), /held_status=tolerance_visa/);
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: `${SHOTS}/question-be-1280.png`, fullPage: true });
    await ctx.close();
  });
});
