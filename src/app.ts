/**
 * The composition root of the HTTP server: plugins, who is calling (the actor), error mapping and every
 * module's routes. The one place that knows all modules; platform knows none of them.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifySchema } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AnonymousActor } from './platform/context.ts';
import { AppError, type FieldError, fieldError, GenericErrors, validationFailed } from './platform/errors.ts';
import { checkEdgeInput } from './platform/http/edge-input.ts';
import { checkSameOrigin } from './platform/http/same-origin.ts';
import { CalendarRangeError } from './modules/calendar/index.ts';
import type { AppDeps } from './platform/http/deps.ts';
import { clientErrorResponse, sendProblem, toProblem } from './platform/http/problem.ts';
import { systemRoutes } from './platform/http/system.routes.ts';
import {
  AuthErrors,
  authRoutes,
  logIn,
  logOut,
  loginLockout,
  loginRateLimit,
  resolveSession,
  SESSION_COOKIE,
  type StaffActor,
} from './modules/auth/index.ts';
import type { AuthorityActor } from './modules/agencies/index.ts';
import type { HolderActor } from './modules/appointments/index.ts';
import { officeRoutes } from './modules/offices/index.ts';
import { caseRoutes, caseworkPages, dashboardPages, queuePages } from './modules/cases/index.ts';
import { policyRoutes } from './modules/policy/index.ts';
import { findHolderVisa, jobMetrics, visaPages, visaRoutes } from './modules/visas/index.ts';
import { adminAuthorityPages, agencyRoutes, webhookMetrics } from './modules/agencies/index.ts';
import { createMetrics } from './platform/http/metrics.ts';
import { replicaMetrics } from './platform/db/replica.ts';
import { appointmentRoutes, holderRequestLimit } from './modules/appointments/index.ts';
import { adminCivilPages, civilSocietyPages, civilSocietyRoutes } from './modules/civil-society/index.ts';
import { registerCaseTypes } from './case-types.ts';
import { withProblemResponses } from './platform/http/problem.schema.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { peoplePages, webRoutes } from './modules/web/index.ts';
import { auditPages, auditRoutes } from './modules/audit/index.ts';
import { peopleRoutes } from './modules/people/index.ts';

export type { AppDeps } from './platform/http/deps.ts';

/** Everyone a request can act for: staff (session), an authority's system (API key), a visa holder, or no one. */
export type Actor = StaffActor | AuthorityActor | HolderActor | AnonymousActor;

export type App = FastifyInstance;

/** A route as Fastify registered it: method, URL pattern, its options' config and schemas (for the matrix and fuzz tests). */
export interface RouteEntry {
  method: string;
  url: string;
  public: boolean;
  schema: FastifySchema | undefined;
  bodyLimit: number | undefined;
}

const routeTables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Every route the app registered (HEAD routes Fastify adds for GET included), in registration order. */
export function routeTable(app: App): readonly RouteEntry[] {
  const t = routeTables.get(app);
  if (!t) throw new Error('routeTable: not an app built by buildApp');
  return t;
}

/** The session token: a bearer header, else the session cookie (an ambient credential, so CSRF-checked). */
function sessionToken(req: FastifyRequest): { token: string; cookie: boolean } | null {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) {
    const token = h.slice(7).trim();
    return token ? { token, cookie: false } : null;
  }
  const c = req.cookies?.[SESSION_COOKIE];
  return c ? { token: c, cookie: true } : null;
}

/**
 * The request logger: method, path (never the query string — a second line of defence after moving
 * personal lookups into POST bodies), request id, client address; no headers, no bodies.
 */
function loggerOptions(deps: AppDeps) {
  if (deps.logger === false) return false;
  return {
    level: deps.logger?.level ?? deps.config.logLevel,
    ...(deps.logger?.stream ? { stream: deps.logger.stream } : {}),
    serializers: {
      req: (req: { method: string; url: string; ip?: string; socket?: { remotePort?: number } }) => ({
        method: req.method,
        url: redactQuery(req.url),
        remoteAddress: req.ip,
      }),
    },
  };
}

