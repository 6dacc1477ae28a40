/** The error codes the visas module raises. */
import { defineErrors } from '../../platform/errors.ts';

export const VisaErrors = defineErrors('VISA', {
  ALREADY_CANCELLED: { status: 409, title: 'The visa is already cancelled' },
  NOT_IN_FORCE: { status: 409, title: 'The visa is not in force' },
  CANCELLED_BY_MINISTRY: { status: 409, title: 'This visa is cancelled by the Foreign Ministry, not by an office' },
});
