/** Checks an evaluation request against the fact dictionary: unknown facts, values outside an enum, bad dates. */
import { isValidIsoDate } from '../../calendar/index.ts';
import type { FieldError } from '../../../platform/errors.ts';
import type { PolicyBundle } from '../domain/bundle.types.ts';
import type { Dates, Facts } from './evaluate-rules.ts';

export function checkRequest(bundle: PolicyBundle, facts: Facts, dates: Dates): FieldError[] {
  const errors: FieldError[] = [];
  for (const [id, v] of Object.entries(facts)) {
    const f = bundle.facts[id];
    const field = `/facts/${id}`;
    if (!f) {
      errors.push({ field, reason: 'UNKNOWN_FACT', message: `No fact "${id}" in the policy's fact dictionary.` });
      continue;
    }
    if (v === null || v === 'unknown') continue;
    if (f.type === 'boolean' && typeof v !== 'boolean')
      errors.push({ field, reason: 'NOT_BOOLEAN', message: 'true, false, null or "unknown".' });
    if (f.type === 'enum' && !f.values!.includes(String(v)))
      errors.push({ field, reason: 'NOT_ALLOWED', message: `One of ${f.values!.join(', ')} (or "unknown").` });
    if (f.type === 'date' && !(typeof v === 'string' && isValidIsoDate(v)))
      errors.push({ field, reason: 'INVALID_DATE', message: 'A date YYYY-MM-DD.' });
  }
  const given = Object.entries(dates).filter(([, v]) => v !== undefined);
  if (given.length === 0)
    errors.push({
      field: '/dates',
      reason: 'REQUIRED',
      message: 'Name the date(s) to evaluate on (as_of, filed_on, visa_issued_on, decided_on): there is no implicit "today".',
    });
  for (const [k, v] of given)
    if (!isValidIsoDate(String(v)))
      errors.push({ field: `/dates/${k}`, reason: 'INVALID_DATE', message: `${String(v)} is not a date YYYY-MM-DD.` });
  return errors;
}
