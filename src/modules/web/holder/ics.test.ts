import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildIcs, escapeText, foldLine, icsUtc } from './ics.ts';

const ev = {
  uid: 'K7M2P9QX@pobyt',
  start: new Date('2026-12-03T08:30:00Z'),
  minutes: 30,
  stamp: new Date('2026-12-02T09:00:05.123Z'),
  summary: 'Нова візова наклейка — OAMP',
  location: 'OAMP Praha, Žukovského 888/2, 161 00 Praha 6',
  description: 'Код запису K7M2P9QX; візьміть паспорт.\nДругий рядок \\ кінець',
};

test('CRLF line ends only, a calendar with one event, UTC times, UID and DTSTAMP', () => {
  const ics = buildIcs(ev);
  assert.ok(ics.endsWith('\r\n'));
  assert.doesNotMatch(ics.replace(/\r\n/g, ''), /[\r\n]/);
  const lines = ics.split('\r\n');
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.at(-2), 'END:VCALENDAR');
  assert.ok(lines.includes('VERSION:2.0'));
  assert.ok(lines.some((l) => l.startsWith('PRODID:')));
  assert.ok(lines.includes('UID:K7M2P9QX@pobyt'));
  assert.ok(lines.includes('DTSTAMP:20261202T090005Z'));
  assert.ok(lines.includes('DTSTART:20261203T083000Z'));
  assert.ok(lines.includes('DTEND:20261203T090000Z'));
  assert.equal(icsUtc(new Date('2027-01-31T23:59:59.999Z')), '20270131T235959Z');
});

test('no line is longer than 75 octets, folds never split a UTF-8 character, and unfolding gives the text back', () => {
  const ics = buildIcs({ ...ev, description: `${'Довгий опис із кирилицею й діакритикою — Žluťoučký kůň. '.repeat(6)}` });
  for (const l of ics.split('\r\n')) {
    assert.ok(Buffer.byteLength(l, 'utf8') <= 75, `${Buffer.byteLength(l, 'utf8')} octets: ${l}`);
    assert.doesNotMatch(l, /\uFFFD/);
  }
  const unfolded = ics.replace(/\r\n /g, '');
  assert.match(unfolded, /DESCRIPTION:(Довгий опис із кирилицею й діакритикою — Žluťoučký kůň\. ){6}\r\n/);
  // A fold at exactly 75 octets: 75 ASCII characters stay on one line, 76 fold.
  assert.equal(foldLine('x'.repeat(75)), 'x'.repeat(75));
  assert.equal(foldLine('x'.repeat(76)), `${'x'.repeat(75)}\r\n x`);
  // A two-octet character that would straddle octet 75 moves to the next line whole.
  const f = foldLine(`${'x'.repeat(74)}ž`);
  assert.equal(f, `${'x'.repeat(74)}\r\n ž`);
});

test('TEXT values escape backslash, semicolon, comma and newline', () => {
  assert.equal(escapeText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
  const unfolded = buildIcs(ev).replace(/\r\n /g, '');
  assert.match(unfolded, /LOCATION:OAMP Praha\\, Žukovského 888\/2\\, 161 00 Praha 6\r\n/);
  assert.match(unfolded, /DESCRIPTION:Код запису K7M2P9QX\\; візьміть паспорт\.\\nДругий рядок \\\\ кінець\r\n/);
});

test('a moved appointment keeps its UID and raises SEQUENCE; a cancelled one says so', () => {
  const moved = buildIcs({ ...ev, sequence: 2 });
  assert.match(moved, /\r\nUID:K7M2P9QX@pobyt\r\n/);
  assert.match(moved, /\r\nSEQUENCE:2\r\n/);
  const cancelled = buildIcs({ ...ev, cancelled: true });
  assert.match(cancelled, /\r\nMETHOD:CANCEL\r\n/);
  assert.match(cancelled, /\r\nSTATUS:CANCELLED\r\n/);
});
