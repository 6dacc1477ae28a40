export { caseGroundRows, hasCases, holderRows, holdersRelation } from './db/holders.queries.ts';
/**
 * The cases module's public surface: the case engine (declare a type, register it, run it), the
 * OAMP case types, and the use cases other modules, the CLI and the composition root call.
 */
export {
  type ActionArgs,
  type ActionDeclaration,
  type AnyCaseType,
  type CaseRow,
  type CaseState,
  type CaseTypeDefinition,
  defineAction,
  defineCaseType,
  defineIntake,
  type Guard,
  type IntakePrepared,
  type LogEntry,
  type Performed,
} from './engine/case-type.ts';
export { allowedActions, foldLog } from './domain/fold.ts';
export { caseTypeOf, registerCaseType, registeredCaseTypes, checkDeclaration } from './engine/registry.ts';
export { openCase } from './engine/open-case.ts';
export { runCaseAction, loadCaseInScope, type CaseCommand, type CaseCommandResult } from './engine/run-case-action.ts';
export { actionDate } from './engine/standard-actions.ts';
export { requireNotSuspended, requireRoute } from './engine/policy-guards.ts';
export { openOfficeCase, actOnOfficeCase } from './use-cases/office-cases.ts';
export { getCase, getLetterPdf } from './use-cases/read-cases.ts';
export {
  assignableOfficers,
  listWorkQueue,
  openOfficeStatuses,
  type QueueItem,
  type QueueOptions,
  type QueueView,
  searchWorkQueue,
} from './use-cases/work-queue.ts';
export type { CaseView } from './use-cases/case-view.ts';
export {
  caseStatistics,
  statisticsRange,
  MAX_RANGE_DAYS,
  type CaseStatistics,
  type CaseStatisticsInput,
} from './use-cases/case-statistics.ts';
export { BACKLOG_BUCKETS, OUTCOMES, type BacklogBucket, type Outcome } from './domain/case-statistics.ts';
export { simulatePolicyChange } from './use-cases/simulate-policy-change.ts';
export { caseRoutes } from './http/cases.routes.ts';
export { caseworkPages } from './web/case-page.routes.tsx';
export { officePersons } from './db/cases.queries.ts';
export { CaseErrors } from './cases.errors.ts';
export { useVisaRegister, type NewCaseVisa, type VisaRegister } from './engine/visa-register.ts';
export { toleranceVisa, type ToleranceIntake } from './types/tolerance-visa.ts';
export { studyResidence, type StudyIntake } from './types/study-residence.ts';
export { humanitarianException, type HumanitarianIntake } from './types/humanitarian-exception.ts';
export { CASE_ACTIONS_CHAIN, caseActionChainAnchor, verifyCaseActionChain } from './db/action-chain.ts';
export { queuePages } from './web/queue.routes.tsx';
export {
  AssignmentNotice,
  type AssignmentNoticeProps,
  assignmentNotice,
  assignmentPath,
} from './web/assignment.tsx';
export { dashboardPages } from './web/dashboard.tsx';
