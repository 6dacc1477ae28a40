/** The Civil Society programme module's public surface. */
export { rotateKeys } from './use-cases/rotate-keys.ts';
export { simulateNominations } from './use-cases/simulate-nominations.ts';
export { civilSocietyRoutes } from './http/civil-society.routes.ts';
export { insertPartnerOrg } from './use-cases/admin.ts';
