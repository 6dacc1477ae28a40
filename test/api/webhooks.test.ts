/**
 * Signed webhooks on pg-boss: an authority whose endpoint is down during a change receives each event
 * exactly once per idempotency key after it comes back; exhausted retries land in dead letters that
 * an administrator replays.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { intakeBody } from '../support/fixtures.ts';
import { verifyWebhookSignature } from '../../src/modules/agencies/index.ts';
import { seedVisas } from '../support/seed-visas.ts';
import { extendVisas } from '../../src/modules/visas/index.ts';
import { sealWebhookSecrets, webhookSecretOf } from '../../src/modules/agencies/index.ts';
import { loadKeyring, newMasterKey } from '../../src/platform/crypto.ts';
import { TEST_MASTER_KEY } from '../support/test-app.ts';

interface Receiver {
  url: string;
  up: boolean;
  attempts: number;
  accepted: { eventId: string; body: any }[];
  badSignatures: number;
  close(): Promise<void>;
}

async function receiver(secret: () => string): Promise<Receiver> {
  const r: Receiver = { url: '', up: false, attempts: 0, accepted: [], badSignatures: 0, close: async () => {} };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      r.attempts++;
      if (!r.up) {
        res.statusCode = 503;
        res.end();
        return;
      }
      const ok = verifyWebhookSignature(
        secret(),
        Number(req.headers['x-pobyt-timestamp']),
        body,
        String(req.headers['x-pobyt-signature']),
        Math.floor(Date.now() / 1000),
      );
      if (!ok) {
        r.badSignatures++;
        res.statusCode = 401;
        res.end();
        return;
      }
      r.accepted.push({ eventId: String(req.headers['x-pobyt-event-id']), body: JSON.parse(body) });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  r.close = () => new Promise((done) => server.close(() => done()));
  return r;
}

async function waitFor(what: string, cond: () => boolean | Promise<boolean>, ms = 30000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`timed out waiting for ${what}`);
}

for (const tier of dbTiers()) {
  describe(`webhooks [${tier.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2026-03-02T08:00:00Z', webhooks: true });
    });
    after(() => t.close());

    async function grant() {
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2026-03-02' }) });
      const g = await t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
        as: 'olga',
        body: { version: c.body.version, validFrom: '2026-03-02', validTo: '2027-03-01' },
      });
      assert.equal(g.status, 200);
      return g.body.visa.visaNumber as string;
    }

    test('an endpoint down during the changes gets each event exactly once, signed and scoped, after it comes back', async () => {
      let secret = '';
      const rx = await receiver(() => secret);
      try {
        const client = await t.call('POST', '/api/v1/admin/authorities', { as: 'adam', body: { name: 'VZP', kind: 'health_insurance' } });
        const sub = await t.call('POST', `/api/v1/admin/authorities/${client.body.id}/webhook`, { as: 'adam', body: { url: rx.url } });
        assert.equal(sub.status, 201, JSON.stringify(sub.body));
        secret = sub.body.secret;
        // Stored sealed: neither the column nor the sealed bytes hold the secret in plaintext.
        const row = await t.handle.db
          .selectFrom('authority_subscriptions')
          .selectAll()
          .where('client_id', '=', client.body.id)
          .executeTakeFirstOrThrow();
        assert.equal(row.secret, null);
        assert.equal(row.secret_master_id, 'k1');
        assert.equal(row.secret_sealed!.includes(Buffer.from(secret)), false);
        const numbers = [await grant(), await grant()];
        // A mass extension runs while the endpoint is down: five more change events.
        const olga = await t.handle.db.selectFrom('staff_users').select('id').where('username', '=', 'olga').executeTakeFirstOrThrow();
        await seedVisas(t.handle.db, 'PHA-ZUK', olga.id, {
          n: 5,
          tag: 'hook',
          issuedOn: '2022-06-01',
          validTo: '2023-03-31',
          warRelated: true,
        });
        const run = await extendVisas(t.handle.db, { ruleId: 'auto_extension.tolerance_2023' });
        assert.equal(run.extended, 5);
        await waitFor('failed attempts while down', () => rx.attempts >= 2);
        rx.up = true;
        await waitFor('all seven events delivered', () => new Set(rx.accepted.map((a) => a.eventId)).size >= 7);
        await new Promise((r) => setTimeout(r, 2500)); // room for any duplicate to show up
        assert.equal(rx.badSignatures, 0);
        const ids = rx.accepted.map((a) => a.eventId);
        assert.equal(ids.length, new Set(ids).size, 'no event accepted twice');
        const granted = rx.accepted.filter((a) => a.body.kind === 'visa.granted');
        const extended = rx.accepted.filter((a) => a.body.kind === 'visa.extended');
        assert.deepEqual(granted.map((a) => a.body.visaNumber).sort(), [...numbers].sort());
        assert.equal(extended.length, 5);
        for (const a of granted) assert.equal(a.body.validTo, '2027-03-01');
        for (const a of extended) assert.equal(a.body.validTo, '2024-03-31');
        for (const a of rx.accepted) assert.equal('holderName' in a.body, false);
        const delivered = await t.handle.db
          .selectFrom('webhook_deliveries')
          .select('event_id')
          .where('client_id', '=', client.body.id)
          .execute();
        assert.equal(delivered.length, 7);
      } finally {
        await rx.close();
      }
    });

    test('a secret stored in plaintext before sealing is sealed; a new master key re-seals every secret', async () => {
      const client = await t.call('POST', '/api/v1/admin/authorities', { as: 'adam', body: { name: 'ČSSZ', kind: 'social_security' } });
      await t.handle.db
        .insertInto('authority_subscriptions')
        .values({ client_id: client.body.id, url: 'http://127.0.0.1:9/hook', secret: 'legacy-plain-secret', active: false })
        .execute();
      const k1 = loadKeyring({ POBYT_MASTER_KEYS: `k1:${TEST_MASTER_KEY}` } as NodeJS.ProcessEnv, null)!;
      assert.ok((await sealWebhookSecrets(t.handle.db, k1)) >= 1);
      const read = () =>
        t.handle.db.selectFrom('authority_subscriptions').selectAll().where('client_id', '=', client.body.id).executeTakeFirstOrThrow();
      const sealed = await read();
      assert.equal(sealed.secret, null);
      assert.equal(webhookSecretOf(k1, sealed), 'legacy-plain-secret');
      assert.equal(await sealWebhookSecrets(t.handle.db, k1), 0, 'nothing left to seal');

      const k2Only = loadKeyring({ POBYT_MASTER_KEYS: `k2:${newMasterKey()}` } as NodeJS.ProcessEnv, null)!;
      const both = { active: 'k2', keys: { ...k1.keys, ...k2Only.keys } };
      assert.ok((await sealWebhookSecrets(t.handle.db, both)) >= 1);
      const resealed = await read();
      assert.equal(resealed.secret_master_id, 'k2');
      assert.equal(webhookSecretOf(k2Only, resealed), 'legacy-plain-secret', 'readable with the new key alone');
      assert.throws(() => webhookSecretOf(k1, resealed));
      // Put the test keyring back for the other tests' subscriptions.
      await sealWebhookSecrets(t.handle.db, { active: 'k1', keys: both.keys });
    });

    test('exhausted retries become a dead letter; a replay after repair delivers it', async () => {
      let secret = '';
      const rx = await receiver(() => secret);
      try {
        const client = await t.call('POST', '/api/v1/admin/authorities', {
          as: 'adam',
          body: { name: 'Úřad práce', kind: 'labour_office' },
        });
        secret = (await t.call('POST', `/api/v1/admin/authorities/${client.body.id}/webhook`, { as: 'adam', body: { url: rx.url } })).body
          .secret;
        // It also receives the earlier events: the feed starts at the beginning for a new subscriber.
        await waitFor(
          'dead letters',
          async () =>
            (await t.call('GET', '/api/v1/admin/webhooks/dead-letters', { as: 'adam' })).body.some(
              (d: { clientId: string }) => d.clientId === client.body.id,
            ),
          45000,
        );
        assert.ok(rx.attempts >= 3, `1 try + 2 retries, saw ${rx.attempts}`);
        rx.up = true;
        const dead = (await t.call('GET', '/api/v1/admin/webhooks/dead-letters', { as: 'adam' })).body.filter(
          (d: { clientId: string }) => d.clientId === client.body.id,
        );
        for (const d of dead)
          assert.equal((await t.call('POST', `/api/v1/admin/webhooks/dead-letters/${d.id}/replay`, { as: 'adam' })).status, 202);
        await waitFor('replayed delivery', () => rx.accepted.length >= dead.length);
        assert.equal(
          (await t.call('POST', `/api/v1/admin/webhooks/dead-letters/${dead[0].id}/replay`, { as: 'adam' })).status,
          409,
          'already replayed',
        );
      } finally {
        await rx.close();
      }
    });
  });
}
