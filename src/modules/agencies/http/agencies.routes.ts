/** Admin management of authority clients, and the authorities' own API (API key, not a staff session). */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { failureLimit } from '../../../platform/http/failure-limit.ts';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { staffCtx } from '../../auth/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { todayInPrague } from '../../calendar/index.ts';
import {
  authenticateAuthority,
  createAuthorityClient,
  listAuthorityClients,
  revokeAuthorityClient,
} from '../use-cases/authority-clients.ts';
import { readChangeFeed, verifyStatus } from '../use-cases/verify-status.ts';
import { VerificationBatcher } from '../use-cases/verification-batcher.ts';
import { listDeadLettersFor, replayDeadLetterAs } from '../use-cases/dead-letters.ts';
import { subscribeClient } from '../use-cases/subscribe-client.ts';
import { AuthErrors } from '../../auth/index.ts';

import { type AuthorityActor, type AuthorityCtx, isAuthorityActor } from '../authority-actor.ts';
import * as S from './agencies.schema.ts';

const tags = ['authorities'];

/** The context of an authority route, after requireKey. @throws AUTH.REQUIRED without an authenticated key. */
function authorityCtx(req: FastifyRequest, deps: AppDeps): AuthorityCtx {
  const actor = req.actor;
  if (!isAuthorityActor(actor)) throw new AppError(AuthErrors.REQUIRED, 'A valid, unrevoked authority API key is required.');
  return { db: deps.db, clock: deps.clock, config: deps.config, actor, requestId: String(req.id) };
}

function apiKeyOf(req: FastifyRequest): string | null {
  const h = req.headers['x-api-key'];
  return typeof h === 'string' ? h : null;
}

export function agencyRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    app.post(
      '/admin/authorities',
      {
        schema: {
          tags,
          summary: 'Register an authority client; its API key is shown once',
          body: S.CreateAuthorityBody,
          response: { 201: S.AuthorityCreated },
        },
      },
      async (req, reply) => reply.status(201).send(await createAuthorityClient(staffCtx(req, deps), req.body)),
    );
    app.get(
      '/admin/authorities',
      { schema: { tags, summary: 'Authority clients (no keys)', response: { 200: S.AuthorityList } } },
      async (req) => listAuthorityClients(staffCtx(req, deps)),
    );
    app.post(
      '/admin/authorities/:id/revoke',
      {
        schema: {
          tags,
          summary: 'Revoke a client’s key at once',
          params: S.Id,
          response: { 204: S.NoContent },
        },
      },
      async (req, reply) => {
        await revokeAuthorityClient(staffCtx(req, deps), req.params.id);
        // This process's next replica read must see the revocation.
        deps.replica?.fence();
        return reply.status(204).send();
      },
    );

    app.post(
      '/admin/authorities/:id/webhook',
      {
        schema: {
          tags,
          summary: 'Subscribe a client to signed webhooks; the signing secret is shown once',
          params: S.Id,
          body: S.WebhookBody,
          response: { 201: S.WebhookSubscribed },
        },
      },
      async (req, reply) => reply.status(201).send(await subscribeClient(staffCtx(req, deps), req.params.id, req.body.url)),
    );
    app.get(
      '/admin/webhooks/dead-letters',
      { schema: { tags, summary: 'Deliveries that exhausted their retries', response: { 200: S.DeadLetters } } },
      async (req) =>
        (await listDeadLettersFor(staffCtx(req, deps))).map((d) => ({
          id: d.id,
          clientId: d.clientId,
          seq: d.seq,
          error: d.error,
          failedAt: d.failedAt.toISOString(),
        })),
    );
    app.post(
      '/admin/webhooks/dead-letters/:id/replay',
      {
        schema: {
          tags,
          summary: 'Queue a dead letter again',
          params: S.DeadLetterId,
          response: { 202: S.Replayed },
        },
      },
      async (req, reply) => reply.status(202).send(await replayDeadLetterAs(staffCtx(req, deps), deps.boss, req.params.id)),
    );

    // Per key: a hash of the whole key (never the key itself, and not its public prefix, which anyone
    // could send to use up another client's allowance); without a key, per address.
    const keyed = {
      public: true,
      rateLimit: {
        max: deps.config.authorityRequestsPerMinute,
        timeWindow: '1 minute',
        keyGenerator: (req: FastifyRequest) => {
          const k = apiKeyOf(req);
          return k ? `key:${createHash('sha256').update(k).digest('base64url')}` : `ip:${req.ip}`;
        },
      },
    };
    // Failed keys per client address (defect 7): each distinct wrong key has its own bucket above, so
    // guessing is counted here — a 401 counts, and an address past the limit gets 429 for any key.
    const keyFailures = failureLimit(base, {
      max: deps.config.authorityKeyFailuresPerMinute,
      windowMs: 60_000,
      key: (req) => `authority-key-failures:${req.ip}`,
      what: 'API keys from this address',
    });
    const guarded = {
      onRequest: async (req: FastifyRequest) => keyFailures.check(req),
      onResponse: async (req: FastifyRequest, reply: FastifyReply) => {
        if (reply.statusCode === 401) await keyFailures.fail(req);
      },
    };
    const batcher = new VerificationBatcher(deps.db, deps.pool, undefined, deps.replica);
    const requireKey = async (req: FastifyRequest) => {
      const key = apiKeyOf(req);
      const client = key ? await authenticateAuthority(deps.db, key) : null;
      if (!client) throw new AppError(AuthErrors.REQUIRED, 'A valid, unrevoked authority API key is required in the x-api-key header.');
      const actor: AuthorityActor = { kind: 'authority', clientId: client.id, client };
      req.actor = actor;
    };

    app.post(
      '/authority/verify',
      {
        config: keyed,
        ...guarded,
        schema: {
          tags,
          summary: 'Verify a status by visa number, or by passport number with date of birth; only the caller’s fields are returned',
          security: [],
          body: S.VerifyBody,
          response: { 200: S.VerifyReply },
        },
      },
      async (req) => {
        const { asOf, ...q } = req.body as { asOf?: string } & ({ visaNumber: string } | { passportNumber: string; dateOfBirth: string });
        // "As of" is named in every answer; without one it is today in Prague.
        // The key is checked in the same statement that finds the visa and audits the lookup.
        return verifyStatus(batcher, apiKeyOf(req), q, asOf ?? todayInPrague(deps.clock.now()), String(req.id));
      },
    );

    app.get(
      '/authority/events',
      {
        config: keyed,
        ...guarded,
        preHandler: requireKey,
        schema: {
          tags,
          summary: 'The change feed after a cursor; eventId is the idempotency key',
          security: [],
          querystring: S.EventsQuery,
          response: { 200: S.EventsReply },
        },
      },
      async (req) => {
        const ctx = authorityCtx(req, deps);
        return readChangeFeed(ctx.db, ctx.actor.client, Number(req.query.after ?? 0), Number(req.query.limit ?? 100), deps.replica);
      },
    );
  };
}
