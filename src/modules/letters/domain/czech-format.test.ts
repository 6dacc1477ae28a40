import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCzechDate, formatCzk, parseIsoDate } from './czech-format.ts';

test('formatCzechDate drops leading zeros and separates with ". "', () => {
  assert.equal(formatCzechDate('2024-04-02'), '2. 4. 2024');
  assert.equal(formatCzechDate('2026-11-24'), '24. 11. 2026');
  assert.equal(formatCzechDate('2024-02-29'), '29. 2. 2024');
});

test('formatCzechDate rejects malformed and impossible dates', () => {
  for (const bad of ['2023-02-29', '2024-13-01', '2024-4-2', '02.04.2024', '', '2024-04-02T00:00:00Z']) {
    assert.throws(() => formatCzechDate(bad), RangeError, bad);
  }
  assert.equal(parseIsoDate('2024-00-10'), null);
});

test('formatCzk groups thousands and uses a decimal comma', () => {
  assert.equal(formatCzk(300), '300 Kč');
  assert.equal(formatCzk(1000), '1 000 Kč');
  assert.equal(formatCzk(2500000), '2 500 000 Kč');
  assert.equal(formatCzk(12.5), '12,50 Kč');
  assert.equal(formatCzk(0), '0 Kč');
  assert.throws(() => formatCzk(-1), RangeError);
  assert.throws(() => formatCzk(Number.NaN), RangeError);
});
