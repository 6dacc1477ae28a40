import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { AppDeps } from './deps.ts';

// Hidden from the API docs; the replies still have schemas, like every route.
const Health = { 200: Type.Object({ status: Type.Literal('ok') }) };
const Ready = {
  200: Type.Object({ status: Type.Literal('ready') }),
  503: Type.Object({ type: Type.String(), title: Type.String(), status: Type.Integer() }),
};

export function systemRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/health', { config: { public: true }, schema: { hide: true, response: Health } }, async () => ({ status: 'ok' }));
    app.get('/ready', { config: { public: true }, schema: { hide: true, response: Ready } }, async (_req, reply) => {
      try {
        await sql`select 1`.execute(deps.db);
        return { status: 'ready' };
      } catch {
        return reply.status(503).type('application/problem+json').send({ type: 'about:blank', title: 'Database unavailable', status: 503 });
      }
    });
  };
}
