/**
 * Every log line a test app writes, and the personal data the tests sent it. A test app (test-app.ts)
 * logs at `info` into a `LogCapture`; its hooks note every name, passport number, birth date,
 * narrative, contact and address that reached it (URL and body); closing the app fails when any log
 * line holds one of them — as sent, JSON-escaped or percent-encoded.
 */
import { Writable } from 'node:stream';

/** The request fields whose values are personal data (in a body at any depth, or in a query string). */
const PERSONAL = new Set([
  'surname',
  'givenNames',
  'nativeName',
  'dateOfBirth',
  'passportNumber',
  'narrative',
  'contacts',
  'address',
  'addressInCzechia',
  'declineReasons',
  // the documents page's form
  'passportSurname',
  'passportGivenNames',
  'formerSurnames',
  'placeOfBirth',
  'passportIssuedBy',
]);

export class LogCapture {
  readonly lines: string[] = [];
  readonly sent = new Set<string>();
  readonly stream = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      for (const l of chunk.toString('utf8').split('\n')) if (l) this.lines.push(l);
      if (process.env.TEST_LOG) process.stderr.write(chunk);
      done();
    },
  });

  /** Notes the personal values in a request body (any depth; walked without recursion, a fuzzer nests thousands deep). */
  noteBody(body: unknown): void {
    const stack: [unknown, string][] = [[body, '']];
    while (stack.length) {
      const [v, key] = stack.pop()!;
      if (typeof v === 'string') {
        if (PERSONAL.has(key) && v.trim().length >= 4) this.sent.add(v);
      } else if (Array.isArray(v)) for (const x of v) stack.push([x, key]);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) stack.push([x, k]);
    }
  }

  /** Notes the personal values in a URL's query string. */
  noteUrl(url: string): void {
    const q = url.indexOf('?');
    if (q < 0) return;
    try {
      for (const [k, v] of new URLSearchParams(url.slice(q + 1))) if (PERSONAL.has(k) && v.length >= 4) this.sent.add(v);
    } catch {
      // A query that does not decode is noted by nobody: the test sent it on purpose.
    }
  }

  /** The log lines holding a value sent, with the value. */
  leaks(): { value: string; line: string }[] {
    const out: { value: string; line: string }[] = [];
    for (const value of this.sent) {
      const forms = new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value), encodeURI(value)]);
      for (const line of this.lines) if ([...forms].some((f) => line.includes(f))) out.push({ value, line });
    }
    return out;
  }

  /** @throws when a log line holds personal data a test sent */
  assertClean(): void {
    const l = this.leaks();
    if (l.length)
      throw new Error(
        `${l.length} log line(s) hold personal data the tests sent, e.g. ${JSON.stringify(l[0]!.value)} in: ${l[0]!.line.slice(0, 400)}`,
      );
  }
}
