/**
 * A limit on failures rather than on requests: each failed attempt (a wrong API key, a wrong password)
 * counts for its key (the client address, the account); once a key has `max` failures in the window,
 * further attempts are refused with 429 before they are tried — right or wrong, so a blocked guesser
 * learns nothing. Successes do not count. Built on @fastify/rate-limit's `createRateLimit` (the
 * `increment: false` peek), so it shares that plugin's store: per process, like the other limits.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, GenericErrors } from '../errors.ts';

export interface FailureLimit {
  /** @throws GENERIC.RATE_LIMITED when the key has used up its failures in the window */
  check(req: FastifyRequest): Promise<void>;
  /** Counts one failure for the request's key. */
  fail(req: FastifyRequest): Promise<void>;
}

export function failureLimit(
  app: FastifyInstance,
  o: { max: number; windowMs: number; key: (req: FastifyRequest) => string; what: string },
): FailureLimit {
  const limiter = app.createRateLimit({ max: o.max, timeWindow: o.windowMs, keyGenerator: o.key });
  return {
    async check(req) {
      const s = await limiter(req, { increment: false });
      if (!s.isAllowed && s.remaining === 0) {
        const wait = Math.max(1, Math.ceil(s.ttl / 1000));
        throw new AppError(GenericErrors.RATE_LIMITED, `Too many failed ${o.what}; try again in ${wait} s.`, { retryAfterSeconds: wait });
      }
    },
    async fail(req) {
      await limiter(req);
    },
  };
}
