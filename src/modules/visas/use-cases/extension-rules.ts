/**
 * What each mass-extension rule of the policy would do today: its windows (issue dates, the validity
 * the visa must still have had, the new end date, the legal source) and how many visas are eligible
 * now — what a supervisor reads before starting a run.
 */
import type { StaffCtx } from '../../auth/index.ts';
import { requirePermission } from '../../auth/index.ts';
import { defaultBundle, massExtensionPlan, NotAMassExtensionRule, type MassExtensionPlan } from '../../policy/index.ts';
import { countEligible } from './extend-visas.ts';

export interface LegalSource {
  label: string;
  url: string | null;
}

export interface ExtensionRuleView {
  plan: MassExtensionPlan;
  sources: Record<string, LegalSource>;
  eligible: number;
}

/** A policy source as a page names it: the act and section, and its link. */
export function legalSource(sourceId: string): LegalSource | null {
  const s = defaultBundle().sources[sourceId];
  return s ? { label: [s.act, s.section].filter(Boolean).join(', '), url: s.url ?? null } : null;
}

/** The mass-extension plans of the policy (rules of another shape are not listed). */
export function massExtensionPlans(): MassExtensionPlan[] {
  return defaultBundle().rules.flatMap((r) => {
    try {
      return [massExtensionPlan(r.id)];
    } catch (e) {
      if (e instanceof NotAMassExtensionRule) return [];
      throw e;
    }
  });
}

/**
 * The legal source of the window of `ruleId` a visa issued on `issuedOn` falls in (the first window
 * when none does), or null for a rule the policy no longer has.
 */
export function extensionSource(ruleId: string, issuedOn: string): LegalSource | null {
  const rule = defaultBundle().rules.find((r) => r.id === ruleId);
  if (!rule?.inForce.length) return null;
  const w = rule.inForce.find((x) => x.from <= issuedOn && (x.to === null || issuedOn <= x.to)) ?? rule.inForce[0]!;
  return legalSource(w.source.id);
}

/** @throws AUTH.FORBIDDEN */
export async function describeExtensionRules(ctx: StaffCtx): Promise<ExtensionRuleView[]> {
  requirePermission(ctx.actor, 'visa.extend');
  const out: ExtensionRuleView[] = [];
  for (const plan of massExtensionPlans()) {
    const sources: Record<string, LegalSource> = {};
    for (const w of plan.windows) {
      const s = legalSource(w.source);
      if (s) sources[w.source] = s;
    }
    out.push({ plan, sources, eligible: await countEligible(ctx.db, plan) });
  }
  return out;
}
