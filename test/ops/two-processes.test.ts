/**
 * Two real server processes (`pobyt start`) on one PostgreSQL database: journeys through either
 * process; webhook deliveries and the mass extension job run exactly once across both, and still run
 * when one process is SIGKILLed. Server tier only: PGlite is one process's embedded database.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { createServerDatabase } from '../support/db-tiers.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/db.ts';
import { createStaffUser } from '../../src/modules/auth/index.ts';
import { DEMO_HOURS, setOfficeHours } from '../../src/modules/appointments/index.ts';
import { intakeBody } from '../support/fixtures.ts';
import { seedVisas } from '../support/seed-visas.ts';
import { signIn, startServerProcess, type ServerProcess } from '../support/server-process.ts';

const BASE = process.env.TEST_DATABASE_URL;
if (!BASE && process.env.REQUIRE_PG_TIER === '1') throw new Error('REQUIRE_PG_TIER=1 but TEST_DATABASE_URL is not set');
const SKIP = BASE ? false : 'two processes need a PostgreSQL server: set TEST_DATABASE_URL (PGlite is embedded in one process)';
const PASSWORD = 'correct-horse-battery';
const RULE = 'auto_extension.tolerance_2023';

/** Fast queue settings so a test sees retries and a dead worker's jobs taken over within seconds. */
const FAST = {
  WEBHOOK_DISPATCH_INTERVAL_MS: '200',
  WEBHOOK_RETRY_DELAY_SECONDS: '1',
  WEBHOOK_RETRY_DELAY_MAX_SECONDS: '1',
  WEBHOOK_TIMEOUT_MS: '2000',
  JOB_MONITOR_INTERVAL_SECONDS: '1',
};

/** Today in Prague, plus `days`, as YYYY-MM-DD. */
function day(days = 0): string {
  const t = new Date(Date.now() + days * 86400000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague' }).format(t);
}

async function waitFor(what: string, cond: () => boolean | Promise<boolean>, ms = 60000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`timed out waiting for ${what}`);
}

interface Receiver {
  url: string;
  /** Event id → how many times it was accepted. */
  seen: Map<string, number>;
  /** While set, requests are held unanswered (a slow receiver). */
  hold: boolean;
  /** Stops holding and answers what was held (a request whose sender died meanwhile is not counted). */
  release(): void;
  close(): Promise<void>;
}

