/**
 * The one thing appointments needs of the visa register: a holder's visa by its number. The module
 * declares it as a port and the composition root passes the visas module's lookup in — so
 * `appointments` imports nothing from `visas`, while `visas` calls `appointments/index.ts` to release
 * and attend bookings (one direction, no cycle).
 */
import type { Db } from '../../../platform/db/db.ts';

export interface HolderVisa {
  id: string;
  visa_number: string;
  visa_code: string;
  status: string;
  valid_from: string;
  valid_to: string;
  issued_on: string;
  war_related: boolean;
  cancelled_on: string | null;
  date_of_birth: string;
  /** The OAMP office of the case the visa was granted on (null for a visa of no office case). */
  office_id: string | null;
  /** The end date before the register's first automatic extension of this visa, and the rule that moved it; null when never extended. */
  extended_from: string | null;
  extension_rule: string | null;
}

/**
 * How a holder is identified: by the two facts they type (visa number and date of birth), or — only
 * inside the server, after those were checked — by the visa's id (the pages' signed holder cookie).
 * The API's schemas accept the first form only.
 */
export type HolderKey = { visaNumber: string; dateOfBirth: string } | { visaId: string };

/** The visa with this number whose holder was born on this day (or the visa with this id); undefined when either does not match. */
export type FindHolderVisa = (db: Db, holder: HolderKey) => Promise<HolderVisa | undefined>;
