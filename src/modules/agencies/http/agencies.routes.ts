/** Admin management of authority clients, and the authorities' own API (API key, not a staff session). */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, type AppDeps } from '../../../platform/http/app.ts';
import { AppError } from '../../../platform/errors.ts';
import { todayInPrague } from '../../calendar/index.ts';
import {
  authenticateAuthority,
  createAuthorityClient,
  listAuthorityClients,
  revokeAuthorityClient,
  type AuthorityClient,
} from '../use-cases/authority-clients.ts';
import { readChangeFeed, verifyStatus } from '../use-cases/verify-status.ts';
import { VerificationBatcher } from '../use-cases/verification-batcher.ts';
import { listDeadLetters, replayDeadLetter, subscribe } from '../webhooks/deliver.ts';
import { requirePermission } from '../../auth/index.ts';
import { writeAudit } from '../../../platform/audit.ts';

const IsoDate = Type.String({ format: 'date' });
const Kind = Type.Union([
  Type.Literal('health_insurance'),
  Type.Literal('labour_office'),
  Type.Literal('social_security'),
  Type.Literal('other'),
]);

declare module 'fastify' {
  interface FastifyRequest {
    authority: AuthorityClient | null;
  }
}

function apiKeyOf(req: FastifyRequest): string | null {
  const h = req.headers['x-api-key'];
  return typeof h === 'string' ? h : null;
}

export function agencyRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    app.decorateRequest('authority', null);

    app.post(
      '/admin/authorities',
      {
        schema: {
          tags: ['authorities'],
          summary: 'Register an authority client; its API key is shown once',
          body: Type.Object(
            {
              name: Type.String({ minLength: 1, maxLength: 200 }),
              kind: Kind,
              scopes: Type.Optional(Type.Array(Type.String(), { maxItems: 20 })),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (req, reply) => reply.status(201).send(await createAuthorityClient(ctxOf(req, deps), req.body)),
    );
    app.get('/admin/authorities', { schema: { tags: ['authorities'], summary: 'Authority clients (no keys)' } }, async (req) =>
      listAuthorityClients(ctxOf(req, deps)),
    );
    app.post(
      '/admin/authorities/:id/revoke',
      {
        schema: {
          tags: ['authorities'],
          summary: 'Revoke a client’s key at once',
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        },
      },
      async (req, reply) => {
        await revokeAuthorityClient(ctxOf(req, deps), req.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/admin/authorities/:id/webhook',
      {
        schema: {
          tags: ['authorities'],
          summary: 'Subscribe a client to signed webhooks; the signing secret is shown once',
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
          body: Type.Object({ url: Type.String({ pattern: '^https?://', maxLength: 500 }) }, { additionalProperties: false }),
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req, deps);
        requirePermission(ctx.actor, 'authority.manage');
        const client = await deps.db
          .selectFrom('authority_clients')
          .select('id')
          .where('id', '=', req.params.id)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (!client) throw new AppError('NOT_FOUND', 'No active authority client with that id.');
        const r = await subscribe(deps.db, deps.config.keyring, client.id, req.body.url);
        await writeAudit(deps.db, {
          actorId: ctx.actor.id,
          action: 'authority.subscribed',
          entityType: 'authority_client',
          entityId: client.id,
          requestId: String(req.id),
        });
        return reply.status(201).send({ clientId: client.id, url: req.body.url, secret: r.secret });
      },
    );
    app.get(
      '/admin/webhooks/dead-letters',
      { schema: { tags: ['authorities'], summary: 'Deliveries that exhausted their retries' } },
      async (req) => {
        requirePermission(ctxOf(req, deps).actor, 'authority.manage');
        return (await listDeadLetters(deps.db)).map((d) => ({
          id: String(d.id),
          clientId: d.client_id,
          seq: Number(d.seq),
          error: d.error,
          failedAt: new Date(d.failed_at).toISOString(),
        }));
      },
    );
    app.post(
      '/admin/webhooks/dead-letters/:id/replay',
      {
        schema: {
          tags: ['authorities'],
          summary: 'Queue a dead letter again',
          params: Type.Object({ id: Type.String({ pattern: '^[0-9]{1,15}$' }) }),
        },
      },
      async (req, reply) => {
        requirePermission(ctxOf(req, deps).actor, 'authority.manage');
        if (!deps.boss) throw new AppError('CONFLICT', 'This process runs no job queue (WEBHOOKS_ENABLED=false).');
        if (!(await replayDeadLetter(deps.db, deps.boss, req.params.id, deps.clock.now())))
          throw new AppError('NOT_FOUND', 'No unreplayed dead letter with that id.');
        return reply.status(202).send({ replayed: req.params.id });
      },
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
    const batcher = new VerificationBatcher(deps.db, deps.pool);
    const requireKey = async (req: FastifyRequest) => {
      const key = apiKeyOf(req);
      const client = key ? await authenticateAuthority(deps.db, key) : null;
      if (!client) throw new AppError('AUTH.REQUIRED', 'A valid, unrevoked authority API key is required in the x-api-key header.');
      req.authority = client;
    };

    app.post(
      '/authority/verify',
      {
        config: keyed,
        schema: {
          tags: ['authorities'],
          summary: 'Verify a status by visa number, or by passport number with date of birth; only the caller’s fields are returned',
          security: [],
          body: Type.Union([
            Type.Object(
              { visaNumber: Type.String({ minLength: 3, maxLength: 60 }), asOf: Type.Optional(IsoDate) },
              { additionalProperties: false },
            ),
            Type.Object(
              { passportNumber: Type.String({ pattern: '^[A-Z0-9]{5,20}$' }), dateOfBirth: IsoDate, asOf: Type.Optional(IsoDate) },
              { additionalProperties: false },
            ),
          ]),
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
        preHandler: requireKey,
        schema: {
          tags: ['authorities'],
          summary: 'The change feed after a cursor; eventId is the idempotency key',
          security: [],
          // Query strings are text (request bodies are not coerced, so neither is this): digits only.
          querystring: Type.Object(
            {
              after: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
              limit: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,2}|1000)$' })),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (req) => readChangeFeed(deps.db, req.authority!, Number(req.query.after ?? 0), Number(req.query.limit ?? 100)),
    );
  };
}
