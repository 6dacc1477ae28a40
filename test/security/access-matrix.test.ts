/**
 * The authorization matrix (issue 10), on both database tiers: every route the app registers × nine
 * principals, against the answers declared in `access-matrix.ts`. One object of each kind is seeded,
 * owned by office A (PHA-ZUK) and organisation A.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { PASSWORD, startTestApp, type TestApp } from '../support/test-app.ts';
import { intakeBody } from '../support/fixtures.ts';
import { WebClient } from '../support/web-client.ts';
import { routeTable } from '../../src/app.ts';
import { DEMO_HOURS, setOfficeHours } from '../../src/modules/appointments/index.ts';
import { declarationOf, type Expect, MATRIX, PRINCIPALS, type Principal, type World } from './access-matrix.ts';

const USERNAME: Partial<Record<Principal, string>> = {
  officerA: 'olga',
  officerB: 'bruno',
  supervisor: 'sylva',
  admin: 'adam',
  ngoA: 'ngo.a',
  ngoB: 'ngo.b',
};

/** Whether an answer matches an expectation (see access-matrix.ts). */
export function matches(e: Expect, status: number, location: string | undefined): boolean {
  const toCheck = status === 303 && /\/status\?again=1$/.test(location ?? '');
  if (e === 'to-check') return toCheck;
  if (e === 'ok') return status < 500 && ![401, 403, 404].includes(status) && !toCheck;
  return status === e;
}

/** Counted by the test, for SECURITY.md. */
export const figures = { routes: 0, calls: 0 };

