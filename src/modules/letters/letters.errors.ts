/** The error codes the letters module raises. */
import { defineErrors } from '../../platform/errors.ts';

export const LetterErrors = defineErrors('LETTER', {
  NOT_FOUND: { status: 404, title: 'Letter not found' },
  ILLEGAL_TRANSITION: { status: 409, title: 'This letter step is not allowed now' },
});
