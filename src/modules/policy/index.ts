/** The policy module: the one place where legal dates, amounts and periods live. */
export * from './domain/bundle.types.ts';
export * from './parameters.ts';
export * from './domain/lookup.ts';
export * from './domain/tolerance-admissibility.ts';
export * from './rules.ts';
export { defaultBundle } from './load/load-bundle.ts';
export { scenarioBundle, readOverlay, type Overlay } from './load/scenario.ts';
export { PolicyLoadError } from './domain/validate-bundle.ts';
export { receipt, parameterReceipt, type ParameterReceipt } from './engine/explain.ts';
export { evaluate } from './use-cases/evaluate.ts';
export { diffPolicy, type PolicyChange } from './use-cases/diff-policy.ts';
export { massExtensionPlan, NotAMassExtensionRule, type MassExtensionPlan } from './engine/mass-extension-plan.ts';
export { message } from './engine/explain.ts';
export type { Facts, Dates, FactValue } from './engine/evaluate-rules.ts';
export { ChecklistSchema } from './http/checklist.schema.ts';
export { policyRoutes } from './http/policy.routes.ts';
export { PolicyErrors } from './policy.errors.ts';
export {
  nextInterviewStep,
  QUESTION_ORDER,
  HOLDER_QUESTIONS,
  type InterviewStep,
  type InterviewBranch,
  type DateQuestion,
} from './engine/interview.ts';
export { evaluatePolicy, type ExplainedResult } from './engine/explain.ts';
export { checkRequest } from './engine/validate-request.ts';
