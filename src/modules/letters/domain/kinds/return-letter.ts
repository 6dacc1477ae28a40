import { LetterInputError } from '../letter.errors.ts';
import { formatCzk } from '../czech-format.ts';
import { applicationObject, bullet, heading, paragraph, requireDate, requireText, endSentence } from '../letter-parts.ts';
import type { LetterBlock, LetterInput, MissingItem, MissingItemCode } from '../letter.types.ts';

export const RETURN_TITLE = 'Sdělení o nepřijatelnosti žádosti';

const FEE_NOTE = 'správní poplatek se platí výhradně kolkovými známkami';

/**
 * One sentence per missing item. The list of required documents follows § 34 Act 326/1999 Coll.
 * and the OAMP practice described in the seed (form in capital Latin letters and in Czech, duty stamps).
 */
function describeMissingItem(item: MissingItem, index: number): string {
  const at = `/missingItems/${index}`;
  const field = item.field?.trim();
  const texts: Record<MissingItemCode, () => string> = {
    FORM_MISSING: () => 'nebyl předložen formulář žádosti; žádost se podává výhradně na předepsaném tiskopisu',
    FORM_NOT_CAPITAL_LATIN: () =>
      `formulář žádosti není vyplněn předepsaným způsobem: pole „${requireText(item.field, `${at}/field`)}“ není vyplněno velkými písmeny latinkou`,
    FORM_NOT_IN_CZECH: () =>
      field
        ? `formulář žádosti není vyplněn v českém jazyce: pole „${field}“ není vyplněno česky`
        : 'formulář žádosti není vyplněn v českém jazyce',
    PASSPORT_MISSING: () => 'nebyl předložen cestovní doklad (pas)',
    PASSPORT_EXPIRED: () => 'předložený cestovní doklad (pas) již není platný',
    PHOTO_MISSING: () => 'nebyla předložena fotografie',
    FEE_MISSING: () =>
      item.expected !== undefined
        ? `nebyl zaplacen správní poplatek ve výši ${amount(item.expected, `${at}/expected`)}; ${FEE_NOTE}`
        : `nebyl zaplacen správní poplatek; ${FEE_NOTE}`,
    FEE_SHORT: () =>
      `správní poplatek nebyl zaplacen v plné výši: poplatek činí ${amount(item.expected, `${at}/expected`)}, ` +
      `zaplaceno bylo ${amount(item.paid, `${at}/paid`)}`,
    FEE_METHOD_NOT_ACCEPTED: () =>
      `správní poplatek nebyl zaplacen předepsaným způsobem; ${FEE_NOTE}, nikoli v hotovosti ani platební kartou`,
    AFFIDAVIT_MISSING: () => 'nebylo předloženo čestné prohlášení o tom, že Vašemu vycestování brání překážka nezávislá na Vaší vůli',
    // The statute asks for a čestné prohlášení; notarisation is OAMP practice per the seed (facts.md § 1.1, [P]).
    AFFIDAVIT_NOT_NOTARISED: () => 'předložené čestné prohlášení není notářsky ověřeno',
  };
  const describe = texts[item.code];
  if (!describe) throw LetterInputError.of(`${at}/code`, 'UNKNOWN_CODE', `unknown missing item code ${String(item.code)}`);
  return describe();
}

function amount(value: number | undefined, field: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw LetterInputError.of(field, 'INVALID_AMOUNT', `${field} must be a non-negative amount in CZK`);
  }
  return formatCzk(value);
}

/**
 * Notice that the application is inadmissible: no proceedings start, the application counts as not
 * filed, and the form, documents and any fee paid go back (FRS glossary "nepřijatelnost žádosti";
 * the statutory ground, probably § 169h Act 326/1999 Coll., comes in as legalBasis).
 */
export function buildReturnBody(input: LetterInput): { title: string; blocks: LetterBlock[] } {
  const items = input.missingItems;
  if (!Array.isArray(items) || items.length === 0) {
    throw LetterInputError.of('/missingItems', 'REQUIRED_FOR_KIND', "/missingItems must list at least one item for a 'return' letter");
  }
  // The same defect reported twice is still one defect: list each distinct sentence once.
  const reasons = [...new Set(items.map(describeMissingItem))];
  const receivedOn = requireDate(input.receivedOn, '/receivedOn');
  return {
    title: RETURN_TITLE,
    blocks: [
      heading(RETURN_TITLE),
      paragraph(
        `Ministerstvo vnitra, Odbor azylové a migrační politiky (dále jen „ministerstvo“), Vám sděluje, že Vaše žádost ${applicationObject(input)}, přijatá dne ${receivedOn}, je nepřijatelná podle ${endSentence(requireText(input.legalBasis, '/legalBasis'))}`,
      ),
      paragraph('Žádost nesplňuje tyto náležitosti:'),
      ...reasons.map(bullet),
      paragraph('Řízení o žádosti se proto nezahajuje a žádost se považuje za nepodanou.'),
      paragraph(
        'Ministerstvo Vám spolu s tímto sdělením vrací formulář žádosti, všechny předložené doklady a kolkové známky, pokud jimi byl správní poplatek zaplacen.',
      ),
      paragraph(
        'Můžete kdykoli podat novou žádost. Podejte ji prosím úplnou: na předepsaném tiskopisu vyplněném v českém jazyce velkými písmeny latinkou, se všemi předepsanými doklady a se správním poplatkem zaplaceným kolkovými známkami.',
      ),
    ],
  };
}
