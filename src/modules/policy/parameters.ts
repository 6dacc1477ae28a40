/**
 * Typed handles on the dated parameters in policy/parameters.yaml — the only place that holds a
 * legal amount, period or date. Code reads them with `valueOn(PARAM, date)`; a date outside every
 * window is "no rule in force on D", never the nearest value. Bound to the bundle in policy/ at load,
 * so this file sits outside domain/ (domain code takes the bundle it reads).
 */
import { defaultBundle } from './load/load-bundle.ts';
import type { Parameter } from './domain/bundle.types.ts';

export type { DatedValue, Parameter, Source } from './domain/bundle.types.ts';

function param<T>(id: string): Parameter<T> {
  const p = defaultBundle().parameters[id];
  if (!p) throw new Error(`policy parameter ${id} is missing from policy/parameters.yaml`);
  return p as Parameter<T>;
}

export const TOLERANCE_FEE = param<{ amount_czk: number; methods: string[] }>('tolerance_visa.fee');
export const TOLERANCE_DECISION_PERIOD_DAYS = param<number>('tolerance_visa.decision_period_days');
export const MIN_DAYS_AFTER_INTERRUPTION = param<number>('proceedings.min_days_after_interruption');
export const DEEMED_DELIVERY_DAYS = param<number>('delivery.deemed_after_days');
export const TOLERANCE_MAX_VALIDITY_YEARS = param<number>('tolerance_visa.max_validity_years');
export const TOLERANCE_VISA_CODE = param<string>('tolerance_visa.sticker_code');
export const APPEAL_PERIOD_DAYS = param<number>('appeal.period_days');

/** Citations printed in letters. */
export const TOLERANCE_LEGAL_BASIS = '§ 33 odst. 1 písm. a) zákona č. 326/1999 Sb., o pobytu cizinců na území České republiky';
/** Grounds cited in procedural letters (Act 500/2004 Coll., Administrative Procedure Code). */
export const INTERRUPTION_LEGAL_GROUND = '§ 64 odst. 1 písm. a) a § 45 odst. 2 zákona č. 500/2004 Sb., správní řád';
export const WITHDRAWAL_LEGAL_GROUND = '§ 66 odst. 1 písm. a) zákona č. 500/2004 Sb., správní řád';
