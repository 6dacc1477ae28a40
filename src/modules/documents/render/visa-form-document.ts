/** The pre-filled form as a pdfmake document: the items as a table, blank boxes tall enough to write in. */
import type { VisaFormContent } from '../domain/visa-form.ts';
import { documentShell, GREY, type Node, pair } from './pdf-layout.ts';

export function buildVisaFormDocument(c: VisaFormContent, today: string): Node {
  const rows = c.rows.map((r) => [
    { text: r.number, bold: true },
    { stack: [{ text: r.labelCs, bold: true }, ...(r.labelLocal ? [{ text: r.labelLocal, fontSize: 8, color: GREY }] : [])] },
    { text: r.value || ' ', fontSize: 11, bold: true, margin: [0, 2, 0, 0] },
  ]);
  return documentShell({
    title: `${c.title.cs} – koncept`,
    subject: c.draft.cs,
    today,
    content: [
      { text: c.title.cs.toUpperCase(), bold: true, fontSize: 13 },
      ...(c.title.local ? [{ text: c.title.local, fontSize: 10.5, color: GREY, margin: [0, 1, 0, 0] }] : []),
      { text: c.draft.local ? `${c.draft.cs} · ${c.draft.local}` : c.draft.cs, fontSize: 8.5, color: GREY, margin: [0, 3, 0, 8] },
      {
        table: { widths: ['*'], body: [[{ stack: [pair(c.notice), pair(c.blank)], fillColor: '#f2f2f2', margin: [4, 4, 4, 0] }]] },
        layout: 'noBorders',
        margin: [0, 0, 0, 10],
      },
      {
        table: { widths: [16, 190, '*'], body: rows, heights: () => 26, dontBreakRows: true },
        layout: { hLineColor: () => '#888888', vLineColor: () => '#888888', paddingTop: () => 3, paddingBottom: () => 3 },
      },
      { text: c.namesNote, fontSize: 8.5, color: GREY, margin: [0, 8, 0, 0] },
    ],
  });
}
