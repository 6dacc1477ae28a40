import {
  applicationObject,
  describeApplicant,
  heading,
  paragraph,
  requireDate,
  requireKindData,
  requireText,
  splitParagraphs,
  endSentence,
} from '../letter-parts.ts';
import { LetterInputError } from '../letter.errors.ts';
import type { LetterBlock, LetterInput } from '../letter.types.ts';

export const DISCONTINUATION_TITLE = 'Usnesení';

/**
 * Resolution discontinuing the proceedings (řízení se zastavuje), typically because the applicant
 * withdrew the application (§ 66(1)(a) Act 500/2004 Coll.); the exact ground comes in as legalGround.
 */
export function buildDiscontinuationBody(input: LetterInput): { title: string; blocks: LetterBlock[] } {
  const data = requireKindData(input.discontinuation, '/discontinuation', 'discontinuation');
  if (data.reason !== 'withdrawn' && data.reason !== 'other') {
    throw LetterInputError.of('/discontinuation/reason', 'UNKNOWN_REASON', "/discontinuation/reason must be 'withdrawn' or 'other'");
  }
  const legalGround = requireText(data.legalGround, '/discontinuation/legalGround');
  const note = data.note ? splitParagraphs(data.note) : [];
  const reasoning =
    data.reason === 'withdrawn'
      ? 'Účastník řízení vzal svou žádost zpět. Ministerstvo proto řízení o žádosti zastavilo.'
      : 'Ministerstvo řízení o žádosti zastavilo z důvodu uvedeného ve výroku tohoto usnesení.';
  return {
    title: DISCONTINUATION_TITLE,
    blocks: [
      heading(DISCONTINUATION_TITLE),
      paragraph(
        `Ministerstvo vnitra, Odbor azylové a migrační politiky (dále jen „ministerstvo“), ve věci žádosti ${applicationObject(input)}, kterou dne ${requireDate(input.receivedOn, '/receivedOn')} podal účastník řízení ${describeApplicant(input)}, rozhodlo takto:`,
      ),
      heading('Výrok'),
      paragraph(`Řízení o žádosti ${applicationObject(input)} se zastavuje podle ${endSentence(legalGround)}`),
      heading('Odůvodnění'),
      paragraph(reasoning),
      ...note.map(paragraph),
    ],
  };
}
