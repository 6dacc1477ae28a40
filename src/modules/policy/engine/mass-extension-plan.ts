/**
 * Turns a mass-extension rule (e.g. auto_extension.tolerance_2023) into the selection a set-based job
 * runs: for each window of visa issue dates, the validity the visa must still have had and the new
 * end date. Everything comes from the rule and its parameters; the job holds no date of its own.
 * A rule of another shape is refused rather than half-understood.
 */
import type { Condition, PolicyBundle } from '../domain/bundle.types.ts';
import { valueOn } from '../domain/lookup.ts';
import { defaultBundle } from '../load/load-bundle.ts';

export interface MassExtensionPlan {
  ruleId: string;
  policyVersion: string;
  visaCodes: string[];
  requiresWarRelated: boolean;
  windows: { issuedFrom: string; issuedTo: string; validOnOrAfter: string; extendTo: string; source: string }[];
}

export class NotAMassExtensionRule extends Error {}

export function massExtensionPlan(ruleId: string, bundle: PolicyBundle = defaultBundle()): MassExtensionPlan {
  const rule = bundle.rules.find((r) => r.id === ruleId);
  if (!rule) throw new NotAMassExtensionRule(`no rule ${ruleId}`);
  const flat = rule.when as Condition[];
  const status = flat.find((c): c is Extract<Condition, { in: string[] }> => 'fact' in c && c.fact === 'held_status' && 'in' in c);
  const war = flat.find((c) => 'fact' in c && c.fact === 'visa_war_related' && 'is' in c && c.is === true);
  const valid = flat.find(
    (c): c is Extract<Condition, { on_or_after_param: string }> => 'fact' in c && c.fact === 'visa_valid_to' && 'on_or_after_param' in c,
  );
  const extendParam = rule.extendsToParam ? bundle.parameters[rule.extendsToParam] : undefined;
  if (rule.readsDate !== 'visa_issued_on' || !status || !status.in.includes('tolerance_visa') || !valid || !extendParam) {
    throw new NotAMassExtensionRule(
      `rule ${ruleId} is not a mass extension of tolerance visas (it needs held_status, visa_valid_to on_or_after a parameter, and extends_to_param)`,
    );
  }
  const validParam = bundle.parameters[valid.on_or_after_param]!;
  const code = bundle.parameters['tolerance_visa.sticker_code']!;
  const windows = rule.inForce.map((w) => {
    if (w.to === null) throw new NotAMassExtensionRule(`rule ${ruleId}: a mass extension needs a closed window of issue dates`);
    const v1 = valueOn(validParam, w.from).value as string;
    const e1 = valueOn(extendParam, w.from).value as string;
    if (valueOn(validParam, w.to).value !== v1 || valueOn(extendParam, w.to).value !== e1) {
      throw new NotAMassExtensionRule(`rule ${ruleId}: its parameters change inside the window ${w.from}..${w.to}`);
    }
    return { issuedFrom: w.from, issuedTo: w.to, validOnOrAfter: v1, extendTo: e1, source: w.source.id };
  });
  return {
    ruleId,
    policyVersion: bundle.hash,
    visaCodes: [valueOn(code, rule.inForce[0]!.from).value as string],
    requiresWarRelated: Boolean(war),
    windows,
  };
}
