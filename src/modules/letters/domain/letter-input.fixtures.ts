import type { LetterInput, LetterKind } from './letter.types.ts';

/** Test data only: a complete input for each letter kind, with Czech diacritics in every free-text field. */
const COMMON: Omit<LetterInput, 'kind'> = {
  reference: 'OAM-000123/PHA-2026',
  issuedOn: '2026-11-24',
  placeOfIssue: 'Praha',
  office: { name: 'Pracoviště Praha – Cigánkova', address: 'Cigánkova 1861/2, 148 00 Praha 4' },
  addressee: {
    fullName: 'ŠEVČENKOVÁ OLENA',
    dateOfBirth: '1990-04-02',
    nationality: 'Ukrajina',
    address: 'Žižkova 1234/5, 130 00 Praha 3',
  },
  officer: { displayName: 'Mgr. Jiří Dvořák', role: 'referent oddělení pobytu' },
  legalBasis: '§ 33 odst. 1 písm. a) zákona č. 326/1999 Sb., o pobytu cizinců na území České republiky',
  receivedOn: '2026-11-02',
};

const BY_KIND: Record<LetterKind, Partial<LetterInput>> = {
  return: {
    missingItems: [
      { code: 'FORM_NOT_CAPITAL_LATIN', field: 'Příjmení' },
      { code: 'FEE_SHORT', expected: 300, paid: 200 },
      { code: 'FEE_METHOD_NOT_ACCEPTED' },
    ],
  },
  grant: { visa: { number: 'CZE123456789', code: 'D/VS/91', validFrom: '2026-12-01', validTo: '2027-11-30' } },
  refusal: {
    refusal: {
      reasons: 'Účastník řízení neprokázal překážku vycestování.\nPředložené doklady nejsou věrohodné.',
      legalGround: '§ 56 odst. 1 písm. j) zákona č. 326/1999 Sb.',
      appealDays: 15,
    },
  },
  discontinuation: {
    discontinuation: { reason: 'withdrawn', legalGround: '§ 66 odst. 1 písm. a) zákona č. 500/2004 Sb., správní řád' },
  },
  interruption: {
    interruption: {
      requested: 'předložte čestné prohlášení o překážce vycestování\npředložte platný cestovní doklad',
      respondBy: '2026-12-15',
      legalGround: '§ 64 odst. 1 písm. a) zákona č. 500/2004 Sb., správní řád',
    },
  },
};

export function sampleLetterInput(kind: LetterKind, overrides: Partial<LetterInput> = {}): LetterInput {
  return structuredClone({ ...COMMON, ...BY_KIND[kind], kind, ...overrides });
}

export const ALL_LETTER_KINDS: LetterKind[] = ['return', 'grant', 'refusal', 'discontinuation', 'interruption'];
