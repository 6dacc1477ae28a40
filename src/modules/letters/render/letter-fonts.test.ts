import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LETTER_FONT, loadLetterFonts, registerLetterFonts } from './letter-fonts.ts';

test('font files are read once and reused', () => {
  const first = loadLetterFonts();
  assert.equal(loadLetterFonts(), first);
  // TrueType files start with the sfnt version 0x00010000.
  assert.equal(first.normal.readUInt32BE(0), 0x00010000);
  assert.equal(first.bold.readUInt32BE(0), 0x00010000);
});

test('registering writes each font into the virtual fs once', () => {
  const files = new Map<string, Buffer>();
  let writes = 0;
  const vfs = {
    existsSync: (name: string) => files.has(name),
    writeFileSync: (name: string, content: Buffer) => {
      writes += 1;
      files.set(name, content);
    },
  };
  const fonts = registerLetterFonts(vfs);
  registerLetterFonts(vfs);
  assert.equal(writes, 2);
  assert.deepEqual(Object.keys(fonts), [LETTER_FONT]);
  assert.ok(files.has(fonts[LETTER_FONT]!.normal) && files.has(fonts[LETTER_FONT]!.bold));
});
