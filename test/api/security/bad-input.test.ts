/**
 * Defect 4 (issue 10): bad input gets a clear 400/422 problem+json, never a 500 — control characters
 * in any string, numbers beyond 32 bits, dates outside the calendar, and the errors answered before
 * routing (bad URL encoding, bad JSON, wrong media type, body too large, headers too large).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { dbTiers } from '../../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { intakeBody } from '../../support/fixtures.ts';

const isProblem = (r: { headers: Record<string, unknown> }) => /application\/problem\+json/.test(String(r.headers['content-type']));

for (const tier of dbTiers()) {
  describe(`bad input [${tier.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2024-03-04T09:00:00Z' });
    });
    after(() => t.close());

    test('a NUL byte or another control character in any string is a 400 naming the field, signed in or not', async () => {
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-03-04' }) });
      const cases: [string, string, object | undefined, string | undefined, string][] = [
        ['POST', '/api/v1/auth/login', { username: 'a\u0000b', password: 'x-x-x-x-x' }, undefined, '/username'],
        [
          'POST',
          '/api/v1/appointments',
          { visaNumber: 'VS\u0000X', dateOfBirth: '1990-01-01', slotId: '00000000-0000-4000-8000-000000000000' },
          undefined,
          '/visaNumber',
        ],
        ['POST', '/api/v1/authority/verify', { visaNumber: 'VS\u0000X' }, undefined, '/visaNumber'],
        [
          'POST',
          '/api/v1/temporary-protection/extension',
          { visaNumber: 'VS\u001bX', dateOfBirth: '1990-01-01' },
          undefined,
          '/visaNumber',
        ],
        ['GET', '/api/v1/visas/%00', undefined, 'olga', '/number'],
        ['GET', '/api/v1/offices/PHA%00/slots?from=2024-03-04&to=2024-03-05', undefined, undefined, '/id'],
        [
          'POST',
          `/api/v1/cases/${c.body.id}/interrupt`,
          { version: 1, requested: 'Dolož\u0000te', respondBy: '2024-03-20' },
          'olga',
          '/requested',
        ],
        ['POST', '/api/v1/cases/tolerance', intakeBody({ applicant: { surname: 'NOVÁ\u0007K' } }), 'olga', '/applicant/surname'],
      ];
      for (const [method, url, body, as, field] of cases) {
        const r = await t.call(method as 'GET' | 'POST', url, { ...(as ? { as } : {}), ...(body ? { body } : {}) });
        assert.equal(r.status, 400, `${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
        assert.ok(isProblem(r), url);
        assert.equal(r.body.errors?.[0]?.field, field, `${url}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.errors[0].reason, 'CONTROL_CHARACTER');
      }
      // Line breaks and tabs are text, not control: a narrative keeps its paragraphs.
      const ok = await t.call('POST', `/api/v1/cases/${c.body.id}/interrupt`, {
        as: 'olga',
        body: { version: 1, requested: 'Doložte:\n\t1. překlad\r\n', respondBy: '2024-03-20' },
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
    });

    test('a lone UTF-16 surrogate in any string or key is a 400 naming the field (it was a 500 on the interrupt)', async () => {
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-03-04' }) });
      const before = (await t.call('GET', `/api/v1/cases/${c.body.id}`, { as: 'olga' })).body;
      const cases: [string, object, string | undefined, string][] = [
        [`/api/v1/cases/${c.body.id}/interrupt`, { version: 1, requested: 'Dolož\udfffte', respondBy: '2024-03-20' }, 'olga', '/requested'],
        ['/api/v1/auth/login', { username: 'a\ud800', password: 'x-x-x-x-x' }, undefined, '/username'],
        ['/api/v1/cases/tolerance', intakeBody({ applicant: { nativeName: 'Шевченко\udc00' } }), 'olga', '/applicant/nativeName'],
        ['/api/v1/policy/evaluate', { facts: { 'x\udfff': 'yes' } }, undefined, '/facts/x?'],
      ];
      for (const [url, body, as, field] of cases) {
        // JSON.stringify writes a lone surrogate as the escape "\udfff" — what a client would send.
        const r = await t.call('POST', url, { ...(as ? { as } : {}), body });
        assert.equal(r.status, 400, `${url}: ${r.status} ${JSON.stringify(r.body)}`);
        assert.ok(isProblem(r), url);
        assert.equal(r.body.errors?.[0]?.field, field, `${url}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.errors[0].reason, 'LONE_SURROGATE');
      }
      // Nothing was written; and a whole pair (an emoji) is a character like any other.
      assert.deepEqual((await t.call('GET', `/api/v1/cases/${c.body.id}`, { as: 'olga' })).body, before);
      const ok = await t.call('POST', `/api/v1/cases/${c.body.id}/interrupt`, {
        as: 'olga',
        body: { version: 1, requested: 'Doložte překlad 📄', respondBy: '2024-03-20' },
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
    });

    test('a version beyond a 32-bit integer is 422 naming the field', async () => {
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-03-04' }) });
      for (const version of ['9007199254740992', '1e308', '2147483648']) {
        const r = await t.app.inject({
          method: 'POST',
          url: `/api/v1/cases/${c.body.id}/resume`,
          headers: { authorization: `Bearer ${await t.token('olga')}`, 'content-type': 'application/json' },
          payload: `{"version":${version}}`,
        });
        assert.equal(r.statusCode, 422, `${version}: ${r.body}`);
        assert.ok(isProblem(r));
        assert.equal(r.json().errors[0].field, '/version');
        assert.equal(r.json().errors[0].reason, 'OUT_OF_RANGE');
      }
    });

    test('dates outside the calendar are 422 naming the field', async () => {
      const p = await t.call('POST', '/api/v1/policy/evaluate', {
        body: { facts: { nationality: 'UKR' }, dates: { filed_on: '9999-12-31' } },
      });
      assert.equal(p.status, 422, JSON.stringify(p.body));
      assert.equal(p.body.errors[0].field, '/dates/filed_on');
      const early = await t.call('POST', '/api/v1/policy/evaluate', {
        body: { facts: { nationality: 'UKR', application_kind: 'tolerance_visa' }, dates: { filed_on: '1999-12-31' } },
      });
      assert.ok(early.status < 500, JSON.stringify(early.body));
      const intake = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '1899-12-31' }) });
      assert.equal(intake.status, 422, JSON.stringify(intake.body));
      assert.equal(intake.body.errors[0].field, '/receivedOn');
    });

    test('errors answered before routing are problem+json too', async () => {
      const auth = { authorization: `Bearer ${await t.token('olga')}` };
      const answers = [
        await t.app.inject({ method: 'GET', url: '/api/v1/visas/%E0%A4%A', headers: auth }),
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: '{"username":',
        }),
        await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'text/csv' }, payload: 'a,b' }),
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y' }),
        }),
        await t.app.inject({ method: 'GET', url: `/api/v1/visas/${'A'.repeat(150)}`, headers: auth }),
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: '{"__proto__":{"x":1}}',
        }),
      ];
      assert.deepEqual(
        answers.map((r) => r.statusCode),
        [400, 400, 415, 413, 414, 400],
      );
      for (const r of answers) {
        assert.ok(isProblem(r), `${r.statusCode}: ${r.headers['content-type']} ${r.body}`);
        assert.equal(r.json().status, r.statusCode);
      }
    });

    test('the API refuses the bodies an HTML form can send cross-site (urlencoded, multipart, text/plain): 415, before any route', async () => {
      const auth = { authorization: `Bearer ${await t.token('olga')}` };
      const sent = [
        ['application/x-www-form-urlencoded', 'username=olga&password=x'],
        ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n'],
        ['text/plain', '{"username":"olga","password":"x"}'],
      ] as const;
      for (const [type, payload] of sent) {
        for (const url of ['/api/v1/auth/login', '/api/v1/cases/tolerance']) {
          const r = await t.app.inject({ method: 'POST', url, headers: { ...auth, 'content-type': type }, payload });
          assert.equal(r.statusCode, 415, `${type} to ${url}: ${r.body}`);
          assert.ok(isProblem(r));
        }
      }
    });

    test('over a real socket: headers too large are a 431 problem+json', async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.server.address() as { port: number };
      const raw = await new Promise<string>((resolve, reject) => {
        const s = connect(port, '127.0.0.1', () => {
          s.write(`GET /api/v1/auth/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20000)}\r\n\r\n`);
        });
        let out = '';
        s.on('data', (d) => {
          out += d.toString();
        });
        s.on('end', () => resolve(out));
        s.on('close', () => resolve(out));
        s.on('error', reject);
      });
      assert.match(raw, /^HTTP\/1\.1 431 /);
      assert.match(raw, /content-type: application\/problem\+json/i);
      const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
      assert.equal(body.status, 431);
      assert.equal(body.code, 'REQUEST.HEADERS_TOO_LARGE');
    });
  });
}
