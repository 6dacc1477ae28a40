/** The context of a staff member's command (the engine's callers are staff). */
export type { StaffCtx } from '../../auth/index.ts';
