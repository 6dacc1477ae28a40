/**
 * The register's staff pages over HTTP on both database tiers: finding a visa (by number → 303 to its
 * page by id; by passport and birth date in the POST body, audited), a visa's page (holder, extension
 * with its rule and source, stickers, cancellation), a sticker at a booked appointment (marked attended)
 * and walk-in, cancellation by the granting office's supervisor (422 beside the field, 409 page when
 * cancelled meanwhile), the office's appointments of the day with slot creation, and the mass extension
 * (what the rule would do, the start form, a run's page refreshing while it runs, the job history).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { intakeBody } from '../support/fixtures.ts';
import { WebClient } from '../support/web-client.ts';
import { seedVisas } from '../support/seed-visas.ts';
import { DEMO_HOURS, generateSlots, setOfficeHours } from '../../src/modules/appointments/index.ts';
import { extendVisas } from '../../src/modules/visas/index.ts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

for (const tier of dbTiers()) {
  describe(`register pages [${tier.name}]`, () => {
    let t: TestApp;
    let extId: string;
    let grantedNumber: string;
    let appointmentCode: string;

    /** A browser signed in as `username` (the session cookie the sign-in page sets), with a CSRF token from `page`. */
    const as = async (username: string, page = '/en/staff/register') => {
      const c = new WebClient(t.app);
      c.jar.pobyt_session = await t.token(username);
      const r = await c.get(page);
      assert.equal(r.status, 200, `${username} ${page}: ${r.status} ${r.body.slice(0, 300)}`);
      return c;
    };
    const clean = (html: string) => {
      assert.doesNotMatch(html, /<script|<style| style=/);
    };

    before(async () => {
      // Wednesday 10 January 2024, 10:00 in Prague: the automatic extension of 2023 still holds.
      t = await startTestApp(await tier.open(), { now: '2024-01-10T09:00:00Z' });
      const olga = await t.handle.db.selectFrom('staff_users').select('id').where('username', '=', 'olga').executeTakeFirstOrThrow();
      // One visa the rule extended (31 March 2023 → 31 March 2024), and 30 it has yet to extend.
      await seedVisas(t.handle.db, 'PHA-ZUK', olga.id, {
        n: 1,
        tag: 'ext',
        issuedOn: '2022-07-01',
        validTo: '2023-03-31',
        warRelated: true,
      });
      assert.equal((await extendVisas(t.handle.db, { ruleId: 'auto_extension.tolerance_2023' })).extended, 1);
      await seedVisas(t.handle.db, 'PHA-ZUK', olga.id, {
        n: 30,
        tag: 'mass',
        issuedOn: '2022-08-01',
        validTo: '2023-06-30',
        warRelated: true,
      });
      extId = (await t.handle.db.selectFrom('visas').select('id').where('visa_number', '=', 'VT-EXT00000001').executeTakeFirstOrThrow()).id;
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-01-02' }) });
      const g = await t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
        as: 'olga',
        body: { version: c.body.version, validFrom: '2024-01-10', validTo: '2025-01-09' },
      });
      assert.equal(g.status, 200, JSON.stringify(g.body));
      grantedNumber = g.body.visa.visaNumber;
      await setOfficeHours(t.handle.db, 'PHA-ZUK', DEMO_HOURS);
      // Wednesday 8–17, Thursday and Friday 8–12: one-hour slots, two seats each.
      await generateSlots(t.handle.db, { officeId: 'PHA-ZUK', from: '2024-01-10', to: '2024-01-12', minutes: 60, capacity: 2 });
      const slots = await t.call('GET', '/api/v1/offices/PHA-ZUK/slots?from=2024-01-10&to=2024-01-10');
      const eleven = slots.body.find((s: { startsAt: string }) => s.startsAt === '2024-01-10T10:00:00.000Z');
      const b = await t.call('POST', '/api/v1/appointments', {
        body: { visaNumber: 'VT-EXT00000001', dateOfBirth: '1980-01-01', slotId: eleven.id },
      });
      assert.equal(b.status, 201, JSON.stringify(b.body));
      appointmentCode = b.body.code;
    });
    after(() => t.close());

    test('without a session every page sends to the sign-in page; the register is for officers and supervisors', async () => {
      const anon = new WebClient(t.app);
      const r = await anon.get('/cs/staff/register');
      assert.equal(r.status, 303);
      assert.match(r.location ?? '', /^\/cs\/sign-in\?next=%2Fcs%2Fstaff%2Fregister$/);
      assert.equal((await anon.get(`/en/staff/register/visas/${extId}`)).status, 303);
      assert.equal((await anon.get('/en/staff/appointments')).status, 303);
      assert.equal((await anon.get('/en/staff/extensions')).status, 303);
      const admin = new WebClient(t.app);
      admin.jar.pobyt_session = await t.token('adam');
      assert.equal((await admin.get('/en/staff/register')).status, 403);
      assert.equal((await admin.get(`/en/staff/register/visas/${extId}`)).status, 403);
    });

    test('find by passport number and date of birth: posted, 422 beside the field, the holder’s visas linked by id, audited', async () => {
      const c = await as('sylva', '/cs/staff/register');
      const page = await c.get('/cs/staff/register');
      clean(page.body);
      assert.match(page.body, /<h1>Vyhledat vízum<\/h1>/);
      assert.match(page.body, /<form method="post" action="\/cs\/staff\/register"/);
      assert.equal(
        (await c.post('/cs/staff/register', { by: 'holder', passportNumber: 'EXT00000001', dateOfBirth: '1980-01-01' }, { csrf: false }))
          .status,
        403,
      );
      const bad = await c.post('/cs/staff/register', { by: 'holder', passportNumber: 'A1', dateOfBirth: '' });
      assert.equal(bad.status, 422);
      assert.match(bad.body, /id="error-summary"/);
      assert.match(bad.body, /href="#passportNumber">Zadejte číslo pasu/);
      assert.match(bad.body, /href="#dateOfBirth">Zadejte datum narození/);
      assert.match(bad.body, /id="passportNumber-error"/);
      const before = await t.handle.db.selectFrom('audit_events').select('id').where('action', '=', 'visa.search').execute();
      const r = await c.post('/cs/staff/register', { by: 'holder', passportNumber: 'ext 0000 0001', dateOfBirth: '1980-01-01' });
      assert.equal(r.status, 200);
      clean(r.body);
      assert.match(r.body, new RegExp(`href="/cs/staff/register/visas/${extId}">VT-EXT00000001</a>`));
      assert.match(r.body, /Vízum za účelem strpění pobytu/);
      assert.match(r.body, /31\. března 2024/);
      const after = await t.handle.db.selectFrom('audit_events').select('id').where('action', '=', 'visa.search').execute();
      assert.equal(after.length, before.length + 1);
      const none = await c.post('/cs/staff/register', { by: 'holder', passportNumber: 'EXT00000001', dateOfBirth: '1980-01-02' });
      assert.equal(none.status, 200);
      assert.match(none.body, /Registr nevede žádné vízum udělené v řízení/);
    });

    test('find by visa number: 303 to the page by its id (never the number in the URL); unknown → said beside the field; empty → 422', async () => {
      const c = await as('olga');
      const r = await c.post('/en/staff/register', { by: 'number', visaNumber: ' vt-ext00000001 ' });
      assert.equal(r.status, 303);
      assert.match(r.location ?? '', new RegExp(`^/en/staff/register/visas/${extId}$`));
      const unknown = await c.post('/en/staff/register', { by: 'number', visaNumber: 'VT-NOPE' });
      assert.equal(unknown.status, 200);
      assert.match(unknown.body, /id="visaNumber-error">The register holds no visa with this number/);
      const empty = await c.post('/en/staff/register', { by: 'number', visaNumber: '' });
      assert.equal(empty.status, 422);
      assert.match(empty.body, /href="#visaNumber">Enter the visa number/);
    });

    test('a visa’s page: holder, legal ground, validity, its extension with the rule and source, the booked appointment; the read is audited', async () => {
      const c = await as('sylva');
      const n = async () =>
        (
          await t.handle.db
            .selectFrom('audit_events')
            .select('id')
            .where('action', '=', 'visa.read')
            .where('entity_id', '=', extId)
            .execute()
        ).length;
      const reads = await n();
      const r = await c.get(`/en/staff/register/visas/${extId}`);
      assert.equal(r.status, 200);
      clean(r.body);
      assert.equal(await n(), reads + 1);
      assert.match(r.body, /<h1>Visa VT-EXT00000001<\/h1>/);
      assert.match(r.body, /<dt>Surname<\/dt><dd>TEST<\/dd>/);
      assert.match(r.body, /<dt>Date of birth<\/dt><dd>January 1, 1980<\/dd>/);
      assert.match(r.body, /<dt>Passport number<\/dt><dd>EXT00000001<\/dd>/);
      assert.match(r.body, /<dt>Granted as<\/dt><dd>Tolerance visa/);
      assert.match(r.body, /<dt>Valid to<\/dt><dd>March 31, 2024<\/dd>/);
      assert.match(r.body, /<code>auto_extension\.tolerance_2023<\/code>/);
      assert.match(r.body, /<td>March 31, 2023<\/td><td>March 31, 2024<\/td>/);
      assert.match(r.body, /class="source" href="https?:[^"]+"[^>]*>Legal source: Automatic extension of tolerance visas/);
      assert.match(r.body, new RegExp(`Booked for [^<]*11:00[^<]*, code ${appointmentCode}`));
      assert.match(r.body, /<form method="post" action="\/en\/staff\/register\/visas\/[^"]+\/cancel"/);
      assert.match(r.body, /<form method="post" action="\/en\/staff\/register\/visas\/[^"]+\/stickers"/);
      assert.equal((await c.get('/en/staff/register/visas/00000000-0000-4000-8000-000000000000')).status, 404);
      assert.equal((await c.get('/en/staff/register/visas/not-an-id')).status, 404);
    });

    test('a sticker at the counter: 422 beside the field; at the booked appointment (marked attended), then walk-in', async () => {
      const c = await as('olga', `/en/staff/register/visas/${extId}`);
      const page = await c.get(`/en/staff/register/visas/${extId}`);
      assert.match(page.body, new RegExp(`<option value="${appointmentCode}" selected>`));
      assert.doesNotMatch(page.body, /\/cancel"/, 'an officer gets no cancel form');
      assert.match(page.body, /A visa is cancelled by a supervisor of the office that granted it/);
      const future = await c.post(`/en/staff/register/visas/${extId}/stickers`, { appointmentCode, affixedOn: '2024-01-11' });
      assert.equal(future.status, 422);
      assert.match(future.body, /id="affixedOn-error">A sticker cannot be recorded for a day after today/);
      const badNumber = await c.post(`/en/staff/register/visas/${extId}/stickers`, { affixedOn: '2024-01-10', stickerNumber: 'x' });
      assert.equal(badNumber.status, 422);
      assert.match(badNumber.body, /id="stickerNumber-error"/);
      const ok = await c.post(`/en/staff/register/visas/${extId}/stickers`, {
        appointmentCode,
        affixedOn: '2024-01-10',
        stickerNumber: 'zk123456',
      });
      assert.equal(ok.status, 303, ok.body.slice(0, 400));
      assert.equal(ok.location, `/en/staff/register/visas/${extId}?done=sticker`);
      const shown = await c.get(ok.location!);
      assert.match(shown.body, /The sticker is recorded/);
      assert.match(
        shown.body,
        new RegExp(
          `<td>ZK123456</td><td>[^<]*Žukovského[^<]*</td><td>${appointmentCode}</td>|<td>ZK123456</td><td>[^<]+</td><td>${appointmentCode}</td>`,
        ),
      );
      assert.match(shown.body, /The holder has no booked appointment/);
      const day = await t.call('GET', '/api/v1/offices/PHA-ZUK/appointments?day=2024-01-10', { as: 'olga' });
      const booking = day.body
        .flatMap((s: { bookings: { code: string; status: string }[] }) => s.bookings)
        .find((b: { code: string }) => b.code === appointmentCode);
      assert.equal(booking.status, 'attended');
      // The same appointment again: no longer booked, said beside the choice.
      const stale = await c.post(`/en/staff/register/visas/${extId}/stickers`, { appointmentCode, affixedOn: '2024-01-10' });
      assert.equal(stale.status, 409);
      assert.match(stale.body, /id="appointmentCode-error">This appointment is no longer booked/);
      const walkIn = await c.post(`/en/staff/register/visas/${extId}/stickers`, { appointmentCode: '', affixedOn: '2024-01-10' });
      assert.equal(walkIn.status, 303);
      assert.match((await c.get(`/en/staff/register/visas/${extId}`)).body, /<td>walk-in<\/td>/);
    });

    test('cancellation: only the granting office’s supervisor; 422 beside the field; 303 with what was released; again → 409 page', async () => {
      const sylva = await as('sylva');
      const r = await sylva.post('/en/staff/register', { by: 'number', visaNumber: grantedNumber });
      assert.equal(r.status, 303);
      const url = r.location!;
      assert.match(url, new RegExp(`^/en/staff/register/visas/${UUID}$`));
      const olga = await as('olga', url);
      assert.equal((await olga.post(`${url}/cancel`, { ground: 'holder_request', cancelledOn: '2024-01-10' })).status, 403);
      await sylva.get(url);
      const none = await sylva.post(`${url}/cancel`, { ground: '', cancelledOn: '2024-01-10' });
      assert.equal(none.status, 422);
      assert.match(none.body, /href="#ground">/);
      assert.match(none.body, /id="ground-error"/);
      const future = await sylva.post(`${url}/cancel`, { ground: 'holder_request', cancelledOn: '2024-02-01' });
      assert.equal(future.status, 422);
      assert.match(future.body, /id="cancelledOn-error">A cancellation cannot be dated after today/);
      const done = await sylva.post(`${url}/cancel`, { ground: 'travel_document_invalid', cancelledOn: '2024-01-10' });
      assert.equal(done.status, 303);
      assert.equal(done.location, `${url}?done=cancelled&released=0`);
      const page = await sylva.get(done.location!);
      assert.match(page.body, /The visa is cancelled\. The authorities have been told; no booked appointment was released\./);
      assert.match(page.body, /<dt>Status<\/dt><dd>cancelled<\/dd>/);
      assert.match(page.body, /The travel document was lost or is invalid/);
      assert.doesNotMatch(page.body, /\/cancel"/);
      const twice = await sylva.post(`${url}/cancel`, { ground: 'holder_request', cancelledOn: '2024-01-10' });
      assert.equal(twice.status, 409);
      assert.match(twice.body, /The visa was cancelled meanwhile/);
      // The same page in Czech.
      const cz = await as('sylva', `/cs${url.slice(3)}`);
      assert.match((await cz.get(`/cs${url.slice(3)}`)).body, /<dt>Stav<\/dt><dd>zrušené<\/dd>/);
    });

    test('the appointments of the day: bookings with code, status and the visa’s page; days; slots; a supervisor creates slots', async () => {
      const olga = await as('olga', '/cs/staff/appointments?day=2024-01-10');
      const page = await olga.get('/cs/staff/appointments?day=2024-01-10');
      clean(page.body);
      assert.match(page.body, /<h1>Termíny dne<\/h1>/);
      assert.match(
        page.body,
        new RegExp(
          `<th scope="row">11:00</th><td><code>${appointmentCode}</code></td><td>uskutečněno</td><td>VT-EXT00000001</td><td><a href="/cs/staff/register/visas/${extId}">`,
        ),
      );
      assert.match(page.body, /href="\/cs\/staff\/appointments\?day=2024-01-10" aria-current="date"/);
      assert.match(page.body, /href="\/cs\/staff\/appointments\?day=2024-01-11" rel="next"/);
      assert.match(page.body, /href="\/cs\/staff\/appointments\?day=2024-01-09" rel="prev"/);
      assert.doesNotMatch(page.body, /Vytvořit časy/);
      assert.doesNotMatch(page.body, /TEST|1980/, 'no holder data on the day’s list');
      const today = await olga.get('/cs/staff/appointments');
      assert.match(today.body, /10\. ledna 2024/);
      assert.equal((await olga.get('/cs/staff/appointments?day=2024-13-01')).location, '/cs/staff/appointments');
      assert.equal(
        (await olga.post('/cs/staff/appointments/slots', { from: '2024-01-15', to: '2024-01-15', minutes: '60', capacity: '1' })).status,
        403,
      );

      const sylva = await as('sylva', '/en/staff/appointments?day=2024-01-15');
      const form = await sylva.get('/en/staff/appointments?day=2024-01-15');
      assert.match(form.body, /The office has no slots on this day/);
      assert.match(form.body, /<form method="post" action="\/en\/staff\/appointments\/slots"/);
      const bad = await sylva.post('/en/staff/appointments/slots', { from: '2024-01-15', to: '2024-01-14', minutes: '60', capacity: '1' });
      assert.equal(bad.status, 422);
      assert.match(bad.body, /id="to-error"/);
      const zero = await sylva.post('/en/staff/appointments/slots', { from: '2024-01-15', to: '2024-01-15', minutes: '1', capacity: '1' });
      assert.equal(zero.status, 422);
      assert.match(zero.body, /id="minutes-error">At least 5/);
      const ok = await sylva.post('/en/staff/appointments/slots', { from: '2024-01-15', to: '2024-01-16', minutes: '60', capacity: '3' });
      assert.equal(ok.status, 303);
      // Monday 8–17 (9 slots) and Tuesday 8–12 (4 slots).
      assert.equal(ok.location, '/en/staff/appointments?day=2024-01-15&created=13&existing=0');
      const shown = await sylva.get(ok.location!);
      assert.match(shown.body, /13 slots were created; none existed before\./);
      assert.match(shown.body, /<th scope="row">08:00 AM<\/th><td class="num">3<\/td><td class="num">0<\/td><td class="num">3<\/td>/);
      // Another office's officer sees their own office's day.
      const bruno = await as('bruno', '/en/staff/appointments?day=2024-01-10');
      assert.doesNotMatch((await bruno.get('/en/staff/appointments?day=2024-01-10')).body, new RegExp(appointmentCode));
    });

    test('the mass extension: what the rule would do, a dry run, a run, its page refreshing while it runs, the job history', async () => {
      const officer = await as('olga');
      assert.equal((await officer.get('/en/staff/extensions')).status, 403);
      const c = await as('sylva', '/en/staff/extensions');
      const page = await c.get('/en/staff/extensions');
      clean(page.body);
      assert.match(page.body, /Rule auto_extension\.tolerance_2023/);
      assert.match(
        page.body,
        /issued February 24, 2022 – December 31, 2022 and still valid on January 1, 2023: their validity is extended to March 31, 2024\./,
      );
      assert.match(page.body, /<strong>30 visas are eligible now\.<\/strong>/);
      assert.match(page.body, /class="source" href="https?:/);
      const bad = await c.post('/en/staff/extensions', { rule: 'deadline.tolerance' });
      assert.equal(bad.status, 422);
      assert.match(bad.body, /id="rule-error"/);

      const small = await c.post('/en/staff/extensions', { rule: 'auto_extension.tolerance_2023', batchSize: '5' });
      assert.equal(small.status, 422);
      assert.match(small.body, /id="batchSize-error">At least 10/);
      const dry = await c.post('/en/staff/extensions', { rule: 'auto_extension.tolerance_2023', dryRun: 'on' });
      assert.equal(dry.status, 303);
      assert.match(dry.location ?? '', new RegExp(`^/en/staff/extensions/jobs/${UUID}$`));
      const dryPage = await c.get(dry.location!);
      assert.match(dryPage.body, /Dry run: 30 visas would be extended\. Nothing was changed\./);
      assert.doesNotMatch(dryPage.body, /http-equiv="refresh"/);

      const run = await c.post('/en/staff/extensions', { rule: 'auto_extension.tolerance_2023', batchSize: '10' });
      assert.equal(run.status, 303);
      let job = await c.get(run.location!);
      for (let i = 0; i < 100 && /data-status="running"/.test(job.body); i++) {
        assert.match(job.body, /<meta http-equiv="refresh" content="2"/);
        await new Promise((r) => setTimeout(r, 50));
        job = await c.get(run.location!);
      }
      clean(job.body);
      assert.match(job.body, /data-status="succeeded"/);
      assert.doesNotMatch(job.body, /http-equiv="refresh"/);
      assert.match(job.body, /<progress id="job-progress-bar" max="30" value="30">100 %<\/progress>/);
      assert.match(job.body, /30 of 30 visas processed \(100 %\)/);
      assert.match(job.body, /Finished: 30 visas were extended\./);
      assert.match(job.body, /started [^<]+ by Sylva Supervisor/);

      // A run still going (as the worker leaves it between two batches): the page refreshes itself.
      const going = await t.handle.db
        .insertInto('job_runs')
        .values({
          kind: 'visa.extend',
          params: JSON.stringify({ ruleId: 'auto_extension.tolerance_2023', batchSize: 10 }),
          status: 'running',
          dry_run: false,
          total: 40,
          done: 12,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const live = await c.get(`/cs/staff/extensions/jobs/${going.id}`);
      assert.equal(live.status, 200);
      assert.match(live.body, /<meta http-equiv="refresh" content="2"\/?>/);
      assert.match(live.body, /<progress id="job-progress-bar" max="40" value="12">30 %<\/progress>/);
      assert.match(live.body, /Zpracováno 12 z 40 víz \(30 %\)/);
      assert.match(live.body, /Stránka se sama obnovuje/);
      // The reader may stop the refresh (WCAG 2.2.1) and reload by hand.
      const paused = await c.get(`/cs/staff/extensions/jobs/${going.id}?refresh=off`);
      assert.doesNotMatch(paused.body, /http-equiv="refresh"/);
      assert.match(paused.body, /Automatické obnovování je vypnuté/);
      // An officer may follow a run; nobody reads a job that does not exist.
      assert.equal((await officer.get(`/en/staff/extensions/jobs/${going.id}`)).status, 200);
      assert.equal((await c.get('/en/staff/extensions/jobs/00000000-0000-4000-8000-000000000000')).status, 404);
      assert.equal((await c.get('/en/staff/extensions/jobs/nope')).status, 404);

      const history = await c.get('/en/staff/extensions');
      const rows = [...history.body.matchAll(/<a href="\/en\/staff\/extensions\/jobs\/([0-9a-f-]{36})">/g)].map((m) => m[1]);
      // The run of the set-up (started by no one: the system), the dry run, the run, the one still going.
      assert.equal(rows.length, 4);
      assert.equal(rows[0], going.id, 'newest first');
      assert.match(history.body, /<td>the system<\/td>/);
      assert.match(
        history.body,
        /<td>Sylva Supervisor<\/td><td>auto_extension\.tolerance_2023<\/td><td>run<\/td><td class="num">30 \/ 30<\/td><td>finished<\/td>/,
      );
      assert.match(history.body, /<td>dry run<\/td><td class="num">0 \/ 30<\/td><td>finished<\/td>/);
      assert.match(history.body, /<strong>No visa is eligible now\.<\/strong>/);
    });
  });
}
