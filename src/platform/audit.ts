/**
 * The audit writer every module calls inside its command's transaction: the event commits or
 * rolls back together with the change it describes. Events carry ids, states and versions —
 * never names, passport numbers or narratives (those stay in their own tables).
 */
import type { Trx, Db } from './db/db.ts';

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
