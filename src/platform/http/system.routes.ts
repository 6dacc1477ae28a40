/**
 * /health (the process answers) and /ready (it should get traffic): the database answers, every
 * readiness check passes (the job queue; a read replica, when one is configured, adds its own), and
 * the process is not shutting down. A configured read replica is reported (state and lag) but a
 * lagging or stopped one does not make the process unready: its reads go to the primary. A proxy or orchestrator stops sending to a process whose /ready
 * answers 503 — the first thing graceful shutdown does.
 */
import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { AppDeps } from './deps.ts';

/** One thing a process needs to serve: `check` resolves when it is fine and throws (briefly, no data) when not. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/** Whether the process is draining (graceful shutdown has begun): /ready then answers 503. */
export interface Lifecycle {
  draining: boolean;
}

const Checks = Type.Record(Type.String(), Type.String());
// Hidden from the API docs; the replies still have schemas, like every route.
const Health = { 200: Type.Object({ status: Type.Literal('ok') }) };
const ReplicaLag = Type.Object({
  state: Type.Union([Type.Literal('streaming'), Type.Literal('lagging'), Type.Literal('down')]),
  lagMs: Type.Union([Type.Integer(), Type.Null()]),
  lagBytes: Type.Union([Type.Integer(), Type.Null()]),
  maxLagMs: Type.Integer(),
});
const Ready = {
  // A lagging or stopped replica does not make the process unready: its reads go to the primary.
  200: Type.Object({ status: Type.Literal('ready'), checks: Checks, replica: Type.Optional(ReplicaLag) }),
  503: Type.Object({ type: Type.String(), title: Type.String(), status: Type.Integer(), checks: Checks }),
};

/** 'ok' or 'failed'; the reason goes to the log (by error class and code), not to the public reply. */
async function outcome(name: string, check: () => Promise<unknown>, log: FastifyBaseLogger): Promise<string> {
  try {
    await check();
    return 'ok';
  } catch (e) {
    const err = e as { name?: string; code?: string };
    log.warn({ check: name, errName: err.name, errCode: err.code }, 'readiness check failed');
    return 'failed';
  }
}

export function systemRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/health', { config: { public: true }, schema: { hide: true, response: Health } }, async () => ({ status: 'ok' }));
    app.get('/ready', { config: { public: true }, schema: { hide: true, response: Ready } }, async (req, reply) => {
      const checks: Record<string, string> = { database: await outcome('database', () => sql`select 1`.execute(deps.db), req.log) };
      for (const c of deps.readiness ?? []) checks[c.name] = await outcome(c.name, () => c.check(), req.log);
      if (deps.lifecycle?.draining) checks.process = 'shutting down';
      const down = Object.values(checks).some((v) => v !== 'ok');
      if (!down) {
        if (!deps.replica) return { status: 'ready' as const, checks };
        const { state, lagMs, lagBytes, maxLagMs } = deps.replica.lag();
        return { status: 'ready' as const, checks, replica: { state, lagMs, lagBytes, maxLagMs } };
      }
      const title = deps.lifecycle?.draining
        ? 'Shutting down'
        : checks.database !== 'ok'
          ? 'Database unavailable'
          : `Not ready: ${Object.keys(checks)
              .filter((k) => checks[k] !== 'ok')
              .join(', ')}`;
      return reply.status(503).type('application/problem+json').send({ type: 'about:blank', title, status: 503, checks });
    });
  };
}
