/**
 * The rule engine: three-valued conditions (true / false / unknown, Kleene logic), a base rule with
 * labelled exceptions (first exception that holds wins; an undecided exception leaves the outcome
 * open), windows of force per rule and exception, and a trace of everything it read.
 */
import type { Condition, PolicyBundle, ReadsDate, Rule, Source } from '../domain/bundle.types.ts';
import { valueOn } from '../domain/lookup.ts';
import { windowOn } from '../domain/lookup.ts';

export type Tri = 'T' | 'F' | 'U';
export type FactValue = boolean | string | null | undefined;
export type Facts = Record<string, FactValue>;
export type Dates = Partial<Record<ReadsDate, string>>;

export interface ReasonItem {
  key: string;
  status: 'met' | 'not_met' | 'unknown';
  fact?: string;
}
export interface UsedParam {
  id: string;
  date: string;
  value: unknown;
  from: string;
  to: string | null;
  source: Source;
}

export interface RuleResult {
  id: string;
  kind: Rule['kind'];
  outcome: string;
  date: string | null;
  readsDate: ReadsDate;
  window: { from: string; to: string | null; source: Source } | null;
  exception: { id: string; window: { from: string; to: string | null; source: Source } } | null;
  /** The conditions that decided the outcome. */
  reasons: ReasonItem[];
  /** Conditions that failed: what would have to change. */
  failing: ReasonItem[];
  /** Facts still unknown that the outcome depends on, in the order they are asked. */
  unknownFacts: string[];
  params: UsedParam[];
  pointsToWeigh: string[];
  guidance: string[];
}

interface Ctx {
  bundle: PolicyBundle;
  facts: Facts;
  dates: Dates;
  results: Map<string, RuleResult>;
  params: UsedParam[];
  unknown: string[];
}

interface Eval {
  v: Tri;
  items: ReasonItem[];
}

const isUnknown = (v: FactValue) => v === undefined || v === null || v === 'unknown';

function evalCond(c: Condition, date: string, ctx: Ctx): Eval {
  const leaf = (v: Tri, fact?: string): Eval => {
    if (v === 'U' && fact && !ctx.unknown.includes(fact)) ctx.unknown.push(fact);
    const status = v === 'T' ? 'met' : v === 'F' ? 'not_met' : 'unknown';
    return { v, items: c.reason ? [{ key: c.reason, status, ...(fact ? { fact } : {}) }] : [] };
  };
  if ('any' in c || 'all' in c) {
    const kids = ('any' in c ? c.any : c.all).map((k) => evalCond(k, date, ctx));
    const vs = kids.map((k) => k.v);
    const v: Tri =
      'any' in c ? (vs.includes('T') ? 'T' : vs.includes('U') ? 'U' : 'F') : vs.includes('F') ? 'F' : vs.includes('U') ? 'U' : 'T';
    // The group's own reason speaks for it; without one, the children that decided it do.
    const decided = kids.filter((k) => k.v === v).flatMap((k) => k.items);
    const own: ReasonItem[] = c.reason ? [{ key: c.reason, status: v === 'T' ? 'met' : v === 'F' ? 'not_met' : 'unknown' }] : [];
    return { v, items: [...own, ...decided] };
  }
  if ('rule' in c) {
    const r = evaluateRule(c.rule, ctx);
    const undecided = ['possible', 'needs_date'].includes(r.outcome);
    if (undecided) for (const f of r.unknownFacts) if (!ctx.unknown.includes(f)) ctx.unknown.push(f);
    return leaf(undecided ? 'U' : c.outcome_in.includes(r.outcome) ? 'T' : 'F');
  }
  if ('param' in c) {
    const p = valueOn(ctx.bundle.parameters[c.param]!, date);
    ctx.params.push({ id: p.id, date, value: p.value, from: p.from, to: p.to, source: p.source });
    return leaf(p.value === c.is ? 'T' : 'F');
  }
  const value = ctx.facts[c.fact];
  if (isUnknown(value)) return leaf('U', c.fact);
  if ('is' in c) return leaf(value === c.is ? 'T' : 'F', c.fact);
  if ('in' in c) return leaf(c.in.includes(String(value)) ? 'T' : 'F', c.fact);
  const p = valueOn(ctx.bundle.parameters[c.on_or_after_param]!, date);
  ctx.params.push({ id: p.id, date, value: p.value, from: p.from, to: p.to, source: p.source });
  return leaf(String(value) >= String(p.value) ? 'T' : 'F', c.fact);
}

function evalAll(conds: Condition[], date: string, ctx: Ctx) {
  const each = conds.map((c) => evalCond(c, date, ctx));
  const vs = each.map((e) => e.v);
  const v: Tri = vs.includes('F') ? 'F' : vs.includes('U') ? 'U' : 'T';
  return {
    v,
    decided: each.filter((e) => e.v === v).flatMap((e) => e.items),
    failing: each.filter((e) => e.v === 'F').flatMap((e) => e.items),
  };
}

function evaluateRule(id: string, ctx: Ctx): RuleResult {
  const done = ctx.results.get(id);
  if (done) return done;
  const rule = ctx.bundle.rules.find((r) => r.id === id);
  if (!rule) throw new Error(`unknown rule ${id}`);
  const base = { id, kind: rule.kind, readsDate: rule.readsDate, exception: null, pointsToWeigh: [], guidance: [] };
  const date = ctx.dates[rule.readsDate] ?? null;
  let result: RuleResult;
  if (!date) {
    result = { ...base, outcome: 'needs_date', date: null, window: null, reasons: [], failing: [], unknownFacts: [], params: [] };
  } else {
    const window = windowOn(rule.inForce, date);
    if (!window) {
      result = { ...base, outcome: 'no_rule_in_force', date, window: null, reasons: [], failing: [], unknownFacts: [], params: [] };
    } else {
      const sub: Ctx = { ...ctx, params: [], unknown: [] };
      const main = evalAll(rule.when, date, sub);
      let outcome = main.v === 'T' ? rule.outcomes.met : main.v === 'F' ? rule.outcomes.not_met : rule.outcomes.unknown;
      let reasons = main.decided;
      let exception: RuleResult['exception'] = null;
      if (main.v === 'T') {
        let pending = false;
        for (const ex of rule.exceptions) {
          const w = windowOn(ex.inForce, date);
          if (!w) continue;
          const e = evalAll(ex.when, date, sub);
          if (e.v === 'T') {
            outcome = ex.outcome;
            exception = { id: ex.id, window: w };
            reasons = [...reasons, ...e.decided];
            break;
          }
          if (e.v === 'U') pending = true;
        }
        if (!exception && pending) outcome = rule.outcomes.unknown;
      }
      result = {
        ...base,
        outcome,
        date,
        window,
        exception,
        reasons,
        failing: main.failing,
        // Once a condition fails, unknown answers elsewhere cannot change the outcome.
        unknownFacts: main.v === 'F' ? [] : sub.unknown,
        params: sub.params,
        pointsToWeigh: outcome === 'officer_decides' ? rule.pointsToWeigh : [],
        guidance: main.v === 'T' ? rule.guidance : [],
      };
    }
  }
  ctx.results.set(id, result);
  return result;
}

/** Evaluates the named rules (or all) on the given facts and dates. Pure. */
export function evaluateRules(bundle: PolicyBundle, facts: Facts, dates: Dates, ids?: string[]): RuleResult[] {
  const ctx: Ctx = { bundle, facts, dates, results: new Map(), params: [], unknown: [] };
  return (ids ?? bundle.rules.map((r) => r.id)).map((id) => evaluateRule(id, ctx));
}
