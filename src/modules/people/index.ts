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
// Persons (issue 13): recorded at intake inside the caller's transaction, visible through the scope ports.
export { cachedPersonVariants, latinName, type PersonName, personVariants } from './domain/person-variants.ts';
export { type PersonIntake, type RecordedPerson, recordPerson } from './use-cases/record-person.ts';
export { type DuplicateCandidate, type DuplicateReason, findDuplicateCandidates } from './use-cases/duplicates.ts';
export { type Audience, EVERYONE, type PersonScopeProvider, registerPersonScope, visibleTo } from './use-cases/visibility.ts';
export { DuplicateCandidates as DuplicateCandidatesSchema } from './http/people.schema.ts';
export { type MrzIntake, readMrzAtIntake } from './domain/mrz/intake.ts';
export { peopleRoutes } from './http/people.routes.ts';
export {
  duplicatesOf,
  getPerson,
  markDistinct,
  mergePerson,
  runSearch,
  searchPeople,
  type SearchHit,
  SEARCH_THRESHOLD,
  unmergePerson,
} from './use-cases/people.ts';
export { SearchBody as PeopleSearchBody } from './http/people.schema.ts';
export { reindexPeople } from './use-cases/reindex.ts';
export { demoDuplicates, generatePeople, type GenerateOptions } from './use-cases/generate-people.ts';
export { demoIdentity, demoPersonId } from './domain/demo-names.ts';
