import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LetterInputError } from '../domain/letter.errors.ts';
import { ALL_LETTER_KINDS, sampleLetterInput } from '../domain/letter-input.fixtures.ts';
import type { LetterKind } from '../domain/letter.types.ts';
import { renderLetterPdf } from './render-letter-pdf.ts';

const PDFTOTEXT = '/usr/bin/pdftotext';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Text of the PDF as pdftotext sees it, whitespace (line breaks, no-break spaces) collapsed; null to skip. */
async function pdfText(t: TestContext, pdf: Buffer): Promise<string | null> {
  if (!existsSync(PDFTOTEXT)) {
    if (process.env.REQUIRE_PDFTOTEXT === '1') throw new Error('REQUIRE_PDFTOTEXT=1 but pdftotext is not installed');
    t.skip('pdftotext not installed (apt-get install poppler-utils)');
    return null;
  }
  const dir = await mkdtemp(join(tmpdir(), 'pobyt-letter-'));
  try {
    const file = join(dir, 'letter.pdf');
    await writeFile(file, pdf);
    const { stdout } = await promisify(execFile)(PDFTOTEXT, ['-layout', file, '-'], { encoding: 'utf8' });
    return stdout.replace(/\s+/g, ' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function assertContains(text: string, expected: string[]) {
  for (const s of expected) assert.ok(text.includes(s), `PDF text lacks "${s}"\n--- text ---\n${text}`);
}

const COMMON_TEXT = [
  'Ministerstvo vnitra',
  'Odbor azylové a migrační politiky',
  'Pracoviště Praha – Cigánkova',
  'Č. j.: OAM-000123/PHA-2026',
  'Praha dne 24. 11. 2026',
  'ŠEVČENKOVÁ OLENA',
  'datum narození: 2. 4. 1990',
  'Žižkova 1234/5',
  'Mgr. Jiří Dvořák',
  'otisk úředního razítka',
];

const KIND_TEXT: Record<LetterKind, string[]> = {
  return: [
    'Sdělení o nepřijatelnosti žádosti',
    'přijatá dne 2. 11. 2026, je nepřijatelná',
    'pole „Příjmení“ není vyplněno velkými písmeny latinkou',
    'poplatek činí 300 Kč, zaplaceno bylo 200 Kč',
    'výhradně kolkovými známkami, nikoli v hotovosti ani platební kartou',
    'žádost se považuje za nepodanou',
    'všechny předložené doklady a kolkové známky',
    '§ 33 odst. 1 písm. a) zákona č. 326/1999 Sb.',
  ],
  grant: [
    'Rozhodnutí',
    'Vízum k pobytu nad 90 dnů za účelem strpění pobytu na území bylo uděleno',
    'číslo víza: CZE123456789',
    'D/VS/91',
    'platnost: od 1. 12. 2026 do 30. 11. 2027',
    'Úřad práce',
    'Vízový štítek',
  ],
  refusal: [
    'Rozhodnutí',
    'Výrok',
    'se zamítá podle § 56 odst. 1 písm. j)',
    'Odůvodnění',
    'Předložené doklady nejsou věrohodné.',
    'Poučení',
    'Proti tomuto rozhodnutí lze podat odvolání ve lhůtě 15 dnů ode dne jeho oznámení.',
  ],
  discontinuation: ['Usnesení', 'se zastavuje podle § 66 odst. 1 písm. a)', 'vzal svou žádost zpět'],
  interruption: [
    'Výzva k odstranění nedostatků žádosti a usnesení o přerušení řízení',
    'nejpozději do 15. 12. 2026',
    'předložte platný cestovní doklad',
    'Řízení o žádosti se do 15. 12. 2026 přerušuje',
  ],
};

test('renders a PDF for every kind', async () => {
  for (const kind of ALL_LETTER_KINDS) {
    const pdf = await renderLetterPdf(sampleLetterInput(kind));
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', kind);
  }
});

for (const kind of ALL_LETTER_KINDS) {
  test(`PDF text of the '${kind}' letter keeps Czech diacritics`, async (t) => {
    const text = await pdfText(t, await renderLetterPdf(sampleLetterInput(kind)));
    if (text === null) return;
    assertContains(text, [...COMMON_TEXT, ...KIND_TEXT[kind]]);
  });
}

test('all Czech special letters and quotes survive', async (t) => {
  const sample = 'ě š č ř ž ý á í é ů ú ň ť ď Ě Š Č Ř Ž „ “ §';
  const input = sampleLetterInput('refusal');
  input.refusal = { reasons: `Znaky: ${sample}`, legalGround: '§ 56 zákona č. 326/1999 Sb.', appealDays: 15 };
  const text = await pdfText(t, await renderLetterPdf(input));
  if (text === null) return;
  assertContains(text, [sample]);
});

test('the same input gives byte-identical PDFs (stable SHA-256)', async () => {
  for (const kind of ALL_LETTER_KINDS) {
    const first = await renderLetterPdf(sampleLetterInput(kind));
    const second = await renderLetterPdf(sampleLetterInput(kind));
    assert.equal(sha256(first), sha256(second), kind);
  }
});

test('a different letter gives a different PDF', async () => {
  const a = await renderLetterPdf(sampleLetterInput('grant'));
  const b = await renderLetterPdf(sampleLetterInput('grant', { issuedOn: '2026-11-25' }));
  assert.notEqual(sha256(a), sha256(b));
});

test('missing kind data rejects with LetterInputError before rendering', async () => {
  await assert.rejects(renderLetterPdf(sampleLetterInput('grant', { visa: undefined })), LetterInputError);
});
