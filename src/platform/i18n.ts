/**
 * The one message formatter for every text shown to a person: the pages' catalogs (modules/web) and the
 * policy module's messages. ICU MessageFormat (plurals, select, numbers) via intl-messageformat; each
 * template is compiled once per locale and cached. A placeholder without a value stays visible as `{name}`.
 */
import { IntlMessageFormat } from 'intl-messageformat';

export const LOCALES = ['cs', 'en', 'uk', 'ru', 'be'] as const;
export type Locale = (typeof LOCALES)[number];

const cache = new Map<string, IntlMessageFormat>();

export type MessageVars = Record<string, string | number>;

export function formatMessage(locale: string, template: string, vars: MessageVars = {}): string {
  const id = `${locale}\u0000${template}`;
  let f = cache.get(id);
  if (!f) {
    f = new IntlMessageFormat(template, locale, undefined, { ignoreTag: true });
    cache.set(id, f);
  }
  const names = placeholders(template);
  const values: MessageVars = {};
  for (const n of names) values[n] = vars[n] ?? `{${n}}`;
  return String(f.format(values));
}

/** The argument names a template uses (`{date}`, `{n, plural, …}`), sorted. */
export function placeholders(template: string): string[] {
  const out = new Set<string>();
  // Top-level and nested arguments: `{name}` or `{name, type, …}`; `#` in plurals is not an argument.
  for (const m of template.matchAll(/\{\s*([A-Za-z_][\w]*)\s*(?:,|\})/g)) out.add(m[1]!);
  return [...out].sort();
}

export interface CatalogProblem {
  locale: string;
  key: string;
  problem: 'missing' | 'extra' | 'placeholders' | 'syntax';
  detail?: string;
}

/**
 * Checks catalogs against each other: every key in every locale, the same placeholders in each, and a
 * template that compiles. The reference locale's keys are the ones expected.
 */
export function checkCatalogs(catalogs: Record<string, Record<string, string>>, reference = 'en'): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const ref = catalogs[reference] ?? {};
  for (const [locale, cat] of Object.entries(catalogs)) {
    for (const key of Object.keys(ref)) {
      const text = cat[key];
      if (text === undefined) {
        problems.push({ locale, key, problem: 'missing' });
        continue;
      }
      const a = placeholders(ref[key]!).join(',');
      const b = placeholders(text).join(',');
      if (a !== b) problems.push({ locale, key, problem: 'placeholders', detail: `${reference}: {${a}} ${locale}: {${b}}` });
      try {
        new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
      } catch (e) {
        problems.push({ locale, key, problem: 'syntax', detail: (e as Error).message });
      }
    }
    for (const key of Object.keys(cat)) if (!(key in ref)) problems.push({ locale, key, problem: 'extra' });
  }
  return problems;
}
