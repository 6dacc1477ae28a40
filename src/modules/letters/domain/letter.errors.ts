import { AppError, fieldError, type FieldError } from '../../../platform/errors.ts';

/**
 * The letter cannot be worded from the input: a field is empty, a date is not a real ISO date,
 * or the data the letter kind needs is missing. Raised by buildLetterContent; code VALIDATION.FAILED.
 */
export class LetterInputError extends AppError {
  constructor(fields: FieldError[]) {
    super('VALIDATION.FAILED', `Letter input is invalid: ${fields.map((f) => `${f.field} ${f.reason}`).join(', ')}`, {
      fields,
    });
    this.name = 'LetterInputError';
  }

  static of(field: string, reason: string, message: string): LetterInputError {
    return new LetterInputError([fieldError(field, reason, message)]);
  }
}
