import { LetterInputError } from '../letter.errors.ts';
import {
  applicationObject,
  bullet,
  heading,
  paragraph,
  requireDate,
  requireKindData,
  requireText,
  splitParagraphs,
  endSentence,
} from '../letter-parts.ts';
import type { LetterBlock, LetterInput } from '../letter.types.ts';

export const INTERRUPTION_TITLE = 'Výzva k odstranění nedostatků žádosti a usnesení o přerušení řízení';

/**
 * Call to remedy the application together with the resolution interrupting the proceedings until the
 * deadline (§ 45(2) and § 64 Act 500/2004 Coll.; the exact ground comes in as legalGround). While the
 * proceedings are interrupted the decision period does not run (MV "Lhůty a počítání času").
 */
export function buildInterruptionBody(input: LetterInput): { title: string; blocks: LetterBlock[] } {
  const data = requireKindData(input.interruption, '/interruption', 'interruption');
  const respondBy = requireDate(data.respondBy, '/interruption/respondBy');
  if (data.respondBy < input.issuedOn) {
    throw LetterInputError.of('/interruption/respondBy', 'BEFORE_ISSUED_ON', '/interruption/respondBy must not be before /issuedOn');
  }
  const requested = splitParagraphs(requireText(data.requested, '/interruption/requested'));
  return {
    title: INTERRUPTION_TITLE,
    blocks: [
      heading(INTERRUPTION_TITLE),
      paragraph(
        `Ministerstvo vnitra, Odbor azylové a migrační politiky (dále jen „ministerstvo“), posoudilo Vaši žádost ${applicationObject(input)}, přijatou dne ${requireDate(input.receivedOn, '/receivedOn')}, a zjistilo, že žádost má nedostatky, které brání jejímu projednání.`,
      ),
      heading('Výzva'),
      paragraph(`Ministerstvo Vás vyzývá k odstranění těchto nedostatků žádosti, a to nejpozději do ${respondBy}:`),
      ...requested.map(bullet),
      heading('Výrok'),
      paragraph(
        `Řízení o žádosti se do ${respondBy} přerušuje podle ${endSentence(requireText(data.legalGround, '/interruption/legalGround'))}`,
      ),
      heading('Odůvodnění'),
      paragraph(
        'Žádost nelze projednat, dokud nebudou odstraněny nedostatky uvedené ve výzvě. Po dobu přerušení řízení neběží lhůta pro vydání rozhodnutí.',
      ),
      paragraph('Neodstraníte-li nedostatky ve stanovené lhůtě, může být řízení o žádosti zastaveno.'),
    ],
  };
}
