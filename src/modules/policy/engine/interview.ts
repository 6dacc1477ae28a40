/**
 * The navigator's interview: which question to ask next, so that a person reaches the route that fits in
 * as few questions as possible. Pure. The rules decide; this only orders the questions:
 *
 * 1. `held_status` and `nationality` first (they open the holder's branch or rule routes out);
 * 2. a holder of a tolerance visa is asked what the automatic extension reads (war-related, valid to,
 *    issued on) and nothing else;
 * 3. otherwise, among the facts still unknown to an undecided route, the first in `QUESTION_ORDER` whose
 *    answer would change some route's outcome (a fact that cannot change anything is never asked);
 * 4. the interview ends when a route fits (`eligible` or `officer_decides`) or no answer could change
 *    the outcome any more. "I don't know" (`unknown`) counts as answered: that fact is not asked again.
 */
import type { PolicyBundle } from '../domain/bundle.types.ts';
import { evaluateRules, type Dates, type FactValue, type Facts } from './evaluate-rules.ts';

/** The order in which the navigator asks; the rules' own order (routes.yaml) is the tie-break for the rest. */
export const QUESTION_ORDER = [
  'held_status',
  'nationality',
  'civil_society_category',
  'publicly_opposes_regime',
  'at_risk_at_home',
  'scholarship',
  'humanitarian_grounds',
  'lived_in_ukraine_before_war',
  'protected_in_ukraine_before_war',
  'family_of_protected_person',
  'ukrainian_permanent_resident_at_risk',
  'applied_protection_in_other_eu_state',
  'holds_residence_in_other_state',
  'eu_citizen',
  'applied_international_protection',
  'cannot_return',
  'in_czech_republic',
] as const;

/** What the holder's branch asks (the automatic extension of 2023 reads these). */
export const HOLDER_QUESTIONS = ['visa_war_related', 'visa_valid_to'] as const;

/** A date the interview may ask for, besides facts. */
export type DateQuestion = 'visa_issued_on';

export type InterviewStep =
  | { kind: 'fact'; fact: string; type: 'boolean' | 'enum' | 'date'; values: string[] | null; question: string }
  | { kind: 'date'; date: DateQuestion; question: string }
  | { kind: 'done'; branch: InterviewBranch; route: string | null };

export type InterviewBranch = 'tolerance_holder' | 'temporary_protection_holder' | 'routes';

const FITS = ['eligible', 'officer_decides'];
const answered = (facts: Facts, f: string) => f in facts && facts[f] !== undefined;

function routeIds(bundle: PolicyBundle) {
  return bundle.rules.filter((r) => r.id.startsWith('route.')).map((r) => r.id);
}

function outcomes(bundle: PolicyBundle, facts: Facts, dates: Dates, ids: string[]) {
  return evaluateRules(bundle, facts, dates, ids);
}

function domain(bundle: PolicyBundle, fact: string): FactValue[] {
  const def = bundle.facts[fact]!;
  return def.type === 'boolean' ? [true, false] : def.type === 'enum' ? def.values! : [];
}

function factStep(bundle: PolicyBundle, fact: string): InterviewStep {
  const def = bundle.facts[fact]!;
  return { kind: 'fact', fact, type: def.type, values: def.values ?? null, question: def.question };
}

/** The next step of the interview for the answers so far, on the given dates (as_of at least). */
export function nextInterviewStep(
  bundle: PolicyBundle,
  facts: Facts,
  dates: Dates,
  opts: { unknownDates?: DateQuestion[] } = {},
): InterviewStep {
  for (const f of ['held_status', 'nationality']) if (!answered(facts, f)) return factStep(bundle, f);

  if (facts.held_status === 'temporary_protection') return { kind: 'done', branch: 'temporary_protection_holder', route: null };
  if (facts.held_status === 'tolerance_visa') {
    for (const f of HOLDER_QUESTIONS) {
      if (answered(facts, f)) continue;
      // Once the visa is known not to be war-related, its dates cannot change the outcome.
      if (f === 'visa_valid_to' && facts.visa_war_related === false) continue;
      return factStep(bundle, f);
    }
    if (facts.visa_war_related === true && !dates.visa_issued_on && !opts.unknownDates?.includes('visa_issued_on'))
      return { kind: 'date', date: 'visa_issued_on', question: 'q.visa_issued_on' };
    return { kind: 'done', branch: 'tolerance_holder', route: null };
  }

  const ids = routeIds(bundle);
  const now = outcomes(bundle, facts, dates, ids);
  const fit = now.find((r) => FITS.includes(r.outcome));
  if (fit) return { kind: 'done', branch: 'routes', route: fit.id };

  const candidates = new Set<string>();
  for (const r of now) if (r.outcome === 'possible') for (const f of r.unknownFacts) if (!answered(facts, f)) candidates.add(f);
  const ordered = [
    ...QUESTION_ORDER.filter((f) => candidates.has(f)),
    ...[...candidates].filter((f) => !(QUESTION_ORDER as readonly string[]).includes(f)),
  ];
  const signature = (fs: Facts) =>
    outcomes(bundle, fs, dates, ids)
      .map((r) => r.outcome)
      .join('|');
  for (const f of ordered) {
    const seen = new Set(domain(bundle, f).map((v) => signature({ ...facts, [f]: v })));
    if (seen.size > 1) return factStep(bundle, f);
  }
  return { kind: 'done', branch: 'routes', route: null };
}
