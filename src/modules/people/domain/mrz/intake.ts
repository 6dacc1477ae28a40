/**
 * The MRZ at the counter: checked (every check digit — a bad one is refused by field, 422), then
 * used to fill the identity fields the officer left out; a typed field that differs from the MRZ
 * is kept and reported. Pure: the caller supplies the receipt date the two-digit years are read against.
 */
import { AppError, fieldError } from '../../../../platform/errors.ts';
import { PeopleErrors } from '../../people.errors.ts';
import { compareWithMrz, type MrzMismatch, type TypedIdentity } from './compare.ts';
import { type ParsedMrz, parseMrz } from './parse-mrz.ts';

export interface MrzIntake {
  /** The typed fields, completed from the MRZ where they were left out. */
  filled: TypedIdentity;
  mismatches: MrzMismatch[];
  mrz: ParsedMrz;
}

/** @param pointer where the MRZ sits in the request body (e.g. `/mrz`); each bad field is named under it. @throws PEOPLE.MRZ_INVALID */
export function readMrzAtIntake(lines: string | readonly string[], typed: TypedIdentity, asOf: string, pointer = '/mrz'): MrzIntake {
  const r = parseMrz(lines, { asOf });
  if (!r.ok)
    throw new AppError(PeopleErrors.MRZ_INVALID, 'The machine-readable zone does not check; correct the fields named.', {
      fields: r.problems.map((p) => fieldError(`${pointer}/${p.field}`, p.reason, p.message)),
    });
  const m = r.mrz;
  const fromMrz: TypedIdentity = {
    surname: m.surname,
    givenNames: m.givenNames,
    passportNumber: m.documentNumber,
    nationality: m.nationality,
    ...(m.birthDate ? { dateOfBirth: m.birthDate } : {}),
    ...(m.expiryDate ? { passportExpiresOn: m.expiryDate } : {}),
  };
  const given = Object.fromEntries(Object.entries(typed).filter(([, v]) => v !== undefined && v !== null && v !== '')) as TypedIdentity;
  return { filled: { ...fromMrz, ...given }, mismatches: compareWithMrz(given, m), mrz: m };
}
