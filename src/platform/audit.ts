/**
 * The audit writer every module calls inside its command's transaction: the event commits or
 * rolls back together with the change it describes. Events carry ids, states and versions —
 * never names, passport numbers or narratives (those stay in their own tables).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Trx, Db } from './db/db.ts';
import { chainAnchor, verifyChain } from './audit-chain.ts';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

export async function writeAudit(trx: Trx | Db, e: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_events')
    .values({
      actor_id: e.actorId,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
      request_id: e.requestId ?? null,
    })
    .execute();
}

/**
 * The set-based variant, for a batch written in one statement (a data-modifying CTE): `insert into
 * audit_events … select <actorId>, <action>, <entityType>, <entityId>, <before>, <after>, <requestId>
 * from <from>`. The expressions are SQL over the rows of `from` (or values bound as parameters).
 */
export function writeAuditFrom(e: {
  actorId: RawBuilder<unknown> | string | null;
  action: string;
  entityType: string;
  entityId: RawBuilder<unknown>;
  before?: RawBuilder<unknown>;
  after?: RawBuilder<unknown>;
  requestId?: RawBuilder<unknown>;
  from: RawBuilder<unknown>;
}) {
  const actor = typeof e.actorId === 'string' || e.actorId === null ? sql`${e.actorId}::uuid` : e.actorId;
  return sql`insert into audit_events (actor_id, action, entity_type, entity_id, before, after, request_id)
    select ${actor}, ${e.action}::text, ${e.entityType}::text, ${e.entityId}, ${e.before ?? sql`null`}, ${e.after ?? sql`null`}, ${e.requestId ?? sql`null`}
    from ${e.from}`;
}

/** The hash chain over audit_events (migration 0013; src/platform/audit-chain.ts). */
export const AUDIT_EVENTS_CHAIN = 'audit_events';
export const verifyAuditEventChain = (db: Db) => verifyChain(db, AUDIT_EVENTS_CHAIN);
export const auditEventChainAnchor = (db: Db) => chainAnchor(db, AUDIT_EVENTS_CHAIN);
