/** The error codes the people module raises. */
import { defineErrors } from '../../platform/errors.ts';

export const PeopleErrors = defineErrors('PEOPLE', {
  /** A check digit, a state code, a date or the shape of the MRZ is wrong; each field named (facts §3.1, ICAO Doc 9303). */
  MRZ_INVALID: { status: 422, title: 'The machine-readable zone does not check' },
});
