/**
 * Where the rate limits count: in this process's memory (the default, and PGlite's single process —
 * no Redis needed), or in Redis when REDIS_URL is set, so that every process counts against one limit.
 * All limits go through @fastify/rate-limit's one store — the per-route limits (sign-in, authority
 * keys, policy), the holder limiter and the failure limits (failure-limit.ts, built on
 * `createRateLimit`) — so choosing the store here moves all of them at once.
 *
 * Redis errors are not skipped: a limit that cannot be counted refuses the request (500) rather than
 * letting guesses through uncounted. /ready reports Redis.
 */
import { Redis } from 'ioredis';

export interface LimitStore {
  /** The client for @fastify/rate-limit's Redis store; null: in memory. */
  redis: Redis | null;
  /** Key prefix in Redis (RATE_LIMIT_PREFIX), so several deployments or tests may share one server. */
  prefix: string;
  /** Resolves when the store answers (for /ready). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function openLimitStore(o: { redisUrl: string | null; prefix: string }): Promise<LimitStore> {
  if (!o.redisUrl) return { redis: null, prefix: o.prefix, ping: async () => {}, close: async () => {} };
  const redis = new Redis(o.redisUrl, { connectTimeout: 2000, maxRetriesPerRequest: 1, enableOfflineQueue: true, lazyConnect: true });
  // Connection errors are reported by the commands that fail; the client reconnects by itself.
  redis.on('error', () => {});
  await redis.connect();
  return {
    redis,
    prefix: o.prefix,
    async ping() {
      await redis.ping();
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
