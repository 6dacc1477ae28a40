/**
 * Every seed fact an applicant or holder needs is on a page, in all five languages (issue 11). The
 * result pages of the seed personas are rendered through the app; each fact of the checklist below
 * (the table in docs/WEB.md) must be on its persona's page as an element marked `data-fact="…"` whose
 * text contains the translation of the key it is rendered from, in that page's language; a
 * translation must differ from the English one; where the fact is a legal statement, its section carries
 * a link to the legal source. Expected texts come from the catalogs and the policy module, so a
 * changed amount or date changes the expectation with it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultBundle, message, valueOn } from '../../src/modules/policy/index.ts';
import { formatDate, LOCALES, t, type Locale, type MessageKey } from '../../src/modules/web/index.ts';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const bundle = defaultBundle();

/** The seed personas, by the answers that bring them to their result page. */
const PERSONAS = {
  tolerance:
    'held_status=none&nationality=UKR&lived_in_ukraine_before_war=true&applied_protection_in_other_eu_state=false&holds_residence_in_other_state=true&cannot_return=true&in_czech_republic=true&region=CZ-10',
  temporary_protection:
    'held_status=none&nationality=UKR&lived_in_ukraine_before_war=true&applied_protection_in_other_eu_state=false&holds_residence_in_other_state=false&eu_citizen=false&applied_international_protection=false',
  holder:
    'on=2023-03-01&held_status=tolerance_visa&nationality=UKR&visa_war_related=true&visa_valid_to=2023-06-30&visa_issued_on=2022-07-01',
  journalist_ru:
    'on=2023-06-01&held_status=none&nationality=RUS&civil_society_category=journalist&publicly_opposes_regime=true&at_risk_at_home=true',
  academic_by:
    'on=2023-06-01&held_status=none&nationality=BLR&civil_society_category=academic&publicly_opposes_regime=true&at_risk_at_home=true',
  student_by: 'on=2023-06-01&held_status=none&nationality=BLR&civil_society_category=none&scholarship=msmt',
  humanitarian_ru: 'on=2023-06-01&held_status=none&nationality=RUS&civil_society_category=none&humanitarian_grounds=true',
  journalist_ru_now: 'held_status=none&nationality=RUS&civil_society_category=journalist&publicly_opposes_regime=true&at_risk_at_home=true',
  none: 'held_status=none&nationality=OTHER&lived_in_ukraine_before_war=false&protected_in_ukraine_before_war=false&family_of_protected_person=false&ukrainian_permanent_resident_at_risk=false&cannot_return=false',
} as const;
type Persona = keyof typeof PERSONAS;

const param = (id: string, on: string) => String(valueOn(bundle.parameters[id]!, on).value);
const HOLDER_ISSUED = '2022-07-01';
const extension = bundle.parameters['auto_extension_2023.effective_on']!.values[0]!;

/** How the expected text is made: a page key (with its variables in the page's language), a policy message, or a literal. */
type Source = { web: MessageKey; vars?: (l: Locale) => Record<string, string | number> } | { policy: string } | { literal: string };

interface SeedFact {
  id: string;
  /** The `data-fact` marker, when it is not the id (one element shows one of two facts). */
  marker?: string;
  seed: 'tolerance-visa' | 'civil-society-program';
  fact: string;
  on: Persona[];
  text: Source;
  /** The fact's section links to its legal source. */
  legal: boolean;
}

const web = (key: MessageKey, vars?: (l: Locale) => Record<string, string | number>): Source => ({ web: key, vars });
const tol = 'tolerance-visa' as const;
const csp = 'civil-society-program' as const;
const RIGHTS_ON: Persona[] = ['tolerance', 'holder'];

