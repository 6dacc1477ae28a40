/** The error codes the auth module raises (statuses at the HTTP edge via the registry). */
import { defineErrors } from '../../platform/errors.ts';

export const AuthErrors = defineErrors('AUTH', {
  REQUIRED: { status: 401, title: 'Sign-in required' },
  INVALID_CREDENTIALS: { status: 401, title: 'Sign-in failed' },
  LOCKED: { status: 429, title: 'Too many failed sign-ins' },
  FORBIDDEN: { status: 403, title: 'Not allowed' },
  USERNAME_TAKEN: { status: 409, title: 'That username is taken' },
  SELF_DEACTIVATION: { status: 409, title: 'You cannot deactivate your own account' },
  ALREADY_INACTIVE: { status: 409, title: 'That account was already deactivated' },
});
