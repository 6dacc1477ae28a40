/** The error codes the people module raises. */
import { defineErrors } from '../../platform/errors.ts';

export const PeopleErrors = defineErrors('PEOPLE', {
  /** A check digit, a state code, a date or the shape of the MRZ is wrong; each field named (facts §3.1, ICAO Doc 9303). */
  MRZ_INVALID: { status: 422, title: 'The machine-readable zone does not check' },
  /** An unknown person, or one the caller may not see (the same answer: nothing to infer). */
  NOT_FOUND: { status: 404, title: 'No such person' },
  /** A merge, unmerge or distinct decision that the persons' standing decisions do not allow. */
  ILLEGAL_DECISION: { status: 409, title: 'This decision is not possible for these persons' },
  /** The query folds to nothing a name can match (digits or punctuation only). */
  EMPTY_QUERY: { status: 422, title: 'The search has no letters to match' },
});
