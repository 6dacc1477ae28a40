/**
 * Webhook signatures: HMAC-SHA256 over "<timestamp>.<body>" with the subscription's secret, sent as
 * `x-pobyt-signature: sha256=<hex>` with `x-pobyt-timestamp` (Unix seconds). A receiver recomputes
 * it and refuses a timestamp outside its replay window; `x-pobyt-event-id` is the idempotency key.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signPayload(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function verifyWebhookSignature(
  secret: string,
  timestamp: number,
  body: string,
  signature: string,
  nowSeconds: number,
  windowSeconds = 300,
): boolean {
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > windowSeconds) return false;
  const expected = Buffer.from(signPayload(secret, timestamp, body));
  const got = Buffer.from(signature);
  return expected.length === got.length && timingSafeEqual(expected, got);
}