const SEED_FACTS: SeedFact[] = [
  {
    id: 'tolerance-route',
    seed: tol,
    fact: 'Not entitled to temporary protection → tolerance visa',
    on: ['tolerance'],
    text: { policy: 'rule.route.tolerance_visa' },
    legal: true,
  },
  {
    id: 'no-tp-not-leave',
    seed: tol,
    fact: 'You need not leave; wait until the conflict is over; no other rights or benefits',
    on: ['tolerance'],
    text: web('tol.intro'),
    legal: true,
  },
  {
    id: 'in-person-oamp-region',
    seed: tol,
    fact: 'Apply in person at the OAMP office of your region',
    on: ['tolerance', 'holder'],
    text: web('where.intro'),
    legal: false,
  },
  {
    id: 'office-address',
    seed: tol,
    fact: 'The office’s address (Prague chosen)',
    on: ['tolerance'],
    text: { literal: 'Žukovského 888/2, Praha 6' },
    legal: false,
  },
  { id: 'office-hours', seed: tol, fact: 'Office hours', on: ['tolerance', 'holder'], text: web('where.hours'), legal: false },
  {
    id: 'office-booking',
    seed: tol,
    fact: 'How to book: phone or FRS',
    on: ['tolerance', 'holder'],
    text: web('where.book'),
    legal: false,
  },
  {
    id: 'form-capital-latin-czech',
    seed: tol,
    fact: 'Form, free at the office, in capital Latin letters, in Czech',
    on: ['tolerance'],
    text: web('tol.form'),
    legal: true,
  },
  { id: 'passport', seed: tol, fact: 'Passport', on: ['tolerance'], text: web('tol.passport'), legal: true },
  { id: 'photo', seed: tol, fact: 'Passport photograph', on: ['tolerance'], text: web('tol.photo'), legal: true },
  {
    id: 'duty-stamps',
    seed: tol,
    fact: 'CZK 300 in duty stamps from the post office, not cash or card',
    on: ['tolerance'],
    text: web('tol.fee', () => ({
      amount: (valueOn(bundle.parameters['tolerance_visa.fee']!, '2026-12-02').value as { amount_czk: number }).amount_czk,
    })),
    legal: true,
  },
  {
    id: 'affidavit-notary',
    seed: tol,
    fact: 'Affidavit before a notary that you cannot return',
    on: ['tolerance'],
    text: web('tol.affidavit'),
    legal: true,
  },
  {
    id: 'inadmissible-returned',
    seed: tol,
    fact: 'Missing document or fee → inadmissible and returned',
    on: ['tolerance'],
    text: web('tol.missing'),
    legal: true,
  },
  {
    id: 'decision-30-days-post',
    seed: tol,
    fact: 'Not on the spot; 30 days; letter by post',
    on: ['tolerance'],
    text: web('tol.time', () => ({ days: Number(param('tolerance_visa.decision_period_days', '2026-12-02')) })),
    legal: true,
  },
  {
    id: 'work-permit',
    seed: tol,
    fact: 'No work without a Labour Office permit',
    on: RIGHTS_ON,
    text: { policy: 'rights.work.permit_required' },
    legal: true,
  },
  {
    id: 'no-health-insurance',
    seed: tol,
    fact: 'No public health insurance',
    on: RIGHTS_ON,
    text: { policy: 'rights.public_health_insurance.false' },
    legal: true,
  },
  {
    id: 'no-humanitarian-benefits',
    seed: tol,
    fact: 'No humanitarian benefits or state assistance',
    on: RIGHTS_ON,
    text: { policy: 'rights.humanitarian_benefit.false' },
    legal: true,
  },
  {
    id: 'travel-reentry',
    seed: tol,
    fact: 'Travel and re-entry allowed',
    on: RIGHTS_ON,
    text: { policy: 'rights.travel_and_reentry.true' },
    legal: true,
  },
  {
    id: 'auto-extension',
    seed: tol,
    fact: 'Extended automatically until 31 March 2024',
    on: ['holder'],
    text: web('holder.extended', (l) => ({ date: formatDate(l, param('auto_extension_2023.extended_to', HOLDER_ISSUED)) })),
    legal: true,
  },
  {
    id: 'auto-extension-scope',
    seed: tol,
    fact: 'Took effect 1 January 2023; visas issued from 24 February 2022, war-related',
    on: ['holder'],
    text: web('holder.scope', (l) => ({ effective: formatDate(l, String(extension.value)), since: formatDate(l, extension.from) })),
    legal: true,
  },
  {
    id: 'nothing-to-do',
    seed: tol,
    fact: 'Nothing needs doing, nowhere to go',
    on: ['holder'],
    text: { policy: 'g.nothing_needed' },
    legal: true,
  },
  {
    id: 'authorities-informed',
    seed: tol,
    fact: 'Insurance, Labour Office and social security see it automatically',
    on: ['holder'],
    text: web('holder.authorities'),
    legal: true,
  },
  { id: 'sticker-optional', seed: tol, fact: 'New sticker optional', on: ['holder'], text: { policy: 'g.sticker_optional' }, legal: true },
  {
    id: 'sticker-booking',
    seed: tol,
    fact: 'Sticker by appointment at OAMP (phone or FRS)',
    on: ['holder'],
    text: { policy: 'g.book_by_phone_or_online' },
    legal: true,
  },
  {
    id: 'not-tp-system',
    seed: tol,
    fact: 'Do not use the temporary-protection extension system',
    on: ['holder'],
    text: web('holder.tp_system'),
    legal: true,
  },
  {
    id: 'temporary-protection-route',
    seed: tol,
    fact: 'Entitled to temporary protection → that, not a tolerance visa',
    on: ['temporary_protection'],
    text: { policy: 'rule.route.temporary_protection' },
    legal: true,
  },
  {
    id: 'temporary-protection',
    seed: tol,
    fact: 'Temporary protection is a different status',
    on: ['temporary_protection'],
    text: web('tp.text'),
    legal: true,
  },
  {
    id: 'civil-society-route',
    seed: csp,
    fact: 'Civil Society programme for Russian and Belarusian opponents',
    on: ['journalist_ru', 'academic_by'],
    text: { policy: 'rule.route.civil_society_programme' },
    legal: true,
  },
  {
    id: 'civil-society-ngo',
    seed: csp,
    fact: 'Through partner NGOs, individual assessment; Schengen or long-stay visas',
    on: ['journalist_ru', 'academic_by'],
    text: web('csp.text'),
    legal: true,
  },
  {
    id: 'study-route',
    seed: csp,
    fact: 'Belarusian students on Czech/EU scholarships: long-term residence',
    on: ['student_by'],
    text: { policy: 'rule.route.study_residence_by' },
    legal: true,
  },
  {
    id: 'study-scholarship',
    seed: csp,
    fact: 'Apply for long-term residence for study',
    on: ['student_by'],
    text: web('study.text'),
    legal: true,
  },
  {
    id: 'humanitarian-route',
    seed: csp,
    fact: 'Humanitarian exception from the suspension',
    on: ['humanitarian_ru'],
    text: { policy: 'rule.route.humanitarian_exception' },
    legal: true,
  },
  { id: 'humanitarian-individual', seed: csp, fact: 'Decided individually', on: ['humanitarian_ru'], text: web('hum.text'), legal: true },
  {
    id: 'suspension',
    seed: csp,
    fact: 'Visas for Russian, then Belarusian citizens suspended',
    on: ['journalist_ru', 'academic_by', 'student_by', 'humanitarian_ru', 'journalist_ru_now'],
    text: web('sus.lead'),
    legal: true,
  },
  {
    id: 'suspension-end',
    seed: csp,
    fact: 'In force until the end of March 2024',
    on: ['journalist_ru', 'academic_by', 'student_by', 'humanitarian_ru'],
    text: web('sus.end', (l) => ({ date: formatDate(l, valueOn(bundle.parameters['suspension.ru.active']!, '2023-06-01').to!) })),
    legal: true,
  },
  {
    id: 'suspension-no-end',
    marker: 'suspension-end',
    seed: csp,
    fact: 'After March 2024: no end decreed (the 2024 decree)',
    on: ['journalist_ru_now'],
    text: web('sus.end_open'),
    legal: true,
  },
  {
    id: 'suspension-humanitarian-exception',
    seed: csp,
    fact: 'Exceptions for humanitarian cases',
    on: ['journalist_ru', 'academic_by', 'humanitarian_ru'],
    text: { policy: 'exception.suspension.exception.humanitarian' },
    legal: true,
  },
  {
    id: 'suspension-student-exception',
    seed: csp,
    fact: 'Exception for Belarusian scholarship students',
    on: ['student_by'],
    text: { policy: 'exception.suspension.exception.scholarship_study' },
    legal: true,
  },
  { id: 'no-route', seed: tol, fact: 'None of the routes fits (and whom to ask)', on: ['none'], text: web('r.none'), legal: false },
];

