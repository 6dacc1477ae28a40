/**
 * One error type for the whole application. Domain code raises it with a stable dotted code;
 * the HTTP edge maps codes to statuses in one table (http/problem.ts). Domain code never names a status.
 */
export interface FieldError {
  /** JSON pointer into the request body, e.g. "/applicant/surname". */
  field: string;
  /** Stable reason code, e.g. "NOT_CAPITAL_LATIN". */
  reason: string;
  message: string;
}

export type ErrorCode =
  | 'REQUEST.INVALID'
  | 'VALIDATION.FAILED'
  | 'AUTH.REQUIRED'
  | 'AUTH.INVALID_CREDENTIALS'
  | 'AUTH.FORBIDDEN'
  | 'RATE_LIMITED'
  | 'NOT_FOUND'
  | 'CASE.NOT_FOUND'
  | 'CASE.ILLEGAL_TRANSITION'
  | 'CASE.VERSION_CONFLICT'
  | 'CASE.DUPLICATE_ACTION'
  | 'CASE.POLICY_REFUSES'
  | 'LETTER.NOT_FOUND'
  | 'LETTER.ILLEGAL_TRANSITION'
  | 'POLICY.NO_RULE_IN_FORCE'
  | 'APPOINTMENT.SLOT_FULL'
  | 'APPOINTMENT.ALREADY_BOOKED'
  | 'APPOINTMENT.NOT_ELIGIBLE'
  | 'CHANNEL.WRONG_CHANNEL'
  | 'VISA.ALREADY_CANCELLED'
  | 'VISA.NOT_IN_FORCE'
  | 'CONFLICT'
  | 'INTERNAL';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldError[]; [k: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function fieldError(field: string, reason: string, message: string): FieldError {
  return { field, reason, message };
}

export function validationFailed(fields: FieldError[], message = 'The request has invalid fields.'): AppError {
  return new AppError('VALIDATION.FAILED', message, { fields });
}
