/**
 * Every person the seeds describe reaches their route in at most eight questions: the interview is
 * walked with each persona's answers, asking only what the policy's next step asks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultBundle } from '../load/load-bundle.ts';
import { nextInterviewStep, QUESTION_ORDER } from './interview.ts';
import type { Facts, FactValue } from './evaluate-rules.ts';

const bundle = defaultBundle();

function walk(persona: Record<string, FactValue>, on: string, visaIssuedOn?: string) {
  const facts: Facts = {};
  const asked: string[] = [];
  const dates = () => ({
    as_of: on,
    filed_on: on,
    ...(asked.includes('visa_issued_on') && visaIssuedOn ? { visa_issued_on: visaIssuedOn } : {}),
  });
  for (let i = 0; i < 20; i++) {
    const step = nextInterviewStep(bundle, facts, dates());
    if (step.kind === 'done') return { step, asked };
    const key = step.kind === 'fact' ? step.fact : step.date;
    asked.push(key);
    if (step.kind === 'fact') facts[key] = key in persona ? persona[key] : 'unknown';
  }
  throw new Error('the interview did not end');
}

const personas: {
  name: string;
  on: string;
  answers: Record<string, FactValue>;
  visaIssuedOn?: string;
  branch: string;
  route: string | null;
}[] = [
  {
    name: 'Ukrainian not entitled to temporary protection (residence elsewhere), cannot return → tolerance visa',
    on: '2026-12-02',
    answers: {
      held_status: 'none',
      nationality: 'UKR',
      lived_in_ukraine_before_war: true,
      applied_protection_in_other_eu_state: false,
      holds_residence_in_other_state: true,
      cannot_return: true,
      in_czech_republic: true,
    },
    branch: 'routes',
    route: 'route.tolerance_visa',
  },
  {
    name: 'Ukrainian who fled the war, no exclusions → temporary protection',
    on: '2026-12-02',
    answers: {
      held_status: 'none',
      nationality: 'UKR',
      lived_in_ukraine_before_war: true,
      applied_protection_in_other_eu_state: false,
      holds_residence_in_other_state: false,
      eu_citizen: false,
      applied_international_protection: false,
    },
    branch: 'routes',
    route: 'route.temporary_protection',
  },
  {
    name: 'Russian independent journalist at risk → Civil Society programme',
    on: '2026-12-02',
    answers: {
      held_status: 'none',
      nationality: 'RUS',
      civil_society_category: 'journalist',
      publicly_opposes_regime: true,
      at_risk_at_home: true,
    },
    branch: 'routes',
    route: 'route.civil_society_programme',
  },
  {
    name: 'Belarusian academic opposing Lukashenko → Civil Society programme',
    on: '2023-06-01',
    answers: {
      held_status: 'none',
      nationality: 'BLR',
      civil_society_category: 'academic',
      publicly_opposes_regime: true,
      at_risk_at_home: true,
    },
    branch: 'routes',
    route: 'route.civil_society_programme',
  },
  {
    name: 'Belarusian student with a Ministry of Education scholarship → study residence',
    on: '2023-06-01',
    answers: { held_status: 'none', nationality: 'BLR', civil_society_category: 'none', scholarship: 'msmt' },
    branch: 'routes',
    route: 'route.study_residence_by',
  },
  {
    name: 'Russian with humanitarian grounds during the suspension → humanitarian exception',
    on: '2023-06-01',
    answers: { held_status: 'none', nationality: 'RUS', civil_society_category: 'none', humanitarian_grounds: true },
    branch: 'routes',
    route: 'route.humanitarian_exception',
  },
  {
    name: 'Holder of a war-related tolerance visa → the automatic extension',
    on: '2023-03-01',
    answers: { held_status: 'tolerance_visa', nationality: 'UKR', visa_war_related: true, visa_valid_to: '2023-06-30' },
    visaIssuedOn: '2022-07-01',
    branch: 'tolerance_holder',
    route: null,
  },
  {
    name: 'Someone from another country who can return → no route',
    on: '2026-12-02',
    answers: {
      held_status: 'none',
      nationality: 'OTHER',
      lived_in_ukraine_before_war: false,
      protected_in_ukraine_before_war: false,
      family_of_protected_person: false,
      ukrainian_permanent_resident_at_risk: false,
      cannot_return: false,
    },
    branch: 'routes',
    route: null,
  },
];

for (const p of personas) {
  test(`${p.name}: at most eight questions`, () => {
    const { step, asked } = walk(p.answers, p.on, p.visaIssuedOn);
    assert.equal(step.kind, 'done');
    if (step.kind !== 'done') return;
    assert.equal(step.branch, p.branch);
    assert.equal(step.route, p.route, `asked: ${asked.join(', ')}`);
    assert.ok(asked.length <= 8, `${asked.length} questions: ${asked.join(', ')}`);
  });
}

test('"I don\'t know" is not asked again, and a fact that cannot change the outcome is never asked', () => {
  const facts: Facts = { held_status: 'none', nationality: 'UKR', lived_in_ukraine_before_war: true };
  const s = nextInterviewStep(bundle, facts, { as_of: '2026-12-02' });
  assert.equal(s.kind, 'fact');
  // After "lived in Ukraine = yes", the other groups of temporary protection no longer matter.
  if (s.kind === 'fact') assert.ok(!['protected_in_ukraine_before_war', 'family_of_protected_person'].includes(s.fact), s.fact);
  const u = nextInterviewStep(bundle, { held_status: 'unknown', nationality: 'unknown' }, { as_of: '2026-12-02' });
  assert.ok(u.kind !== 'fact' || !['held_status', 'nationality'].includes(u.fact));
});

test('QUESTION_ORDER names only facts of the dictionary', () => {
  for (const f of QUESTION_ORDER) assert.ok(bundle.facts[f], f);
});
