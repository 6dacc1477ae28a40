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

export const REFUSAL_TITLE = 'Rozhodnutí';

/**
 * Appeal instruction. TO BE CONFIRMED BY A LAWYER: kept to the general rule of the Administrative
 * Procedure Code (15 days from notification, § 83(1); filed with the authority that decided, § 86(1)
 * Act 500/2004 Coll.); whether and where a refusal of this visa can be appealed has not been verified.
 */
export function refusalAppealNotice(appealDays: number): string[] {
  if (!Number.isInteger(appealDays) || appealDays < 1)
    throw LetterInputError.of('/refusal/appealDays', 'INVALID', 'appealDays is a whole number of days');
  return [
    `Proti tomuto rozhodnutí lze podat odvolání ve lhůtě ${appealDays} dnů ode dne jeho oznámení.`,
    'Odvolání se podává u správního orgánu, který rozhodnutí vydal.',
  ];
}

/** Decision refusing the tolerance visa: operative part, reasons and appeal instruction (§ 68 Act 500/2004 Coll.). */
export function buildRefusalBody(input: LetterInput): { title: string; blocks: LetterBlock[] } {
  const refusal = requireKindData(input.refusal, '/refusal', 'refusal');
  const reasons = splitParagraphs(requireText(refusal.reasons, '/refusal/reasons'));
  return {
    title: REFUSAL_TITLE,
    blocks: [
      heading(REFUSAL_TITLE),
      paragraph(
        `Ministerstvo vnitra, Odbor azylové a migrační politiky (dále jen „ministerstvo“), rozhodlo o žádosti ${applicationObject(input)}, kterou dne ${requireDate(input.receivedOn, '/receivedOn')} podal účastník řízení ${describeApplicant(input)}, takto:`,
      ),
      heading('Výrok'),
      paragraph(
        `Žádost ${applicationObject(input)} se zamítá podle ${endSentence(requireText(refusal.legalGround, '/refusal/legalGround'))}`,
      ),
      heading('Odůvodnění'),
      paragraph(`Žádost byla posouzena podle ${endSentence(requireText(input.legalBasis, '/legalBasis'))}`),
      ...reasons.map(paragraph),
      heading('Poučení'),
      ...refusalAppealNotice(refusal.appealDays).map(paragraph),
    ],
  };
}
