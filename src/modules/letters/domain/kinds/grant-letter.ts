import { LetterInputError } from '../letter.errors.ts';
import {
  VISA_APPLICATION_OBJECT,
  bullet,
  heading,
  paragraph,
  requireDate,
  requireKindData,
  requireText,
  endSentence,
} from '../letter-parts.ts';
import type { LetterBlock, LetterInput } from '../letter.types.ts';

export const GRANT_TITLE = 'Rozhodnutí';
export const GRANT_STATEMENT = 'Vízum k pobytu nad 90 dnů za účelem strpění pobytu na území bylo uděleno';

/** Decision granting the tolerance visa (§ 33 Act 326/1999 Coll.), with what the visa does and does not allow. */
export function buildGrantBody(input: LetterInput): { title: string; blocks: LetterBlock[] } {
  const visa = requireKindData(input.visa, '/visa', 'grant');
  const validFrom = requireDate(visa.validFrom, '/visa/validFrom');
  const validTo = requireDate(visa.validTo, '/visa/validTo');
  // ISO dates compare correctly as strings.
  if (visa.validTo < visa.validFrom) {
    throw LetterInputError.of('/visa/validTo', 'BEFORE_VALID_FROM', '/visa/validTo must not be before /visa/validFrom');
  }
  const office = [requireText(input.office.name, '/office/name'), input.office.address?.trim()].filter(Boolean).join(', ');
  return {
    title: GRANT_TITLE,
    blocks: [
      heading(GRANT_TITLE),
      paragraph(
        `Ministerstvo vnitra, Odbor azylové a migrační politiky (dále jen „ministerstvo“), posoudilo Vaši žádost ${VISA_APPLICATION_OBJECT}, přijatou dne ${requireDate(input.receivedOn, '/receivedOn')}, a žádosti vyhovělo.`,
      ),
      paragraph(`${GRANT_STATEMENT} podle ${endSentence(requireText(input.legalBasis, '/legalBasis'))}`),
      heading('Údaje o vízu'),
      bullet(`číslo víza: ${requireText(visa.number, '/visa/number')}`),
      bullet(`druh víza (kód): ${requireText(visa.code, '/visa/code')}`),
      bullet(`platnost: od ${validFrom} do ${validTo}`),
      // Rights as stated by MV/refugee.info (seed, facts.md § 1.1); not yet checked against the statute.
      heading('Práva spojená s vízem'),
      bullet(
        'Vízum samo neopravňuje k výkonu zaměstnání. Pracovat můžete pouze s povolením k zaměstnání, o které je nutné požádat Úřad práce České republiky.',
      ),
      bullet('Vízum nezakládá účast ve veřejném zdravotním pojištění.'),
      bullet('Vízum nezakládá nárok na humanitární dávku ani na jinou pomoc od státu.'),
      bullet('S platným vízem můžete vycestovat z území České republiky a znovu se na ně vrátit.'),
      heading('Převzetí vízového štítku'),
      paragraph(
        `Vízový štítek si převezměte osobně na pracovišti ministerstva (${office}). Vezměte s sebou cestovní doklad, do kterého bude štítek vlepen.`,
      ),
    ],
  };
}
