/** The visa register's use cases that other modules may call. */
export { recordVisa, recordNominationVisa, type NewVisa } from './use-cases/record-visa.ts';
export { findVisaByCase } from './db/visas.queries.ts';
export { extendVisas, countEligible, type ExtendOptions, type ExtendResult } from './use-cases/extend-visas.ts';
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
