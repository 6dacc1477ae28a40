/** The context of a staff member's command (the engine's callers are staff). */
import type { Ctx } from '../../../platform/context.ts';

export type StaffCtx = Ctx;
