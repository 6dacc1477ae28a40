/**
 * The API description: every operation in /docs/json documents a schema for each success reply. A
 * response schema is also the serializer's guard (fields not in it are dropped), so a route without one
 * could leak whatever its use case returns. Docs do not depend on the database: PGlite only.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from 'typebox';
import { loadConfig } from '../../src/platform/config.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/db.ts';
import { buildApp, type App } from '../../src/app.ts';

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
type OpenApi = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown> } };

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** "POST /api/v1/x" for every operation without a 2xx response that documents a schema (a 204 needs none). */
function operationsWithoutSuccessSchema(doc: OpenApi): string[] {
  const missing: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!METHODS.has(method)) continue;
      const ok = Object.entries(op.responses ?? {}).some(
        ([status, r]) => /^2\d\d$/.test(status) && (status === '204' || Object.values(r.content ?? {}).some((c) => c.schema !== undefined)),
      );
      if (!ok) missing.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return missing.sort();
}

async function docsOf(app: App): Promise<OpenApi> {
  const r = await app.inject({ method: 'GET', url: '/docs/json' });
  assert.equal(r.statusCode, 200);
  return r.json() as OpenApi;
}

describe('OpenAPI description', () => {
  let handle: DatabaseHandle;
  const deps = async () => ({ db: handle.db, config: loadConfig({} as NodeJS.ProcessEnv), clock: systemClock, logger: false as const });
  before(async () => {
    handle = await openDatabase({ pgliteDir: 'memory://' });
  });
  after(() => handle.close());

  test('every operation documents a schema for its success reply, and every one can answer with problem+json', async () => {
    const app = await buildApp(await deps());
    try {
      const doc = await docsOf(app);
      const ops = Object.values(doc.paths).flatMap((o) => Object.keys(o).filter((m) => METHODS.has(m)));
      assert.ok(ops.length >= 50, `only ${ops.length} operations documented`);
      assert.deepEqual(operationsWithoutSuccessSchema(doc), []);
      assert.ok(doc.components?.schemas?.Problem, 'the shared Problem schema');
      for (const [path, o] of Object.entries(doc.paths))
        for (const [m, op] of Object.entries(o))
          if (METHODS.has(m)) assert.ok(op.responses?.default, `${m} ${path} documents its problem+json answer`);
    } finally {
      await app.close();
    }
  });

  test('a route without a response schema is caught', async () => {
    const app = await buildApp(await deps());
    try {
      app.get('/api/v1/planted', { config: { public: true }, schema: { summary: 'planted' } }, async () => ({ ok: true }));
      app.get(
        '/api/v1/planted-with-schema',
        { config: { public: true }, schema: { response: { 200: Type.Object({ ok: Type.Boolean() }) } } },
        async () => ({ ok: true }),
      );
      assert.deepEqual(operationsWithoutSuccessSchema(await docsOf(app)), ['GET /api/v1/planted']);
    } finally {
      await app.close();
    }
  });
});
