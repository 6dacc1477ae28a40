/**
 * Small catalogs for the staff and partner pages: each area of pages keeps its own texts beside its
 * routes (no shared big catalog), in ICU MessageFormat, formatted by the one platform formatter.
 * `en` defines the key set; TypeScript refuses a catalog that misses a key.
 */
import { formatMessage, type Locale, type MessageVars } from '../../../platform/i18n.ts';

/** Staff pages are in Czech and English; partner (NGO) and public pages in all five languages. */
export const STAFF_LOCALES = ['cs', 'en'] as const;
export type StaffLocale = (typeof STAFF_LOCALES)[number];

export type Texts<K extends string> = (key: K, vars?: MessageVars) => string;

/** `defineTexts({ en: {...}, cs: {...} })(locale)('key', vars)` — Czech and English. */
export function defineTexts<const E extends Record<string, string>>(catalogs: { en: E; cs: Record<keyof E, string> }) {
  return (locale: StaffLocale | Locale): Texts<keyof E & string> => {
    const c = (catalogs as Record<string, Record<string, string>>)[locale] ?? catalogs.en;
    return (key, vars) => formatMessage(locale in catalogs ? locale : 'en', c[key] ?? catalogs.en[key] ?? key, vars);
  };
}

/** The same for all five languages (cs en uk ru be). */
export function defineTexts5<const E extends Record<string, string>>(catalogs: {
  en: E;
  cs: Record<keyof E, string>;
  uk: Record<keyof E, string>;
  ru: Record<keyof E, string>;
  be: Record<keyof E, string>;
}) {
  return (locale: Locale): Texts<keyof E & string> => {
    const c = catalogs[locale] as Record<string, string>;
    return (key, vars) => formatMessage(locale, c[key] ?? key, vars);
  };
}

export const isStaffLocale = (l: string): l is StaffLocale => (STAFF_LOCALES as readonly string[]).includes(l);
