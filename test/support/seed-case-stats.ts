/**
 * An office history whose dashboard figures are known exactly (test/api/case-statistics.test.ts and
 * test/web/staff-dashboard.test.ts assert them). Today is Friday 10 May 2024 (8 May is a holiday);
 * the range is 1 April – 10 May 2024. Office PHA-ZUK, intake by olga; one case at JHM-BRN (bruno)
 * and one received before the range, neither of which may count.
 */
import assert from 'node:assert/strict';
import type { TestApp } from './test-app.ts';
import { intakeBody } from './fixtures.ts';

export const STATS_TODAY = '2024-05-10';
export const STATS_FROM = '2024-04-01';

type Step =
  | { action: 'grant'; on: string }
  | { action: 'refuse'; on: string }
  | { action: 'withdraw'; on: string }
  | { action: 'discontinue'; on: string }
  | { action: 'interrupt'; on: string };

const SEED: { name: string; receivedOn: string; inadmissible?: boolean; step?: Step; office?: 'JHM-BRN'; dueOn?: string; claim?: true }[] =
  [
    { name: 'A', receivedOn: '2024-04-02', step: { action: 'grant', on: '2024-04-12' } },
    { name: 'B', receivedOn: '2024-04-02', step: { action: 'refuse', on: '2024-04-22' } },
    { name: 'C', receivedOn: '2024-04-03', step: { action: 'grant', on: '2024-05-03' } },
    { name: 'D', receivedOn: '2024-04-03', inadmissible: true },
    { name: 'E', receivedOn: '2024-04-09', step: { action: 'withdraw', on: '2024-04-15' } },
    { name: 'F', receivedOn: '2024-04-09', step: { action: 'interrupt', on: '2024-04-10' } },
    // day 30 = Fri 10 May: due today; olga holds it
    { name: 'G', receivedOn: '2024-04-10', dueOn: '2024-05-10', claim: true },
    // day 30 = Sun 5 May → Mon 6 May: overdue by 4 days
    { name: 'H', receivedOn: '2024-04-05', dueOn: '2024-05-06' },
    // day 30 = Sat 1 Jun → Mon 3 Jun: 24 days left
    { name: 'I', receivedOn: '2024-05-02', dueOn: '2024-06-03' },
    // day 30 = Sat 25 May → Mon 27 May: 17 days left (11 working days: not at risk)
    { name: 'J', receivedOn: '2024-04-25', dueOn: '2024-05-27' },
    { name: 'K', receivedOn: '2024-04-15', step: { action: 'discontinue', on: '2024-05-07' } },
    { name: 'L', receivedOn: '2024-03-20', step: { action: 'grant', on: '2024-03-29' } },
    { name: 'BRN', receivedOn: '2024-04-02', office: 'JHM-BRN' },
  ];

function stepBody(s: Step, version: number) {
  switch (s.action) {
    case 'grant':
      return { version, on: s.on, validFrom: s.on, validTo: `${Number(s.on.slice(0, 4)) + 1}${s.on.slice(4, 8)}01` };
    case 'refuse':
      return { version, on: s.on, reasons: 'Žadatel neprokázal překážku vycestování.', legalGround: '§ 56 zákona č. 326/1999 Sb.' };
    case 'withdraw':
      return { version, on: s.on };
    case 'discontinue':
      return { version, on: s.on, legalGround: '§ 66 odst. 1 písm. g) správního řádu' };
    case 'interrupt':
      return { version, on: s.on, requested: 'Doložte cestovní doklad.', respondBy: '2024-06-28' };
  }
}

/** Seeds the history with the clock on 10 May 2024; returns each case's id and reference by name. */
export async function seedCaseStats(t: TestApp): Promise<Record<string, { id: string; reference: string }>> {
  t.clock.set(`${STATS_TODAY}T09:00:00Z`);
  const out: Record<string, { id: string; reference: string }> = {};
  for (const c of SEED) {
    const as = c.office === 'JHM-BRN' ? 'bruno' : 'olga';
    const body = intakeBody({
      receivedOn: c.receivedOn,
      ...(c.office === 'JHM-BRN' ? { applicant: { regionCode: 'CZ-64' } } : {}),
      ...(c.inadmissible ? { checklist: { passport: { submitted: false } } } : {}),
    });
    const r = await t.call('POST', '/api/v1/cases/tolerance', { as, body });
    assert.equal(r.status, 201, `${c.name}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.status, c.inadmissible ? 'inadmissible' : 'under_assessment', c.name);
    if (c.dueOn) assert.equal(r.body.dueOn, c.dueOn, c.name);
    if (c.step) {
      const s = await t.call('POST', `/api/v1/cases/${r.body.id}/${c.step.action}`, { as, body: stepBody(c.step, r.body.version) });
      assert.equal(s.status, 200, `${c.name} ${c.step.action}: ${JSON.stringify(s.body)}`);
    }
    if (c.claim) {
      const cl = await t.call('POST', `/api/v1/cases/${r.body.id}/claim`, { as, body: {} });
      assert.equal(cl.status, 200, `${c.name} claim: ${JSON.stringify(cl.body)}`);
    }
    out[c.name] = { id: r.body.id, reference: r.body.reference };
  }
  return out;
}
