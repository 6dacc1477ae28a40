/** Who may do what: checked in one place. Officers and supervisors work their own office's cases; admins manage staff. */
import type { StaffActor, Role } from './staff-actor.ts';
import { AppError } from '../../../platform/errors.ts';
import { AuthErrors } from '../auth.errors.ts';

export type Permission =
  | 'case.read'
  | 'case.intake'
  | 'case.act'
  | 'case.decide'
  | 'case.assign'
  | 'queue.read'
  | 'case.stats'
  | 'letter.read'
  | 'letter.post'
  | 'staff.manage'
  | 'office.read'
  | 'visa.read'
  | 'visa.extend'
  | 'visa.cancel'
  | 'visa.sticker'
  | 'job.read'
  | 'authority.manage'
  | 'slots.manage'
  | 'nomination.create'
  | 'nomination.own'
  | 'nomination.work'
  | 'nomination.assign'
  | 'stats.exact'
  | 'org.manage'
  | 'audit.verify'
  | 'person.read'
  | 'person.decide';

/** An OAMP officer works the office's cases, letters, register lookups and stickers, and assigned nominations. */
const OFFICER: readonly Permission[] = [
  'case.read',
  'case.intake',
  'case.act',
  'case.decide',
  'queue.read',
  'letter.read',
  'letter.post',
  'office.read',
  'visa.read',
  'visa.sticker',
  'job.read',
  'nomination.work',
  'person.read',
];

const GRANTS: Record<Role, readonly Permission[]> = {
  officer: OFFICER,
  // A supervisor does what an officer does, and cancels visas, runs the mass extension, manages slots,
  // assigns nominations and reads exact statistics (the programme's and the office's case figures).
  // …and decides between two persons: merge, unmerge, distinct; and assigns the office's cases.
  supervisor: [
    ...OFFICER,
    'case.assign',
    'visa.cancel',
    'visa.extend',
    'slots.manage',
    'nomination.assign',
    'stats.exact',
    'case.stats',
    'audit.verify',
    'person.decide',
  ],
  admin: ['staff.manage', 'office.read', 'job.read', 'visa.extend', 'authority.manage', 'slots.manage', 'org.manage', 'audit.verify'],
  // A partner NGO's caseworker nominates and follows its own organisation's nominations, nothing else.
  caseworker: ['nomination.create', 'nomination.own'],
};

export function can(actor: StaffActor, p: Permission): boolean {
  return GRANTS[actor.role].includes(p);
}

export function requirePermission(actor: StaffActor, p: Permission): void {
  if (!can(actor, p)) throw new AppError(AuthErrors.FORBIDDEN, `Your role (${actor.role}) may not do this.`, { permission: p });
}

/** An officer or supervisor acts only on their own office's cases. */
export function requireOffice(actor: StaffActor, officeId: string): void {
  if (actor.officeId !== officeId) throw new AppError(AuthErrors.FORBIDDEN, 'This case belongs to another office.');
}
