/** The error codes the civil-society module raises. */
import { defineErrors } from '../../platform/errors.ts';

export const NominationErrors = defineErrors('NOMINATION', {
  NOT_FOUND: { status: 404, title: 'Nomination not found' },
  FOUR_EYES: { status: 409, title: 'The second approval must come from another officer' },
  NOT_EXEMPT: { status: 409, title: 'The application is not exempt from the suspension' },
});

export const PartnerOrgErrors = defineErrors('PARTNER_ORG', {
  NAME_TAKEN: { status: 409, title: 'An organisation with that name exists' },
});
