/** The casework pages' declarations in the authorization matrix (see ../access-matrix.ts). */
import type { Declaration } from './helpers.ts';

export const DECLS: Record<string, Declaration> = {};
