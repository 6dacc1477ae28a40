/**
 * Delivery of the change feed by webhook, on pg-boss: a dispatcher moves each subscription's cursor
 * over the outbox and queues one job per event in the same transaction (nothing queued twice or
 * skipped); a worker POSTs the signed event and records it as delivered (an event already delivered
 * is not sent again); pg-boss retries with exponential backoff and moves exhausted jobs to a dead-
 * letter queue, which lands in `webhook_dead_letters` for manual replay.
 */
import { fromKysely, type JobResult } from 'pg-boss';
import type { Boss } from '../../../platform/jobs.ts';
import { systemClock, type Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/db.ts';
import { findChangeEvent, readChangeEvents } from '../../../platform/outbox.ts';
import type { Keyring } from '../../../platform/crypto.ts';
import { pick } from '../domain/scopes.ts';
import { signPayload } from './signing.ts';
import { newWebhookSecret, webhookSecretOf } from './secrets.ts';

export const DELIVER = 'webhook-deliver';
export const DEAD = 'webhook-dead';
/** Deliveries a worker fetches and sends at once. */
export const DELIVERY_BATCH = 10;
/** Deliveries a worker sends at the same time. */
export const DELIVERY_LANES = 1;

export interface WebhookSettings {
  retryLimit: number;
  retryDelaySeconds: number;
  retryDelayMaxSeconds: number;
  timeoutMs: number;
  /** The source of "now" for signature timestamps (default: the system clock). */
  clock?: Clock;
}

interface DeliverJob {
  clientId: string;
  seq: string;
}

/** Subscribes a client (or replaces its URL and secret); the secret is returned once and stored sealed. @throws WEBHOOK.NO_MASTER_KEY */
export async function subscribe(db: Db, ring: Keyring | null, clientId: string, url: string) {
  const { secret, columns } = newWebhookSecret(ring, clientId);
  await db
    .insertInto('authority_subscriptions')
    .values({ client_id: clientId, url, ...columns })
    .onConflict((oc) => oc.column('client_id').doUpdateSet({ url, ...columns, active: true }))
    .execute();
  return { secret };
}

/** Queues the events each active subscription has not been queued yet. Returns how many jobs were queued. */
export async function dispatchPending(db: Db, boss: Boss, batch = 500): Promise<number> {
  const subs = await db
    .selectFrom('authority_subscriptions as s')
    .innerJoin('authority_clients as c', 'c.id', 's.client_id')
    .select(['s.client_id'])
    .where('s.active', '=', true)
    .where('c.revoked_at', 'is', null)
    .execute();
  let queued = 0;
  for (const s of subs) {
    queued += await db.transaction().execute(async (trx) => {
      const sub = await trx
        .selectFrom('authority_subscriptions')
        .select(['cursor_seq'])
        .where('client_id', '=', s.client_id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const events = await readChangeEvents(trx, sub.cursor_seq, batch);
      if (!events.length) return 0;
      await boss.insert(
        DELIVER,
        events.map((e) => ({ data: { clientId: s.client_id, seq: String(e.seq) } })),
        { db: fromKysely(trx) },
      );
      await trx
        .updateTable('authority_subscriptions')
        .set({ cursor_seq: String(events.at(-1)!.seq) })
        .where('client_id', '=', s.client_id)
        .execute();
      return events.length;
    });
  }
  return queued;
}

async function deliverOne(db: Db, ring: Keyring | null, job: DeliverJob, timeoutMs: number, clock: Clock) {
  const e = await findChangeEvent(db, job.seq);
  const sub = e
    ? await db
        .selectFrom('authority_subscriptions as s')
        .innerJoin('authority_clients as c', 'c.id', 's.client_id')
        .select(['s.url', 's.client_id', 's.secret', 's.secret_sealed', 's.secret_master_id', 's.active', 'c.scopes', 'c.revoked_at'])
        .where('s.client_id', '=', job.clientId)
        .executeTakeFirst()
    : undefined;
  const row = e && sub ? { ...e, ...sub } : undefined;
  if (!row?.active || row.revoked_at) return; // unsubscribed or revoked meanwhile: nothing to send
  const done = await db
    .selectFrom('webhook_deliveries')
    .select('event_id')
    .where('client_id', '=', job.clientId)
    .where('event_id', '=', row.event_id)
    .executeTakeFirst();
  if (done) return;
  const p = row.payload as Record<string, unknown>;
  const body = JSON.stringify({
    eventId: row.event_id,
    seq: Number(row.seq),
    kind: row.kind,
    occurredAt: new Date(row.occurred_at).toISOString(),
    visaNumber: p.visaNumber,
    ...pick(p, row.scopes),
  });
  const ts = Math.floor(clock.now().getTime() / 1000);
  const res = await fetch(row.url, {
    method: 'POST',
    body,
    signal: AbortSignal.timeout(timeoutMs),
    headers: {
      'content-type': 'application/json',
      'x-pobyt-event-id': row.event_id,
      'x-pobyt-timestamp': String(ts),
      'x-pobyt-signature': signPayload(webhookSecretOf(ring, row), ts, body),
    },
  });
  if (!res.ok) throw new Error(`receiver answered HTTP ${res.status}`);
  await db
    .insertInto('webhook_deliveries')
    .values({ client_id: job.clientId, event_id: row.event_id, seq: String(row.seq) })
    .onConflict((oc) => oc.columns(['client_id', 'event_id']).doNothing())
    .execute();
}

export async function startWebhookWorkers(db: Db, ring: Keyring | null, boss: Boss, s: WebhookSettings, pollSeconds = 1) {
  await boss.createQueue(DEAD);
  // A delivery still active past its batch's time bound (plus a margin) belongs to a process that died: the
  // queue's monitor fails it and any live process retries it.
  const queue = {
    retryLimit: s.retryLimit,
    retryDelay: s.retryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: s.retryDelayMaxSeconds,
    // a batch's deliveries are sent DELIVERY_LANES at a time, each up to its timeout: the batch's time bound
    expireInSeconds: Math.ceil(DELIVERY_BATCH / DELIVERY_LANES) * Math.ceil(s.timeoutMs / 1000) + 10,
    deadLetter: DEAD,
  };
  await boss.createQueue(DELIVER, queue);
  await boss.updateQueue(DELIVER, queue); // a queue created by an earlier version keeps its old settings otherwise
  // Up to DELIVERY_BATCH deliveries fetched at once and sent DELIVERY_LANES at a time (all at once made
  // slow receivers time out under load, and a timed-out delivery the receiver did take arrives twice),
  // each settled on its own (a failed one is retried alone); while fetches come back full the worker fetches again at once
  // (burst) instead of waiting a polling interval — one delivery per poll was ~1 event/s per process.
  await boss.work<DeliverJob>(
    DELIVER,
    { pollingIntervalSeconds: pollSeconds, batchSize: DELIVERY_BATCH, perJobResults: true, burstWhenBatchFull: true },
    async (jobs) => {
      const results: JobResult[] = new Array(jobs.length);
      let next = 0;
      const lane = async () => {
        for (let i = next++; i < jobs.length; i = next++) {
          const j = jobs[i]!;
          try {
            await deliverOne(db, ring, j.data, s.timeoutMs, s.clock ?? systemClock);
            results[i] = { id: j.id, status: 'completed' };
          } catch (e) {
            results[i] = { id: j.id, status: 'failed', output: { error: String((e as Error)?.message ?? e).slice(0, 200) } };
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(DELIVERY_LANES, jobs.length) }, lane));
      return results;
    },
  );
  await boss.work<DeliverJob>(DEAD, { pollingIntervalSeconds: pollSeconds }, async (jobs) => {
    for (const j of jobs)
      await db
        .insertInto('webhook_dead_letters')
        .values({ client_id: j.data.clientId, seq: j.data.seq, error: 'retries exhausted' })
        .execute();
  });
}

/** Queues a dead letter again; it keeps its idempotency key, so a receiver that got it meanwhile can drop it. */
export async function replayDeadLetter(db: Db, boss: Boss, id: string, now: Date): Promise<boolean> {
  const d = await db
    .updateTable('webhook_dead_letters')
    .set({ replayed_at: now })
    .where('id', '=', id)
    .where('replayed_at', 'is', null)
    .returning(['client_id', 'seq'])
    .executeTakeFirst();
  if (!d) return false;
  await boss.send(DELIVER, { clientId: d.client_id, seq: String(d.seq) });
  return true;
}

/** Dead letters not yet replayed, oldest first, with their client's name. */
export function listDeadLetters(db: Db) {
  return db
    .selectFrom('webhook_dead_letters as d')
    .innerJoin('authority_clients as c', 'c.id', 'd.client_id')
    .select(['d.id', 'd.client_id', 'c.name as client_name', 'd.seq', 'd.error', 'd.failed_at'])
    .where('d.replayed_at', 'is', null)
    .orderBy('d.id')
    .execute();
}

export function findDeadLetter(db: Db, id: string) {
  return db.selectFrom('webhook_dead_letters').select(['id', 'replayed_at']).where('id', '=', id).executeTakeFirst();
}

/** Every subscription (never its secret). */
export function listSubscriptions(db: Db) {
  return db.selectFrom('authority_subscriptions').select(['client_id', 'url', 'active', 'created_at']).execute();
}
