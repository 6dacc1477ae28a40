// The demo identities: deterministic from the seed; ~1 % true duplicates that repeat the person they duplicate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoIdentity } from './demo-names.ts';

test('the same seed gives the same identities; duplicates repeat their original’s birth, sex and native name', () => {
  assert.deepEqual(demoIdentity(7, 123), demoIdentity(7, 123));
  const ids = Array.from({ length: 5000 }, (_, i) => demoIdentity(7, i));
  const dups = ids.filter((d) => d.duplicateOf !== null);
  assert.ok(dups.length > 20 && dups.length < 90, `${dups.length} duplicates of 5000`);
  for (const d of dups) {
    const o = ids[d.duplicateOf!]!;
    assert.equal(o.duplicateOf, null, 'a duplicate points at a first record');
    assert.deepEqual([d.dateOfBirth, d.sex, d.nativeName, d.nationality], [o.dateOfBirth, o.sex, o.nativeName, o.nationality]);
    assert.notEqual(d.passport, o.passport);
  }
  assert.equal(new Set(ids.map((d) => d.passport)).size, ids.length, 'passport numbers are unique');
  assert.ok(
    ids.every((d) => /^[\p{Script=Cyrillic}’' -]+$/u.test(d.nativeName!)),
    'names in their script',
  );
});
