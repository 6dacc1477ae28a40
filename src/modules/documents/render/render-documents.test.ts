import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DocumentRequest } from '../domain/applicant.ts';
import { renderDocumentPdf } from './render-documents.ts';

const PDFTOTEXT = '/usr/bin/pdftotext';

async function pdfText(t: TestContext, pdf: Buffer): Promise<string | null> {
  if (!existsSync(PDFTOTEXT)) {
    if (process.env.REQUIRE_PDFTOTEXT === '1') throw new Error('REQUIRE_PDFTOTEXT=1 but pdftotext is not installed');
    t.skip('pdftotext not installed (apt-get install poppler-utils)');
    return null;
  }
  const dir = await mkdtemp(join(tmpdir(), 'pobyt-doc-'));
  try {
    await writeFile(join(dir, 'd.pdf'), pdf);
    const { stdout } = await promisify(execFile)(PDFTOTEXT, ['-layout', join(dir, 'd.pdf'), '-'], { encoding: 'utf8' });
    return stdout.replace(/\s+/g, ' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const request = (locale: DocumentRequest['locale']): DocumentRequest => ({
  applicant: {
    surname: 'Шевченко',
    givenNames: 'Олена',
    sex: 'F',
    dateOfBirth: '1990-04-02',
    passportNumber: 'FX123456',
    addressInCzechia: 'Žižkova 1234/5, Praha 3',
  },
  nationality: 'UKR',
  purpose: 'tolerance_visa',
  locale,
  today: '2026-12-02',
});

test('the form PDF: Czech labels with Ukrainian beside them, the values in capitals, read back with pdftotext', async (t) => {
  const pdf = await renderDocumentPdf('form', request('uk'));
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const text = await pdfText(t, pdf);
  if (text === null) return;
  for (const s of [
    'ŽÁDOST O UDĚLENÍ VÍZA K POBYTU NAD 90 DNŮ',
    'Příjmení',
    'Прізвище, як у паспорті',
    'SHEVCHENKO',
    'OLENA',
    '2. 4. 1990',
    'UKRAJINA',
    'ŽENA',
    'FX123456',
    'ŽIŽKOVA 1234/5, PRAHA 3',
    'STRPĚNÍ POBYTU NA ÚZEMÍ',
    'українська національна транслітерація',
  ])
    assert.ok(text.includes(s), `form lacks "${s}"\n${text}`);
  assert.doesNotMatch(text, /Шевченко|Олена/);
});

test('the affidavit PDF in Czech beside Russian, with the notary’s clause blank', async (t) => {
  const text = await pdfText(t, await renderDocumentPdf('affidavit', request('ru')));
  if (text === null) return;
  for (const s of [
    'ČESTNÉ PROHLÁŠENÍ',
    'Já, níže podepsaná',
    'čestně prohlašuji',
    'торжественно заявляю',
    'SHEVCHENKO',
    'Ověřovací doložka pro legalizaci',
    'Удостоверительная надпись',
    '________',
  ])
    assert.ok(text.includes(s), `affidavit lacks "${s}"\n${text}`);
});

test('the same request gives the same bytes (nothing read from the clock)', async () => {
  const a = await renderDocumentPdf('form', request('cs'));
  const b = await renderDocumentPdf('form', request('cs'));
  assert.ok(a.equals(b));
});
