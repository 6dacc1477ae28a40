/** Request bodies for tolerance-visa intake. Fictional people. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let n = 0;
export function intakeBody(over: { receivedOn?: string; checklist?: Record<string, unknown>; applicant?: Record<string, unknown> } = {}) {
  n += 1;
  return {
    receivedOn: over.receivedOn ?? '2024-03-01',
    ground: '33-1-a',
    applicant: {
      surname: 'ŠEVČENKOVÁ',
      givenNames: 'OLENA',
      nativeName: 'Шевченко Олена',
      dateOfBirth: '1988-02-14',
      nationality: 'UKR',
      passportNumber: `FX${String(100000 + n)}`,
      passportExpiresOn: '2030-01-31',
      address: 'Vinohradská 10, 120 00 Praha 2',
      regionCode: 'CZ-10',
      ...(over.applicant ?? {}),
    },
    checklist: {
      applicationForm: {
        submitted: true,
        inCzech: true,
        fields: { surname: 'ŠEVČENKOVÁ', givenNames: 'OLENA', addressInCzechia: 'VINOHRADSKÁ 10, PRAHA 2' },
      },
      passport: { submitted: true },
      photo: { submitted: true },
      fee: { method: 'duty_stamps', amountCzk: 300 },
      affidavit: { submitted: true, notarised: true },
      ...(over.checklist ?? {}),
    },
  };
}

export const hasPdftotext = existsSync('/usr/bin/pdftotext');

/** The text of a PDF as pdftotext reads it, whitespace folded. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'pobyt-pdf-'));
  const f = join(dir, 'letter.pdf');
  writeFileSync(f, pdf);
  return execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}
