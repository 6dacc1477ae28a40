/**
 * Czech typesetting: no line may end with a one-letter preposition or conjunction, and numbers stay
 * with their units, dates and section signs. Done with no-break spaces at render time, so the
 * wording in domain/ keeps plain spaces.
 */
const NBSP = '\u00A0';
const RULES: [RegExp, string][] = [
  [/(?<=^|\s)([vkszouaiVKSZOUAI]) /g, `$1${NBSP}`],
  [/(?<=^|\s)(§|č\.|Č\.|j\.:|odst\.|písm\.|nar\.|Sb\.,?) (?=\S)/g, `$1${NBSP}`],
  [/(\d{1,2})\. (\d{1,2})\. (\d{4})/g, `$1.${NBSP}$2.${NBSP}$3`],
  [/(\d) (?=\d{3}(?!\d))/g, `$1${NBSP}`],
  [/(\d) Kč/g, `$1${NBSP}Kč`],
];

export function tieCzechText(text: string): string {
  return RULES.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text);
}
