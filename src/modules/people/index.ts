// Public surface of the people module: names across scripts and the passport's machine-readable zone.
export { GIVEN_NAMES, type GivenNameEntry } from './domain/names/common-names.ts';
export { foldName } from './domain/names/fold.ts';
export { passportSpelling, type PassportSpellingOptions } from './domain/names/passport-spelling.ts';
export {
  ALL_NAME_SYSTEMS,
  type CyrillicNationality,
  isCyrillicNationality,
  NAME_SYSTEMS,
  type NameLanguage,
  type NameSystem,
  type NameSystemInfo,
  PASSPORT_RULES,
  type PassportRule,
  passportSystemFor,
} from './domain/names/systems.ts';
export {
  detectLanguage,
  NameCharacterError,
  normaliseName,
  transliterate,
  type TransliterateOptions,
} from './domain/names/transliterate.ts';
export { describeVariant, nameVariants, type NameVariant, type NameVariantOptions } from './domain/names/variants.ts';
export {
  compareWithMrz,
  type IdentityField,
  type MrzMismatch,
  mrzNameForms,
  type TypedIdentity,
} from './domain/mrz/compare.ts';
export { checkDigit, corrupt, type SpecimenPerson, td1, td3 } from './domain/mrz/mrz-specimens.ts';
export {
  type MrzField,
  type MrzFormat,
  mrzLines,
  type MrzProblem,
  type MrzResult,
  type ParsedMrz,
  parseMrz,
} from './domain/mrz/parse-mrz.ts';
export { PeopleErrors } from './people.errors.ts';
