/** The agencies module's public surface. */
export { WebhookErrors } from './agencies.errors.ts';
export type { AuthorityActor } from './domain/authority-actor.ts';
