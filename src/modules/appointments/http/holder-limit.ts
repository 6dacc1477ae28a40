/**
 * The one limit on holder requests: a counter per client address shared by every route a holder
 * identifies themselves on — the API's booking, cancelling, moving and channel routes and the pages'
 * status check and booking forms. One limiter (one store); a route-level `config.rateLimit` would give
 * each route its own counter, and every route as many guesses again. The composition root makes it once.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type HolderLimit = (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

export function holderRequestLimit(app: FastifyInstance, maxPerMinute: number): HolderLimit {
  const hook = app.rateLimit({ max: maxPerMinute, timeWindow: 60_000, keyGenerator: (req) => `holder:${req.ip}` });
  return (req, reply) => hook.call(app, req, reply);
}

/** Whether an error is the limiter's refusal (429). */
export const isHolderLimited = (e: unknown): boolean => (e as { statusCode?: number } | null)?.statusCode === 429;
