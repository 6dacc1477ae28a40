/** The policy module: the one place where legal dates, amounts and periods live. */
export * from './domain/bundle.types.ts';
export * from './domain/parameters.ts';
export * from './domain/lookup.ts';
export * from './domain/tolerance-admissibility.ts';
export * from './domain/tolerance-rules.ts';
export { defaultBundle } from './load/load-bundle.ts';
export { scenarioBundle, readOverlay, type Overlay } from './load/scenario.ts';
export { PolicyLoadError } from './domain/validate-bundle.ts';
export { receipt, parameterReceipt, type ParameterReceipt } from './engine/explain.ts';
export { evaluate } from './use-cases/evaluate.ts';
export { diffPolicy, type PolicyChange } from './use-cases/diff-policy.ts';
export { massExtensionPlan, NotAMassExtensionRule, type MassExtensionPlan } from './engine/mass-extension-plan.ts';
export { message } from './engine/explain.ts';
export { PolicyErrors } from './policy.errors.ts';
