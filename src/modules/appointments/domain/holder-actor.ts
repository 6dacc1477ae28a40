/**
 * A visa holder on the public booking routes. They identify themselves with two facts, the visa number
 * and their date of birth; the use case checks both against the register before it acts.
 */
import type { Ctx } from '../../../platform/context.ts';

export interface HolderActor {
  kind: 'holder';
  visaNumber: string;
  dateOfBirth: string;
}

export type HolderCtx = Ctx<HolderActor>;
