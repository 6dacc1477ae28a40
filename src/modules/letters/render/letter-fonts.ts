import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Font family name used in document definitions; DejaVu Sans covers all Czech letters, „ “ and §. */
export const LETTER_FONT = 'DejaVuSans';

const FILES = { normal: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
// Virtual-fs keys are namespaced so they cannot collide with files other modules register.
const VFS_PREFIX = 'pobyt-letters/';

/** The font files, read once per process from the dejavu-fonts-ttf package. */
let cached: { normal: Buffer; bold: Buffer } | undefined;

export function loadLetterFonts(): { normal: Buffer; bold: Buffer } {
  if (!cached) {
    const ttfDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    cached = { normal: readFileSync(join(ttfDir, FILES.normal)), bold: readFileSync(join(ttfDir, FILES.bold)) };
  }
  return cached;
}

/** Writes the cached fonts into a pdfmake virtual fs (once per fs) and returns the font dictionary. */
export function registerLetterFonts(vfs: {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
}): Record<string, { normal: string; bold: string }> {
  const fonts = loadLetterFonts();
  const normal = VFS_PREFIX + FILES.normal;
  const bold = VFS_PREFIX + FILES.bold;
  if (!vfs.existsSync(normal)) vfs.writeFileSync(normal, fonts.normal);
  if (!vfs.existsSync(bold)) vfs.writeFileSync(bold, fonts.bold);
  return { [LETTER_FONT]: { normal, bold } };
}
