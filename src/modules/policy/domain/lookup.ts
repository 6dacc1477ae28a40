import type { DatedValue, Parameter } from './parameters.ts';

export class NoRuleInForceError extends Error {
  constructor(readonly parameterId: string, readonly date: string) {
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
  const hit = p.values.find((v) => v.from <= date && (v.to === null || date <= v.to));
  if (!hit) throw new NoRuleInForceError(p.id, date);
  return { id: p.id, date, ...hit };
}
