/** The error codes the agencies module raises. */
import { defineErrors } from '../../platform/errors.ts';

export const WebhookErrors = defineErrors('WEBHOOK', {
  NO_MASTER_KEY: { status: 409, title: 'No master key is configured' },
  NO_JOB_QUEUE: { status: 409, title: 'This process runs no job queue' },
  ALREADY_REPLAYED: { status: 409, title: 'That dead letter was already replayed' },
});

export const AuthorityErrors = defineErrors('AUTHORITY', {
  ALREADY_REVOKED: { status: 409, title: 'That client’s key was already revoked' },
});
