/** A signed-in member of staff: an office's officer or supervisor, an admin, or a partner NGO's caseworker. */
import type { Ctx } from '../../../platform/context.ts';

export type Role = 'officer' | 'supervisor' | 'admin' | 'caseworker';

export interface StaffActor {
  kind: 'staff';
  id: string;
  username: string;
  displayName: string;
  role: Role;
  officeId: string | null;
  /** A caseworker's partner organisation. */
  orgId: string | null;
}

/** The context of a use case run by staff. */
export type StaffCtx = Ctx<StaffActor>;

export function isStaffActor(a: { kind: string } | null | undefined): a is StaffActor {
  return a?.kind === 'staff';
}
