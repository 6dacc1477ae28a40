/**
 * The bounded fuzz run of `npm test` (issue 10), on both database tiers: a few hundred hostile inputs
 * per tier over every route (`fuzz.ts`); `npm run fuzz` runs the long one.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { type Arena, openArena } from './arena.ts';
import { runFuzz } from './fuzz.ts';

const INPUTS = Number(process.env.FUZZ_INPUTS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);

for (const tier of dbTiers()) {
  describe(`fuzz [${tier.name}]`, () => {
    let a: Arena;
    before(async () => {
      a = await openArena(await tier.open(), tier.name);
    });
    after(() => a.close());

    test(`${INPUTS} hostile inputs: no 5xx, every API error problem+json, no partial write`, async () => {
      const f = await runFuzz(a, { n: INPUTS, seed: SEED + (tier.name === 'postgres' ? 1 : 0) });
      console.log(
        `fuzz [${tier.name}]: ${f.inputs} inputs over ${f.routes} routes in ${(f.ms / 1000).toFixed(1)} s; statuses ${JSON.stringify(f.byStatus)}`,
      );
      assert.deepEqual(f.failures, [], `${f.failures.length} failures (seed ${SEED}):\n${f.failures.join('\n')}`);
    });
  });
}