function expectedText(f: SeedFact, l: Locale): string {
  const s = f.text;
  if ('web' in s) return t(l)(s.web, s.vars?.(l));
  if ('policy' in s) return message(bundle, l, s.policy);
  return s.literal;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? m),
  );
const norm = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The element (start and end offsets) whose opening tag starts at `start`, matched by counting its own tag. */
function elementAt(html: string, start: number): { start: number; end: number } {
  const tag = /^<([a-z0-9]+)/i.exec(html.slice(start))![1]!;
  const re = new RegExp(`<(/?)${tag}(?=[\\s>/])[^>]*>`, 'gi');
  re.lastIndex = start;
  let depth = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[1]) depth--;
    else if (!m[0].endsWith('/>')) depth++;
    if (depth === 0) return { start, end: m.index + m[0].length };
  }
  return { start, end: html.length };
}

/** What is wrong with a fact on a page (empty when it is there, in the page's language, with its source). */
function checkFact(html: string, l: Locale, f: SeedFact): string[] {
  const problems: string[] = [];
  const marker = `data-fact="${f.marker ?? f.id}"`;
  const want = norm(expectedText(f, l));
  if (!want) return [`${f.id}: empty text in ${l}`];
  if (l !== 'en' && !('literal' in f.text) && want === norm(expectedText(f, 'en'))) problems.push(`${f.id}: not translated in ${l}`);
  const hits: { start: number; end: number }[] = [];
  for (let i = html.indexOf(marker); i >= 0; i = html.indexOf(marker, i + 1)) hits.push(elementAt(html, html.lastIndexOf('<', i)));
  if (!hits.length) return [...problems, `${f.id}: no element marked ${marker}`];
  const el = hits.find((h) => norm(decode(html.slice(h.start, h.end).replace(/<[^>]+>/g, ' '))).includes(want));
  if (!el) {
    problems.push(`${f.id}: the marked element does not read “${want}” in ${l}`);
    return problems;
  }
  if (f.legal) {
    const sectionStart = html.lastIndexOf('<section', el.start);
    const section = sectionStart >= 0 ? elementAt(html, sectionStart) : null;
    const body = section && section.end >= el.end ? html.slice(section.start, section.end) : '';
    if (!/<a class="source" href="https?:\/\/[^"]+"/.test(body)) problems.push(`${f.id}: its section has no link to the legal source`);
  }
  return problems;
}

