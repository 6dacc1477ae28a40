/** Deadline, validity and delivery rules of the tolerance-visa case, on the dates the law reads. */
import { computeStatutoryDeadline, deliveryOutcome, InvalidDateError, isValidIsoDate, lastDayOfYears } from '../../calendar/index.ts';
/*
 * Pure: every function reads its parameters from the bundle it is given. The defaulting to the
 * bundle in policy/ lives outside domain/ (../rules.ts), so this file needs no loader.
 */
import { valueOn, type UsedParameter } from './lookup.ts';
import type { Parameter, PolicyBundle } from './bundle.types.ts';

function paramOf<T>(bundle: PolicyBundle, id: string): Parameter<T> {
  const p = bundle.parameters[id];
  if (!p) throw new Error(`policy parameter ${id} is missing from the bundle`);
  return p as Parameter<T>;
}

export interface Interruption {
  from: string;
  to: string | null;
}

export interface DeadlineResult {
  dueOn: string | null;
  running: boolean;
  parameters: UsedParameter<unknown>[];
}

/** 30 days from receipt (read on the filing date), stopped while interrupted, ≥ 15 days after each resumption. */
export function toleranceDeadline(
  bundle: PolicyBundle,
  receivedOn: string,
  interruptions: Interruption[],
  periodId = 'tolerance_visa.decision_period_days',
): DeadlineResult {
  const periodParam = paramOf<number>(bundle, periodId);
  const floorParam = paramOf<number>(bundle, 'proceedings.min_days_after_interruption');
  const period = valueOn(periodParam, receivedOn);
  const lastResume = [...interruptions].reverse().find((i) => i.to !== null)?.to ?? receivedOn;
  const floor = valueOn(floorParam, lastResume);
  const r = computeStatutoryDeadline({
    receivedOn,
    periodDays: period.value,
    minDaysAfterResume: floor.value,
    interruptions,
  });
  return { dueOn: r.dueOn, running: r.running, parameters: interruptions.length ? [period, floor] : [period] };
}

export interface ValidityCheck {
  ok: boolean;
  latestValidTo: string;
  visaCode: string;
  parameters: UsedParameter<unknown>[];
}

/** A tolerance visa is granted for at most one year (§ 33 Act 326/1999), read on the decision date. */
export function checkToleranceValidity(bundle: PolicyBundle, decidedOn: string, validFrom: string, validTo: string): ValidityCheck {
  for (const d of [validFrom, validTo]) if (!isValidIsoDate(d)) throw new InvalidDateError(d, 'expected YYYY-MM-DD');
  const max = valueOn(paramOf<number>(bundle, 'tolerance_visa.max_validity_years'), decidedOn);
  const code = valueOn(paramOf<string>(bundle, 'tolerance_visa.sticker_code'), decidedOn);
  const latestValidTo = lastDayOfYears(validFrom, max.value);
  return { ok: validFrom <= validTo && validTo <= latestValidTo, latestValidTo, visaCode: code.value, parameters: [max, code] };
}

/** § 24(1) Act 500/2004: a stored letter not collected within 10 days is deemed delivered on the last day. */
export function letterDelivery(bundle: PolicyBundle, readyOn: string, collectedOn: string | null, shiftToWorkingDay: boolean) {
  const days = valueOn(paramOf<number>(bundle, 'delivery.deemed_after_days'), readyOn);
  const out = deliveryOutcome({ readyForCollectionOn: readyOn, collectedOn, days: days.value, shiftToWorkingDay });
  return { ...out, parameters: [days] };
}

/**
 * The statutory deadline of a case of any type: the same counting, the period the case type declares
 * (`periodParameterId`, e.g. 'tolerance_visa.decision_period_days').
 */
export function caseDeadline(
  bundle: PolicyBundle,
  periodParameterId: string,
  receivedOn: string,
  interruptions: Interruption[],
): DeadlineResult {
  return toleranceDeadline(bundle, receivedOn, interruptions, periodParameterId);
}
