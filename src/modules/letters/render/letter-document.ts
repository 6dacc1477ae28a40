import type { LetterContent } from '../domain/letter.types.ts';
import { LETTER_TEMPLATE_VERSION } from '../domain/template-version.ts';
import { parseIsoDate } from '../domain/czech-format.ts';
import { SIGNATURE_BLOCK_COUNT } from '../domain/letter-parts.ts';
import { tieCzechText } from './czech-typography.ts';
import { LETTER_FONT } from './letter-fonts.ts';

type Node = Record<string, unknown>;

/** 2 cm side margins, a little more at the bottom for the page footer (points). */
const PAGE_MARGINS = [57, 50, 57, 64];

/**
 * Lays a letter out as a pdfmake document definition: A4, DejaVu Sans, blocks in order, consecutive
 * bullets as one list. Blocks before the title form the letterhead and are set tighter; the last
 * SIGNATURE_BLOCK_COUNT blocks are the signature, set apart with room for signature and stamp.
 * Every value is derived from the arguments, so the same letter always gives the same PDF bytes.
 */
export function buildLetterDocument(content: LetterContent, meta: { reference: string; issuedOn: string }): Node {
  const titleIndex = content.blocks.findIndex((b) => b.type === 'heading' && b.text === content.title);
  const signatureIndex = content.blocks.length - SIGNATURE_BLOCK_COUNT;
  const nodes: Node[] = [];
  let bullets: string[] = [];
  const flushBullets = () => {
    if (bullets.length) nodes.push({ ul: bullets.map(tieCzechText), margin: [10, 0, 0, 6] });
    bullets = [];
  };

  content.blocks.forEach((block, i) => {
    if (block.type === 'bullet') {
      bullets.push(block.text);
      return;
    }
    flushBullets();
    const text = tieCzechText(block.text);
    if (i === titleIndex) {
      nodes.push({ text, bold: true, fontSize: 14, alignment: 'center', margin: [0, 22, 0, 14] });
    } else if (i < titleIndex) {
      // Letterhead: the two ministry lines, then each further heading (the addressee) opens a new group.
      const top = block.type === 'heading' && i > 1 ? 12 : 0;
      nodes.push({ text, bold: block.type === 'heading', margin: [0, top, 0, 1] });
    } else if (i >= signatureIndex) {
      nodes.push({ text, margin: [0, i === signatureIndex ? 36 : 0, 0, 1] });
    } else if (block.type === 'heading') {
      nodes.push({ text, bold: true, margin: [0, 8, 0, 4] });
    } else {
      nodes.push({ text, margin: [0, 0, 0, 6] });
    }
  });
  flushBullets();

  const date = parseIsoDate(meta.issuedOn);
  if (!date) throw new RangeError(`issuedOn is not an ISO date: ${meta.issuedOn}`);
  // The letter's own date, not the wall clock: pdfkit also derives the file /ID from this metadata.
  const issued = new Date(Date.UTC(date.year, date.month - 1, date.day));

  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: 'cs-CZ',
    compress: true,
    info: {
      title: `${content.title} – ${meta.reference}`,
      author: 'Ministerstvo vnitra, Odbor azylové a migrační politiky',
      subject: meta.reference,
      creator: `pobyt letters ${LETTER_TEMPLATE_VERSION}`,
      producer: 'pobyt (pdfmake)',
      creationDate: issued,
      modDate: issued,
    },
    defaultStyle: { font: LETTER_FONT, fontSize: 10.5, lineHeight: 1.2 },
    content: nodes,
    footer: (currentPage: number, pageCount: number): Node => ({
      text: tieCzechText(`Č. j.: ${meta.reference} | strana ${currentPage} z ${pageCount}`),
      fontSize: 8,
      color: '#555555',
      alignment: 'center',
      margin: [0, 24, 0, 0],
    }),
  };
}
