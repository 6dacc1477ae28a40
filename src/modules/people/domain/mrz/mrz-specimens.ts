/**
 * Builds MRZ lines with their check digits (ICAO Doc 9303 Part 3: weights 7-3-1, < = 0, A = 10 …),
 * for tests and the demo data. Written from the standard, independently of the `mrz` package that
 * checks them, so a test of one against the other can fail.
 */
const value = (c: string) => (c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);

export function checkDigit(s: string): string {
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += value(s[i]!) * [7, 3, 1][i % 3]!;
  return String(sum % 10);
}

const fit = (s: string, n: number) => s.toUpperCase().replace(/[ -]/g, '<').padEnd(n, '<').slice(0, n);
const nameField = (surname: string, given: string, n: number) => fit(`${surname.replace(/[ -]/g, '<')}<<${given.replace(/[ -]/g, '<')}`, n);

export interface SpecimenPerson {
  surname: string;
  givenNames: string;
  documentNumber: string;
  issuingState: string;
  nationality: string;
  /** YYMMDD */
  birth: string;
  sex: 'M' | 'F' | '<';
  /** YYMMDD */
  expiry: string;
  personalNumber?: string;
}

/** A passport's two lines (TD3, 2 × 44). */
export function td3(p: SpecimenPerson): [string, string] {
  const doc = fit(p.documentNumber, 9);
  const personal = fit(p.personalNumber ?? '', 14);
  const l1 = `P<${fit(p.issuingState, 3)}${nameField(p.surname, p.givenNames, 39)}`;
  const docPart = doc + checkDigit(doc);
  const birth = p.birth + checkDigit(p.birth);
  const expiry = p.expiry + checkDigit(p.expiry);
  const personalPart = personal + (p.personalNumber ? checkDigit(personal) : '<');
  const composite = checkDigit(docPart + birth + expiry + personalPart);
  return [l1, `${docPart}${fit(p.nationality, 3)}${birth}${p.sex}${expiry}${personalPart}${composite}`];
}

/** An identity card's three lines (TD1, 3 × 30). */
export function td1(p: SpecimenPerson): [string, string, string] {
  const doc = fit(p.documentNumber, 9);
  const l1 = `I<${fit(p.issuingState, 3)}${doc}${checkDigit(doc)}${fit(p.personalNumber ?? '', 15)}`;
  const birth = p.birth + checkDigit(p.birth);
  const expiry = p.expiry + checkDigit(p.expiry);
  const l2head = `${birth}${p.sex}${expiry}${fit(p.nationality, 3)}${fit('', 11)}`;
  const composite = checkDigit(l1.slice(5, 30) + l2head.slice(0, 7) + l2head.slice(8, 15) + l2head.slice(18, 29));
  return [l1, l2head + composite, nameField(p.surname, p.givenNames, 30)];
}

/** The same lines with the character at (line, column) replaced. */
export function corrupt(lines: readonly string[], line: number, column: number, by?: string): string[] {
  return lines.map((l, i) => {
    if (i !== line) return l;
    const c = l[column]!;
    const next = by ?? (/\d/.test(c) ? String((Number(c) + 1) % 10) : c === '<' ? '1' : 'X');
    return l.slice(0, column) + next + l.slice(column + 1);
  });
}
