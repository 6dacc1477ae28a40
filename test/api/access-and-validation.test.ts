/** Sign-in, roles, office scope, edge validation, idempotency and audited reads, on every database tier. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { PASSWORD, startTestApp, type TestApp } from '../support/test-app.ts';
import { intakeBody } from '../support/fixtures.ts';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';

for (const tier of dbTiers()) {
  describe(`access, validation and audit [${tier.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2024-03-04T09:00:00Z' });
    });
    after(() => t.close());

    test('login sets an HttpOnly cookie and returns a bearer token; both authenticate; logout ends the session', async () => {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'olga', password: PASSWORD } });
      assert.equal(r.statusCode, 200);
      const cookie = String(r.headers['set-cookie']);
      assert.match(cookie, /pobyt_session=/);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      const token = r.json().token as string;
      const byCookie = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { pobyt_session: token } });
      assert.equal(byCookie.statusCode, 200);
      assert.equal(byCookie.json().officeId, 'PHA-ZUK');
      const out = await t.call('POST', '/api/v1/auth/logout', { token });
      assert.equal(out.status, 204);
      const after = await t.call('GET', '/api/v1/auth/me', { token });
      assert.equal(after.status, 401);
      assert.equal(after.body.code, 'AUTH.REQUIRED');
    });

    test('a wrong password and an unknown user get the same 401', async () => {
      const a = await t.call('POST', '/api/v1/auth/login', { body: { username: 'olga', password: 'nope-nope-nope' } });
      const b = await t.call('POST', '/api/v1/auth/login', { body: { username: 'nobody', password: 'nope-nope-nope' } });
      assert.equal(a.status, 401);
      assert.equal(b.status, 401);
      assert.equal(a.body.detail, b.body.detail);
    });

    test('sign-in is rate limited per client: the attempt over the limit gets 429 problem+json', async () => {
      const limited = await buildApp({
        db: t.handle.db,
        config: loadConfig({ LOGIN_ATTEMPTS_PER_MINUTE: '3' } as NodeJS.ProcessEnv),
        clock: t.clock,
        logger: false,
      });
      try {
        const statuses: number[] = [];
        let last: { headers: Record<string, unknown>; json(): any } | null = null;
        for (let i = 0; i < 4; i++) {
          const r = await limited.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username: 'olga', password: 'wrong-password-x' },
          });
          statuses.push(r.statusCode);
          last = r;
        }
        assert.deepEqual(statuses, [401, 401, 401, 429]);
        assert.match(String(last!.headers['content-type']), /application\/problem\+json/);
        assert.equal(last!.json().code, 'RATE_LIMITED');
        assert.ok(last!.headers['retry-after']);
      } finally {
        await limited.close();
      }
    });

    test('every case route requires a session', async () => {
      for (const [m, u] of [
        ['GET', '/api/v1/queue'],
        ['POST', '/api/v1/cases/tolerance'],
        ['GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000'],
      ] as const) {
        const r = await t.call(m, u, m === 'POST' ? { body: {} } : {});
        assert.equal(r.status, 401, `${m} ${u}`);
      }
      const bogus = await t.call('GET', '/api/v1/queue', { token: 'not-a-session' });
      assert.equal(bogus.status, 401);
    });

    test('an officer of another office can neither read nor act on a case (404, as an unknown id); an admin cannot take intake', async () => {
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-03-04' }) });
      assert.equal(c.status, 201);
      // Another office's case answers as an unknown id: 404 with the same problem, nothing to infer.
      const read = await t.call('GET', `/api/v1/cases/${c.body.id}`, { as: 'bruno' });
      const unknown = await t.call('GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000', { as: 'bruno' });
      assert.equal(read.status, 404);
      assert.deepEqual({ ...read.body, instance: '', requestId: '' }, { ...unknown.body, instance: '', requestId: '' });
      const act = await t.call('POST', `/api/v1/cases/${c.body.id}/refuse`, {
        as: 'bruno',
        body: { version: c.body.version, reasons: 'r', legalGround: 'g' },
      });
      assert.equal(act.status, 404);
      const queue = await t.call('GET', '/api/v1/queue?office=PHA-ZUK', { as: 'bruno' });
      assert.equal(queue.status, 403);
      const admin = await t.call('POST', '/api/v1/cases/tolerance', { as: 'adam', body: intakeBody({ receivedOn: '2024-03-04' }) });
      assert.equal(admin.status, 403);
      const sup = await t.call('GET', `/api/v1/cases/${c.body.id}`, { as: 'sylva' });
      assert.equal(sup.status, 200);
    });

    test('schema errors are problem+json with field-level reasons, and nothing is written', async () => {
      const before = await t.handle.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      const body = intakeBody();
      (body.applicant as Record<string, unknown>).passportNumber = 'ab 12';
      // (a left-out identity field is no schema error since the MRZ may fill it: 422 REQUIRED, test/api/people.test.ts)
      (body.checklist.fee as Record<string, unknown>).method = 'bitcoin';
      const r = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body });
      assert.equal(r.status, 400);
      assert.match(String(r.headers['content-type']), /application\/problem\+json/);
      assert.equal(r.body.code, 'REQUEST.INVALID');
      const fields = r.body.errors.map((e: { field: string }) => e.field);
      assert.ok(fields.includes('/applicant/passportNumber'), JSON.stringify(fields));
      assert.ok(
        fields.some((f: string) => f.startsWith('/checklist/fee/method')),
        JSON.stringify(fields),
      );
      const after = await t.handle.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(after.n, before.n);
    });

    test('domain validation: impossible dates, the future, another region, no rule in force', async () => {
      const feb30 = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-02-30' }) });
      assert.equal(feb30.status, 400, JSON.stringify(feb30.body));
      const future = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-03-05' }) });
      assert.equal(future.status, 422);
      assert.deepEqual(
        future.body.errors.map((e: { field: string; reason: string }) => [e.field, e.reason]),
        [['/receivedOn', 'IN_FUTURE']],
      );
      const region = await t.call('POST', '/api/v1/cases/tolerance', {
        as: 'olga',
        body: intakeBody({ receivedOn: '2024-03-04', applicant: { regionCode: 'CZ-64' } }),
      });
      assert.equal(region.status, 422);
      assert.equal(region.body.errors[0].reason, 'OTHER_REGION');
      const old = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2021-06-01' }) });
      assert.equal(old.status, 422);
      assert.equal(old.body.code, 'POLICY.NO_RULE_IN_FORCE');
      assert.match(old.body.detail, /no rule in force on 2021-06-01/);
    });

    test('a stale version is a 409 naming the current one', async () => {
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-03-04' }) });
      const i = await t.call('POST', `/api/v1/cases/${c.body.id}/interrupt`, {
        as: 'olga',
        body: { version: c.body.version, requested: 'Doplňte.', respondBy: '2024-03-20' },
      });
      assert.equal(i.status, 200);
      const stale = await t.call('POST', `/api/v1/cases/${c.body.id}/resume`, { as: 'olga', body: { version: c.body.version } });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, 'CASE.VERSION_CONFLICT');
      assert.equal(stale.body.currentVersion, i.body.version);
    });

    test('a retried request with the same Idempotency-Key does nothing twice', async () => {
      const key = { 'idempotency-key': 'intake-retry-0001' };
      // A retry sends the same body (another body with the key is refused: test/api/security/idempotency-replay.test.ts).
      const body = intakeBody({ receivedOn: '2024-03-04' });
      const a = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body, headers: key });
      const b = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body, headers: key });
      assert.equal(a.status, 201);
      assert.equal(b.status, 200);
      assert.equal(b.headers['idempotent-replay'], 'true');
      assert.equal(b.body.id, a.body.id);
      const gk = { 'idempotency-key': 'grant-retry-0001' };
      const g1 = await t.call('POST', `/api/v1/cases/${a.body.id}/grant`, {
        as: 'olga',
        body: { version: a.body.version, validFrom: '2024-03-04', validTo: '2025-03-03' },
        headers: gk,
      });
      const g2 = await t.call('POST', `/api/v1/cases/${a.body.id}/grant`, {
        as: 'olga',
        body: { version: a.body.version, validFrom: '2024-03-04', validTo: '2025-03-03' },
        headers: gk,
      });
      assert.equal(g1.status, 200);
      assert.equal(g2.status, 200);
      assert.equal(g2.body.version, g1.body.version);
      const visas = await t.handle.db.selectFrom('visas').select('id').where('case_id', '=', a.body.id).execute();
      assert.equal(visas.length, 1);
    });

    test('reading a case and a letter is audited; audit rows carry no names or passport numbers', async () => {
      const c = await t.call('POST', '/api/v1/cases/tolerance', {
        as: 'olga',
        body: intakeBody({ receivedOn: '2024-03-04', checklist: { photo: { submitted: false } } }),
      });
      await t.call('GET', `/api/v1/cases/${c.body.id}`, { as: 'sylva' });
      await t.call('GET', `/api/v1/cases/${c.body.id}/letters/${c.body.letters[0].id}/pdf`, { as: 'olga' });
      const rows = await t.handle.db.selectFrom('audit_events').selectAll().execute();
      const reads = rows.filter((r) => r.action === 'case.read' && r.entity_id === c.body.id);
      assert.equal(reads.length, 1);
      assert.ok(rows.some((r) => r.action === 'letter.read' && r.entity_id === c.body.letters[0].id));
      const dump = JSON.stringify(rows);
      assert.equal(dump.includes('ŠEVČENKOVÁ'), false);
      assert.equal(dump.includes(c.body.applicant.passportNumber), false);
    });

    test('the action log and the audit trail are append-only in the database', async () => {
      await assert.rejects(t.handle.db.updateTable('case_actions').set({ effective_on: '2020-01-01' }).execute(), /append-only/);
      await assert.rejects(t.handle.db.deleteFrom('audit_events').execute(), /append-only/);
    });

    test('health, readiness and the OpenAPI description are public', async () => {
      assert.equal((await t.call('GET', '/health')).status, 200);
      assert.equal((await t.call('GET', '/ready')).body.status, 'ready');
      const spec = await t.call('GET', '/docs/json');
      assert.equal(spec.status, 200);
      assert.ok(spec.body.paths['/api/v1/cases/tolerance']);
      assert.ok(spec.body.paths['/api/v1/cases/{id}/grant']);
      const offices = await t.call('GET', '/api/v1/offices?region=CZ-10');
      assert.equal(offices.status, 200);
      assert.ok(offices.body.some((o: { id: string }) => o.id === 'PHA-ZUK'));
      const regions = await t.call('GET', '/api/v1/regions');
      assert.equal(regions.body.length, 14);
    });
  });
}
