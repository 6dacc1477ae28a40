/**
 * The tolerance-visa rules of domain/tolerance-rules.ts with the bundle defaulted to the policy in
 * policy/ — what the other modules call. The pure functions take the bundle; this is where the
 * loader meets them, outside domain/.
 */
import type { PolicyBundle } from './domain/bundle.types.ts';
import * as pure from './domain/tolerance-rules.ts';
import { defaultBundle } from './load/load-bundle.ts';
import { assessToleranceAdmissibilityIn, type AdmissibilityResult, type ToleranceChecklist } from './domain/tolerance-admissibility.ts';

export type { DeadlineResult, Interruption, ValidityCheck } from './domain/tolerance-rules.ts';

/** 30 days from receipt (read on the filing date), stopped while interrupted, ≥ 15 days after each resumption. */
export function toleranceDeadline(
  receivedOn: string,
  interruptions: pure.Interruption[],
  bundle?: PolicyBundle,
  periodId?: string,
): pure.DeadlineResult {
  // A scenario bundle (policy simulate) may replace the parameters; by default those in policy/.
  return pure.toleranceDeadline(bundle ?? defaultBundle(), receivedOn, interruptions, periodId);
}

/** The statutory deadline of a case whose type declares its decision period as `periodParameterId`. */
export function caseDeadline(
  periodParameterId: string,
  receivedOn: string,
  interruptions: pure.Interruption[],
  bundle?: PolicyBundle,
): pure.DeadlineResult {
  return pure.caseDeadline(bundle ?? defaultBundle(), periodParameterId, receivedOn, interruptions);
}

/** A tolerance visa is granted for at most one year (§ 33 Act 326/1999), read on the decision date. */
export function checkToleranceValidity(decidedOn: string, validFrom: string, validTo: string): pure.ValidityCheck {
  return pure.checkToleranceValidity(defaultBundle(), decidedOn, validFrom, validTo);
}

/** § 24(1) Act 500/2004: a stored letter not collected within 10 days is deemed delivered on the last day. */
export function letterDelivery(readyOn: string, collectedOn: string | null, shiftToWorkingDay: boolean) {
  return pure.letterDelivery(defaultBundle(), readyOn, collectedOn, shiftToWorkingDay);
}

/** The admissibility of a tolerance-visa application filed on `filedOn` (fee read on that day). */
export function assessToleranceAdmissibility(c: ToleranceChecklist, filedOn: string): AdmissibilityResult {
  return assessToleranceAdmissibilityIn(defaultBundle(), c, filedOn);
}
