import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newMasterKey, newRecordKey, openField, rewrapRecordKey, sealField, unwrapRecordKey, loadKeyring } from './crypto.ts';

const ring = loadKeyring({ POBYT_MASTER_KEYS: `k1:${newMasterKey()},k2:${newMasterKey()}`, POBYT_MASTER_KEY_ACTIVE: 'k1' }, null)!;

test('a field sealed under a record key opens only for that record and field', () => {
  const k = newRecordKey(ring, 'rec-1');
  const ct = sealField(k.dek, 'rec-1', 'narrative', 'Pronásledován za články');
  assert.equal(ct.includes(Buffer.from('Pronásledován')), false);
  assert.equal(openField(k.dek, 'rec-1', 'narrative', ct).toString('utf8'), 'Pronásledován za články');
  assert.throws(() => openField(k.dek, 'rec-2', 'narrative', ct));
  assert.throws(() => openField(k.dek, 'rec-1', 'contacts', ct));
  const tampered = Buffer.from(ct);
  tampered[tampered.length - 1]! ^= 1;
  assert.throws(() => openField(k.dek, 'rec-1', 'narrative', tampered));
});

test('rotation re-wraps the data key under the new master key; the field still opens', () => {
  const k = newRecordKey(ring, 'rec-3');
  const ct = sealField(k.dek, 'rec-3', 'narrative', 'x');
  const ring2 = { ...ring, active: 'k2' };
  const r = rewrapRecordKey(ring2, 'rec-3', k.wrapped, k.masterId);
  assert.equal(r.masterId, 'k2');
  const dek = unwrapRecordKey(ring2, 'rec-3', r.wrapped, r.masterId);
  assert.equal(openField(dek, 'rec-3', 'narrative', ct).toString(), 'x');
  assert.throws(() => unwrapRecordKey({ active: 'k2', keys: { k2: ring.keys.k2! } }, 'rec-3', k.wrapped, 'k1'));
});
