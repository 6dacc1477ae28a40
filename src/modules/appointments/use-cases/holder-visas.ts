/**
 * The one thing appointments needs of the visa register: a holder's visa by its number. The module
 * declares it as a port and the composition root passes the visas module's lookup in — so
 * `appointments` imports nothing from `visas`, while `visas` calls `appointments/index.ts` to release
 * and attend bookings (one direction, no cycle).
 */
import type { Db } from '../../../platform/db/db.ts';

export interface HolderVisa {
  id: string;
  visa_code: string;
  status: string;
  valid_from: string;
  valid_to: string;
  date_of_birth: string;
}

/** The visa with this number whose holder was born on this day; undefined when either does not match. */
export type FindHolderVisa = (db: Db, holder: { visaNumber: string; dateOfBirth: string }) => Promise<HolderVisa | undefined>;
