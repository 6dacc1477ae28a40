import { InvalidDateError, isValidIsoDate } from '../../calendar/index.ts';
import { PolicyErrors } from '../policy.errors.ts';
import type { DatedValue, Parameter, Window } from './bundle.types.ts';

/** No window of a parameter covers the date. Carries its code and details for the HTTP edge (policy.errors.ts). */
export class NoRuleInForceError extends Error {
  readonly code = PolicyErrors.NO_RULE_IN_FORCE;
  readonly details: { parameter: string; date: string };
  constructor(
    readonly parameterId: string,
    readonly date: string,
  ) {
    super(`no rule in force on ${date} for ${parameterId}`);
    this.name = 'NoRuleInForceError';
    this.details = { parameter: parameterId, date };
  }
}

export interface UsedParameter<T> extends DatedValue<T> {
  id: string;
  date: string;
}

/** The value in force on `date` (ISO, inclusive windows). Throws NoRuleInForceError outside every window. */
export function valueOn<T>(p: Parameter<T>, date: string): UsedParameter<T> {
  // Dates compare as text only in strict YYYY-MM-DD form.
  if (!isValidIsoDate(date)) throw new InvalidDateError(date, 'expected YYYY-MM-DD');
  const hit = p.values.find((v) => v.from <= date && (v.to === null || date <= v.to));
  if (!hit) throw new NoRuleInForceError(p.id, date);
  return { id: p.id, date, ...hit };
}

export function windowOn(windows: Window[], date: string): Window | null {
  return windows.find((w) => w.from <= date && (w.to === null || date <= w.to)) ?? null;
}
