/** The draft affidavit as a pdfmake document: Czech beside the person's language, the notary's clause boxed and blank. */
import type { AffidavitContent } from '../domain/affidavit.ts';
import { BLANK } from '../domain/affidavit.ts';
import { documentShell, GREY, type Node, pair } from './pdf-layout.ts';

export function buildAffidavitDocument(c: AffidavitContent, today: string): Node {
  const particulars = c.particulars.map((p) => [
    { stack: [{ text: p.labelCs, bold: true }, ...(p.labelLocal ? [{ text: p.labelLocal, fontSize: 8, color: GREY }] : [])] },
    { text: p.value, fontSize: 10.5, bold: true },
  ]);
  const lines = [0, 1].map(() => ({ text: BLANK.repeat(5), color: GREY, margin: [0, 6, 0, 0] }));
  const doc = documentShell({
    title: `${c.title.cs} – koncept`,
    subject: c.draft.cs,
    today,
    content: [
      { text: c.title.cs.toUpperCase(), bold: true, fontSize: 14, alignment: 'center' },
      ...(c.title.local ? [{ text: c.title.local, fontSize: 10.5, color: GREY, alignment: 'center' }] : []),
      { ...pair(c.draft, { fontSize: 8.5 }), margin: [0, 6, 0, 10] },
      pair(c.intro, { bold: true }),
      {
        table: { widths: [200, '*'], body: particulars },
        layout: 'lightHorizontalLines',
        margin: [0, 2, 0, 8],
      },
      ...c.body.map((b) => pair(b)),
      ...lines,
      { text: ' ', margin: [0, 6, 0, 0] },
      ...c.signature.map((b) => pair(b)),
      {
        table: {
          widths: ['*'],
          body: [[{ stack: [pair(c.notaryTitle, { bold: true }), ...c.notary.map((b) => pair(b))], margin: [4, 4, 4, 2] }]],
        },
        margin: [0, 12, 0, 0],
        unbreakable: true,
      },
    ],
  });
  // A little tighter than the form, so that the declaration and the notary's clause share one page.
  return { ...doc, defaultStyle: { ...(doc.defaultStyle as Node), fontSize: 9, lineHeight: 1.1 } };
}
