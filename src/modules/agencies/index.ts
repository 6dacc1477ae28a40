/** The agencies module's public surface: authority clients, status verification, the change feed and webhooks. */
export { createAuthorityClient, parseApiKey, type AuthorityClient } from './use-cases/authority-clients.ts';
export { VerificationBatcher, type VerificationOutcome, type VerificationRequest } from './use-cases/verification-batcher.ts';
export { startWebhookService, type WebhookService } from './webhooks/service.ts';
export { sealWebhookSecrets, webhookSecretOf } from './webhooks/secrets.ts';
export { verifyWebhookSignature } from './webhooks/signing.ts';
export { agencyRoutes } from './http/agencies.routes.ts';
export { WebhookErrors } from './agencies.errors.ts';
export type { AuthorityActor } from './authority-actor.ts';
export { webhookMetrics } from './webhooks/metrics.ts';
export { adminAuthorityPages } from './web/admin-authorities.tsx';
export { AuthorityErrors } from './agencies.errors.ts';
