import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sniffEvidenceType } from './nomination-model.ts';

test('the evidence type comes from the first bytes, not the name or a declared type', () => {
  assert.equal(sniffEvidenceType(Buffer.from('%PDF-1.7\n…')), 'application/pdf');
  assert.equal(sniffEvidenceType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), 'image/jpeg');
  assert.equal(sniffEvidenceType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), 'image/png');
  assert.equal(sniffEvidenceType(Buffer.from('MZ\x90\x00 an executable named report.pdf')), null);
  assert.equal(sniffEvidenceType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), null);
  assert.equal(sniffEvidenceType(Buffer.alloc(0)), null);
  assert.equal(sniffEvidenceType(Buffer.from([0xff, 0xd8])), null, 'two bytes are not yet a JPEG');
});
