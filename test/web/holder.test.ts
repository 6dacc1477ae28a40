/**
 * The holder's pages over HTTP on both database tiers: the status check (422 beside the field, one
 * neutral answer for any wrong pair, 303 and a signed cookie with no personal data), what the register
 * holds, booking → confirmation → .ics, move, cancel, and the holder limit shared with the API.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { intakeBody } from '../support/fixtures.ts';
import { WebClient } from '../support/web-client.ts';
import { DEMO_HOURS, generateSlots, setOfficeHours } from '../../src/modules/appointments/index.ts';
import { extendVisas } from '../../src/modules/visas/index.ts';
import { seedVisas } from '../support/seed-visas.ts';

const BORN = '1988-02-14';

for (const tier of dbTiers()) {
  describe(`holder pages [${tier.name}]`, () => {
    let t: TestApp;
    let visaNumber: string;
    before(async () => {
      // Wednesday 2 December 2026, 10:00 in Prague.
      t = await startTestApp(await tier.open(), { now: '2026-12-02T09:00:00Z' });
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2026-11-02' }) });
      const g = await t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
        as: 'olga',
        body: { version: c.body.version, validFrom: '2026-12-02', validTo: '2027-12-01' },
      });
      assert.equal(g.status, 200, JSON.stringify(g.body));
      visaNumber = g.body.visa.visaNumber;
      await setOfficeHours(t.handle.db, 'PHA-ZUK', DEMO_HOURS);
      // Thursday 8–12 and Friday 8–12: four one-hour slots a day, two seats each.
      await generateSlots(t.handle.db, { officeId: 'PHA-ZUK', from: '2026-12-03', to: '2026-12-04', minutes: 60, capacity: 2 });
    });
    after(() => t.close());

    test('the home page and the holder result of the navigator link to the status check', async () => {
      const home = await t.app.inject({ url: '/cs/' });
      assert.match(home.body, /href="\/cs\/status"/);
      const q = 'held_status=tolerance_visa&nationality=UKR&visa_war_related=true&visa_valid_to=2023-06-30&visa_issued_on=2022-07-01';
      const r = await t.app.inject({ url: `/uk/navigator?${q}` });
      assert.match(r.body, /href="\/uk\/status"/);
    });

    test('the status form: CSRF required, 422 with the error beside each field and a summary, never the data in a URL', async () => {
      const c = new WebClient(t.app);
      const page = await c.get('/uk/status');
      assert.equal(page.status, 200);
      assert.match(page.body, /<form method="post" action="\/uk\/status"/);
      assert.doesNotMatch(page.body, /<script|<style| style=/);
      assert.equal((await c.post('/uk/status', { visaNumber, dateOfBirth: BORN }, { csrf: false })).status, 403);
      await c.get('/uk/status');
      const bad = await c.post('/uk/status', { visaNumber: '', dateOfBirth: '1988-02-30' });
      assert.equal(bad.status, 422);
      assert.match(bad.body, /id="error-summary"/);
      assert.match(bad.body, /href="#visaNumber">Введіть номер візи/);
      assert.match(bad.body, /href="#dateOfBirth">Введіть дату народження/);
      assert.match(bad.body, /id="visaNumber-error"/);
      assert.match(bad.body, /id="dateOfBirth-error"/);
      assert.match(bad.body, /aria-invalid="true"/);
    });

    test('a wrong number, a wrong birth date and both give the same neutral answer; no cookie is set', async () => {
      const answers: string[] = [];
      for (const [n, d] of [
        [`${visaNumber}9`, BORN],
        [visaNumber, '1988-02-15'],
        ['VS-2000-XXX-000000', '1970-01-01'],
      ] as const) {
        const c = new WebClient(t.app);
        await c.get('/en/status');
        const r = await c.post('/en/status', { visaNumber: n, dateOfBirth: d });
        assert.equal(r.status, 200);
        assert.equal(c.jar.holder, undefined);
        const notice = /<div class="gov-message notice"[^>]*id="not-found"[\s\S]*?<\/div>\s*<\/div>/.exec(r.body)?.[0];
        assert.ok(notice, 'the neutral answer');
        answers.push(notice);
      }
      assert.equal(new Set(answers).size, 1);
      assert.match(answers[0]!, /We found no visa for this visa number and date of birth/);
    });

    test('a good check: 303 to the visa page, an HttpOnly signed cookie holding no personal data, what the register holds', async () => {
      const c = new WebClient(t.app);
      await c.get('/cs/status');
      const r = await c.post('/cs/status', { visaNumber: visaNumber.toLowerCase(), dateOfBirth: BORN });
      assert.equal(r.status, 303);
      assert.equal(r.location, '/cs/holder');
      const set = String(([] as unknown[]).concat(r.headers['set-cookie']).find((x) => String(x).startsWith('holder=')));
      assert.match(set, /HttpOnly/);
      assert.match(set, /SameSite=Strict/);
      assert.match(set, /Max-Age=1200/);
      const cookie = c.jar.holder!;
      assert.match(cookie, /^v1\.[0-9a-f-]{36}\.\d+\.[A-Za-z0-9_-]+$/);
      assert.ok(!cookie.includes(visaNumber) && !cookie.includes(BORN) && !cookie.includes('19880214'));
      const visa = await c.get('/cs/holder');
      assert.equal(visa.status, 200);
      assert.match(visa.body, /Vízum za účelem strpění pobytu/);
      assert.ok(visa.body.includes(visaNumber));
      assert.match(visa.body, /Platí od 2\. prosince 2026 do 1\. prosince 2027/);
      assert.match(visa.body, /Registr vede vaše vízum jako platné/);
      assert.match(visa.body, /Dokud je vaše vízum platné, nemusíte nic dělat/);
      assert.match(visa.body, /Nový vízový štítek do cestovního pasu je možnost, nikoli povinnost/);
      assert.match(visa.body, /Neobjednávejte se přes systém pro prodloužení dočasné ochrany/);
      assert.match(visa.body, /href="\/cs\/holder\/book"/);
      // The check is audited; the pages after it are not.
      const audits = await t.handle.db.selectFrom('audit_events').select('action').where('action', '=', 'visa.holder_checked').execute();
      assert.ok(audits.length >= 1);
    });

    test('a visa the register extended automatically: the end date before and after, the legal source; expired now, nothing to book', async () => {
      const olga = await t.handle.db.selectFrom('staff_users').select('id').where('username', '=', 'olga').executeTakeFirstOrThrow();
      await seedVisas(t.handle.db, 'PHA-ZUK', olga.id, {
        n: 1,
        tag: 'ext',
        issuedOn: '2022-07-01',
        validTo: '2023-03-31',
        warRelated: true,
      });
      const run = await extendVisas(t.handle.db, { ruleId: 'auto_extension.tolerance_2023' });
      assert.equal(run.extended, 1);
      const c = new WebClient(t.app);
      await c.get('/en/status');
      const r = await c.post('/en/status', { visaNumber: 'VT-EXT00000001', dateOfBirth: '1980-01-01' });
      assert.equal(r.status, 303);
      const page = await c.get('/en/holder');
      assert.match(
        page.body,
        /Your visa was to end on March 31, 2023\. It was extended automatically by law and now ends on March 31, 2024\./,
      );
      assert.match(page.body, /Your visa expired on March 31, 2024/);
      assert.doesNotMatch(page.body, /you need not do anything/);
      assert.match(page.body, /class="source" href="https?:/);
      assert.match(page.body, /A new sticker can be booked only for a valid tolerance visa/);
      assert.doesNotMatch(page.body, /href="\/en\/holder\/book"/);
      assert.equal((await c.get('/en/holder/book')).location, '/en/holder');
      // Seen in January 2024, while the extension held: valid, nothing to do, the sticker optional.
      t.clock.set('2024-01-10T09:00:00Z');
      try {
        const then = await c.get('/en/holder');
        assert.match(then.body, /The register holds your visa as valid/);
        assert.match(then.body, /extended automatically: you need not do anything/);
        assert.match(then.body, /A new sticker in your passport is optional/);
        assert.match(then.body, /href="\/en\/holder\/book"/);
      } finally {
        t.clock.set('2026-12-02T09:00:00Z');
      }
    });

    test('a tampered or expired cookie sends the holder back to the check', async () => {
      const c = new WebClient(t.app);
      await c.get('/en/status');
      await c.post('/en/status', { visaNumber, dateOfBirth: BORN });
      const good = c.jar.holder!;
      c.jar.holder = `${good.slice(0, -3)}abc`;
      const r = await c.get('/en/holder/book');
      assert.equal(r.status, 303);
      assert.equal(r.location, '/en/status?again=1');
      c.jar.holder = good;
      t.clock.set('2026-12-02T09:21:00Z');
      try {
        const late = await c.get('/en/holder');
        assert.equal(late.location, '/en/status?again=1');
      } finally {
        t.clock.set('2026-12-02T09:00:00Z');
      }
    });

    test('booking: days as links, free times of the day, book → 303 confirmation → .ics; move; cancel', async () => {
      const c = new WebClient(t.app);
      await c.get('/uk/status');
      await c.post('/uk/status', { visaNumber, dateOfBirth: BORN });
      const book = await c.get('/uk/holder/book');
      assert.equal(book.status, 200);
      assert.match(book.body, /Žukovského 888\/2/);
      assert.match(book.body, /href="\/uk\/holder\/book\?day=2026-12-03" aria-current="date"/);
      assert.match(book.body, /href="\/uk\/holder\/book\?day=2026-12-04"/);
      assert.match(book.body, /08:00 \(2 вільні місця\)/);
      const friday = await c.get('/uk/holder/book?day=2026-12-04');
      const slots = [...friday.body.matchAll(/name="slot" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
      assert.equal(slots.length, 4);

      const none = await c.post('/uk/holder/book', { day: '2026-12-04' });
      assert.equal(none.status, 422);
      assert.match(none.body, /href="#slot">Виберіть час/);

      const booked = await c.post('/uk/holder/book', { day: '2026-12-04', slot: slots[1]! });
      assert.equal(booked.status, 303);
      assert.equal(booked.location, '/uk/holder/appointment?done=booked');
      const conf = await c.get(booked.location!);
      assert.match(conf.body, /Ви записані\./);
      assert.match(conf.body, /4 грудня 2026.*09:00/);
      const code = /<strong class="code">([A-Z0-9]{8})<\/strong>/.exec(conf.body)?.[1];
      assert.ok(code);
      assert.match(conf.body, /href="\/uk\/holder\/appointment\.ics"/);

      const ics = await c.get('/uk/holder/appointment.ics');
      assert.equal(ics.status, 200);
      assert.match(String(ics.headers['content-type']), /^text\/calendar/);
      assert.match(String(ics.headers['content-disposition']), new RegExp(`attachment; filename="pobyt-${code}\\.ics"`));
      assert.match(ics.body, new RegExp(`\\r\\nUID:${code}@pobyt\\r\\n`));
      assert.match(ics.body, /\r\nDTSTART:20261204T080000Z\r\nDTEND:20261204T090000Z\r\n/);
      assert.match(ics.body, /\r\nDTSTAMP:20261202T090000Z\r\n/);
      assert.ok(!ics.body.includes(visaNumber) && !ics.body.includes(BORN));
      for (const line of ics.body.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75);

      // A second booking is not possible: the picker now moves the appointment.
      const again = await c.get('/uk/holder/book?day=2026-12-03');
      assert.match(again.body, /action="\/uk\/holder\/move"/);
      const thursday = [...again.body.matchAll(/name="slot" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
      const moved = await c.post('/uk/holder/move', { day: '2026-12-03', slot: thursday[0]! });
      assert.equal(moved.status, 303);
      assert.equal(moved.location, '/uk/holder/appointment?done=moved');
      const after = await c.get(moved.location!);
      assert.match(after.body, /Запис перенесено/);
      assert.match(after.body, /3 грудня 2026.*08:00/);
      assert.ok(after.body.includes(code!), 'the code stays');
      const seats = await t.handle.db
        .selectFrom('appointment_slots')
        .select(['id', 'booked'])
        .where('id', 'in', [slots[1]!, thursday[0]!])
        .execute();
      assert.deepEqual(Object.fromEntries(seats.map((s) => [s.id, s.booked])), { [slots[1]!]: 0, [thursday[0]!]: 1 });

      const cancelled = await c.post('/uk/holder/cancel', {});
      assert.equal(cancelled.status, 303);
      assert.equal(cancelled.location, '/uk/holder?done=cancelled');
      const visa = await c.get(cancelled.location!);
      assert.match(visa.body, /Ваш запис скасовано/);
      assert.match(visa.body, /href="\/uk\/holder\/book"/);
      const freed = await t.handle.db
        .selectFrom('appointment_slots')
        .select('booked')
        .where('id', '=', thursday[0]!)
        .executeTakeFirstOrThrow();
      assert.equal(freed.booked, 0);
      // Finish: the cookie is cleared.
      await c.post('/uk/holder/signout', {});
      assert.equal(c.jar.holder, undefined);
      assert.equal((await c.get('/uk/holder')).location, '/uk/status?again=1');
    });

    test('a full time comes back 409 with the error beside the times', async () => {
      const slot = await t.handle.db
        .insertInto('appointment_slots')
        .values({
          office_id: 'PHA-ZUK',
          purpose: 'sticker',
          starts_at: new Date('2026-12-03T13:00:00Z'),
          minutes: 30,
          capacity: 1,
          booked: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const c = new WebClient(t.app);
      await c.get('/en/status');
      await c.post('/en/status', { visaNumber, dateOfBirth: BORN });
      await c.get('/en/holder/book');
      const r = await c.post('/en/holder/book', { day: '2026-12-03', slot: slot.id });
      assert.equal(r.status, 409);
      assert.match(r.body, /href="#slot">That time has just been taken/);
    });
  });

  describe(`holder limit shared by the pages and the API [${tier.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2026-12-02T09:00:00Z', env: { HOLDER_REQUESTS_PER_MINUTE: '3' } });
    });
    after(() => t.close());

    test('two page checks and one API call use up three; the fourth check is 429 on a page saying how long to wait', async () => {
      const c = new WebClient(t.app);
      await c.get('/ru/status');
      for (let i = 0; i < 2; i++)
        assert.equal((await c.post('/ru/status', { visaNumber: `VS-2026-PHA-ZUK-00000${i}`, dateOfBirth: BORN })).status, 200);
      const api = await t.call('POST', '/api/v1/appointments/AAAAAAAA/cancel', {
        body: { visaNumber: 'VS-2026-PHA-ZUK-000009', dateOfBirth: BORN },
      });
      assert.equal(api.status, 404);
      const r = await c.post('/ru/status', { visaNumber: 'VS-2026-PHA-ZUK-000003', dateOfBirth: BORN });
      assert.equal(r.status, 429);
      assert.match(r.body, /<html lang="ru"/);
      assert.match(r.body, /Слишком много попыток/);
      assert.match(r.body, /Попробуйте снова через \d+ секунд/);
      // The API sees the same counter.
      const api2 = await t.call('POST', '/api/v1/appointments/AAAAAAAA/cancel', {
        body: { visaNumber: 'VS-2026-PHA-ZUK-000009', dateOfBirth: BORN },
      });
      assert.equal(api2.status, 429);
    });
  });
}
