import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { protectCells, rangeLabel, SUPPRESS_BELOW } from './disclosure.ts';

test('no published figure is a number; small cells are suppressed', () => {
  fc.assert(
    fc.property(fc.nat(100000), (n) => {
      const label = rangeLabel(n);
      assert.equal(/^\d+$/.test(label), false);
      if (n < SUPPRESS_BELOW) assert.equal(label, 'suppressed');
    }),
  );
});

test('the same counts always give the same answer', () => {
  const cells = [
    { dimension: 'nationality', value: 'RUS', count: 312 },
    { dimension: 'nationality', value: 'BLR', count: 7 },
  ];
  assert.deepEqual(protectCells(cells), protectCells(cells));
  assert.deepEqual(
    protectCells(cells).map((c) => c.figure),
    ['several hundred', 'suppressed'],
  );
});
