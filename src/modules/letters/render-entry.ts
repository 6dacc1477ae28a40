/** The rendering API the use cases call (kept apart from index.ts so the domain and storage halves meet in one place). */
export { LETTER_TEMPLATE_VERSION, renderLetterPdf, type LetterInput, type LetterKind } from './index.ts';
