/**
 * The case types the engine runs: a new type is declared in its module and listed here, nowhere else.
 * Called by the composition root (the HTTP app) and the CLI before anything touches a case.
 */
import { humanitarianException, registerCaseType, studyResidence, toleranceVisa, useVisaRegister } from './modules/cases/index.ts';
import { findVisaByCase, recordVisa } from './modules/visas/index.ts';
import { civilSocietyNomination } from './modules/civil-society/index.ts';

export function caseTypes() {
  return [toleranceVisa, studyResidence, humanitarianException, civilSocietyNomination];
}

export function registerCaseTypes(): void {
  useVisaRegister({ recordVisa, findVisaByCase });
  for (const t of caseTypes()) registerCaseType(t);
}