/** A URL without its query string's values: `/a?x=1&y=2` → `/a?x=…&y=…`. */
export function redactQuery(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = url
    .slice(q + 1)
    .split('&')
    .map((p) => `${p.split('=')[0]!.slice(0, 40)}=…`);
  return `${url.slice(0, q)}?${names.join('&')}`;
}

/** A hop count means: trust that many proxies nearest the server (Fastify's types take it as a function). */
function trustProxyOption(t: false | number | string[]) {
  return typeof t === 'number' ? (_addr: string, hop: number) => hop < t : t;
}

/** A date the Czech calendar does not cover reached a computation: 422 naming the fields that carry that year. */
function outOfCalendar(err: CalendarRangeError, req: FastifyRequest) {
  const fields: FieldError[] = [];
  const find = (v: unknown, path: string) => {
    if (typeof v === 'string' && v.startsWith(`${err.year}-`)) fields.push(fieldError(path || '/', 'OUT_OF_CALENDAR', err.message));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) find(x, `${path}/${k}`);
  };
  find(req.body, '');
  find(req.query, '');
  return validationFailed(
    fields.length ? fields : [fieldError('/', 'OUT_OF_CALENDAR', err.message)],
    'A date lies outside the Czech calendar this system knows.',
  );
}

export async function buildApp(deps: AppDeps): Promise<App> {
  registerCaseTypes();
  const app = Fastify({
    logger: loggerOptions(deps),
    genReqId: () => randomUUID(),
    // Which proxies may say who the client is (TRUST_PROXY): req.ip, req.protocol and req.host follow
    // them, and with req.ip every limit keyed on the client address.
    trustProxy: trustProxyOption(deps.config.trustProxy),
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
    // Errors met before routing (bad percent-encoding, a parameter too long) answer problem+json too.
    frameworkErrors: (err, req, reply) => sendProblem(reply, toProblem(err, req)),
    // …and those Node's HTTP parser meets before Fastify sees a request (headers too large: 431).
    clientErrorHandler: (err: Error & { code?: string }, socket) => {
      if (err.code === 'ECONNRESET' || socket.destroyed) return;
      if (socket.writable) socket.end(clientErrorResponse(err));
      socket.destroy(err);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const routes: RouteEntry[] = [];
  routeTables.set(app, routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat())
      routes.push({
        method,
        url: r.url,
        public: Boolean((r.config as { public?: boolean } | undefined)?.public),
        schema: r.schema,
        bodyLimit: r.bodyLimit,
      });
  });

  app.decorateRequest('actor', null);
  await app.register(cookie);
  await registerSecurityHeaders(app);
  // Opt-in per route; one store for every limit: this process's memory, or Redis shared by all
  // processes when REDIS_URL is set (src/platform/http/limit-store.ts).
  await app.register(rateLimit, {
    global: false,
    ...(deps.redis ? { redis: deps.redis, nameSpace: deps.config.rateLimitPrefix } : {}),
    errorResponseBuilder: (req, ctx) => {
      const p = toProblem(new AppError(GenericErrors.RATE_LIMITED, `Too many attempts; try again in ${Math.ceil(ctx.ttl / 1000)} s.`), req);
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
    transformObject: (doc) =>
      'openapiObject' in doc ? withProblemResponses(doc.openapiObject as Parameters<typeof withProblemResponses>[0]) : doc.swaggerObject,
  });

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) {
      // A page: whoever the session cookie names is the actor (no cookie, an ended session: nobody);
      // each staff page asks for the role it needs (web's requireStaff). Form posts carry a CSRF token.
      const c = req.cookies?.[SESSION_COOKIE];
      if (c && !req.url.startsWith('/assets/')) req.actor = await resolveSession({ db: deps.db, clock: deps.clock }, c);
      return;
    }
    if (req.routeOptions.config?.public) return;
    const s = sessionToken(req);
    // A change signed in by the cookie must come from this site (403 REQUEST.CROSS_SITE otherwise).
    if (s?.cookie) checkSameOrigin(req, deps.config.publicUrl);
    const actor: Actor | null = s ? await resolveSession({ db: deps.db, clock: deps.clock }, s.token) : null;
    if (!actor) throw new AppError(AuthErrors.REQUIRED, 'Sign in first: a session cookie or a bearer token is required.');
    req.actor = actor;
  });

  // Control characters, numbers beyond 32 bits and impossible dates, on every route before its schema.
  app.addHook('preValidation', async (req) => checkEdgeInput(req));

  app.setErrorHandler((err, req, reply) => {
    const p = toProblem(err instanceof CalendarRangeError ? outOfCalendar(err, req) : err, req);
    if (p.status >= 500) {
      // Log the error's class, code and stack — not its detail, which for database errors can quote row values.
      const e = err as { name?: string; code?: string; message?: string; stack?: string };
      req.log.error({ errName: e.name, errCode: e.code, stack: e.stack }, 'request failed');
    }
    return sendProblem(reply, p);
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, toProblem(new AppError(GenericErrors.NOT_FOUND, `No route ${req.method} ${req.url.split('?')[0]}`), req)),
  );

  // After the error handler, so that the docs' routes answer problem+json like the others (the fuzz
  // found /docs answering a refused query string with Fastify's own 500 body).
  await app.register(swaggerUi, { routePrefix: '/docs' });

  // Request timing for every route below, and /metrics (job and webhook gauges read from the shared database).
  const metrics = createMetrics({
    token: deps.config.metricsToken,
    ...(deps.poolStats ? { pool: deps.poolStats } : {}),
    gauges: [...jobMetrics(deps.db), ...webhookMetrics(deps.db), ...(deps.replica ? replicaMetrics(deps.replica) : [])],
  });
  metrics.register(app);
  // While draining (graceful shutdown) every answer closes its connection: an idle keep-alive connection
  // would otherwise hold the listener open until its timeout.
  app.addHook('onSend', async (_req, reply) => {
    if (deps.lifecycle?.draining) reply.header('connection', 'close');
  });
  await app.register(systemRoutes(deps));
  // One sign-in lockout for the API's sign-in and the sign-in page.
  const lockout = loginLockout(deps);
  await app.register(authRoutes(deps, lockout), { prefix: '/api/v1' });
  await app.register(officeRoutes(deps), { prefix: '/api/v1' });
  await app.register(caseRoutes(deps), { prefix: '/api/v1' });
  await app.register(policyRoutes(deps), { prefix: '/api/v1' });
  await app.register(visaRoutes(deps), { prefix: '/api/v1' });
  await app.register(agencyRoutes(deps), { prefix: '/api/v1' });
  // One holder limiter for the API's holder routes and the holder pages (one counter per address).
  const holderLimit = holderRequestLimit(app, deps.config.holderRequestsPerMinute);
  await app.register(appointmentRoutes(deps, findHolderVisa, holderLimit), { prefix: '/api/v1' });
  await app.register(civilSocietyRoutes(deps), { prefix: '/api/v1' });
  await app.register(auditRoutes(deps), { prefix: '/api/v1' });
  await app.register(peopleRoutes(deps), { prefix: '/api/v1' });
  await app.register(
    webRoutes(
      deps,
      { findVisa: findHolderVisa, holderLimit },
      {
        logIn: (req, input) =>
          logIn(
            { db: deps.db, clock: deps.clock, sessionTtlHours: deps.config.sessionTtlHours, requestId: String(req.id), lockout },
            input,
          ),
        logOut: (req, token) => logOut({ db: deps.db, requestId: String(req.id) }, token),
        rateLimit: loginRateLimit(deps),
      },
    ),
  );
  await app.register(civilSocietyPages(deps));
  await app.register(visaPages(deps));
  await app.register(peoplePages(deps));
  await app.register(auditPages(deps));
  await app.register(adminCivilPages(deps));
  await app.register(adminAuthorityPages(deps));
  await app.register(caseworkPages(deps));
  await app.register(dashboardPages(deps));
  await app.register(queuePages(deps));
  return app;
}
