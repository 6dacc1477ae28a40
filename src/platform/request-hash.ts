/**
 * The fingerprint of a request, kept with an Idempotency-Key: SHA-256 over canonical JSON (object
 * keys sorted at every level), so the same body sent with its keys in another order is the same request.
 */
import { createHash } from 'node:crypto';

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) out[k] = canonical((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

export function requestSha256(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(value ?? null)))
    .digest('hex');
}
