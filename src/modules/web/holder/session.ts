/**
 * The holder cookie: after a successful status check the pages keep the holder identified for the next
 * steps (booking, moving, cancelling) by the visa's id and an expiry, signed with HMAC-SHA256 under a
 * secret from the config. No personal data is in it — not the visa number, not the birth date — and
 * it never appears in a URL. HttpOnly, SameSite=Strict, short-lived (HOLDER_COOKIE_MINUTES).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const HOLDER_COOKIE = 'holder';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const mac = (secret: Buffer, payload: string) => createHmac('sha256', secret).update(`holder:${payload}`).digest('base64url');

/** `v1.{visaId}.{expires, seconds since 1970}.{signature}` */
export function signHolder(secret: Buffer, visaId: string, expiresAt: Date): string {
  const payload = `v1.${visaId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${mac(secret, payload)}`;
}

/** The visa id of a well-signed, unexpired holder cookie; null otherwise. */
export function verifyHolder(secret: Buffer, value: string | undefined, now: Date): string | null {
  if (!value || value.length > 200) return null;
  const parts = value.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') return null;
  const [, visaId, exp, sig] = parts as [string, string, string, string];
  const want = Buffer.from(mac(secret, `v1.${visaId}.${exp}`));
  const got = Buffer.from(sig);
  if (got.length !== want.length || !timingSafeEqual(got, want)) return null;
  if (!/^\d{1,12}$/.test(exp) || Number(exp) * 1000 <= now.getTime()) return null;
  return UUID.test(visaId) ? visaId : null;
}
