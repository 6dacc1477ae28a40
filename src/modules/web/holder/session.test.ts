import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { signHolder, verifyHolder } from './session.ts';

const secret = randomBytes(32);
const id = '0b7c8a52-3f0e-4d7a-9a51-2f1d5c0e9b11';
const now = new Date('2026-12-02T09:00:00Z');
const later = new Date(now.getTime() + 20 * 60_000);

test('a signed holder cookie gives back the visa id until it expires', () => {
  const c = signHolder(secret, id, later);
  assert.equal(verifyHolder(secret, c, now), id);
  assert.equal(verifyHolder(secret, c, new Date(later.getTime() - 1000)), id);
  assert.equal(verifyHolder(secret, c, later), null);
});

test('it carries no personal data: the visa id, an expiry and a signature only', () => {
  const c = signHolder(secret, id, later);
  assert.match(c, /^v1\.[0-9a-f-]{36}\.\d+\.[A-Za-z0-9_-]{43}$/);
});

test('a changed id, expiry or signature, another secret or garbage is refused', () => {
  const c = signHolder(secret, id, later);
  const [v, , exp, sig] = c.split('.');
  assert.equal(verifyHolder(secret, `${v}.${id.replace('0b7c', '0b7d')}.${exp}.${sig}`, now), null);
  assert.equal(verifyHolder(secret, `${v}.${id}.${Number(exp) + 3600}.${sig}`, now), null);
  assert.equal(verifyHolder(secret, `${c.slice(0, -2)}AA`, now), null);
  assert.equal(verifyHolder(randomBytes(32), c, now), null);
  for (const bad of [undefined, '', 'x', 'v1...', `v2.${id}.${exp}.${sig}`, 'a'.repeat(500)])
    assert.equal(verifyHolder(secret, bad, now), null);
});
