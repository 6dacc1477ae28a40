/**
 * Turns the raw YAML documents into a checked bundle. Every problem is collected with its place
 * (file and path), so a policy officer's edit fails CI with a list of exact reasons:
 * unknown keys, bad dates, overlapping or gapped windows, unknown facts, parameters, rules,
 * sources, and message keys missing in any of the five languages.
 */
import { createHash } from 'node:crypto';
import { isValidIsoDate } from '../../calendar/index.ts';
import {
  LANGS,
  type Condition,
  type FactDef,
  type Lang,
  type Parameter,
  type PolicyBundle,
  type Rule,
  type RuleException,
  type Source,
  type Window,
} from './bundle.types.ts';

export interface RawPolicy {
  sources: unknown;
  parameters: unknown;
  facts: unknown;
  rules: { file: string; doc: unknown }[];
  messages: Record<Lang, unknown>;
}

export class PolicyLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(`policy data is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'PolicyLoadError';
  }
}

const DEFAULT_OUTCOMES: Record<Rule['kind'], Rule['outcomes']> = {
  route: { met: 'eligible', not_met: 'not_eligible', unknown: 'possible' },
  discretionary: { met: 'officer_decides', not_met: 'not_eligible', unknown: 'possible' },
  check: { met: 'applies', not_met: 'does_not_apply', unknown: 'possible' },
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function canonicalHash(raw: RawPolicy): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : isObj(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort(v[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(sort(raw)))
    .digest('hex');
}

export function buildBundle(raw: RawPolicy): PolicyBundle {
  const problems: string[] = [];
  const bad = (where: string, what: string) => problems.push(`${where}: ${what}`);
  const keysOnly = (where: string, o: Obj, allowed: string[]) => {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) bad(where, `unknown key "${k}"`);
  };
  const date = (where: string, v: unknown, nullable = false): string | null => {
    if (v === null && nullable) return null;
    if (typeof v !== 'string' || !isValidIsoDate(v)) {
      bad(where, `"${String(v)}" is not a date YYYY-MM-DD`);
      return '0000-01-01';
    }
    return v;
  };

  // sources
  const sources: Record<string, Source> = {};
  if (!isObj(raw.sources)) bad('sources.yaml', 'must be a map of source ids');
  else
    for (const [id, s] of Object.entries(raw.sources)) {
      if (!isObj(s)) {
        bad(`sources.yaml ${id}`, 'must be a map');
        continue;
      }
      keysOnly(`sources.yaml ${id}`, s, ['act', 'section', 'url', 'verification', 'note']);
      if (typeof s.act !== 'string') bad(`sources.yaml ${id}`, 'act is required');
      if (!['V', 'P', 'U'].includes(String(s.verification))) bad(`sources.yaml ${id}`, 'verification is V, P or U');
      sources[id] = { id, ...(s as Omit<Source, 'id'>) };
    }
  const source = (where: string, id: unknown): Source => {
    if (typeof id !== 'string' || !sources[id]) {
      bad(where, `unknown source "${String(id)}"`);
      return { id: '?', act: '?', verification: 'U' };
    }
    return sources[id]!;
  };

  const checkWindows = (where: string, ws: { from: string; to: string | null; gapAfter?: boolean }[]) => {
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      if (w.to !== null && w.to < w.from) bad(where, `window ${w.from}..${w.to} ends before it starts`);
      const next = ws[i + 1];
      if (!next) continue;
      if (w.to === null || next.from <= w.to) bad(where, `windows overlap: ${w.from}..${w.to ?? 'open'} and ${next.from}..`);
      else if (!w.gapAfter) {
        const d = new Date(`${w.to}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() + 1);
        if (d.toISOString().slice(0, 10) !== next.from)
          bad(where, `gap between ${w.to} and ${next.from} (declare gap_after: true if intended)`);
      }
    }
  };
  const windows = (where: string, v: unknown): Window[] => {
    if (!Array.isArray(v) || v.length === 0) {
      bad(where, 'in_force needs at least one window');
      return [];
    }
    const out = v.map((w, i) => {
      if (!isObj(w)) {
        bad(`${where}[${i}]`, 'must be a map');
        return { from: '0000-01-01', to: null, source: source(where, null) };
      }
      keysOnly(`${where}[${i}]`, w, ['from', 'to', 'source', 'gap_after']);
      return {
        from: date(`${where}[${i}].from`, w.from)!,
        to: date(`${where}[${i}].to`, w.to ?? null, true),
        source: source(`${where}[${i}].source`, w.source),
        gapAfter: w.gap_after === true,
      };
    });
    checkWindows(where, out);
    return out;
  };

  // parameters
  const parameters: Record<string, Parameter<unknown>> = {};
  const READS = ['as_of', 'filed_on', 'visa_issued_on', 'decided_on', 'event_on'];
  if (!isObj(raw.parameters)) bad('parameters.yaml', 'must be a map of parameter ids');
  else
    for (const [id, p] of Object.entries(raw.parameters)) {
      const where = `parameters.yaml ${id}`;
      if (!isObj(p) || !Array.isArray(p.values)) {
        bad(where, 'needs reads_date and values');
        continue;
      }
      keysOnly(where, p, ['reads_date', 'values', 'title']);
      if (!READS.includes(String(p.reads_date))) bad(where, `reads_date must be one of ${READS.join(', ')}`);
      const values = p.values
        .map((v, i) => {
          if (!isObj(v)) {
            bad(`${where}.values[${i}]`, 'must be a map');
            return null;
          }
          keysOnly(`${where}.values[${i}]`, v, ['from', 'to', 'value', 'source', 'gap_after']);
          if (!('value' in v)) bad(`${where}.values[${i}]`, 'value is required');
          return {
            from: date(`${where}.values[${i}].from`, v.from)!,
            to: date(`${where}.values[${i}].to`, v.to ?? null, true),
            value: v.value,
            source: source(`${where}.values[${i}].source`, v.source),
            gapAfter: v.gap_after === true,
          };
        })
        .filter((v) => v !== null);
      checkWindows(where, values);
      parameters[id] = { id, readsDate: p.reads_date as Parameter<unknown>['readsDate'], values };
    }

  // facts
  const facts: Record<string, FactDef> = {};
  if (!isObj(raw.facts)) bad('facts.yaml', 'must be a map of fact ids');
  else
    for (const [id, f] of Object.entries(raw.facts)) {
      if (!isObj(f)) {
        bad(`facts.yaml ${id}`, 'must be a map');
        continue;
      }
      keysOnly(`facts.yaml ${id}`, f, ['type', 'values', 'question', 'sensitive']);
      if (!['boolean', 'enum', 'date'].includes(String(f.type))) bad(`facts.yaml ${id}`, 'type is boolean, enum or date');
      if (f.type === 'enum' && !Array.isArray(f.values)) bad(`facts.yaml ${id}`, 'an enum needs values');
      facts[id] = { id, ...(f as Omit<FactDef, 'id'>) };
    }

  // rules
  const rules: Rule[] = [];
  const ruleIds = new Set<string>();
  const messageKeys = new Set<string>();
  for (const f of Object.values(facts)) messageKeys.add(f.question);
  const cond = (where: string, c: unknown): Condition => {
    if (!isObj(c)) {
      bad(where, 'a condition is a map');
      return { fact: '?', is: true };
    }
    if (typeof c.reason === 'string') {
      messageKeys.add(`${c.reason}.met`);
      messageKeys.add(`${c.reason}.not_met`);
    }
    if ('any' in c || 'all' in c) {
      keysOnly(where, c, ['any', 'all', 'reason']);
      const list = (c.any ?? c.all) as unknown;
      if (!Array.isArray(list) || list.length === 0) bad(where, 'any/all need a list');
      const kids = Array.isArray(list) ? list.map((k, i) => cond(`${where}.${'any' in c ? 'any' : 'all'}[${i}]`, k)) : [];
      return ('any' in c ? { any: kids, reason: c.reason } : { all: kids, reason: c.reason }) as Condition;
    }
    if ('rule' in c) {
      keysOnly(where, c, ['rule', 'outcome_in', 'reason']);
      return c as Condition;
    }
    if ('param' in c) {
      keysOnly(where, c, ['param', 'is', 'reason']);
      if (!parameters[String(c.param)]) bad(where, `unknown parameter "${String(c.param)}"`);
      return c as Condition;
    }
    keysOnly(where, c, ['fact', 'is', 'in', 'on_or_after_param', 'reason']);
    const f = facts[String(c.fact)];
    if (!f) bad(where, `unknown fact "${String(c.fact)}"`);
    else if ('in' in c) {
      if (!Array.isArray(c.in)) bad(where, '"in" takes a list');
      else for (const v of c.in) if (!f.values?.includes(String(v))) bad(where, `"${String(v)}" is not a value of fact ${f.id}`);
    } else if ('on_or_after_param' in c) {
      if (f.type !== 'date') bad(where, `fact ${f.id} is not a date`);
      if (!parameters[String(c.on_or_after_param)]) bad(where, `unknown parameter "${String(c.on_or_after_param)}"`);
    } else if (typeof c.is !== 'boolean' || f.type !== 'boolean') bad(where, `"is" takes true/false on a boolean fact`);
    return c as Condition;
  };
  const ruleRefs: [string, string][] = [];
  const collectRefs = (where: string, cs: Condition[]) =>
    cs.forEach((c) => {
      if ('rule' in c) ruleRefs.push([where, c.rule]);
      if ('any' in c) collectRefs(where, c.any);
      if ('all' in c) collectRefs(where, c.all);
    });
  for (const { file, doc } of raw.rules) {
    if (!Array.isArray(doc)) {
      bad(file, 'must be a list of rules');
      continue;
    }
    doc.forEach((r, i) => {
      const where = `${file}[${i}]`;
      if (!isObj(r) || typeof r.id !== 'string') {
        bad(where, 'a rule needs an id');
        return;
      }
      keysOnly(`${file} ${r.id}`, r, [
        'id',
        'kind',
        'reads_date',
        'in_force',
        'when',
        'outcomes',
        'exceptions',
        'points_to_weigh',
        'guidance',
        'extends_to_param',
      ]);
      if (r.extends_to_param !== undefined && !parameters[String(r.extends_to_param)])
        bad(`${file} ${r.id}`, `unknown parameter "${String(r.extends_to_param)}"`);
      if (ruleIds.has(r.id)) bad(`${file} ${r.id}`, 'duplicate rule id');
      ruleIds.add(r.id);
      const kind = r.kind as Rule['kind'];
      if (!DEFAULT_OUTCOMES[kind]) bad(`${file} ${r.id}`, 'kind is route, discretionary or check');
      if (!READS.includes(String(r.reads_date))) bad(`${file} ${r.id}`, `reads_date must be one of ${READS.join(', ')}`);
      if (!Array.isArray(r.when)) bad(`${file} ${r.id}`, 'when is a list');
      const when = Array.isArray(r.when) ? r.when.map((c, j) => cond(`${file} ${r.id}.when[${j}]`, c)) : [];
      collectRefs(`${file} ${r.id}`, when);
      const exceptions: RuleException[] = (Array.isArray(r.exceptions) ? r.exceptions : []).map((e: unknown, j: number) => {
        const ew = `${file} ${r.id}.exceptions[${j}]`;
        if (!isObj(e) || typeof e.id !== 'string' || typeof e.outcome !== 'string') {
          bad(ew, 'an exception needs id, in_force, when and outcome');
          return { id: '?', inForce: [], when: [], outcome: '?' };
        }
        keysOnly(ew, e, ['id', 'in_force', 'when', 'outcome']);
        messageKeys.add(`exception.${e.id}`);
        messageKeys.add(`outcome.${e.outcome}`);
        return {
          id: e.id,
          inForce: windows(`${ew}.in_force`, e.in_force),
          when: Array.isArray(e.when) ? e.when.map((c, k) => cond(`${ew}.when[${k}]`, c)) : [],
          outcome: e.outcome,
        };
      });
      const outcomes = {
        ...(DEFAULT_OUTCOMES[kind] ?? DEFAULT_OUTCOMES.check),
        ...(isObj(r.outcomes) ? r.outcomes : {}),
      } as Rule['outcomes'];
      for (const o of Object.values(outcomes)) messageKeys.add(`outcome.${o}`);
      const pointsToWeigh = (Array.isArray(r.points_to_weigh) ? r.points_to_weigh : []) as string[];
      const guidance = (Array.isArray(r.guidance) ? r.guidance : []) as string[];
      for (const k of [...pointsToWeigh, ...guidance, `rule.${r.id}`]) messageKeys.add(k);
      rules.push({
        id: r.id,
        kind,
        readsDate: r.reads_date as Rule['readsDate'],
        inForce: windows(`${file} ${r.id}.in_force`, r.in_force),
        when,
        outcomes,
        exceptions,
        pointsToWeigh,
        guidance,
        ...(typeof r.extends_to_param === 'string' ? { extendsToParam: r.extends_to_param } : {}),
      });
    });
  }
  for (const [where, ref] of ruleRefs) if (!ruleIds.has(ref)) bad(where, `unknown rule "${ref}"`);

  // messages: every key used exists in every language, and no language has stray keys
  const messages = {} as Record<Lang, Record<string, string>>;
  for (const lang of LANGS) {
    const m = raw.messages[lang];
    if (!isObj(m)) {
      bad(`messages/${lang}.yaml`, 'missing or not a map');
      messages[lang] = {};
      continue;
    }
    messages[lang] = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, String(v)]));
  }
  const base = messages.en ?? {};
  for (const k of Object.keys(base)) messageKeys.add(k);
  for (const lang of LANGS) {
    const m = messages[lang];
    for (const k of messageKeys) if (!(k in m) || m[k]!.trim() === '') bad(`messages/${lang}.yaml`, `missing key "${k}"`);
    for (const k of Object.keys(m)) if (!messageKeys.has(k)) bad(`messages/${lang}.yaml`, `key "${k}" is not used (and not in en.yaml)`);
  }

  if (problems.length) throw new PolicyLoadError(problems);
  return { sources, parameters, facts, rules, messages, hash: canonicalHash(raw) };
}
