/** The error codes the visas module raises. */
import { defineErrors } from '../../platform/errors.ts';

export const VisaErrors = defineErrors('VISA', {
  /** The old GET lookup with passport number and birth date in the query string. */
  LOOKUP_MOVED: { status: 410, title: 'This lookup moved to POST /api/v1/visas/search' },
  ALREADY_CANCELLED: { status: 409, title: 'The visa is already cancelled' },
  NOT_IN_FORCE: { status: 409, title: 'The visa is not in force' },
  CANCELLED_BY_MINISTRY: { status: 409, title: 'This visa is cancelled by the Foreign Ministry, not by an office' },
});
