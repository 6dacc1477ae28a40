/**
 * Starting a mass extension by a policy rule — what POST /api/v1/visas/extensions and the supervisor's
 * page both call. With a job queue the run is recorded and queued in one transaction, and worked by
 * whichever process fetches it (its worker fences that process's replica reads); without one it runs
 * in this process. Either way the caller gets the run's id as soon as it is recorded.
 */
import type { StaffCtx } from '../../auth/index.ts';
import { requirePermission } from '../../auth/index.ts';
import type { Boss } from '../../../platform/jobs.ts';
import { AppError, ValidationErrors } from '../../../platform/errors.ts';
import { massExtensionPlan, NotAMassExtensionRule } from '../../policy/index.ts';
import { extendVisas } from './extend-visas.ts';
import { queueExtension } from '../jobs/extension-job.ts';

export interface StartExtensionPorts {
  /** The job queue; without it the run works in this process. */
  boss?: Boss | undefined;
  /** After each committed batch of an in-process run (e.g. to fence this process's replica reads). */
  onBatch?: () => void;
  /** An in-process run that failed after it was recorded (it is marked failed; the caller may log it). */
  onFailure?: (e: unknown) => void;
}

export interface StartExtensionInput {
  rule: string;
  dryRun?: boolean | undefined;
  batchSize?: number | undefined;
}

/**
 * Records the run and starts it; resolves with its id (progress: getJob).
 * @throws AUTH.FORBIDDEN, VALIDATION.FAILED (field /rule, NOT_A_MASS_EXTENSION)
 */
export async function startExtension(ctx: StaffCtx, ports: StartExtensionPorts, input: StartExtensionInput): Promise<string> {
  requirePermission(ctx.actor, 'visa.extend');
  try {
    massExtensionPlan(input.rule);
  } catch (e) {
    if (e instanceof NotAMassExtensionRule)
      throw new AppError(ValidationErrors.FAILED, e.message, {
        fields: [{ field: '/rule', reason: 'NOT_A_MASS_EXTENSION', message: e.message }],
      });
    throw e;
  }
  const o = { ruleId: input.rule, dryRun: input.dryRun ?? false, actorId: ctx.actor.id, batchSize: input.batchSize ?? 5000 };
  if (ports.boss) return queueExtension(ctx.db, ports.boss, o);
  return new Promise<string>((resolve, reject) => {
    let started = false;
    extendVisas(ctx.db, {
      ...o,
      onStart: (id) => {
        started = true;
        resolve(id);
      },
      onProgress: () => ports.onBatch?.(),
    }).catch((e: unknown) => {
      if (started) ports.onFailure?.(e);
      else reject(e);
    });
  });
}
