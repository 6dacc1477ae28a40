/** The error codes the cases module raises. */
import { defineErrors } from '../../platform/errors.ts';

export const CaseErrors = defineErrors('CASE', {
  NOT_FOUND: { status: 404, title: 'Case not found' },
  ILLEGAL_TRANSITION: { status: 409, title: 'This action is not allowed in the case’s current state' },
  VERSION_CONFLICT: { status: 409, title: 'The case was changed by someone else' },
  DUPLICATE_ACTION: { status: 409, title: 'This action was already recorded' },
  /** An Idempotency-Key sent again with another request than the one it first answered. */
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'This Idempotency-Key was used for another request' },
  /** The case is held by another officer: claiming it needs `takeOver`, releasing it is for the holder or a supervisor. */
  HELD_BY_OTHER: { status: 409, title: 'Another officer is working on this case' },
  /** Releasing a case nobody holds (someone released it meanwhile). */
  NOT_HELD: { status: 409, title: 'Nobody holds this case' },
  /** A guard on the policy (e.g. the RU/BY suspension on the filing date) does not let the action go on. */
  NOT_EXEMPT: { status: 409, title: 'The policy in force on the date it reads does not exempt this application' },
});
