/**
 * The navigator's answers live in the page address only (`?held_status=none&nationality=UKR&…`), in the
 * order given: nothing is stored on the server. Only coarse facts from the policy's fact dictionary are
 * accepted (no names, birth dates or passport numbers exist as facts); anything else is dropped.
 */
import { isValidIsoDate } from '../../calendar/index.ts';
import type { DateQuestion, Facts, PolicyBundle } from '../../policy/index.ts';

export const DATE_QUESTIONS: DateQuestion[] = ['visa_issued_on'];

export interface NavigatorState {
  /** The answers in the order given: [fact or date question, value]. */
  answers: [string, string][];
  facts: Facts;
  visaIssuedOn?: string;
  unknownDates: DateQuestion[];
  /** The date asked about (`on`), when the person chose one; else today. */
  on?: string;
  region?: string;
}

export function isAnswerValid(bundle: PolicyBundle, key: string, value: string): boolean {
  if (value === 'unknown') return key in bundle.facts || (DATE_QUESTIONS as string[]).includes(key);
  if ((DATE_QUESTIONS as string[]).includes(key)) return isValidIsoDate(value);
  const def = bundle.facts[key];
  if (!def) return false;
  if (def.type === 'boolean') return value === 'true' || value === 'false';
  if (def.type === 'enum') return def.values!.includes(value);
  return isValidIsoDate(value);
}

export function parseState(bundle: PolicyBundle, query: string): NavigatorState {
  const state: NavigatorState = { answers: [], facts: {}, unknownDates: [] };
  for (const [k, v] of new URLSearchParams(query)) {
    if (k === 'on') {
      if (isValidIsoDate(v)) state.on = v;
      continue;
    }
    if (k === 'region') {
      if (/^CZ-\d\d$/.test(v)) state.region = v;
      continue;
    }
    if (!isAnswerValid(bundle, k, v) || state.answers.some(([a]) => a === k)) continue;
    state.answers.push([k, v]);
    if ((DATE_QUESTIONS as string[]).includes(k)) {
      if (v === 'unknown') state.unknownDates.push(k as DateQuestion);
      else state.visaIssuedOn = v;
      continue;
    }
    const def = bundle.facts[k]!;
    state.facts[k] = v === 'unknown' ? 'unknown' : def.type === 'boolean' ? v === 'true' : v;
  }
  return state;
}

/** The query string of a state, optionally with some answers dropped from the end or one added. */
export function queryOf(state: NavigatorState, opts: { drop?: number; add?: [string, string]; region?: string | null } = {}): string {
  const p = new URLSearchParams();
  if (state.on) p.set('on', state.on);
  const kept = state.answers.slice(0, state.answers.length - (opts.drop ?? 0));
  for (const [k, v] of kept) p.append(k, v);
  if (opts.add) p.append(opts.add[0], opts.add[1]);
  const region = opts.region === undefined ? state.region : opts.region;
  if (region) p.set('region', region);
  return p.toString();
}
