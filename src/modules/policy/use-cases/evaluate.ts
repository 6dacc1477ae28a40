/** The entry the API and the CLI share: validate, evaluate, explain. */
import { validationFailed } from '../../../platform/errors.ts';
import type { Lang, PolicyBundle } from '../domain/bundle.types.ts';
import { defaultBundle } from '../load/load-bundle.ts';
import { evaluatePolicy } from '../engine/explain.ts';
import { checkRequest } from '../engine/validate-request.ts';
import type { Dates, Facts } from '../engine/evaluate-rules.ts';
import type { ToleranceChecklist } from '../domain/tolerance-admissibility.ts';

/** @throws VALIDATION.FAILED (unknown fact, value outside the dictionary, bad or missing dates) */
export function evaluate(
  input: { facts: Facts; dates: Dates; lang?: Lang; rules?: string[]; checklist?: ToleranceChecklist },
  bundle: PolicyBundle = defaultBundle(),
) {
  const errors = checkRequest(bundle, input.facts, input.dates);
  for (const id of input.rules ?? [])
    if (!bundle.rules.some((r) => r.id === id)) errors.push({ field: '/rules', reason: 'UNKNOWN_RULE', message: `No rule "${id}".` });
  if (errors.length) throw validationFailed(errors);
  return evaluatePolicy(bundle, input);
}
