/** Authorities verify a status with scoped API keys and read the change feed, on every database tier. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { intakeBody } from '../support/fixtures.ts';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { VerificationBatcher } from '../../src/modules/agencies/index.ts';
import { parseApiKey } from '../../src/modules/agencies/index.ts';

for (const tier of dbTiers()) {
  describe(`authority API [${tier.name}]`, () => {
    let t: TestApp;
    let health: { id: string; apiKey: string };
    let labour: { id: string; apiKey: string };
    let visaNumber: string;
    let passportNumber: string;
    const key = (k: string) => ({ 'x-api-key': k });

    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2026-03-02T09:00:00Z' });
      const body = intakeBody({ receivedOn: '2026-03-02' });
      passportNumber = body.applicant.passportNumber as string;
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body });
      const g = await t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
        as: 'olga',
        body: { version: c.body.version, validFrom: '2026-03-02', validTo: '2027-03-01' },
      });
      visaNumber = g.body.visa.visaNumber;
    });
    after(() => t.close());

    test('an admin registers clients; the key is shown once and never listed', async () => {
      const a = await t.call('POST', '/api/v1/admin/authorities', { as: 'adam', body: { name: 'VZP', kind: 'health_insurance' } });
      const b = await t.call('POST', '/api/v1/admin/authorities', {
        as: 'adam',
        body: { name: 'Úřad práce Praha', kind: 'labour_office' },
      });
      assert.equal(a.status, 201, JSON.stringify(a.body));
      assert.match(a.body.apiKey, /^pbk_[0-9a-f]{12}_/);
      health = a.body;
      labour = b.body;
      const list = await t.call('GET', '/api/v1/admin/authorities', { as: 'adam' });
      assert.equal(list.body.length, 2);
      assert.equal(JSON.stringify(list.body).includes(health.apiKey), false);
      const officer = await t.call('POST', '/api/v1/admin/authorities', { as: 'olga', body: { name: 'x', kind: 'other' } });
      assert.equal(officer.status, 403);
      const badScope = await t.call('POST', '/api/v1/admin/authorities', {
        as: 'adam',
        body: { name: 'x', kind: 'other', scopes: ['passportNumber'] },
      });
      assert.equal(badScope.status, 422);
    });

    test('health insurance sees status, validity and whether public insurance applies — nothing else', async () => {
      const r = await t.call('POST', '/api/v1/authority/verify', { headers: key(health.apiKey), body: { visaNumber } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body, {
        asOf: '2026-03-02',
        visaNumber,
        status: 'valid',
        visaCode: 'D/VS/91',
        validFrom: '2026-03-02',
        validTo: '2027-03-01',
        cancelledOn: null,
        publicHealthInsurance: false,
      });
    });

    test('the labour office finds it by passport and date of birth and sees whether work needs a permit', async () => {
      const r = await t.call('POST', '/api/v1/authority/verify', {
        headers: key(labour.apiKey),
        body: { passportNumber, dateOfBirth: '1988-02-14', asOf: '2027-06-01' },
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.workPermitRequired, true);
      assert.equal(r.body.status, 'expired');
      assert.equal('publicHealthInsurance' in r.body, false);
      assert.equal('holderName' in r.body, false);
      const wrongDob = await t.call('POST', '/api/v1/authority/verify', {
        headers: key(labour.apiKey),
        body: { passportNumber, dateOfBirth: '1988-02-15' },
      });
      assert.equal(wrongDob.status, 404);
    });

    test('unknown, malformed and revoked keys are refused; every lookup is audited', async () => {
      const before = await t.handle.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', '=', 'authority.verify')
        .executeTakeFirstOrThrow();
      assert.equal((await t.call('POST', '/api/v1/authority/verify', { body: { visaNumber } })).status, 401);
      assert.equal(
        (await t.call('POST', '/api/v1/authority/verify', { headers: key(`pbk_000000000000_${'x'.repeat(43)}`), body: { visaNumber } }))
          .status,
        401,
      );
      assert.equal(
        (
          await t.call('POST', '/api/v1/authority/verify', {
            headers: key(health.apiKey.slice(0, -1) + (health.apiKey.endsWith('A') ? 'B' : 'A')),
            body: { visaNumber },
          })
        ).status,
        401,
      );
      const other = await t.call('POST', '/api/v1/admin/authorities', { as: 'adam', body: { name: 'ČSSZ', kind: 'social_security' } });
      assert.equal(
        (await t.call('POST', '/api/v1/authority/verify', { headers: key(other.body.apiKey), body: { visaNumber } })).status,
        200,
      );
      assert.equal((await t.call('POST', `/api/v1/admin/authorities/${other.body.id}/revoke`, { as: 'adam' })).status, 204);
      assert.equal(
        (await t.call('POST', '/api/v1/authority/verify', { headers: key(other.body.apiKey), body: { visaNumber } })).status,
        401,
      );
      const after = await t.handle.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', '=', 'authority.verify')
        .executeTakeFirstOrThrow();
      assert.equal(Number(after.n) - Number(before.n), 1, 'the one authenticated lookup is audited');
    });

    test('lookups sent at once are answered together, each with its own caller’s fields, key check and audit row', async () => {
      const count = async (found?: boolean) => {
        let q = t.handle.db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('action', '=', 'authority.verify');
        if (found !== undefined) q = q.where(({ ref }) => ref('after', '->>').key('found' as never), '=', String(found) as never);
        return Number((await q.executeTakeFirstOrThrow()).n);
      };
      const [all0, missing0] = [await count(), await count(false)];
      const asks = [
        ...Array.from({ length: 10 }, () => ({
          headers: key(health.apiKey),
          body: { visaNumber },
          expect: 200,
          field: 'publicHealthInsurance',
        })),
        ...Array.from({ length: 10 }, () => ({
          headers: key(labour.apiKey),
          body: { passportNumber, dateOfBirth: '1988-02-14' },
          expect: 200,
          field: 'workPermitRequired',
        })),
        ...Array.from({ length: 5 }, (_, i) => ({
          headers: key(`pbk_00000000000${i}_${'y'.repeat(43)}`),
          body: { visaNumber },
          expect: 401,
          field: '',
        })),
        ...Array.from({ length: 5 }, (_, i) => ({
          headers: key(health.apiKey),
          body: { visaNumber: `NOPE-${i}` },
          expect: 404,
          field: '',
        })),
      ];
      const replies = await Promise.all(asks.map((a) => t.call('POST', '/api/v1/authority/verify', { headers: a.headers, body: a.body })));
      replies.forEach((r, k) => {
        const a = asks[k]!;
        assert.equal(r.status, a.expect, `request ${k}: ${JSON.stringify(r.body)}`);
        if (a.expect !== 200) return;
        assert.equal(r.body.visaNumber, visaNumber);
        assert.ok(a.field in r.body, `request ${k} has ${a.field}`);
        for (const f of ['publicHealthInsurance', 'workPermitRequired', 'holderName'])
          if (f !== a.field) assert.equal(f in r.body, false, `request ${k} must not see ${f}`);
      });
      assert.equal((await count()) - all0, 25, 'every authenticated lookup is audited once, none of the refused ones');
      assert.equal((await count(false)) - missing0, 5);
    });

    test('one request the database refuses does not fail the others batched with it', async () => {
      // Through Kysely on both tiers; as a named prepared statement where the app uses one (the server).
      for (const pool of tier.name === 'postgres' ? [undefined, t.handle.pool] : [undefined]) {
        const batcher = new VerificationBatcher(t.handle.db, pool);
        const k = parseApiKey(health.apiKey)!;
        // 30 February passes no schema here (the HTTP edge would refuse it): the batch's statement fails on it.
        const outcomes = await Promise.allSettled([
          batcher.verify({ ...k, query: { visaNumber }, requestId: 'ok-1' }),
          batcher.verify({ ...k, query: { passportNumber, dateOfBirth: '1988-02-30' }, requestId: 'bad' }),
          batcher.verify({ ...k, query: { passportNumber, dateOfBirth: '1988-02-14' }, requestId: 'ok-2' }),
        ]);
        assert.equal(batcher.stats.requests, 3 + 3, 'one batch of three, then each alone');
        assert.equal(outcomes[0]!.status, 'fulfilled');
        assert.equal(outcomes[1]!.status, 'rejected');
        assert.equal(outcomes[2]!.status, 'fulfilled');
        for (const o of [outcomes[0]!, outcomes[2]!]) {
          const v = (o as PromiseFulfilledResult<Awaited<ReturnType<VerificationBatcher['verify']>>>).value;
          assert.equal(v.client?.id, health.id);
          assert.equal(v.visa?.visa_number, visaNumber);
        }
      }
    });

    test('the change feed lists the grant with its idempotency key, cut to the caller’s fields, and pages by cursor', async () => {
      const r = await t.call('GET', '/api/v1/authority/events?after=0', { headers: key(health.apiKey) });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const e = r.body.events.find((x: { visaNumber: string }) => x.visaNumber === visaNumber);
      assert.equal(e.kind, 'visa.granted');
      assert.match(e.eventId, /^[0-9a-f-]{36}$/);
      assert.equal(e.validTo, '2027-03-01');
      assert.equal('holderName' in e, false);
      const next = await t.call('GET', `/api/v1/authority/events?after=${r.body.next}`, { headers: key(health.apiKey) });
      assert.deepEqual(next.body.events, []);
      assert.equal(next.body.next, r.body.next);
    });

    test('verification is rate limited per key', async () => {
      const limited = await buildApp({
        db: t.handle.db,
        config: loadConfig({ AUTHORITY_REQUESTS_PER_MINUTE: '2' } as NodeJS.ProcessEnv),
        clock: t.clock,
        logger: false,
      });
      try {
        const codes: number[] = [];
        for (let i = 0; i < 3; i++) {
          codes.push(
            (
              await limited.inject({
                method: 'POST',
                url: '/api/v1/authority/verify',
                headers: key(health.apiKey),
                payload: { visaNumber },
              })
            ).statusCode,
          );
        }
        assert.deepEqual(codes, [200, 200, 429]);
      } finally {
        await limited.close();
      }
    });
  });
}
