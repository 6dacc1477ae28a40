/** The cases module's public surface. */
export { CaseErrors } from './cases.errors.ts';
