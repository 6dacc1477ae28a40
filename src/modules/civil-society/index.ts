/** The Civil Society programme's public surface: its case type, use cases and routes. */
export { civilSocietyNomination } from './case-type/nomination.ts';
export { civilSocietyRoutes } from './http/civil-society.routes.ts';
export { simulateNominations } from './use-cases/simulate-nominations.ts';
export { rotateKeys } from './use-cases/rotate-keys.ts';
export { createPartnerOrg, insertPartnerOrg, listPartnerOrgs } from './use-cases/admin.ts';
export { NominationErrors, PartnerOrgErrors } from './civil-society.errors.ts';
export { nomineePersons } from './db/nomination-cases.queries.ts';
export { civilSocietyPages } from './web/civil-society.pages.ts';
export { adminCivilPages } from './web/admin-orgs.tsx';
