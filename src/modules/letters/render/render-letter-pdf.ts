import type pdfmake from 'pdfmake';
import { buildLetterContent } from '../domain/build-letter-content.ts';
import type { LetterInput } from '../domain/letter.types.ts';
import { buildLetterDocument } from './letter-document.ts';
import { registerLetterFonts } from './letter-fonts.ts';

let engine: Promise<typeof pdfmake> | undefined;

/**
 * A private pdfmake instance, so the fonts and access policies set here do not change the shared
 * singleton other modules may use. Letters need no files or URLs beyond the fonts, which live in
 * the virtual fs, so every other local or remote access is refused.
 */
function getEngine(): Promise<typeof pdfmake> {
  // Loaded on the first letter, not at start-up: pdfmake and pdfkit are ~1 s of module loading and
  // tens of MB that a process answering no letter never needs.
  engine ??= import('pdfmake').then(({ default: shared }) => {
    const instance = new shared.constructor();
    instance.setUrlAccessPolicy(() => false);
    instance.setLocalAccessPolicy(() => false);
    instance.setFonts(registerLetterFonts(instance.virtualfs));
    return instance;
  });
  return engine;
}

/**
 * Words and renders a letter as an A4 PDF. Deterministic: the same input gives byte-identical output
 * (for the same pdfmake/pdfkit versions), so the caller can store a SHA-256 of what was sent.
 * @throws LetterInputError (VALIDATION.FAILED) when the input cannot be worded.
 */
export async function renderLetterPdf(input: LetterInput): Promise<Buffer> {
  const content = buildLetterContent(input);
  return renderPdf(buildLetterDocument(content, input));
}

/**
 * Renders any pdfmake document definition on the letters' engine: DejaVu Sans as `LETTER_FONT`
 * (Czech and Cyrillic letters, „ “ and §), no file or URL access. Other modules (documents) lay out
 * their own pages with it instead of loading the fonts a second time.
 */
export async function renderPdf(docDefinition: object): Promise<Buffer> {
  return (await getEngine()).createPdf(docDefinition).getBuffer();
}
