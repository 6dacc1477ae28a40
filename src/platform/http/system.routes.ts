import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { AppDeps } from './deps.ts';

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
  200: Type.Object({ status: Type.Literal('ready'), replica: Type.Optional(ReplicaLag) }),
  503: Type.Object({ type: Type.String(), title: Type.String(), status: Type.Integer() }),
};

export function systemRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/health', { config: { public: true }, schema: { hide: true, response: Health } }, async () => ({ status: 'ok' }));
    app.get('/ready', { config: { public: true }, schema: { hide: true, response: Ready } }, async (_req, reply) => {
      try {
        await sql`select 1`.execute(deps.db);
        if (!deps.replica) return { status: 'ready' as const };
        const { state, lagMs, lagBytes, maxLagMs } = deps.replica.lag();
        return { status: 'ready' as const, replica: { state, lagMs, lagBytes, maxLagMs } };
      } catch {
        return reply.status(503).type('application/problem+json').send({ type: 'about:blank', title: 'Database unavailable', status: 503 });
      }
    });
  };
}
