import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { AuthErrors } from '../auth.errors.ts';
import { isStaffActor, type StaffCtx } from '../domain/staff-actor.ts';

/** The context of a staff route. @throws AUTH.REQUIRED when no member of staff is signed in. */
export function staffCtx(req: FastifyRequest, deps: AppDeps): StaffCtx {
  const actor = req.actor;
  if (!isStaffActor(actor)) throw new AppError(AuthErrors.REQUIRED, 'Sign in first.');
  return { db: deps.db, clock: deps.clock, config: deps.config, actor, requestId: String(req.id) };
}
