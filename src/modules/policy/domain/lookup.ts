import { InvalidDateError, isValidIsoDate } from '../../calendar/index.ts';
import type { DatedValue, Parameter, Window } from './bundle.types.ts';

export class NoRuleInForceError extends Error {
  constructor(
    readonly parameterId: string,
    readonly date: string,
  ) {
    super(`no rule in force on ${date} for ${parameterId}`);
    this.name = 'NoRuleInForceError';
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
