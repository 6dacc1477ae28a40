/** Defects 7 and 8 (issue 10): failed API keys limited per address; one holder limit across routes; one answer for every wrong pair. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { dbTiers } from '../../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { intakeBody } from '../../support/fixtures.ts';
import { DEMO_HOURS, setOfficeHours } from '../../../src/modules/appointments/index.ts';

const wrongKey = () => `pbk_${randomBytes(6).toString('hex')}_${randomBytes(24).toString('base64url')}`;

for (const tier of dbTiers()) {
  describe(`guessing limits [${tier.name}]`, () => {
    let t: TestApp;
    let visaNumber: string;
    let apiKey: string;
    before(async () => {
      t = await startTestApp(await tier.open(), {
        now: '2026-03-02T08:00:00Z',
        env: { AUTHORITY_KEY_FAILURES_PER_MINUTE: '5', HOLDER_REQUESTS_PER_MINUTE: '4' },
      });
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2026-03-02' }) });
      const g = await t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
        as: 'olga',
        body: { version: c.body.version, validFrom: '2026-03-02', validTo: '2027-03-01' },
      });
      visaNumber = g.body.visa.visaNumber;
      await setOfficeHours(t.handle.db, 'PHA-ZUK', DEMO_HOURS);
      const a = await t.call('POST', '/api/v1/admin/authorities', { as: 'adam', body: { name: 'VZP', kind: 'health_insurance' } });
      apiKey = a.body.apiKey;
    });
    after(() => t.close());

    const inject = (o: { method: 'GET' | 'POST'; url: string; ip: string; headers?: Record<string, string>; body?: object }) =>
      t.app.inject({ method: o.method, url: o.url, remoteAddress: o.ip, headers: o.headers ?? {}, ...(o.body ? { payload: o.body } : {}) });

    test('defect 7: distinct wrong API keys from one address are refused with 429 after the limit; other addresses are not', async () => {
      const verify = (ip: string, key: string) =>
        inject({ method: 'POST', url: '/api/v1/authority/verify', ip, headers: { 'x-api-key': key }, body: { visaNumber } });
      for (let i = 0; i < 5; i++) assert.equal((await verify('10.7.0.1', wrongKey())).statusCode, 401);
      const sixth = await verify('10.7.0.1', wrongKey());
      assert.equal(sixth.statusCode, 429);
      assert.equal(sixth.json().code, 'RATE_LIMITED');
      assert.match(String(sixth.headers['content-type']), /problem\+json/);
      // The feed counts against the same allowance; and even the right key is not tried from a blocked address.
      assert.equal(
        (await inject({ method: 'GET', url: '/api/v1/authority/events', ip: '10.7.0.1', headers: { 'x-api-key': wrongKey() } })).statusCode,
        429,
      );
      assert.equal((await verify('10.7.0.1', apiKey)).statusCode, 429);
      assert.equal((await verify('10.7.0.2', wrongKey())).statusCode, 401);
      assert.equal((await verify('10.7.0.3', apiKey)).statusCode, 200);
      // Successes are not failures: a client with its right key is never blocked.
      for (let i = 0; i < 8; i++) assert.equal((await verify('10.7.0.4', apiKey)).statusCode, 200);
    });

    test('defect 8: one holder limit per address across all holder routes', async () => {
      const body = { visaNumber: 'VS-NOPE-000', dateOfBirth: '1988-02-14' };
      const slotId = '00000000-0000-4000-8000-000000000000';
      const calls = [
        () => inject({ method: 'POST', url: '/api/v1/appointments', ip: '10.8.0.1', body: { ...body, slotId } }),
        () => inject({ method: 'POST', url: '/api/v1/appointments/ABCDEFGH/cancel', ip: '10.8.0.1', body }),
        () => inject({ method: 'POST', url: '/api/v1/appointments/ABCDEFGH/move', ip: '10.8.0.1', body: { ...body, slotId } }),
        () => inject({ method: 'POST', url: '/api/v1/temporary-protection/extension', ip: '10.8.0.1', body }),
      ];
      for (const c of calls) assert.notEqual((await c()).statusCode, 429);
      for (const c of calls) assert.equal((await c()).statusCode, 429, 'the fifth guess, whichever route');
    });

    test('defect 8: a right visa number with a wrong birth date answers exactly like a wrong number, on every holder route', async () => {
      const slots = await t.call('POST', '/api/v1/offices/PHA-ZUK/slots', {
        as: 'sylva',
        body: { from: '2026-03-03', to: '2026-03-03', minutes: 60, capacity: 2 },
      });
      assert.equal(slots.status, 201);
      const list = await t.call('GET', '/api/v1/offices/PHA-ZUK/slots?from=2026-03-03&to=2026-03-03');
      const slotId = list.body[0].id as string;
      const booked = await inject({
        method: 'POST',
        url: '/api/v1/appointments',
        ip: '10.8.1.0',
        body: { visaNumber, dateOfBirth: '1988-02-14', slotId },
      });
      assert.equal(booked.statusCode, 201, booked.body);
      const code = booked.json().code as string;
      const routes: [string, Record<string, string>][] = [
        ['/api/v1/appointments', { slotId }],
        [`/api/v1/appointments/${code}/cancel`, {}],
        [`/api/v1/appointments/${code}/move`, { slotId }],
        ['/api/v1/temporary-protection/extension', {}],
      ];
      let ip = 10;
      const strip = (b: string) => ({ ...JSON.parse(b), requestId: '' });
      for (const [url, extra] of routes) {
        const pairs = [
          { visaNumber, dateOfBirth: '1988-02-15' },
          { visaNumber: `${visaNumber.slice(0, -1)}${visaNumber.endsWith('9') ? '8' : '9'}`, dateOfBirth: '1988-02-14' },
          { visaNumber: 'VS-0000-000000', dateOfBirth: '1970-01-01' },
        ];
        const answers = [];
        for (const p of pairs) answers.push(await inject({ method: 'POST', url, ip: `10.8.2.${ip++}`, body: { ...p, ...extra } }));
        for (const a of answers) {
          assert.equal(a.statusCode, answers[0]!.statusCode, `${url}: ${a.body}`);
          assert.deepEqual(strip(a.body), strip(answers[0]!.body), url);
          assert.deepEqual(Object.keys(a.headers).sort(), Object.keys(answers[0]!.headers).sort(), url);
        }
        assert.equal(answers[0]!.statusCode, 404, `${url}: ${answers[0]!.body}`);
      }
    });
  });
}
