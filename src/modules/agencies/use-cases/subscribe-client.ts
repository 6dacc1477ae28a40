/** Subscribes an authority client to signed webhooks: the subscription and its audit event in one transaction. */
import { AppError, GenericErrors } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { requirePermission, type StaffCtx } from '../../auth/index.ts';
import { findActiveClientId } from '../db/clients.queries.ts';
import { listSubscriptions, subscribe } from '../webhooks/deliver.ts';

/** @throws AUTH.FORBIDDEN, NOT_FOUND (no active client), WEBHOOK.* (no master key) — the signing secret is returned once */
export async function subscribeClient(ctx: StaffCtx, clientId: string, url: string) {
  requirePermission(ctx.actor, 'authority.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const client = await findActiveClientId(trx, clientId);
    if (!client) throw new AppError(GenericErrors.NOT_FOUND, 'No active authority client with that id.');
    const r = await subscribe(trx, ctx.config.keyring, client.id, url);
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'authority.subscribed',
      entityType: 'authority_client',
      entityId: client.id,
      requestId: ctx.requestId,
    });
    return { clientId: client.id, url, secret: r.secret };
  });
}

/** Each client's webhook subscription (URL, active, since when), keyed by client id; never the secret. @throws AUTH.FORBIDDEN */
export async function listWebhookSubscriptions(ctx: StaffCtx) {
  requirePermission(ctx.actor, 'authority.manage');
  const rows = await listSubscriptions(ctx.db);
  return new Map(rows.map((r) => [r.client_id, { url: r.url, active: r.active, createdAt: new Date(r.created_at) }]));
}
