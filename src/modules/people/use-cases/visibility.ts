/**
 * Who may see which persons. The people module owns identity but not the cases and nominations that
 * make a person visible, and may not import those modules (they import it). So they are ports: the
 * composition root registers one provider per module (`src/case-types.ts`), each answering, for a
 * member of staff, a subquery of the person ids they may see — officers and supervisors their
 * office's applicants, officers the nominees of the nominations assigned to them, an NGO's
 * caseworker its own organisation's nominees. A person merged into a visible one is visible through it.
 */
import { type RawBuilder, sql } from 'kysely';
import type { StaffActor } from '../../auth/index.ts';

/** A subquery selecting one column of person ids, or null when the provider grants this actor nothing. */
export type PersonScopeProvider = (actor: StaffActor) => RawBuilder<unknown> | null;

const providers = new Map<string, PersonScopeProvider>();

export function registerPersonScope(name: string, provider: PersonScopeProvider): void {
  providers.set(name, provider);
}

/** Everyone (the CLI, the benchmarks): no scope. */
export const EVERYONE = 'everyone' as const;
export type Audience = StaffActor | typeof EVERYONE;

/** A condition on the person id column `col` (default `p.id`): true where the audience may see it. */
export function visibleTo(audience: Audience, col: RawBuilder<unknown> = sql.ref('p.id')): RawBuilder<boolean> {
  if (audience === EVERYONE) return sql<boolean>`true`;
  const subs = [...providers.values()].map((p) => p(audience)).filter((s): s is RawBuilder<unknown> => s !== null);
  if (!subs.length) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(
    subs.map((s) => sql`${col} in (${s})`),
    sql` or `,
  )})`;
}
