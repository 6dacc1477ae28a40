/**
 * One evaluation, explained: outcomes with reasons in the asker's language, what would change them,
 * the next question to ask, the rights a status carries, the trace and a receipt to store with a decision.
 */
import { createHash } from 'node:crypto';
import { formatMessage } from '../../../platform/i18n.ts';
import { LANGS, type Lang, type PolicyBundle, type Source } from '../domain/bundle.types.ts';
import { valueOn } from '../domain/lookup.ts';
import { evaluateRules, type Dates, type Facts, type ReasonItem, type RuleResult } from './evaluate-rules.ts';
import type { ToleranceChecklist } from '../domain/tolerance-admissibility.ts';
import { assessToleranceAdmissibility } from '../rules.ts';
import { toleranceDeadline } from '../rules.ts';

export const ENGINE_VERSION = '1';

export interface EvaluateRequest {
  facts: Facts;
  dates: Dates;
  lang?: Lang;
  rules?: string[];
  checklist?: ToleranceChecklist;
}

export function message(bundle: PolicyBundle, lang: Lang, key: string, vars: Record<string, string> = {}): string {
  const own = bundle.messages[lang][key];
  const text = own ?? bundle.messages.en[key] ?? key;
  return formatMessage(own === undefined ? 'en' : lang, text, vars);
}

const src = (s: Source) => ({ id: s.id, act: s.act, section: s.section ?? null, url: s.url ?? null, verification: s.verification });

function reasonText(b: PolicyBundle, lang: Lang, r: ReasonItem) {
  if (r.status === 'unknown') return message(b, lang, 'common.unknown', { condition: message(b, lang, `${r.key}.met`) });
  return message(b, lang, `${r.key}.${r.status}`);
}

function explainResult(b: PolicyBundle, lang: Lang, r: RuleResult) {
  const outcomeText =
    r.outcome === 'no_rule_in_force'
      ? message(b, lang, 'common.no_rule_in_force', { date: r.date ?? '' })
      : r.outcome === 'needs_date'
        ? message(b, lang, 'common.needs_date', { date: r.readsDate })
        : message(b, lang, `outcome.${r.outcome}`);
  return {
    rule: r.id,
    title: message(b, lang, `rule.${r.id}`),
    kind: r.kind,
    outcome: r.outcome,
    outcomeText,
    readsDate: r.readsDate,
    date: r.date,
    window: r.window ? { from: r.window.from, to: r.window.to, source: src(r.window.source) } : null,
    exception: r.exception
      ? {
          id: r.exception.id,
          label: message(b, lang, `exception.${r.exception.id}`),
          window: { from: r.exception.window.from, to: r.exception.window.to, source: src(r.exception.window.source) },
        }
      : null,
    reasons: r.reasons.map((x) => ({ code: x.key, status: x.status, text: reasonText(b, lang, x) })),
    whatWouldChange: {
      failing: r.failing.map((x) => ({ code: x.key, text: message(b, lang, `${x.key}.not_met`) })),
      unknown: r.unknownFacts.map((f) => ({ fact: f, question: message(b, lang, b.facts[f]!.question) })),
    },
    pointsToWeigh: r.pointsToWeigh.map((k) => ({ code: k, text: message(b, lang, k) })),
    guidance: r.guidance.map((k) => ({ code: k, text: message(b, lang, k) })),
  };
}

export type ExplainedResult = ReturnType<typeof explainResult>;

const UNDECIDED = ['possible', 'needs_date'];

function safe<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof Error && e.name === 'NoRuleInForceError') return null;
    throw e;
  }
}

