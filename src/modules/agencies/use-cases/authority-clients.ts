/**
 * Authority clients and their API keys. A key is `pbk_<prefix>_<secret>`: the prefix finds the client,
 * only a SHA-256 of the secret is stored, the whole key is shown once. Revoked keys stop at once.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { StaffCtx } from '../../auth/index.ts';
import type { Db } from '../../../platform/db/db.ts';
import { AppError, fieldError, validationFailed, GenericErrors } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { requirePermission } from '../../auth/index.ts';
import { AuthorityErrors } from '../agencies.errors.ts';
import { DEFAULT_SCOPES, FIELDS, type AuthorityKind } from '../domain/scopes.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export interface AuthorityClient {
  id: string;
  name: string;
  kind: AuthorityKind;
  scopes: string[];
}

/** @throws AUTH.FORBIDDEN, VALIDATION.FAILED (unknown scope) */
export async function createAuthorityClient(ctx: StaffCtx, input: { name: string; kind: AuthorityKind; scopes?: string[] }) {
  requirePermission(ctx.actor, 'authority.manage');
  const scopes = input.scopes ?? DEFAULT_SCOPES[input.kind];
  const bad = scopes.filter((s) => !(FIELDS as readonly string[]).includes(s));
  if (bad.length)
    throw validationFailed([fieldError('/scopes', 'UNKNOWN_FIELD', `Unknown fields: ${bad.join(', ')}. Known: ${FIELDS.join(', ')}.`)]);
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('authority_clients')
      .values({ name: input.name, kind: input.kind, key_prefix: prefix, key_hash: sha(secret), scopes, created_by: ctx.actor.id })
      .returning(['id', 'name', 'kind', 'scopes'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'authority.created',
      entityType: 'authority_client',
      entityId: row.id,
      requestId: ctx.requestId,
      after: { kind: row.kind, scopes },
    });
    return { ...row, apiKey: `pbk_${prefix}_${secret}` };
  });
}

/** @throws AUTH.FORBIDDEN, NOT_FOUND, AUTHORITY.ALREADY_REVOKED */
export async function revokeAuthorityClient(ctx: StaffCtx, id: string) {
  requirePermission(ctx.actor, 'authority.manage');
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('authority_clients')
      .set({ revoked_at: ctx.clock.now() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!r) {
      const known = await trx.selectFrom('authority_clients').select('revoked_at').where('id', '=', id).executeTakeFirst();
      if (known)
        throw new AppError(AuthorityErrors.ALREADY_REVOKED, 'That client’s key was already revoked.', { revokedAt: known.revoked_at });
      throw new AppError(GenericErrors.NOT_FOUND, 'No authority client with that id.');
    }
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'authority.revoked',
      entityType: 'authority_client',
      entityId: id,
      requestId: ctx.requestId,
    });
  });
}

export function listAuthorityClients(ctx: StaffCtx) {
  requirePermission(ctx.actor, 'authority.manage');
  return ctx.db
    .selectFrom('authority_clients')
    .select(['id', 'name', 'kind', 'scopes', 'key_prefix', 'created_at', 'revoked_at'])
    .orderBy('created_at')
    .execute();
}

/** A key's prefix and the SHA-256 of its secret, or null when it is not of the form `pbk_<prefix>_<secret>`. */
export function parseApiKey(apiKey: string): { keyPrefix: string; secretHash: string } | null {
  const m = /^pbk_([0-9a-f]{12})_([A-Za-z0-9_-]{20,})$/.exec(apiKey);
  return m ? { keyPrefix: m[1]!, secretHash: sha(m[2]!) } : null;
}

/** The client a key belongs to, or null for an unknown, malformed or revoked key. */
export async function authenticateAuthority(db: Db, apiKey: string): Promise<AuthorityClient | null> {
  const k = parseApiKey(apiKey);
  if (!k) return null;
  const row = await db
    .selectFrom('authority_clients')
    .select(['id', 'name', 'kind', 'scopes', 'key_hash', 'revoked_at'])
    .where('key_prefix', '=', k.keyPrefix)
    .executeTakeFirst();
  if (!row || row.revoked_at) return null;
  const ok = timingSafeEqual(Buffer.from(row.key_hash, 'hex'), Buffer.from(k.secretHash, 'hex'));
  return ok ? { id: row.id, name: row.name, kind: row.kind, scopes: row.scopes } : null;
}
