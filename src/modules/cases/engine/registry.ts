/**
 * The case types the engine runs, registered by the composition root (`src/case-types.ts`). A type
 * is checked when it is registered: every status has a transition entry, every transition names a
 * declared action and status, and the deadline parameter exists in the policy data.
 */
import { defaultBundle } from '../../policy/index.ts';
import type { AnyCaseType } from './case-type.ts';

const TYPES = new Map<string, AnyCaseType>();

export class CaseTypeDeclarationError extends Error {}

export function registerCaseType(type: AnyCaseType): void {
  const existing = TYPES.get(type.id);
  if (existing === type) return;
  if (existing) throw new CaseTypeDeclarationError(`case type ${type.id} is registered twice`);
  const problems = checkDeclaration(type);
  if (problems.length) throw new CaseTypeDeclarationError(`case type ${type.id}: ${problems.join('; ')}`);
  TYPES.set(type.id, type);
}

/** @throws Error for a type no one registered: a row of an unknown type is a deployment error, not a user's. */
export function caseTypeOf(id: string): AnyCaseType {
  const t = TYPES.get(id);
  if (!t) throw new Error(`case type ${id} is not registered`);
  return t;
}

export function registeredCaseTypes(): AnyCaseType[] {
  return [...TYPES.values()];
}

/** What a declaration must satisfy beyond what the compiler checks. */
export function checkDeclaration(type: AnyCaseType): string[] {
  const out: string[] = [];
  const statuses = new Set<string>(type.statuses);
  for (const s of type.statuses) if (!type.transitions[s]) out.push(`status ${s} has no transition entry`);
  for (const [from, moves] of Object.entries(type.transitions)) {
    if (!statuses.has(from)) out.push(`transitions name an undeclared status ${from}`);
    for (const [action, to] of Object.entries(moves as Record<string, unknown>)) {
      if (!type.actions[action]) out.push(`${from} → ${action}: no such action`);
      if (typeof to === 'string' && !statuses.has(to)) out.push(`${from} → ${action} → ${to}: no such status`);
    }
  }
  for (const s of [type.intake.initial.admissible, type.intake.initial.inadmissible]) {
    if (s !== undefined && !statuses.has(s)) out.push(`intake starts in undeclared status ${s}`);
  }
  for (const s of type.openStatuses) if (!statuses.has(s)) out.push(`open status ${s} is not declared`);
  const params = defaultBundle().parameters;
  if ('parameter' in type.deadline && !params[type.deadline.parameter])
    out.push(`deadline parameter ${type.deadline.parameter} is not in the policy data`);
  if (type.visa) {
    for (const p of [type.visa.codeParameter, type.visa.maxValidityYearsParameter])
      if (p && !params[p]) out.push(`visa parameter ${p} is not in the policy data`);
  }
  for (const [name, a] of Object.entries(type.actions)) {
    if (!a.letter) out.push(`action ${name} declares no letter (declare { none: reason } when it sends none)`);
  }
  return out;
}