export function evaluatePolicy(bundle: PolicyBundle, req: EvaluateRequest) {
  const lang: Lang = req.lang && LANGS.includes(req.lang) ? req.lang : 'en';
  const results = evaluateRules(bundle, req.facts, req.dates, req.rules);
  const explained = results.map((r) => explainResult(bundle, lang, r));
  // The next question: the first unknown fact of the first route still undecided (rule order is priority).
  const firstOpen =
    results.find((r) => r.id.startsWith('route.') && UNDECIDED.includes(r.outcome) && r.unknownFacts.length > 0) ??
    results.find((r) => UNDECIDED.includes(r.outcome) && r.unknownFacts.length > 0);
  const nextFact = firstOpen?.unknownFacts[0];
  const held = req.facts.held_status;
  const rightsParam = typeof held === 'string' ? bundle.parameters[`rights.${held}`] : undefined;
  let rights = null;
  const params = results.flatMap((r) => r.params);
  if (rightsParam && req.dates.as_of) {
    const p = valueOn(rightsParam as typeof rightsParam, req.dates.as_of);
    params.push({ id: p.id, date: p.date, value: p.value, from: p.from, to: p.to, source: p.source });
    rights = {
      status: held,
      items: Object.entries(p.value as Record<string, unknown>).map(([k, v]) => ({
        code: `rights.${k}.${String(v)}`,
        text: message(bundle, lang, `rights.${k}.${String(v)}`),
      })),
      window: { from: p.from, to: p.to, source: src(p.source) },
    };
  }
  // A tolerance-visa application filed on `filed_on`: its admissibility (given the checklist) and its deadline.
  let application = null;
  if (req.dates.filed_on) {
    const filed = req.dates.filed_on;
    const deadline = safe(() => toleranceDeadline(filed, [], bundle));
    const adm = req.checklist ? safe(() => assessToleranceAdmissibility(req.checklist!, filed)) : null;
    for (const p of [...(deadline?.parameters ?? []), ...(adm?.parameters ?? [])])
      params.push({ id: p.id, date: p.date, value: p.value, from: p.from, to: p.to, source: p.source });
    application = {
      filedOn: filed,
      deadline: deadline
        ? { dueOn: deadline.dueOn, text: message(bundle, lang, 'adm.deadline', { date: deadline.dueOn ?? '' }) }
        : { dueOn: null, text: message(bundle, lang, 'common.no_rule_in_force', { date: filed }) },
      admissibility: adm
        ? {
            admissible: adm.admissible,
            text: message(bundle, lang, adm.admissible ? 'adm.admissible' : 'adm.inadmissible'),
            missing: adm.missing.map((m) => ({
              ...m,
              text: message(bundle, lang, `adm.${m.code}`, {
                field: m.field ?? '',
                expected: String(m.expected ?? ''),
                paid: String(m.paid ?? ''),
              }),
            })),
          }
        : null,
    };
  }
  const givenFacts = Object.fromEntries(Object.entries(req.facts).filter(([, v]) => v !== undefined));
  return {
    lang,
    results: explained,
    nextQuestion: nextFact
      ? {
          fact: nextFact,
          forRule: firstOpen!.id,
          question: message(bundle, lang, bundle.facts[nextFact]!.question),
          values: bundle.facts[nextFact]!.values ?? null,
        }
      : null,
    rights,
    application,
    trace: {
      rules: results.map((r) => ({
        id: r.id,
        outcome: r.outcome,
        date: r.date,
        window: r.window ? { from: r.window.from, to: r.window.to, source: r.window.source.id } : null,
        exception: r.exception?.id ?? null,
      })),
      parameters: params.map((p) => ({ id: p.id, date: p.date, value: p.value, from: p.from, to: p.to, source: src(p.source) })),
      inputs: givenFacts,
    },
    receipt: receipt(bundle, req),
  };
}

/** What a decision stores: which policy data and dates produced it. The facts enter only as a hash. */
export function receipt(bundle: PolicyBundle, req: Pick<EvaluateRequest, 'facts' | 'dates'>) {
  const facts = Object.fromEntries(
    Object.entries(req.facts)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return {
    policyVersion: bundle.hash,
    engineVersion: ENGINE_VERSION,
    dates: Object.fromEntries(Object.entries(req.dates).sort(([a], [b]) => a.localeCompare(b))),
    factsHash: createHash('sha256').update(JSON.stringify(facts)).digest('hex'),
  };
}

/** The receipt a case action stores for the dated parameters a pure rule (admissibility, validity) used. */
export function parameterReceipt(
  bundle: PolicyBundle,
  dates: Dates,
  params: { id: string; from: string; to: string | null; source: Source }[],
) {
  return {
    policyVersion: bundle.hash,
    engineVersion: ENGINE_VERSION,
    dates,
    parameters: params.map((p) => ({ id: p.id, from: p.from, to: p.to, source: p.source.id })),
  };
}
export type ParameterReceipt = ReturnType<typeof parameterReceipt>;
