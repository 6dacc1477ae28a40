/**
 * The pages' i18n: `t(locale)` gives a translator over the web catalogs, formatted by the one ICU
 * formatter the policy module uses too (platform/i18n.ts). Policy texts (questions, reasons) come from
 * the policy module's own messages through `policy.message`.
 */
import { formatMessage, LOCALES, type Locale, type MessageVars } from '../../../platform/i18n.ts';
import { be } from './be.ts';
import { cs } from './cs.ts';
import { en, type MessageKey } from './en.ts';
import { ru } from './ru.ts';
import { uk } from './uk.ts';

export { LOCALES, type Locale, type MessageKey };

export const CATALOGS: Record<Locale, Record<MessageKey, string>> = { cs, en, uk, ru, be };

/** Native names, shown in the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { cs: 'Čeština', en: 'English', uk: 'Українська', ru: 'Русский', be: 'Беларуская' };

export type T = (key: MessageKey, vars?: MessageVars) => string;

export function t(locale: Locale): T {
  return (key, vars) => formatMessage(locale, CATALOGS[locale][key], vars);
}

export const isLocale = (s: unknown): s is Locale => typeof s === 'string' && (LOCALES as readonly string[]).includes(s);

/** The best locale for an Accept-Language header (by q), or null. */
export function fromAcceptLanguage(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((x) => x.tag && !Number.isNaN(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLocale(base)) return base;
  }
  return null;
}

/** Dates as a person reads them in their language (15. 3. 2022, 15 March 2022, …). */
export function formatDate(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

const PRAGUE = 'Europe/Prague';

/** A moment as a person reads it, in Prague time: "Thursday 3 December 2026, 09:30". */
export function formatDateTime(locale: Locale, at: string | Date): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: PRAGUE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));
}

/** The time of day in Prague: "09:30". */
export function formatTime(locale: Locale, at: string | Date): string {
  return new Intl.DateTimeFormat(locale, { timeZone: PRAGUE, hour: '2-digit', minute: '2-digit' }).format(new Date(at));
}

/** A civil date with its weekday, short: "Thu 3 Dec". */
export function formatDay(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );
}

/** The civil date in Prague of a moment (YYYY-MM-DD). */
export function pragueDateOf(at: string | Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: PRAGUE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
}
