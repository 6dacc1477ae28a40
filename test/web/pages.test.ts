/** The applicant's pages over HTTP on both database tiers: languages, redirects, CSRF, 422/303, the result. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

function cookiesOf(setCookie: unknown): Record<string, string> {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [String(setCookie)] : [];
  return Object.fromEntries(list.map((c: string) => c.split(';')[0]!.split('=')).map(([k, ...v]) => [k!, v.join('=')]));
}

for (const tier of dbTiers()) {
  describe(`web pages [${tier.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2026-12-02T09:00:00Z' });
    });
    after(() => t.close());

    test('/ redirects by the cookie, then Accept-Language by q, then cs', async () => {
      const byCookie = await t.app.inject({ url: '/', cookies: { lang: 'be' }, headers: { 'accept-language': 'uk' } });
      assert.equal(byCookie.statusCode, 302);
      assert.equal(byCookie.headers.location, '/be/');
      const byHeader = await t.app.inject({ url: '/', headers: { 'accept-language': 'de;q=0.9, ru;q=0.5, uk;q=0.8' } });
      assert.equal(byHeader.headers.location, '/uk/');
      const none = await t.app.inject({ url: '/', headers: { 'accept-language': 'de' } });
      assert.equal(none.headers.location, '/cs/');
    });

    test('the language switch remembers the choice and only redirects inside the site', async () => {
      const r = await t.app.inject({ url: '/lang/ru?to=%2Fru%2Fnavigator' });
      assert.equal(r.statusCode, 303);
      assert.equal(r.headers.location, '/ru/navigator');
      assert.equal(cookiesOf(r.headers['set-cookie']).lang, 'ru');
      const evil = await t.app.inject({ url: '/lang/ru?to=https%3A%2F%2Fevil.example' });
      assert.equal(evil.headers.location, '/ru/');
    });

    test('every home page has its <html lang>, hreflang alternates, no inline script or style, and a strict CSP', async () => {
      for (const l of ['cs', 'en', 'uk', 'ru', 'be']) {
        const r = await t.app.inject({ url: `/${l}/` });
        assert.equal(r.statusCode, 200);
        assert.match(r.headers['content-type'] as string, /text\/html/);
        assert.match(r.body, new RegExp(`<html lang="${l}"`));
        for (const a of ['cs', 'en', 'uk', 'ru', 'be']) assert.match(r.body, new RegExp(`hreflang="${a}" href="/${a}/"`));
        assert.doesNotMatch(r.body, /<script|<style| style=/);
        const csp = String(r.headers['content-security-policy']);
        assert.match(csp, /script-src 'self'/);
        assert.match(csp, /style-src 'self'/);
        assert.doesNotMatch(csp, /unsafe-inline/);
      }
    });

    test('assets are served locally: design-system CSS and Roboto with Cyrillic', async () => {
      const css = await t.app.inject({ url: '/assets/ds/components/gov-button.css' });
      assert.equal(css.statusCode, 200);
      const fonts = await t.app.inject({ url: '/assets/web/fonts.css' });
      assert.match(fonts.body, /roboto-cyrillic-400-normal\.woff2/);
      const woff = await t.app.inject({ url: '/assets/fonts/roboto-cyrillic-400-normal.woff2' });
      assert.equal(woff.statusCode, 200);
    });

    test('a question POST without a CSRF token is refused; without an answer it is 422 with the error beside the field and a summary', async () => {
      const page = await t.app.inject({ url: '/uk/navigator' });
      assert.equal(page.statusCode, 200);
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
      assert.ok(token);
      const cookies = cookiesOf(page.headers['set-cookie']);
      const noToken = await t.app.inject({
        method: 'POST',
        url: '/uk/navigator',
        cookies,
        payload: 'state=&question=held_status&answer=none',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(noToken.statusCode, 403);
      const form = (body: string) =>
        t.app.inject({
          method: 'POST',
          url: '/uk/navigator',
          cookies,
          payload: `_csrf=${encodeURIComponent(token!)}&${body}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
      const empty = await form('state=&question=held_status');
      assert.equal(empty.statusCode, 422);
      assert.match(empty.body, /id="error-summary"/);
      assert.match(empty.body, /href="#answer">Виберіть одну відповідь/);
      assert.match(empty.body, /id="answer-error"/);
      const good = await form('state=&question=held_status&answer=none');
      assert.equal(good.statusCode, 303);
      assert.equal(good.headers.location, '/uk/navigator?held_status=none');
    });

    test('a Ukrainian who cannot get temporary protection reaches the tolerance visa: what to bring, 30 days, rights, the office', async () => {
      const q =
        'held_status=none&nationality=UKR&lived_in_ukraine_before_war=true&applied_protection_in_other_eu_state=false&holds_residence_in_other_state=true&cannot_return=true&in_czech_republic=true&region=CZ-10';
      const r = await t.app.inject({ url: `/en/navigator?${q}` });
      assert.equal(r.statusCode, 200);
      assert.match(r.body, /The route that fits you/);
      assert.match(r.body, /Tolerance|tolerance/);
      assert.match(r.body, /CAPITAL LATIN LETTERS/);
      assert.match(r.body, /CZK 300 in duty stamps/);
      assert.match(r.body, /notary/);
      assert.match(r.body, /inadmissible/);
      assert.match(r.body, /30 days/);
      assert.match(r.body, /Labour Office/);
      assert.match(r.body, /Žukovského 888\/2, Praha 6/);
      assert.match(r.body, /href="https:\/\/frs\.gov\.cz/);
    });

    test('a holder of a tolerance visa: extended automatically, nothing to do, sticker optional, not the TP system', async () => {
      const q = 'held_status=tolerance_visa&nationality=UKR&visa_war_related=true&visa_valid_to=2023-06-30&visa_issued_on=2022-07-01';
      const r = await t.app.inject({ url: `/uk/navigator?${q}` });
      assert.match(r.body, /продовжено автоматично до 31 березня 2024/);
      assert.match(r.body, /не для Вас/);
    });

    test('a Russian journalist: the Civil Society programme through a partner NGO, and the suspension on the date asked about', async () => {
      const q =
        'on=2023-06-01&held_status=none&nationality=RUS&civil_society_category=journalist&publicly_opposes_regime=true&at_risk_at_home=true';
      const r = await t.app.inject({ url: `/ru/navigator?${q}` });
      assert.match(r.body, /Гражданское общество/);
      assert.match(r.body, /неправительственная организация/);
      assert.match(r.body, /Приостановка выдачи виз/);
      assert.match(r.body, /Действует до 31 марта 2024/);
    });

    test('unknown facts and personal-looking parameters are dropped from the state', async () => {
      const r = await t.app.inject({ url: '/en/navigator?surname=HORBAN&held_status=none' });
      assert.equal(r.statusCode, 200);
      assert.doesNotMatch(r.body, /HORBAN/);
      assert.match(r.body, /What is your citizenship/);
    });
  });
}
