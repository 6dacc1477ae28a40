/** Dead letters (webhook deliveries that exhausted their retries) as an administrator sees and replays them. */
import { AppError, GenericErrors } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import type { Boss } from '../../../platform/jobs.ts';
import { requirePermission, type StaffCtx } from '../../auth/index.ts';
import { WebhookErrors } from '../agencies.errors.ts';
import { findDeadLetter, listDeadLetters, replayDeadLetter } from '../webhooks/deliver.ts';

export interface DeadLetterRow {
  id: string;
  clientId: string;
  clientName: string;
  seq: number;
  error: string | null;
  failedAt: Date;
}

/** Dead letters not yet replayed, oldest first. @throws AUTH.FORBIDDEN */
export async function listDeadLettersFor(ctx: StaffCtx): Promise<DeadLetterRow[]> {
  requirePermission(ctx.actor, 'authority.manage');
  return (await listDeadLetters(ctx.db)).map((d) => ({
    id: String(d.id),
    clientId: d.client_id,
    clientName: d.client_name,
    seq: Number(d.seq),
    error: d.error,
    failedAt: new Date(d.failed_at),
  }));
}

/**
 * Queues a dead letter again (it keeps its idempotency key) and audits the replay.
 * @throws AUTH.FORBIDDEN, WEBHOOK.NO_JOB_QUEUE, NOT_FOUND, WEBHOOK.ALREADY_REPLAYED
 */
export async function replayDeadLetterAs(ctx: StaffCtx, boss: Boss | undefined, id: string): Promise<{ replayed: string }> {
  requirePermission(ctx.actor, 'authority.manage');
  if (!boss) throw new AppError(WebhookErrors.NO_JOB_QUEUE, 'This process runs no job queue (WEBHOOKS_ENABLED=false).');
  if (!(await replayDeadLetter(ctx.db, boss, id, ctx.clock.now()))) {
    const d = await findDeadLetter(ctx.db, id);
    if (d?.replayed_at)
      throw new AppError(WebhookErrors.ALREADY_REPLAYED, 'That dead letter was already replayed.', { replayedAt: d.replayed_at });
    throw new AppError(GenericErrors.NOT_FOUND, 'No dead letter with that id.');
  }
  await writeAudit(ctx.db, {
    actorId: ctx.actor.id,
    action: 'webhook.replayed',
    entityType: 'webhook_dead_letter',
    entityId: id,
    requestId: ctx.requestId,
  });
  return { replayed: id };
}
