/** What other modules may use of the office directory. */
export { findOffice, upsertDirectory } from './db/offices.queries.ts';
export { officeRoutes } from './http/offices.routes.ts';
export { listOffices, listRegions } from './db/offices.queries.ts';
