// Public API of the letters module: other modules import from here only.
export type {
  LetterKind,
  MissingItemCode,
  MissingItem,
  LetterInput,
  LetterBlock,
  LetterContent,
  LetterWording,
} from './domain/letter.types.ts';
export { TOLERANCE_WORDING } from './domain/letter-parts.ts';
export { buildLetterContent } from './domain/build-letter-content.ts';
export { LetterInputError } from './domain/letter.errors.ts';
export { LETTER_TEMPLATE_VERSION } from './domain/template-version.ts';
export { formatCzechDate } from './domain/czech-format.ts';
export { renderLetterPdf, renderPdf } from './render/render-letter-pdf.ts';
export { LETTER_FONT } from './render/letter-fonts.ts';
export { tieCzechText } from './render/czech-typography.ts';
export { issueLetter, recordLetterDelivery, recordLetterPosting, type DeliveryRecord } from './use-cases/issue-letter.ts';
export { findLetterPdf, listLettersOfCase, type LetterRowSummary } from './db/letters.queries.ts';
export { LetterErrors } from './letters.errors.ts';
