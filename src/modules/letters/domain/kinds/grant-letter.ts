import { LetterInputError } from '../letter.errors.ts';
import {
  applicationObject,
  bullet,
  heading,
  paragraph,
  requireDate,
  requireKindData,
  requireText,
  endSentence,
  TOLERANCE_WORDING,
  wordingOf,
} from '../letter-parts.ts';
import type { LetterBlock, LetterInput } from '../letter.types.ts';

export const GRANT_TITLE = 'Rozhodnutí';
/** The tolerance visa's grant statement (other types bring their own in `wording`). */
export const GRANT_STATEMENT = TOLERANCE_WORDING.grantStatement;

/** Decision granting a visa, in the case type's words: the visa, what it does and does not allow, where to collect the sticker. */
export function buildGrantBody(input: LetterInput): { title: string; blocks: LetterBlock[] } {
  const visa = requireKindData(input.visa, '/visa', 'grant');
  const validFrom = requireDate(visa.validFrom, '/visa/validFrom');
  const validTo = requireDate(visa.validTo, '/visa/validTo');
  // ISO dates compare correctly as strings.
  if (visa.validTo < visa.validFrom) {
    throw LetterInputError.of('/visa/validTo', 'BEFORE_VALID_FROM', '/visa/validTo must not be before /visa/validFrom');
  }
  const wording = wordingOf(input);
  const office = [requireText(input.office.name, '/office/name'), input.office.address?.trim()].filter(Boolean).join(', ');
  return {
    title: GRANT_TITLE,
    blocks: [
      heading(GRANT_TITLE),
      paragraph(
        `Ministerstvo vnitra, Odbor azylové a migrační politiky (dále jen „ministerstvo“), posoudilo Vaši žádost ${applicationObject(input)}, přijatou dne ${requireDate(input.receivedOn, '/receivedOn')}, a žádosti vyhovělo.`,
      ),
      paragraph(
        `${requireText(wording.grantStatement, '/wording/grantStatement')} podle ${endSentence(requireText(input.legalBasis, '/legalBasis'))}`,
      ),
      heading('Údaje o vízu'),
      bullet(`číslo víza: ${requireText(visa.number, '/visa/number')}`),
      bullet(`druh víza (kód): ${requireText(visa.code, '/visa/code')}`),
      bullet(`platnost: od ${validFrom} do ${validTo}`),
      ...(wording.rights.length ? [heading('Práva spojená s vízem'), ...wording.rights.map((r) => bullet(r))] : []),
      heading('Převzetí vízového štítku'),
      paragraph(requireText(wording.collection, '/wording/collection').replace('{office}', office)),
    ],
  };
}
