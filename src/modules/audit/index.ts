/**
 * The audit module: verification of the tamper-evident chains over the audit log and the case log
 * (migration 0013), for the CLI (`pobyt audit verify`) and the supervisor/admin endpoint. It owns no
 * table: the chains belong to their tables' owners (platform, cases).
 */
export { auditRoutes } from './http/audit.routes.ts';
export {
  type AnchorFile,
  type AuditVerification,
  parseAnchorFile,
  readAnchors,
  verifyAuditChains,
  verifyChainsAsStaff,
} from './use-cases/verify-chains.ts';
export { auditPages } from './web/audit.pages.tsx';
