/** Deadline, validity and delivery rules of the tolerance-visa case, on the dates the law reads. */
import { computeStatutoryDeadline, deliveryOutcome, InvalidDateError, isValidIsoDate } from '../../calendar/index.ts';
import {
  DEEMED_DELIVERY_DAYS,
  MIN_DAYS_AFTER_INTERRUPTION,
  TOLERANCE_DECISION_PERIOD_DAYS,
  TOLERANCE_MAX_VALIDITY_YEARS,
  TOLERANCE_VISA_CODE,
} from './parameters.ts';
import { valueOn, type UsedParameter } from './lookup.ts';
import type { PolicyBundle } from './bundle.types.ts';
import { defaultBundle } from '../load/load-bundle.ts';

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
  receivedOn: string,
  interruptions: Interruption[],
  bundle?: PolicyBundle,
  periodId: string = TOLERANCE_DECISION_PERIOD_DAYS.id,
): DeadlineResult {
  // A scenario bundle (policy simulate) may replace the parameters; by default those in policy/.
  const periodParam = ((bundle ?? defaultBundle()).parameters[periodId] ??
    TOLERANCE_DECISION_PERIOD_DAYS) as typeof TOLERANCE_DECISION_PERIOD_DAYS;
  const floorParam = (bundle?.parameters[MIN_DAYS_AFTER_INTERRUPTION.id] ??
    MIN_DAYS_AFTER_INTERRUPTION) as typeof MIN_DAYS_AFTER_INTERRUPTION;
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

function addYearsMinusOneDay(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  // 29 Feb + 1 year → 28 Feb (Date would roll to 1 Mar)
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  else target.setUTCDate(target.getUTCDate() - 1);
  return target.toISOString().slice(0, 10);
}

export interface ValidityCheck {
  ok: boolean;
  latestValidTo: string;
  visaCode: string;
  parameters: UsedParameter<unknown>[];
}

/** A tolerance visa is granted for at most one year (§ 33 Act 326/1999), read on the decision date. */
export function checkToleranceValidity(decidedOn: string, validFrom: string, validTo: string): ValidityCheck {
  for (const d of [validFrom, validTo]) if (!isValidIsoDate(d)) throw new InvalidDateError(d, 'expected YYYY-MM-DD');
  const max = valueOn(TOLERANCE_MAX_VALIDITY_YEARS, decidedOn);
  const code = valueOn(TOLERANCE_VISA_CODE, decidedOn);
  const latestValidTo = addYearsMinusOneDay(validFrom, max.value);
  return { ok: validFrom <= validTo && validTo <= latestValidTo, latestValidTo, visaCode: code.value, parameters: [max, code] };
}

/** § 24(1) Act 500/2004: a stored letter not collected within 10 days is deemed delivered on the last day. */
export function letterDelivery(readyOn: string, collectedOn: string | null, shiftToWorkingDay: boolean) {
  const days = valueOn(DEEMED_DELIVERY_DAYS, readyOn);
  const out = deliveryOutcome({ readyForCollectionOn: readyOn, collectedOn, days: days.value, shiftToWorkingDay });
  return { ...out, parameters: [days] };
}

/** The statutory deadline of a case of any type: the same counting, the type's own period parameter. */
export function caseDeadline(
  periodParameterId: string,
  receivedOn: string,
  interruptions: Interruption[],
  bundle?: PolicyBundle,
): DeadlineResult {
  return toleranceDeadline(receivedOn, interruptions, bundle, periodParameterId);
}
