/** The cases module's public surface: what other modules, the CLI and the demo seed may use of cases. */
// First: visas builds a statement from these at load, and visas ↔ cases import each other until the case engine lands.
export { caseGroundRows, hasCases, holderRows, holdersRelation } from './db/holders.queries.ts';
export { receiveApplication, type IntakeInput } from './use-cases/receive-application.ts';
export { interruptProceedings, resumeProceedings } from './use-cases/interrupt-proceedings.ts';
export { grantVisa } from './use-cases/decide-case.ts';
export { simulatePolicyChange } from './use-cases/simulate-policy-change.ts';
export { caseRoutes } from './http/cases.routes.ts';
