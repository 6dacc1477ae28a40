/** The cases module's public surface: what other modules, the CLI and the demo seed may use of cases. */
export { receiveApplication, type IntakeInput } from './use-cases/receive-application.ts';
export { interruptProceedings, resumeProceedings } from './use-cases/interrupt-proceedings.ts';
export { grantVisa } from './use-cases/decide-case.ts';
export { simulatePolicyChange } from './use-cases/simulate-policy-change.ts';
export { caseRoutes } from './http/cases.routes.ts';
