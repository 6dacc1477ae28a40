/** The visa register's use cases that other modules may call. */
export { recordVisa, recordNominationVisa, type NewVisa } from './use-cases/record-visa.ts';
export { findVisaByCase } from './db/visas.queries.ts';
export { extendVisas, countEligible, type ExtendOptions, type ExtendResult } from './use-cases/extend-visas.ts';
/** The mass extension on the job queue: one worker per run across processes, resumed after a process dies. */
export { startExtensionWorker, queueExtension, type ExtensionWorker } from './jobs/extension-job.ts';
export {
  findVisaForVerification,
  visaForRequestRow,
  type VisaQuery,
  type VerificationVisaRow,
} from './use-cases/verification-lookups.ts';
export { visaRoutes } from './http/visas.routes.ts';

/** The holder lookup the appointments module takes as its `FindHolderVisa` port. */
export { findHolderVisa } from './use-cases/verification-lookups.ts';
export { VisaErrors } from './visas.errors.ts';
/** The register's jobs as metric gauges (runs by status, progress of running ones). */
export { jobMetrics } from './use-cases/job-metrics.ts';
export { getVisa, findVisasOfHolder, findVisaByNumber, getJob, type VisaRef } from './use-cases/read-visas.ts';
export { cancelVisa, recordSticker } from './use-cases/visa-changes.ts';
export { listJobs, type JobSummary } from './use-cases/list-jobs.ts';
export { startExtension, type StartExtensionPorts } from './use-cases/start-extension.ts';
/** The register's staff pages: find a visa, a visa's page, the appointments of the day, the mass extension. */
export { visaPages } from './web/visa-pages.tsx';
