/**
 * Webhook signing secrets at rest: sealed by the active master key, bound to the client id. The
 * service opens one only to sign a delivery. Secrets stored in plaintext before sealing existed are
 * sealed when the webhook service starts; `pobyt keys rotate` re-seals them under a new active key.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../../platform/db/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { openSecret, sealSecret, type Keyring } from '../../../platform/crypto.ts';
import { WebhookErrors } from '../agencies.errors.ts';

const aad = (clientId: string) => `webhook:${clientId}`;

/** A new secret for a client: the plaintext (shown once) and the columns to store. */
export function newWebhookSecret(ring: Keyring | null, clientId: string) {
  if (!ring)
    throw new AppError(
      WebhookErrors.NO_MASTER_KEY,
      'No master key is configured (POBYT_MASTER_KEYS or a key file): webhook secrets are only stored sealed.',
    );
  const secret = randomBytes(32).toString('base64url');
  const s = sealSecret(ring, aad(clientId), secret);
  return { secret, columns: { secret: null, secret_sealed: s.sealed, secret_master_id: s.masterId } };
}

/** The plaintext secret of a stored subscription row. */
export function webhookSecretOf(
  ring: Keyring | null,
  row: { client_id: string; secret: string | null; secret_sealed: Buffer | null; secret_master_id: string | null },
): string {
  if (row.secret !== null) return row.secret;
  if (!ring) throw new Error('webhook secret is sealed but no master key is configured');
  return openSecret(ring, aad(row.client_id), row.secret_sealed!, row.secret_master_id!);
}

/**
 * Seals every plaintext secret and re-seals every secret not under the active master key. Few rows
 * (one per subscribed authority): one transaction. Returns how many rows changed.
 */
export async function sealWebhookSecrets(db: Db, ring: Keyring): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('authority_subscriptions')
      .select(['client_id', 'secret', 'secret_sealed', 'secret_master_id'])
      .where((eb) => eb.or([eb('secret', 'is not', null), eb('secret_master_id', '<>', ring.active)]))
      .forUpdate()
      .execute();
    for (const r of rows) {
      const s = sealSecret(ring, aad(r.client_id), webhookSecretOf(ring, r));
      await trx
        .updateTable('authority_subscriptions')
        .set({ secret: null, secret_sealed: s.sealed, secret_master_id: s.masterId })
        .where('client_id', '=', r.client_id)
        .execute();
    }
    return rows.length;
  });
}
