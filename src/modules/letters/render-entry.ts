/** The rendering API the use cases call (kept apart from index.ts so the domain and storage halves meet in one place). */
export type { LetterInput, LetterKind } from './domain/letter.types.ts';
export { LETTER_TEMPLATE_VERSION } from './domain/template-version.ts';
export { renderLetterPdf } from './render/render-letter-pdf.ts';
