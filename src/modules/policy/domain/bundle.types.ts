/** The policy bundle: sources, dated parameters, the fact dictionary, rules and messages, as loaded from policy/. */

export interface Source {
  id: string;
  act: string;
  section?: string;
  url?: string;
  /** V verified, P partly verified, U unverified — the markers of shared/domain/facts.md. */
  verification: 'V' | 'P' | 'U';
  note?: string;
}

export interface DatedValue<T> {
  from: string;
  to: string | null;
  value: T;
  source: Source;
  /** A deliberate gap follows this window. */
  gapAfter?: boolean;
}

export type ReadsDate = 'as_of' | 'filed_on' | 'visa_issued_on' | 'decided_on' | 'event_on';

export interface Parameter<T> {
  id: string;
  /** Which date of a case the parameter is read on. */
  readsDate: ReadsDate;
  values: DatedValue<T>[];
}

export interface FactDef {
  id: string;
  type: 'boolean' | 'enum' | 'date';
  values?: string[];
  question: string;
  sensitive?: boolean;
}

export type Condition =
  | { fact: string; is: boolean; reason?: string }
  | { fact: string; in: string[]; reason?: string }
  | { fact: string; on_or_after_param: string; reason?: string }
  | { param: string; is: unknown; reason?: string }
  | { rule: string; outcome_in: string[]; reason?: string }
  | { any: Condition[]; reason?: string }
  | { all: Condition[]; reason?: string };

export interface Window {
  from: string;
  to: string | null;
  source: Source;
}

export interface RuleException {
  id: string;
  inForce: Window[];
  when: Condition[];
  outcome: string;
}

export interface Rule {
  id: string;
  kind: 'route' | 'discretionary' | 'check';
  readsDate: ReadsDate;
  inForce: Window[];
  when: Condition[];
  outcomes: { met: string; not_met: string; unknown: string };
  exceptions: RuleException[];
  pointsToWeigh: string[];
  guidance: string[];
  /** For a mass extension: the parameter holding the new end date. */
  extendsToParam?: string;
}

export const LANGS = ['cs', 'en', 'uk', 'ru', 'be'] as const;
export type Lang = (typeof LANGS)[number];

export interface PolicyBundle {
  sources: Record<string, Source>;
  parameters: Record<string, Parameter<unknown>>;
  facts: Record<string, FactDef>;
  rules: Rule[];
  messages: Record<Lang, Record<string, string>>;
  /** sha256 over the canonical content of every policy file: the policy data version. */
  hash: string;
}
