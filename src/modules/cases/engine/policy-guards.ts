/**
 * Guards a type declares on the policy module: a route or check rule evaluated on the date the rule
 * reads (given explicitly — never "today" implicitly), with the outcomes that let the command go on.
 * A refusal names the policy's own reasons, field by field.
 */
import { AppError, fieldError, validationFailed } from '../../../platform/errors.ts';
import { evaluate, type Facts } from '../../policy/index.ts';

/** The policy's nationality fact: the codes it distinguishes, everything else OTHER. */
export function policyNationality(icao: string): string {
  return ['UKR', 'RUS', 'BLR'].includes(icao) ? icao : 'OTHER';
}

export interface RouteCheck {
  rule: string;
  facts: Facts;
  /** The dates the rule reads, e.g. { as_of: receivedOn } or { filed_on: receivedOn }. */
  dates: Record<string, string>;
  accept: readonly string[];
  /** Where the failing facts are reported, and where "no rule in force" is. */
  field: string;
  dateField: string;
}

/** @throws VALIDATION.FAILED with the policy's reasons when the outcome is not accepted; returns the evaluation's receipt. */
export function requireRoute(c: RouteCheck) {
  const ev = evaluate({ facts: c.facts, dates: c.dates, rules: [c.rule] });
  const r = ev.results[0]!;
  if (!c.accept.includes(r.outcome)) {
    throw validationFailed(
      r.whatWouldChange.failing
        .map((f) => fieldError(c.field, f.code, f.text))
        .concat(r.outcome === 'no_rule_in_force' ? [fieldError(c.dateField, 'NO_RULE_IN_FORCE', r.outcomeText)] : []),
      'This route is not open to the applicant on that date.',
    );
  }
  return { outcome: r.outcome, receipt: ev.receipt };
}

/**
 * The RU/BY suspension (`suspension.ru_by`, read on the filing date) must not stop the application:
 * one of its exceptions has to apply. @throws the given code (409) with the receipt when it is suspended.
 */
export function requireNotSuspended(facts: Facts, filedOn: string, error: { code: string; message: string }) {
  const ev = evaluate({ facts, dates: { filed_on: filedOn }, rules: ['suspension.ru_by'] });
  const outcome = ev.results[0]!.outcome;
  if (outcome === 'suspended') throw new AppError(error.code as never, error.message, { policy: ev.receipt });
  return { outcome, receipt: ev.receipt };
}
