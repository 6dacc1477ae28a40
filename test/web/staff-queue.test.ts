/** The work queue page, its search, the assignment forms and the AssignmentNotice (both database tiers). */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'preact-render-to-string';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { intakeBody } from '../support/fixtures.ts';
import { staffBrowser, WebClient } from '../support/web-client.ts';
import { AssignmentNotice } from '../../src/modules/cases/index.ts';

const actionOf = (html: string, caseId: string) =>
  new RegExp(`action="/(cs|en)/staff/cases/${caseId}/assignment"[\\s\\S]*?name="version" value="(\\d+)"`).exec(html);

for (const tier of dbTiers()) {
  describe(`the work queue pages [${tier.name}]`, () => {
    let t: TestApp;
    let first: { id: string; reference: string; version: number };
    let second: { id: string; reference: string; version: number };
    const ids: Record<string, string> = {};
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2024-03-04T09:00:00Z' });
      for (const u of ['olga', 'oskar', 'sylva']) ids[u] = (await t.call('GET', '/api/v1/auth/me', { as: u })).body.id;
      const a = await t.call('POST', '/api/v1/cases/tolerance', {
        as: 'olga',
        body: intakeBody({
          receivedOn: '2024-03-01',
          applicant: { surname: 'MELNYK', givenNames: 'ANDRIY', nativeName: 'Мельник Андрій', passportNumber: 'FQ445566' },
        }),
      });
      const b = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-03-04' }) });
      first = a.body;
      second = b.body;
      await t.call('POST', `/api/v1/cases/${second.id}/interrupt`, {
        as: 'olga',
        body: { version: second.version, requested: 'Doložte fotografii.', respondBy: '2024-03-25', on: '2024-03-04' },
      });
    });
    after(() => t.close());

    test('without a session the queue sends to the sign-in page; an admin gets the 403 page', async () => {
      const anon = await new WebClient(t.app).get('/cs/staff/queue');
      assert.equal(anon.status, 303);
      assert.match(anon.location ?? '', /^\/cs\/sign-in/);
      const admin = await staffBrowser(t.app, 'adam');
      const r = await admin.get('/cs/staff/queue');
      assert.equal(r.status, 403);
    });

    test('the queue lists reference (a link to the case), name, type, status, days left, due date and who holds it', async () => {
      const web = await staffBrowser(t.app, 'olga');
      const r = await web.get('/cs/staff/queue');
      assert.equal(r.status, 200);
      assert.match(r.body, /<html lang="cs"/);
      assert.match(r.body, /<caption[^>]*>Otevřená řízení \(2\)<\/caption>/);
      assert.ok(r.body.includes(`href="/cs/staff/cases/${first.id}"`), 'links the case page');
      assert.ok(r.body.includes(first.reference));
      assert.match(r.body, /MELNYK ANDRIY/);
      assert.match(r.body, /Vízum za účelem strpění pobytu/);
      assert.match(r.body, /Posuzuje se/);
      assert.match(r.body, /Řízení přerušeno/);
      assert.match(r.body, /Lhůta neběží/, 'an interrupted case says its clock is stopped');
      assert.match(r.body, /\d+ dn[íy]/);
      assert.match(r.body, /<th scope="col">Kdo na věci pracuje<\/th>/);
      assert.match(r.body, /nikdo/);
      assert.ok(actionOf(r.body, first.id), 'a claim form per row');
      assert.match(r.body, /name="_csrf"/);
      assert.match(r.body, /name="op" value="claim"/);
      assert.match(r.body, /<span class="visually-hidden"> OAM-/, 'each button names its case for a screen reader');
      const en = await web.get('/en/staff/queue');
      assert.match(en.body, /Work queue/);
      assert.match(en.body, /Tolerance visa/);
    });

    test('overdue cases are flagged in words and by the row, not by colour alone', async () => {
      t.clock.set('2024-05-20T09:00:00Z');
      try {
        const web = await staffBrowser(t.app, 'oskar', undefined, 'en');
        const r = await web.get('/en/staff/queue');
        assert.match(r.body, /<tr class="overdue">/);
        assert.match(r.body, /Overdue by \d+ days/);
      } finally {
        t.clock.set('2024-03-04T09:00:00Z');
      }
    });

    test('claim from the queue (303, notice), a colleague sees “held by”, gets the warning page and may take it over', async () => {
      const olga = await staffBrowser(t.app, 'olga');
      let page = await olga.get('/cs/staff/queue');
      const version = actionOf(page.body, first.id)![2]!;
      const claimed = await olga.post(`/cs/staff/cases/${first.id}/assignment`, { op: 'claim', version, back: 'queue' });
      assert.equal(claimed.status, 303);
      assert.equal(claimed.location, `/cs/staff/queue?done=claim&case=${first.id}`);
      page = await olga.get(claimed.location!);
      assert.ok(page.body.includes(`Věc ${first.reference} je nyní vaše.`));
      assert.match(page.body, /<strong>já<\/strong>/);
      assert.match(page.body, /name="op" value="release"/);

      const oskar = await staffBrowser(t.app, 'oskar', undefined, 'en');
      const seen = await oskar.get('/en/staff/queue');
      assert.match(seen.body, /held by Olga Officer/);
      const v = actionOf(seen.body, first.id)![2]!;
      const warned = await oskar.post(`/en/staff/cases/${first.id}/assignment`, { op: 'claim', version: v, back: 'queue' });
      assert.equal(warned.status, 409);
      assert.match(warned.body, /Olga Officer is working on this case\./);
      assert.match(warned.body, /name="op" value="take_over"/);
      const taken = await oskar.post(`/en/staff/cases/${first.id}/assignment`, {
        op: 'take_over',
        version: actionOf(warned.body, first.id)![2]!,
        back: 'queue',
      });
      assert.equal(taken.status, 303);
      const now = await t.call('GET', `/api/v1/cases/${first.id}`, { as: 'olga' });
      assert.equal(now.body.assignee.displayName, 'Oskar Officer');

      const stale = await olga.post(`/cs/staff/cases/${first.id}/assignment`, { op: 'take_over', version, back: 'queue' });
      assert.equal(stale.status, 409, 'a stale version is the 409 page');
      assert.match(String(stale.headers['content-type']), /text\/html/);
      const noCsrf = await olga.post(`/cs/staff/cases/${first.id}/assignment`, { op: 'claim', version, back: 'queue' }, { csrf: false });
      assert.equal(noCsrf.status, 403);
      const released = await oskar.post(`/en/staff/cases/${first.id}/assignment`, { op: 'release', back: 'case' });
      assert.equal(released.status, 303);
      assert.equal(released.location, `/en/staff/cases/${first.id}?done=release`);
    });

    test('status filters and “only mine” are in the query string (status names only)', async () => {
      const olga = await staffBrowser(t.app, 'olga');
      await t.call('POST', `/api/v1/cases/${second.id}/claim`, { as: 'olga', body: {} });
      const interrupted = await olga.get('/cs/staff/queue?status=interrupted');
      assert.match(interrupted.body, /Otevřená řízení \(1\)/);
      assert.ok(interrupted.body.includes(second.reference) && !interrupted.body.includes(first.reference));
      assert.match(interrupted.body, /id="status-interrupted"[^>]*checked/);
      const mine = await olga.get('/cs/staff/queue?mine=1');
      assert.ok(mine.body.includes(second.reference) && !mine.body.includes(first.reference));
      const junk = await olga.get('/cs/staff/queue?status=granted&status=%3Cscript%3E');
      assert.equal(junk.status, 200, 'unknown statuses are ignored');
      assert.match(junk.body, /Otevřená řízení \(2\)/);
      assert.match(olga.jar.pobyt_session ?? '', /./);
      assert.match(interrupted.body, /<form method="get" action="\/cs\/staff\/queue"/);
      assert.match(interrupted.body, /<form method="post" action="\/cs\/staff\/queue\/search"/);
    });

    test('search by passport number, name (any script) or reference: the results page itself (200), the terms kept in the form', async () => {
      const web = await staffBrowser(t.app, 'oskar');
      await web.get('/cs/staff/queue');
      const byPassport = await web.post('/cs/staff/queue/search', { q: 'FQ445566' });
      assert.equal(byPassport.status, 200);
      assert.equal(byPassport.location, undefined, 'no redirect that would carry the terms');
      assert.match(byPassport.body, /Výsledky hledání/);
      assert.match(byPassport.body, /Nalezená řízení \(1\)/);
      assert.ok(byPassport.body.includes(first.reference));
      assert.match(byPassport.body, /nalezeno podle: číslo pasu/);
      assert.match(byPassport.body, /id="q" name="q" type="search" value="FQ445566"/);
      const cyrillic = await web.post('/cs/staff/queue/search', { q: 'Мельник' });
      assert.ok(cyrillic.body.includes(first.reference), 'a name in Cyrillic finds the Latin record');
      const byRef = await web.post('/cs/staff/queue/search', { q: second.reference });
      assert.ok(byRef.body.includes(second.reference) && !byRef.body.includes(first.reference));
      const short = await web.post('/cs/staff/queue/search', { q: 'x' });
      assert.equal(short.status, 422);
      assert.match(short.body, /id="q-error">Zadejte alespoň dva znaky\./);
      assert.match(short.body, /href="#q"/);
      const empty = await web.post('/cs/staff/queue/search', { q: '' });
      assert.equal(empty.status, 422);
      const noCsrf = await web.post('/cs/staff/queue/search', { q: 'FQ445566' }, { csrf: false });
      assert.equal(noCsrf.status, 403);
    });

    test('AssignmentNotice: nobody, me, a colleague (the warning), a supervisor’s assign form, a closed case', () => {
      const view = {
        id: first.id,
        reference: first.reference,
        version: 7,
        assignee: null,
        assignmentActions: ['claim', 'release', 'assign'],
      };
      const actor = (id: string, role: 'officer' | 'supervisor') => ({
        db: null as never,
        clock: null as never,
        config: null as never,
        requestId: null,
        actor: { kind: 'staff' as const, id, username: 'x', displayName: 'X', role, officeId: 'PHA-ZUK', orgId: null },
      });
      const html = (v: object, who = actor(ids.olga!, 'officer'), officers?: { id: string; displayName: string }[]) =>
        render(AssignmentNotice({ locale: 'en', ctx: who, view: { ...view, ...v } as never, csrf: 'tok', officers }));
      const nobody = html({});
      assert.match(nobody, /Nobody is working on this case\./);
      assert.match(nobody, /value="claim"/);
      assert.match(nobody, /name="version" value="7"/);
      assert.match(nobody, /name="back" value="case"/);
      const mine = html({ assignee: { id: ids.olga, displayName: 'Olga Officer' } });
      assert.match(mine, /You are working on this case\./);
      assert.match(mine, /value="release"/);
      const other = html({ assignee: { id: ids.oskar, displayName: 'Oskar Officer' } });
      assert.match(other, /data-color="warning"/);
      assert.match(other, /Oskar Officer is working on this case\./);
      assert.match(other, /value="take_over"/);
      assert.doesNotMatch(other, /value="release"/, 'an officer does not release a colleague’s case');
      const sup = html({ assignee: { id: ids.oskar, displayName: 'Oskar Officer' } }, actor(ids.sylva!, 'supervisor'), [
        { id: ids.olga!, displayName: 'Olga Officer' },
        { id: ids.oskar!, displayName: 'Oskar Officer' },
      ]);
      assert.match(sup, /<select id="officerId" name="officerId"/);
      assert.match(sup, /value="assign"/);
      assert.match(sup, /value="release"/);
      const closed = html({ assignee: { id: ids.oskar, displayName: 'Oskar Officer' }, assignmentActions: [] });
      assert.match(closed, /Oskar Officer is working on this case\./);
      assert.doesNotMatch(closed, /<form/);
      const cs = render(
        AssignmentNotice({
          locale: 'cs',
          ctx: actor(ids.olga!, 'officer'),
          view: { ...view, assignee: { id: ids.oskar!, displayName: 'Oskar Officer' } },
          csrf: 'tok',
        }),
      );
      assert.match(cs, /Na této věci pracuje Oskar Officer\./);
    });
  });
}