for (const tier of dbTiers()) {
  describe(`authorization matrix [${tier.name}]`, () => {
    let t: TestApp;
    let w: World;
    let apiKey: string;
    /** Per principal: the cookies a browser would hold (the CSRF secret; the holder's cookie) and the page's CSRF token. */
    const browser = new Map<Principal, { cookies: Record<string, string>; csrf: string }>();
    const tokens = new Map<string, string>();
    let n = 0;

    const login = async (username: string) => {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
      assert.equal(r.statusCode, 200, `login ${username}: ${r.body}`);
      return r.json().token as string;
    };
    const tokenOf = async (username: string, fresh = false) => {
      if (fresh) return login(username);
      let tok = tokens.get(username);
      if (!tok) {
        tok = await login(username);
        tokens.set(username, tok);
      }
      return tok;
    };
    const ok = (r: { status: number; body: unknown }, status = [200, 201]) =>
      assert.ok(status.includes(r.status), `${r.status} ${JSON.stringify(r.body)}`);

    before(async () => {
      t = await startTestApp(await tier.open(), {
        now: '2026-03-02T08:00:00Z',
        env: {
          AUTHORITY_KEY_FAILURES_PER_MINUTE: '10000000',
          AUTHORITY_REQUESTS_PER_MINUTE: '10000000',
          METRICS_TOKEN: 'matrix-operator-token-0123456789abcdef',
        },
      });
      const db = t.handle.db;
      const idOf = async (username: string) =>
        (await db.selectFrom('staff_users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

      // Organisations A and B with a caseworker each.
      for (const [org, user] of [
        ['Org A', 'ngo.a'],
        ['Org B', 'ngo.b'],
      ] as const) {
        const o = await t.call('POST', '/api/v1/admin/partner-orgs', { as: 'adam', body: { name: org } });
        ok(o);
        ok(
          await t.call('POST', '/api/v1/admin/staff', {
            as: 'adam',
            body: { username: user, displayName: user, role: 'caseworker', orgId: o.body.id, password: PASSWORD },
          }),
        );
      }

      // A tolerance case of office A, interrupted (so it has a letter).
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2026-03-02' }) });
      ok(c);
      const i = await t.call('POST', `/api/v1/cases/${c.body.id}/interrupt`, {
        as: 'olga',
        body: { version: c.body.version, requested: 'Doplňte fotografii.', respondBy: '2026-04-15' },
      });
      ok(i);
      assert.ok(i.body.letters.length > 0, 'the interruption issues a letter');

      const h = await t.call('POST', '/api/v1/cases/humanitarian', {
        as: 'olga',
        body: {
          receivedOn: '2023-06-01',
          applicant: { ...intakeBody().applicant, nationality: 'RUS' },
          grounds: ['health'],
          documents: { passport: true, photo: true, groundsEvidence: true },
        },
      });
      ok(h);

      // Two granted visas of office A: one the holder keeps, one the supervisor may cancel.
      const grant = async () => {
        const body = intakeBody({ receivedOn: '2026-03-02' });
        const k = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body });
        ok(k);
        const g = await t.call('POST', `/api/v1/cases/${k.body.id}/grant`, {
          as: 'olga',
          body: { version: k.body.version, validFrom: '2026-03-02', validTo: '2027-03-01' },
        });
        ok(g);
        return { visaNumber: g.body.visa.visaNumber as string, dateOfBirth: body.applicant.dateOfBirth as string };
      };
      const kept = await grant();
      const cancelled = await grant();

      // Slots of office A and the holder's booking.
      await setOfficeHours(db, 'PHA-ZUK', DEMO_HOURS);
      ok(
        await t.call('POST', '/api/v1/offices/PHA-ZUK/slots', {
          as: 'sylva',
          body: { from: '2026-03-03', to: '2026-03-06', minutes: 60, capacity: 5 },
        }),
      );
      const slots = (await t.call('GET', '/api/v1/offices/PHA-ZUK/slots?from=2026-03-03&to=2026-03-06')).body as { id: string }[];
      const booked = await t.call('POST', '/api/v1/appointments', { body: { ...kept, slotId: slots[0]!.id } });
      ok(booked);
      let lastCode: string = booked.body.code;

      // A nomination of organisation A, assigned to officer A, with one evidence file.
      const nom = await t.call('POST', '/api/v1/nominations', {
        as: 'ngo.a',
        body: {
          nationality: 'BLR',
          surname: 'PETROVA',
          givenNames: 'ANNA',
          nativeName: 'Пятрова Ганна',
          dateOfBirth: '1990-01-01',
          passportNumber: 'MP7654321',
          category: 'journalist',
          publicRecord: ['https://example.org/a'],
          narrative: 'A narrative the matrix never reads',
          visaType: 'D',
          lodgingPost: 'Embassy in Warsaw',
        },
      });
      ok(nom);
      const olgaId = await idOf('olga');
      ok(await t.call('POST', `/api/v1/nominations/${nom.body.id}/assign`, { as: 'sylva', body: { officerId: olgaId } }), [204]);
      const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 32)]).toString('base64');
      const ev = await t.call('POST', `/api/v1/nominations/${nom.body.id}/evidence`, {
        as: 'ngo.a',
        body: { name: 'a.pdf', mime: 'application/pdf', contentBase64: pdf },
      });
      ok(ev);

      // A finished job (a dry run of the mass extension).
      const job = await t.call('POST', '/api/v1/visas/extensions', {
        as: 'sylva',
        body: { rule: 'auto_extension.tolerance_2023', dryRun: true },
      });
      ok(job, [202]);

      // The authority principal's client, and a victim client the admin may revoke.
      const client = await t.call('POST', '/api/v1/admin/authorities', { as: 'adam', body: { name: 'VZP', kind: 'health_insurance' } });
      ok(client);
      apiKey = client.body.apiKey;
      const victim = await t.call('POST', '/api/v1/admin/authorities', { as: 'adam', body: { name: 'ČSSZ', kind: 'social_security' } });
      ok(victim);

      const caseVersion = async (id: string) =>
        (await db.selectFrom('cases').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
      w = {
        caseId: c.body.id,
        humanitarianCaseId: h.body.id,
        personId: c.body.person.id,
        otherPersonId: h.body.person.id,
        letterId: i.body.letters[0].id,
        caseVersion,
        nominationId: nom.body.id,
        nominationVersion: () => caseVersion(nom.body.id),
        evidenceId: ev.body.id,
        officerAId: olgaId,
        otherOfficerAId: await idOf('oskar'),
        visaNumber: kept.visaNumber,
        visaToCancel: cancelled.visaNumber,
        holderBirthDate: kept.dateOfBirth,
        activeAppointment: async () => {
          const a = await db
            .selectFrom('appointments')
            .select('code')
            .where('code', '=', lastCode)
            .where('status', '=', 'booked')
            .executeTakeFirst();
          if (a) return a.code;
          const b = await t.call('POST', '/api/v1/appointments', { body: { ...kept, slotId: slots[3]!.id } });
          ok(b);
          lastCode = b.body.code;
          return lastCode;
        },
        slotIds: slots.map((s) => s.id),
        jobId: job.body.jobId,
        authorityClientId: client.body.id,
        victimAuthorityId: victim.body.id,
        deadLetterId: '1',
        unique: (prefix) => `${prefix}${tier.name}${++n}x${Math.random().toString(36).slice(2, 8)}`,
      };
    });
    before(async () => {
      // Every principal as a browser: a CSRF secret and token from a page; the holder also signs in at the status check.
      for (const p of PRINCIPALS) {
        const web = new WebClient(t.app);
        if (p === 'holder') {
          await web.get('/cs/status');
          const r = await web.post('/cs/status', { visaNumber: w.visaNumber, dateOfBirth: w.holderBirthDate });
          assert.equal(r.status, 303, r.body.slice(0, 200));
        }
        const page = await web.get('/cs/status');
        const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
        assert.ok(csrf, 'the status page carries a CSRF token');
        browser.set(p, { cookies: { ...web.jar }, csrf });
      }
    });
    after(async () => {
      // Let the dry runs the matrix started finish before the database closes.
      for (let k = 0; k < 100; k++) {
        const running = await t.handle.db.selectFrom('job_runs').select('id').where('status', '=', 'running').execute();
        if (!running.length) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await t.close();
    });

    test('every route has a declaration, and every declaration a route', () => {
      const routes = routeTable(t.app);
      const missing = routes.filter((r) => !declarationOf(r.method, r.url)).map((r) => `${r.method} ${r.url}`);
      assert.deepEqual(missing, [], `routes without a declaration in test/security/access-matrix.ts: ${missing.join(', ')}`);
      const used = new Set(routes.map((r) => declarationOf(r.method, r.url)));
      const stale = Object.entries(MATRIX)
        .filter(([, d]) => !used.has(d))
        .map(([k]) => k);
      assert.deepEqual(stale, [], `declarations that match no route: ${stale.join(', ')}`);
    });

    test('every route answers every principal as declared', async () => {
      const wrong: string[] = [];
      let calls = 0;
      const routes = routeTable(t.app);
      for (const r of routes) {
        const d = declarationOf(r.method, r.url);
        if (!d) continue;
        for (const p of PRINCIPALS) {
          const c = await d.call(w, p);
          const headers: Record<string, string> = { ...(c.headers ?? {}) };
          const username = USERNAME[p];
          if (username) headers.authorization = `Bearer ${await tokenOf(username, c.freshSession)}`;
          if (p === 'authority') {
            headers['x-api-key'] = apiKey;
            // A key is no session: sent as a bearer token it opens nothing.
            headers.authorization = `Bearer ${apiKey}`;
          }
          const b = browser.get(p)!;
          const payload = c.form
            ? new URLSearchParams({ _csrf: b.csrf, ...c.form }).toString()
            : c.body === undefined
              ? undefined
              : JSON.stringify(c.body);
          if (c.form) headers['content-type'] = 'application/x-www-form-urlencoded';
          if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
          const res = await t.app.inject({
            method: r.method as 'GET',
            url: c.url,
            headers,
            cookies: b.cookies,
            ...(payload !== undefined ? { payload } : {}),
          });
          calls++;
          if (!matches(d.expect[p], res.statusCode, res.headers.location as string | undefined))
            wrong.push(`${r.method} ${r.url} as ${p}: expected ${d.expect[p]}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
      }
      figures.routes = routes.length;
      figures.calls = calls;
      console.log(`access matrix [${tier.name}]: ${routes.length} routes × ${PRINCIPALS.length} principals = ${calls} calls`);
      assert.deepEqual(wrong, [], `${wrong.length} answers differ from the matrix:\n${wrong.join('\n')}`);
    });
  });
}
