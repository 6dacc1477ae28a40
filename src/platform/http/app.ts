/** The composition root of the HTTP server: plugins, auth, error mapping, module routes. */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Actor, Ctx } from '../context.ts';
import type pg from 'pg';
import type { Db } from '../db/db.ts';
import type { Boss } from '../jobs.ts';
import { AppError } from '../errors.ts';
import { sendProblem, toProblem } from './problem.ts';
import { resolveSession } from '../../modules/auth/use-cases/sessions.ts';
import { authRoutes, SESSION_COOKIE } from '../../modules/auth/http/auth.routes.ts';
import { officeRoutes } from '../../modules/offices/http/offices.routes.ts';
import { caseRoutes } from '../../modules/cases/http/cases.routes.ts';
import { registerCaseTypes } from '../../case-types.ts';
import { systemRoutes } from './system.routes.ts';
import { policyRoutes } from '../../modules/policy/http/policy.routes.ts';
import { visaRoutes } from '../../modules/visas/http/visas.routes.ts';
import { agencyRoutes } from '../../modules/agencies/http/agencies.routes.ts';
import { appointmentRoutes } from '../../modules/appointments/http/appointments.routes.ts';
import { findHolderVisa } from '../../modules/visas/index.ts';
import { civilSocietyRoutes } from '../../modules/civil-society/http/civil-society.routes.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

export interface AppDeps {
  db: Db;
  /**
   * The pool under `db` on a PostgreSQL server, for the few hot statements run as named prepared
   * statements (queryPrepared). Not given on PGlite: its node-postgres adapter loses the connection
   * when a named statement fails, and in-process there is no round trip to save.
   */
  pool?: pg.Pool;
  config: Config;
  clock: Clock;
  logger?: boolean | object;
  /** The job queue, when the process runs one (webhook delivery, replays). */
  boss?: Boss;
}

export type App = FastifyInstance;

/** The per-request context a use case receives. Throws AUTH.REQUIRED on a public route. */
export function ctxOf(req: FastifyRequest, deps: AppDeps): Ctx {
  if (!req.actor) throw new AppError('AUTH.REQUIRED', 'Sign in first.');
  return { db: deps.db, clock: deps.clock, config: deps.config, actor: req.actor, requestId: String(req.id) };
}

function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim() || null;
  const c = req.cookies?.[SESSION_COOKIE];
  return c || null;
}

export async function buildApp(deps: AppDeps): Promise<App> {
  registerCaseTypes();
  const app = Fastify({
    logger: deps.logger ?? { level: deps.config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorateRequest('actor', null);
  await app.register(cookie);
  // Opt-in per route (sign-in); the store is per process — several instances need a shared store.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (req, ctx) => {
      const p = toProblem(new AppError('RATE_LIMITED', `Too many attempts; try again in ${Math.ceil(ctx.ttl / 1000)} s.`), req);
      return Object.assign(new Error(p.detail), { statusCode: 429, problem: p });
    },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'pobyt API', version: '1', description: 'Visa and residence case management. Errors are RFC 9457 problem+json.' },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.config?.public || !req.url.startsWith('/api/')) return;
    const token = bearer(req);
    const actor = token ? await resolveSession({ db: deps.db, clock: deps.clock }, token) : null;
    if (!actor) throw new AppError('AUTH.REQUIRED', 'Sign in first: a session cookie or a bearer token is required.');
    req.actor = actor;
  });

  app.setErrorHandler((err, req, reply) => {
    const p = toProblem(err, req);
    if (p.status >= 500) {
      // Log the error's class, code and stack — not its detail, which for database errors can quote row values.
      const e = err as { name?: string; code?: string; message?: string; stack?: string };
      req.log.error({ errName: e.name, errCode: e.code, stack: e.stack }, 'request failed');
    }
    return sendProblem(reply, p);
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, toProblem(new AppError('NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0]}`), req)),
  );

  await app.register(systemRoutes(deps));
  await app.register(authRoutes(deps), { prefix: '/api/v1' });
  await app.register(officeRoutes(deps), { prefix: '/api/v1' });
  await app.register(caseRoutes(deps), { prefix: '/api/v1' });
  await app.register(policyRoutes(deps), { prefix: '/api/v1' });
  await app.register(visaRoutes(deps), { prefix: '/api/v1' });
  await app.register(agencyRoutes(deps), { prefix: '/api/v1' });
  await app.register(appointmentRoutes(deps, findHolderVisa), { prefix: '/api/v1' });
  await app.register(civilSocietyRoutes(deps), { prefix: '/api/v1' });
  return app;
}
