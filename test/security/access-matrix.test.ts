/**
 * The authorization matrix (issue 10), on both database tiers: every route the app registers × nine
 * principals, against the answers declared in `access-matrix.ts`. One object of each kind is seeded,
 * owned by office A (PHA-ZUK) and organisation A (`arena.ts`).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { routeTable } from '../../src/app.ts';
import { declarationOf, type Expect, MATRIX, PRINCIPALS } from './access-matrix.ts';
import { type Arena, openArena } from './arena.ts';

/** Whether an answer matches an expectation (see access-matrix.ts). */
export function matches(e: Expect, status: number, location: string | undefined): boolean {
  const toCheck = status === 303 && /\/status\?again=1$/.test(location ?? '');
  const toSignIn = status === 303 && /^\/[a-z]{2}\/sign-in(\?|$)/.test(location ?? '');
  if (e === 'to-check') return toCheck;
  if (e === 'to-sign-in') return toSignIn;
  if (e === 'ok') return status < 500 && ![401, 403, 404].includes(status) && !toCheck && !toSignIn;
  return status === e;
}

for (const tier of dbTiers()) {
  describe(`authorization matrix [${tier.name}]`, () => {
    let a: Arena;
    before(async () => {
      a = await openArena(await tier.open(), tier.name);
    });
    after(() => a.close());

    test('every route has a declaration, and every declaration a route', () => {
      const routes = routeTable(a.t.app);
      const missing = routes.filter((r) => !declarationOf(r.method, r.url)).map((r) => `${r.method} ${r.url}`);
      assert.deepEqual(missing, [], `routes without a declaration in test/security/access-matrix.ts: ${missing.join(', ')}`);
      const used = new Set(routes.map((r) => declarationOf(r.method, r.url)));
      const stale = Object.entries(MATRIX)
        .filter(([, d]) => !used.has(d))
        .map(([k]) => k);
      assert.deepEqual(stale, [], `declarations that match no route: ${stale.join(', ')}`);
    });

    test('every route answers every principal as declared', async () => {
      const wrong: string[] = [];
      let calls = 0;
      const routes = routeTable(a.t.app);
      for (const r of routes) {
        const d = declarationOf(r.method, r.url);
        if (!d) continue;
        for (const p of PRINCIPALS) {
          const res = await a.send(r.method, p, await d.call(a.w, p));
          calls++;
          if (!matches(d.expect[p], res.status, res.headers.location as string | undefined))
            wrong.push(`${r.method} ${r.url} as ${p}: expected ${d.expect[p]}, got ${res.status} ${res.body.slice(0, 160)}`);
        }
      }
      console.log(`access matrix [${tier.name}]: ${routes.length} routes × ${PRINCIPALS.length} principals = ${calls} calls`);
      assert.deepEqual(wrong, [], `${wrong.length} answers differ from the matrix:\n${wrong.join('\n')}`);
    });
  });
}
