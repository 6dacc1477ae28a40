/** The civil-society module's public surface. */
export { NominationErrors, PartnerOrgErrors } from './civil-society.errors.ts';
