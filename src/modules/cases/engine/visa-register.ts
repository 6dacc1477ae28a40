/**
 * The visa register as the engine needs it: record the visa a grant produces, read the visa of a case.
 * A port, wired by the composition root to the visas module (`src/case-types.ts`): the register reads
 * its holders from cases, so cases may not import the register back (no module cycle).
 */
import type { Db, Trx } from '../../../platform/db/db.ts';

export interface RegisteredVisa {
  id: string;
  visa_number: string;
  visa_code: string;
  valid_from: string;
  valid_to: string;
  issued_on: string;
  status: string;
}

export interface NewCaseVisa {
  caseId: string;
  applicantId: string;
  /** The holder (people module). */
  personId: string;
  officeId: string;
  visaCode: string;
  validFrom: string;
  validTo: string;
  issuedOn: string;
  /** Granted in connection with the armed conflict in Ukraine (decides later mass extensions). */
  warRelated: boolean;
  actorId: string;
  requestId: string | null;
}

export interface VisaRegister {
  recordVisa(trx: Trx, v: NewCaseVisa): Promise<RegisteredVisa>;
  findVisaByCase(db: Db | Trx, caseId: string): Promise<RegisteredVisa | undefined>;
}

let register: VisaRegister | null = null;

export function useVisaRegister(r: VisaRegister): void {
  register = r;
}

export function visaRegister(): VisaRegister {
  if (!register) throw new Error('cases: no visa register wired (the composition root calls registerCaseTypes)');
  return register;
}
