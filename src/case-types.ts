/**
 * The case types the engine runs: a new type is declared in its module and listed here, nowhere else.
 * Called by the composition root (the HTTP app) and the CLI before anything touches a case.
 */
import {
  humanitarianException,
  officePersons,
  registerCaseType,
  studyResidence,
  toleranceVisa,
  useVisaRegister,
} from './modules/cases/index.ts';
import { findVisaByCase, recordVisa } from './modules/visas/index.ts';
import { civilSocietyNomination, nomineePersons } from './modules/civil-society/index.ts';
import { registerPersonScope } from './modules/people/index.ts';

export function caseTypes() {
  return [toleranceVisa, studyResidence, humanitarianException, civilSocietyNomination];
}

export function registerCaseTypes(): void {
  useVisaRegister({ recordVisa, findVisaByCase });
  for (const t of caseTypes()) registerCaseType(t);
  // who sees which persons: the modules whose records make a person visible
  registerPersonScope('cases', officePersons);
  registerPersonScope('civil-society', nomineePersons);
}
