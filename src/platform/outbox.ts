/**
 * The outbox: the authorities' change feed (`change_events`). Every module appends through here,
 * inside the transaction of the change the event describes, so an event exists if and only if its
 * change committed. The agencies module reads the feed through the reader below.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db, Trx } from './db/db.ts';

export type ChangeKind = 'visa.granted' | 'visa.extended' | 'visa.cancelled';

export interface ChangeEvent {
  kind: ChangeKind;
  visaId: string;
  payload: Record<string, unknown>;
}

/** Appends one change event in the caller's transaction. */
export async function appendChangeEvent(trx: Trx | Db, e: ChangeEvent): Promise<void> {
  await trx
    .insertInto('change_events')
    .values({ kind: e.kind, visa_id: e.visaId, payload: JSON.stringify(e.payload) })
    .execute();
}

/**
 * The set-based variant, for a batch written in one statement (e.g. a data-modifying CTE of the mass
 * extension): `insert into change_events … select <kind>, <visaId>, <payload> from <from>`. The
 * expressions are SQL over the rows of `from`; the caller embeds the result in its statement.
 */
export function appendChangeEventsFrom(e: {
  kind: ChangeKind;
  visaId: RawBuilder<unknown>;
  payload: RawBuilder<unknown>;
  from: RawBuilder<unknown>;
}) {
  return sql`insert into change_events (kind, visa_id, payload) select ${e.kind}::text, ${e.visaId}, ${e.payload} from ${e.from}`;
}

/** The feed after `afterSeq`, oldest first. */
export function readChangeEvents(db: Db | Trx, afterSeq: number | string, limit: number) {
  return db
    .selectFrom('change_events')
    .select(['seq', 'event_id', 'occurred_at', 'kind', 'payload'])
    .where('seq', '>', String(afterSeq))
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** One event by its sequence number. */
export function findChangeEvent(db: Db | Trx, seq: string) {
  return db
    .selectFrom('change_events')
    .select(['seq', 'event_id', 'occurred_at', 'kind', 'payload'])
    .where('seq', '=', seq)
    .executeTakeFirst();
}
