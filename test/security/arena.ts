/**
 * The arena of the security tests (the authorization matrix, the fuzzer): a test app on a real
 * database with one object of each kind owned by office A (PHA-ZUK) and organisation A, and a way to
 * send a request as any of the nine principals with its own credential.
 */
import assert from 'node:assert/strict';
import type { DatabaseHandle } from '../../src/platform/db/db.ts';
import { PASSWORD, startTestApp, type TestApp } from '../support/test-app.ts';
import { intakeBody } from '../support/fixtures.ts';
import { WebClient } from '../support/web-client.ts';
import { DEMO_HOURS, setOfficeHours } from '../../src/modules/appointments/index.ts';
import { type Call, PRINCIPALS, type Principal, type World } from './access-matrix.ts';

const USERNAME: Partial<Record<Principal, string>> = {
  officerA: 'olga',
  officerB: 'bruno',
  supervisor: 'sylva',
  admin: 'adam',
  ngoA: 'ngo.a',
  ngoB: 'ngo.b',
};

export interface Sent {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

export interface Arena {
  t: TestApp;
  w: World;
  /** Sends `c` as principal `p` with that principal's credential (and browser cookies, CSRF token for forms). */
  send(
    method: string,
    p: Principal,
    c: Call,
    o?: { rawBody?: string; contentType?: string; beforeInject?: () => Promise<void> },
  ): Promise<Sent>;
  /** Waits until no background job (a mass extension the requests started) is running. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function openArena(handle: DatabaseHandle, tierName: string): Promise<Arena> {
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

  const t = await startTestApp(handle, {
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

  const visaIdOf = async (visaNumber: string) =>
    (await db.selectFrom('visas').select('id').where('visa_number', '=', visaNumber).executeTakeFirstOrThrow()).id;
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
    visaId: await visaIdOf(kept.visaNumber),
    visaToCancelId: await visaIdOf(cancelled.visaNumber),
    holderBirthDate: kept.dateOfBirth,
    activeAppointment: async () => {
      const a = await db
        .selectFrom('appointments as a')
        .innerJoin('visas as v', 'v.id', 'a.visa_id')
        .select('a.code')
        .where('v.visa_number', '=', kept.visaNumber)
        .where('a.status', '=', 'booked')
        .executeTakeFirst();
      if (a) return a.code;
      const b = await t.call('POST', '/api/v1/appointments', { body: { ...kept, slotId: slots[3]!.id } });
      ok(b);
      return b.body.code as string;
    },
    slotIds: slots.map((s) => s.id),
    jobId: job.body.jobId,
    authorityClientId: client.body.id,
    victimAuthorityId: victim.body.id,
    deadLetterId: '1',
    unique: (prefix) => `${prefix}${tierName}${++n}x${Math.random().toString(36).slice(2, 8)}`,
  };

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

  // Every staff principal signed in now, not at its first request.
  for (const u of Object.values(USERNAME)) await tokenOf(u!);

  const settle = async () => {
    for (let k = 0; k < 200; k++) {
      const running = await t.handle.db.selectFrom('job_runs').select('id').where('status', '=', 'running').execute();
      if (!running.length) return;
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  return {
    t,
    w: w!,
    settle,
    async send(method, p, c, o = {}) {
      const headers: Record<string, string> = { ...(c.headers ?? {}) };
      const username = USERNAME[p];
      // The API takes the session as a bearer token; a page, as a browser sends it: the session cookie.
      const page = !c.url.startsWith('/api/');
      const session = username ? await tokenOf(username, c.freshSession) : null;
      if (session && !page) headers.authorization = `Bearer ${session}`;
      if (p === 'authority') {
        headers['x-api-key'] = apiKey;
        // A key is no session: sent as a bearer token it opens nothing.
        headers.authorization = `Bearer ${apiKey}`;
      }
      const b = browser.get(p)!;
      let payload: string | undefined;
      if (o.rawBody !== undefined) {
        payload = o.rawBody;
        headers['content-type'] = o.contentType ?? 'application/json';
      } else if (c.form) {
        payload = new URLSearchParams({ _csrf: b.csrf, ...c.form }).toString();
        headers['content-type'] = 'application/x-www-form-urlencoded';
      } else if (c.body !== undefined) {
        payload = JSON.stringify(c.body);
        headers['content-type'] ??= 'application/json';
      }
      await o.beforeInject?.();
      const res = await t.app.inject({
        method: method as 'GET',
        url: c.url,
        headers,
        cookies: session && page ? { ...b.cookies, pobyt_session: session } : b.cookies,
        ...(payload !== undefined ? { payload } : {}),
      });
      return { status: res.statusCode, headers: res.headers, body: res.body };
    },
    async close() {
      await settle();
      await t.close();
    },
  };
}
