/** Shared layout of the documents' pages: A4, DejaVu Sans (the letters module's font), Czech beside the person's language. */
import { LETTER_FONT, tieCzechText } from '../../letters/index.ts';
import { isValidIsoDate } from '../../calendar/index.ts';
import type { Bilingual } from '../domain/visa-form.ts';

export type Node = Record<string, unknown>;

export const GREY = '#555555';

/** Czech in the first column, the person's language in the second (one column when that is Czech). */
export function pair(b: Bilingual, style: Node = {}): Node {
  const cs = { text: tieCzechText(b.cs), ...style };
  if (!b.local) return { ...cs, margin: [0, 0, 0, 5] };
  return {
    columns: [
      { width: '*', ...cs },
      { width: '*', text: b.local, color: GREY, ...style },
    ],
    columnGap: 14,
    margin: [0, 0, 0, 5],
  };
}

export function documentShell(opts: { title: string; subject: string; today: string; content: Node[] }): Node {
  if (!isValidIsoDate(opts.today)) throw new RangeError('today is not an ISO date');
  // The day of the request, not the wall clock: nothing in the PDF depends on when it was rendered.
  const created = new Date(`${opts.today}T00:00:00Z`);
  return {
    pageSize: 'A4',
    pageMargins: [42, 40, 42, 48],
    language: 'cs-CZ',
    compress: true,
    info: {
      title: opts.title,
      subject: opts.subject,
      creator: 'pobyt documents',
      producer: 'pobyt (pdfmake)',
      creationDate: created,
      modDate: created,
    },
    defaultStyle: { font: LETTER_FONT, fontSize: 9.5, lineHeight: 1.15 },
    content: opts.content,
    footer: (page: number, count: number): Node => ({ text: `${page} / ${count}`, fontSize: 8, color: GREY, alignment: 'center' }),
  };
}