async function receiver(): Promise<Receiver> {
  const held: (() => void)[] = [];
  const r: Receiver = {
    url: '',
    seen: new Map(),
    hold: false,
    release() {
      r.hold = false;
      for (const f of held.splice(0)) f();
    },
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const answer = () => {
        if (res.destroyed) return;
        const id = String(req.headers['x-pobyt-event-id']);
        r.seen.set(id, (r.seen.get(id) ?? 0) + 1);
        res.statusCode = 204;
        res.end();
      };
      if (r.hold) held.push(answer);
      else answer();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  r.close = () =>
    new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  return r;
}

describe('two server processes on one PostgreSQL', { skip: SKIP }, () => {
  let dbUrl: string;
  let drop: () => Promise<void>;
  let h: DatabaseHandle;
  let a: ServerProcess;
  let b: ServerProcess;
  let rx: Receiver;
  const tokens: Record<string, string> = {};
  let admin: string;

  before(async () => {
    const created = await createServerDatabase(BASE!);
    dbUrl = created.url;
    drop = created.drop;
    // Both start on the empty database at once: the migrations run once (the migrator's lock).
    [a, b] = await Promise.all([startServerProcess('A', dbUrl, FAST), startServerProcess('B', dbUrl, FAST)]);
    h = await openDatabase({ url: dbUrl, poolSize: 4 });
    for (const u of [
      { username: 'olga', displayName: 'Olga Officer', role: 'officer' as const, officeId: 'PHA-ZUK' },
      { username: 'sylva', displayName: 'Sylva Supervisor', role: 'supervisor' as const, officeId: 'PHA-ZUK' },
      { username: 'adam', displayName: 'Adam Admin', role: 'admin' as const, officeId: null },
    ])
      await createStaffUser(h.db, { ...u, password: PASSWORD });
    admin = (await h.db.selectFrom('staff_users').select('id').where('username', '=', 'adam').executeTakeFirstOrThrow()).id;
    await setOfficeHours(h.db, 'PHA-ZUK', DEMO_HOURS);
    tokens.olga = await signIn(a, 'olga', PASSWORD);
    tokens.sylva = await signIn(b, 'sylva', PASSWORD);
    tokens.adam = await signIn(a, 'adam', PASSWORD);
    rx = await receiver();
  });
  after(async () => {
    await Promise.all([a?.kill('SIGKILL'), b?.kill('SIGKILL')]);
    await rx?.close();
    await h?.close();
    await drop?.();
  });

  test('both are ready on the one database, migrated once', async () => {
    for (const p of [a, b]) {
      const r = await p.call('GET', '/ready');
      assert.equal(r.status, 200, `${p.name}: ${JSON.stringify(r.body)}`);
      assert.deepEqual(r.body.checks, { database: 'ok', jobQueue: 'ok' });
    }
    const m = await sql<{ n: number }>`select count(*)::int as n from schema_migrations`.execute(h.db);
    const files = await sql<{ n: number }>`select count(distinct name)::int as n from schema_migrations`.execute(h.db);
    assert.equal(m.rows[0]!.n, files.rows[0]!.n, 'each migration recorded once');
  });

  test('a case opened on A is read and granted on B, and seen granted on A', async () => {
    const c = await a.call('POST', '/api/v1/cases/tolerance', { token: tokens.olga, body: intakeBody({ receivedOn: day() }) });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    const onB = await b.call('GET', `/api/v1/cases/${c.body.id}`, { token: tokens.olga });
    assert.equal(onB.status, 200);
    assert.equal(onB.body.version, c.body.version);
    const g = await b.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
      token: tokens.olga,
      body: { version: c.body.version, validFrom: day(), validTo: day(300) },
    });
    assert.equal(g.status, 200, JSON.stringify(g.body));
    // A stale version through the other process is a conflict, not a second decision.
    const again = await a.call('POST', `/api/v1/cases/${c.body.id}/refuse`, {
      token: tokens.olga,
      body: { version: c.body.version, reasons: 'r', legalGround: 'g' },
    });
    assert.equal(again.status, 409);
    const onA = await a.call('GET', `/api/v1/cases/${c.body.id}`, { token: tokens.olga });
    assert.equal(onA.body.status, 'granted');
    assert.equal(onA.body.visa?.visaNumber ?? g.body.visa.visaNumber, g.body.visa.visaNumber);
  });

  test('bookings through both share one slot: a booking on A is seen on B, parallel attempts fill it exactly', async () => {
    const from = day(7);
    const to = day(13);
    const s = await a.call('POST', '/api/v1/offices/PHA-ZUK/slots', { token: tokens.sylva, body: { from, to, minutes: 60, capacity: 3 } });
    assert.equal(s.status, 201, JSON.stringify(s.body));
    const slots = (await b.call('GET', `/api/v1/offices/PHA-ZUK/slots?from=${from}&to=${to}`)).body as { id: string; free: number }[];
    assert.ok(slots.length > 0);
    await seedVisas(h.db, 'PHA-ZUK', admin, { n: 12, tag: 'bk', issuedOn: day(-30), validTo: day(300), warRelated: true });
    const holders = (await h.db.selectFrom('visas').select('visa_number').where('visa_number', 'like', 'VT-BK%').execute()).map(
      (v) => v.visa_number,
    );
    assert.equal(holders.length, 12);
    const first = await a.call('POST', '/api/v1/appointments', {
      body: { visaNumber: holders[0], dateOfBirth: '1980-01-01', slotId: slots[0]!.id },
    });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const seen = (await b.call('GET', `/api/v1/offices/PHA-ZUK/slots?from=${from}&to=${to}`)).body as { id: string; free: number }[];
    assert.equal(seen.find((x) => x.id === slots[0]!.id)!.free, 2);
    // Eleven more holders at once, alternating processes, for the two seats left.
    const tries = await Promise.all(
      holders.slice(1).map((v, i) =>
        (i % 2 ? a : b).call('POST', '/api/v1/appointments', {
          body: { visaNumber: v, dateOfBirth: '1980-01-01', slotId: slots[0]!.id },
        }),
      ),
    );
    assert.equal(tries.filter((r) => r.status === 201).length, 2, JSON.stringify(tries.map((r) => r.status)));
    assert.ok(
      tries.every((r) => r.status === 201 || r.status === 409),
      JSON.stringify(tries.map((r) => r.status)),
    );
    const n = await h.db
      .selectFrom('appointments')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('slot_id', '=', slots[0]!.id)
      .where('status', '=', 'booked')
      .executeTakeFirstOrThrow();
    assert.equal(n.n, 3);
  });

  test('webhooks and the extension job run exactly once across both processes', async () => {
    const client = await a.call('POST', '/api/v1/admin/authorities', {
      token: tokens.adam,
      body: { name: 'VZP', kind: 'health_insurance' },
    });
    assert.equal(client.status, 201);
    const sub = await b.call('POST', `/api/v1/admin/authorities/${client.body.id}/webhook`, { token: tokens.adam, body: { url: rx.url } });
    assert.equal(sub.status, 201, JSON.stringify(sub.body));
    await seedVisas(h.db, 'PHA-ZUK', admin, { n: 120, tag: 'ex', issuedOn: '2022-06-01', validTo: '2023-03-31', warRelated: true });
    // Started on both at once: two runs, each visa extended by exactly one of them.
    const [ja, jb] = await Promise.all([
      a.call('POST', '/api/v1/visas/extensions', { token: tokens.sylva, body: { rule: RULE } }),
      b.call('POST', '/api/v1/visas/extensions', { token: tokens.sylva, body: { rule: RULE } }),
    ]);
    assert.equal(ja.status, 202);
    assert.equal(jb.status, 202);
    for (const j of [ja, jb])
      await waitFor(
        'the runs to finish',
        async () => (await b.call('GET', `/api/v1/jobs/${j.body.jobId}`, { token: tokens.sylva })).body.status === 'succeeded',
      );
    const ext = await sql<{
      n: number;
      visas: number;
    }>`select count(*)::int as n, count(distinct visa_id)::int as visas from visa_extensions`.execute(h.db);
    assert.deepEqual(ext.rows[0], { n: 120, visas: 120 });
    const events = await sql<{ n: number }>`select count(*)::int as n from change_events`.execute(h.db);
    const total = events.rows[0]!.n; // the grant before, and 120 extensions
    assert.ok(total >= 121);
    await waitFor(`all ${total} events delivered`, () => rx.seen.size >= total);
    await new Promise((r) => setTimeout(r, 2000)); // room for a duplicate to show up
    const twice = [...rx.seen].filter(([, n]) => n > 1);
    assert.deepEqual(twice, [], 'no event delivered twice');
    assert.equal(rx.seen.size, total);
  });

  test('A is SIGKILLed: its running extension and its deliveries in hand are taken over by B', async () => {
    const before = rx.seen.size;
    await seedVisas(h.db, 'PHA-ZUK', admin, { n: 600, tag: 'kl', issuedOn: '2022-07-01', validTo: '2023-03-31', warRelated: true });
    // B is frozen while the run is queued, so A's worker takes it; deliveries A has in hand are held
    // unanswered by the receiver, so they are still active when A dies.
    b.child.kill('SIGSTOP');
    rx.hold = true;
    const run = await a.call('POST', '/api/v1/visas/extensions', { token: tokens.sylva, body: { rule: RULE, batchSize: 10 } });
    assert.equal(run.status, 202);
    const progress = () =>
      h.db.selectFrom('job_runs').select(['done', 'status']).where('id', '=', run.body.jobId).executeTakeFirstOrThrow();
    await waitFor('A to start the run', async () => (await progress()).done > 0, 30000);
    assert.equal(await a.kill('SIGKILL'), 'SIGKILL');
    const atKill = await progress();
    assert.equal(atKill.status, 'running');
    assert.ok(atKill.done < 600, `A died mid-run (${atKill.done} of 600 done)`);
    b.child.kill('SIGCONT');
    rx.release();
    await waitFor(
      'B to finish the run',
      async () => (await b.call('GET', `/api/v1/jobs/${run.body.jobId}`, { token: tokens.sylva })).body.status === 'succeeded',
      90000,
    );
    const ext = await sql<{
      n: number;
      visas: number;
    }>`select count(*)::int as n, count(distinct visa_id)::int as visas from visa_extensions`.execute(h.db);
    assert.deepEqual(ext.rows[0], { n: 720, visas: 720 });
    const j = (await b.call('GET', `/api/v1/jobs/${run.body.jobId}`, { token: tokens.sylva })).body;
    assert.equal(j.done, 600);
    assert.equal(j.total, 600);
    // A grant through B after A died is delivered too, and every event of the run, once.
    const c = await b.call('POST', '/api/v1/cases/tolerance', { token: tokens.olga, body: intakeBody({ receivedOn: day() }) });
    await b.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
      token: tokens.olga,
      body: { version: c.body.version, validFrom: day(), validTo: day(300) },
    });
    const total = (await sql<{ n: number }>`select count(*)::int as n from change_events`.execute(h.db)).rows[0]!.n;
    assert.ok(total >= before + 601);
    await waitFor(`all ${total} events delivered after A died`, () => rx.seen.size >= total, 150000).catch((e) => {
      throw new Error(`${e.message}: ${rx.seen.size} of ${total}`);
    });
    const ready = await b.call('GET', '/ready');
    assert.equal(ready.status, 200);
  });

  test('SIGTERM during a slow request: B answers it, then exits 0', async () => {
    const c = await b.call('POST', '/api/v1/cases/tolerance', { token: tokens.olga, body: intakeBody({ receivedOn: day() }) });
    assert.equal(c.status, 201);
    // The test holds the case's row locked, so B's grant waits inside its transaction.
    const conn = await h.pool.connect();
    try {
      await conn.query('begin');
      await conn.query('select 1 from cases where id = $1 for update', [c.body.id]);
      const grant = b.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
        token: tokens.olga,
        body: { version: c.body.version, validFrom: day(), validTo: day(300) },
      });
      await waitFor('the grant to wait on the lock', async () => {
        const r = await conn.query(
          "select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()",
        );
        return r.rows[0].n > 0;
      });
      b.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 1000)); // B is draining meanwhile
      await conn.query('commit');
      const g = await grant;
      assert.equal(g.status, 200, JSON.stringify(g.body));
      assert.equal(g.body.status, 'granted');
    } finally {
      conn.release();
    }
    assert.equal(await b.exited, 0, b.output());
  });
});
