/** Assignment (claim, release, assign) and the queue's filters and search over HTTP, on every database tier. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { intakeBody } from '../support/fixtures.ts';

for (const tier of dbTiers()) {
  describe(`case assignment and the queue search [${tier.name}]`, () => {
    let t: TestApp;
    const ids: Record<string, string> = {};
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2024-03-04T09:00:00Z' });
      for (const u of ['olga', 'oskar', 'sylva', 'bruno']) {
        const me = await t.call('GET', '/api/v1/auth/me', { as: u });
        ids[u] = me.body.id;
      }
    });
    after(() => t.close());

    const open = async (applicant: Record<string, unknown> = {}) => {
      const r = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-03-01', applicant }) });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body as { id: string; version: number; reference: string; applicant: { passportNumber: string } };
    };
    const act = (as: string, id: string, action: string, body: Record<string, unknown> = {}) =>
      t.call('POST', `/api/v1/cases/${id}/${action}`, { as, body });

    test('claim, see who holds it, take over, release; each an action of the log, audited', async () => {
      const c = await open();
      const fresh = await t.call('GET', `/api/v1/cases/${c.id}`, { as: 'olga' });
      assert.equal(fresh.body.assignee, null);
      assert.deepEqual(fresh.body.assignmentActions, ['claim', 'release', 'assign']);
      assert.ok(!fresh.body.allowedActions.includes('claim'), 'the proceedings’ actions stay apart');

      const claimed = await act('olga', c.id, 'claim', { version: c.version });
      assert.equal(claimed.status, 200, JSON.stringify(claimed.body));
      assert.deepEqual(claimed.body.assignee, { id: ids.olga, displayName: 'Olga Officer' });
      assert.equal(claimed.body.version, c.version + 1);
      assert.equal(claimed.body.status, 'under_assessment', 'the status stays');
      assert.equal(claimed.body.history.at(-1).type, 'claim');

      const seen = await t.call('GET', `/api/v1/cases/${c.id}`, { as: 'oskar' });
      assert.deepEqual(seen.body.assignee, { id: ids.olga, displayName: 'Olga Officer' });

      const refused = await act('oskar', c.id, 'claim', {});
      assert.equal(refused.status, 409);
      assert.equal(refused.body.code, 'CASE.HELD_BY_OTHER');
      assert.match(refused.body.detail, /Olga Officer is working on this case/);
      assert.match(String(refused.headers['content-type']), /application\/problem\+json/);

      const stale = await act('oskar', c.id, 'claim', { version: c.version, takeOver: true });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, 'CASE.VERSION_CONFLICT');

      const taken = await act('oskar', c.id, 'claim', { takeOver: true });
      assert.equal(taken.status, 200);
      assert.deepEqual(taken.body.assignee, { id: ids.oskar, displayName: 'Oskar Officer' });

      const notHers = await act('olga', c.id, 'release');
      assert.equal(notHers.status, 409);
      assert.equal(notHers.body.code, 'CASE.HELD_BY_OTHER');

      const released = await act('oskar', c.id, 'release');
      assert.equal(released.status, 200);
      assert.equal(released.body.assignee, null);
      const again = await act('oskar', c.id, 'release');
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'CASE.NOT_HELD');

      const events = await t.handle.db
        .selectFrom('audit_events')
        .select(['action', 'after'])
        .where('entity_id', '=', c.id)
        .where('action', 'in', ['case.claim', 'case.release'])
        .orderBy('id')
        .execute();
      assert.deepEqual(
        events.map((e) => [e.action, (e.after as { assigneeId: string | null }).assigneeId]),
        [
          ['case.claim', ids.olga],
          ['case.claim', ids.oskar],
          ['case.release', null],
        ],
      );
    });

    test('a supervisor assigns to an officer of the office, and releases anyone’s; an officer may not assign', async () => {
      const c = await open();
      const byOfficer = await act('olga', c.id, 'assign', { officerId: ids.oskar });
      assert.equal(byOfficer.status, 403);
      const otherOffice = await act('sylva', c.id, 'assign', { officerId: ids.bruno });
      assert.equal(otherOffice.status, 422);
      assert.equal(otherOffice.body.errors[0].field, '/officerId');
      const assigned = await act('sylva', c.id, 'assign', { officerId: ids.oskar, version: c.version });
      assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
      assert.deepEqual(assigned.body.assignee, { id: ids.oskar, displayName: 'Oskar Officer' });
      const reassigned = await act('sylva', c.id, 'assign', { officerId: ids.olga });
      assert.deepEqual(reassigned.body.assignee, { id: ids.olga, displayName: 'Olga Officer' });
      const released = await act('sylva', c.id, 'release');
      assert.equal(released.status, 200);
      assert.equal(released.body.assignee, null);
      const elsewhere = await act('bruno', c.id, 'claim');
      assert.equal(elsewhere.status, 404, 'another office’s case is not there');
    });

    test('a claim does not hold back the date of the next step, and a decided case cannot be claimed', async () => {
      const c = await open();
      assert.equal((await act('olga', c.id, 'claim')).status, 200);
      const interrupted = await act('olga', c.id, 'interrupt', {
        version: c.version + 1,
        on: '2024-03-02',
        requested: 'Doložte fotografii.',
        respondBy: '2024-03-20',
      });
      assert.equal(interrupted.status, 200, JSON.stringify(interrupted.body));
      assert.deepEqual(interrupted.body.assignee, { id: ids.olga, displayName: 'Olga Officer' }, 'other actions keep the holder');
      const withdrawn = await act('olga', c.id, 'withdraw', { version: interrupted.body.version });
      assert.equal(withdrawn.status, 200);
      assert.deepEqual(withdrawn.body.assignmentActions, []);
      const late = await act('oskar', c.id, 'claim', { takeOver: true });
      assert.equal(late.status, 409);
      assert.equal(late.body.code, 'CASE.ILLEGAL_TRANSITION');
    });

    test('two officers claiming at once: one holds it, the other gets 409 — with and without the version', async () => {
      for (const withVersion of [false, true]) {
        const c = await open();
        const body = withVersion ? { version: c.version } : {};
        const [a, b] = await Promise.all([act('olga', c.id, 'claim', body), act('oskar', c.id, 'claim', body)]);
        const statuses = [a.status, b.status].sort();
        assert.deepEqual(statuses, [200, 409], JSON.stringify([a.body, b.body]));
        const loser = a.status === 409 ? a : b;
        const winner = a.status === 200 ? 'olga' : 'oskar';
        assert.ok(['CASE.HELD_BY_OTHER', 'CASE.VERSION_CONFLICT'].includes(loser.body.code), loser.body.code);
        const now = await t.call('GET', `/api/v1/cases/${c.id}`, { as: 'sylva' });
        assert.equal(now.body.assignee.id, ids[winner]);
        const claims = await t.handle.db
          .selectFrom('case_actions')
          .select('actor_id')
          .where('case_id', '=', c.id)
          .where('action_type', '=', 'claim')
          .execute();
        assert.deepEqual(
          claims.map((r) => r.actor_id),
          [ids[winner]],
          'one claim in the log',
        );
      }
    });

    test('the queue shows holders, names when asked (audited); filters by status and “only mine”', async () => {
      const a = await open({ surname: 'KOVALENKO', givenNames: 'IRYNA', nativeName: 'Коваленко Ірина' });
      const b = await open();
      await act('oskar', a.id, 'claim');
      await act('olga', b.id, 'interrupt', { version: b.version, requested: 'Doložte pas.', respondBy: '2024-03-25', on: '2024-03-04' });
      const plain = await t.call('GET', '/api/v1/queue', { as: 'oskar' });
      assert.equal(plain.body.items.find((i: { id: string }) => i.id === a.id).applicant, undefined, 'no names unless asked');
      const q = await t.call('GET', '/api/v1/queue?names=true', { as: 'oskar' });
      assert.equal(q.status, 200);
      const rowA = q.body.items.find((i: { id: string }) => i.id === a.id);
      assert.deepEqual(rowA.applicant, { surname: 'KOVALENKO', givenNames: 'IRYNA' });
      assert.deepEqual(rowA.assignee, { id: ids.oskar, displayName: 'Oskar Officer' });

      const mine = await t.call('GET', '/api/v1/queue?mine=true', { as: 'oskar' });
      assert.ok(mine.body.items.length >= 1);
      assert.ok(mine.body.items.every((i: { assignee: { id: string } | null }) => i.assignee?.id === ids.oskar));
      const interrupted = await t.call('GET', '/api/v1/queue?status=interrupted', { as: 'oskar' });
      assert.ok(interrupted.body.items.some((i: { id: string }) => i.id === b.id));
      assert.ok(interrupted.body.items.every((i: { status: string }) => i.status === 'interrupted'));
      const bad = await t.call('GET', '/api/v1/queue?status=granted', { as: 'oskar' });
      assert.equal(bad.status, 422, 'only open statuses filter the queue');
      const read = await t.handle.db
        .selectFrom('audit_events')
        .select('after')
        .where('action', '=', 'queue.read')
        .where('actor_id', '=', ids.oskar!)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.ok(Array.isArray((read.after as { cases: string[] }).cases), 'the read is audited with the case ids');
    });

    test('search inside the queue by reference, passport number and name in any script; the terms are nowhere', async () => {
      const c = await open({ surname: 'BONDARENKO', givenNames: 'TARAS', nativeName: 'Бондаренко Тарас', passportNumber: 'FZ998877' });
      const other = await open();
      const search = (q: string, as = 'olga', extra: Record<string, unknown> = {}) =>
        t.call('POST', '/api/v1/queue/search', { as, body: { q, ...extra } });

      const byPassport = await search('fz 998877');
      assert.equal(byPassport.status, 200, JSON.stringify(byPassport.body));
      assert.deepEqual(
        byPassport.body.items.map((i: { id: string; matchedBy: string[] }) => [i.id, i.matchedBy]),
        [[c.id, ['passport']]],
      );
      const byReference = await search(c.reference.slice(4, 10));
      assert.ok(
        byReference.body.items.some((i: { id: string; matchedBy: string[] }) => i.id === c.id && i.matchedBy.includes('reference')),
      );
      assert.ok(!byReference.body.items.some((i: { id: string }) => i.id === other.id));
      const byName = await search('Bondarenko');
      assert.deepEqual(
        byName.body.items.map((i: { id: string }) => i.id),
        [c.id],
      );
      const cyrillic = await search('Бондаренко');
      assert.ok(
        cyrillic.body.items.some((i: { id: string }) => i.id === c.id),
        JSON.stringify(cyrillic.body),
      );
      const part = await search('bondar');
      assert.ok(
        part.body.items.some((i: { id: string }) => i.id === c.id),
        'part of a name, as plain text',
      );

      const elsewhere = await search('FZ998877', 'bruno');
      assert.deepEqual(elsewhere.body.items, [], 'another office’s queue does not find it');
      const admin = await search('FZ998877', 'adam');
      assert.equal(admin.status, 403);
      const short = await search('x');
      assert.equal(short.status, 400, 'the schema refuses one character');

      const mineOnly = await search('FZ998877', 'olga', { mine: true });
      assert.deepEqual(mineOnly.body.items, [], 'nobody holds it yet');

      const audit = await t.handle.db.selectFrom('audit_events').select(['after']).where('action', '=', 'queue.search').execute();
      assert.ok(audit.length >= 5);
      const text = JSON.stringify(audit);
      assert.ok(!/998877|bondar|Бондаренко/i.test(text), 'the audit holds ids, never the terms');
      assert.equal(t.app.hasRoute({ method: 'GET', url: '/api/v1/queue/search' }), false, 'no GET with terms in the URL');
    });
  });
}