test('the checklist names each fact once, and every persona it uses', () => {
  assert.equal(new Set(SEED_FACTS.map((f) => f.id)).size, SEED_FACTS.length);
  for (const f of SEED_FACTS) for (const p of f.on) assert.ok(PERSONAS[p], `${f.id}: ${p}`);
});

for (const tier of dbTiers()) {
  describe(`seed facts on the pages [${tier.name}]`, () => {
    let app: TestApp;
    const pages = new Map<string, string>();
    const page = async (p: Persona, l: Locale) => {
      const key = `${l}:${p}`;
      if (!pages.has(key)) {
        const r = await app.app.inject({ url: `/${l}/navigator?${PERSONAS[p]}` });
        assert.equal(r.statusCode, 200, `${key}`);
        assert.match(r.body, new RegExp(`<html lang="${l}"`));
        pages.set(key, r.body);
      }
      return pages.get(key)!;
    };
    before(async () => {
      app = await startTestApp(await tier.open(), { now: '2026-12-02T09:00:00Z' });
    });
    after(() => app.close());

    for (const l of LOCALES) {
      test(`every seed fact is on its persona's page in ${l}`, async () => {
        const problems: string[] = [];
        for (const f of SEED_FACTS) for (const p of f.on) problems.push(...checkFact(await page(p, l), l, f).map((x) => `${p}: ${x}`));
        assert.deepEqual(problems, []);
      });
    }

    test('the check fails when a fact is missing, untranslated, or loses its source', async () => {
      const uk = await page('tolerance', 'uk');
      const stamps = SEED_FACTS.find((f) => f.id === 'duty-stamps')!;
      const work = SEED_FACTS.find((f) => f.id === 'work-permit')!;
      assert.deepEqual(checkFact(uk, 'uk', stamps), []);
      assert.match(checkFact(uk.replace('data-fact="duty-stamps"', ''), 'uk', stamps).join(), /no element marked/);
      const english = uk.replace(norm(expectedText(stamps, 'uk')), expectedText(stamps, 'en'));
      assert.notEqual(english, uk);
      assert.match(checkFact(english, 'uk', stamps).join(), /does not read/);
      assert.match(checkFact(uk.replaceAll('class="source"', 'class="x"'), 'uk', work).join(), /no link to the legal source/);
      // A persona's page does not carry another persona's facts.
      assert.match(checkFact(await page('temporary_protection', 'uk'), 'uk', stamps).join(), /no element marked/);
    });
  });
}
