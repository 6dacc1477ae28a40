/** The office's case statistics (GET /api/v1/stats/cases): exact figures from a seeded history, access, the range — on every tier. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { seedCaseStats, STATS_FROM, STATS_TODAY } from '../support/seed-case-stats.ts';

for (const tier of dbTiers()) {
  describe(`case statistics [${tier.name}]`, () => {
    let t: TestApp;
    let seeded: Awaited<ReturnType<typeof seedCaseStats>>;
    before(async () => {
      t = await startTestApp(await tier.open());
      seeded = await seedCaseStats(t);
    });
    after(() => t.close());

    test('the supervisor gets every figure exactly', async () => {
      const r = await t.call('GET', `/api/v1/stats/cases?office=PHA-ZUK&from=${STATS_FROM}&to=${STATS_TODAY}`, { as: 'sylva' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const s = r.body;
      assert.deepEqual([s.officeId, s.from, s.to, s.asOf], ['PHA-ZUK', '2024-04-01', '2024-05-10', '2024-05-10']);
      assert.deepEqual(s.intakeByWeek.caseTypes, ['tolerance_visa', 'study_residence', 'humanitarian_exception']);
      assert.deepEqual(
        s.intakeByWeek.weeks.map((w: { week: string; partial: boolean; total: number; byType: { count: number }[] }) => [
          w.week,
          w.partial,
          w.byType.map((x) => x.count),
          w.total,
        ]),
        [
          ['2024-W14', false, [5, 0, 0], 5],
          ['2024-W15', false, [3, 0, 0], 3],
          ['2024-W16', false, [1, 0, 0], 1],
          ['2024-W17', false, [1, 0, 0], 1],
          ['2024-W18', false, [1, 0, 0], 1],
          ['2024-W19', true, [0, 0, 0], 0],
        ],
      );
      assert.deepEqual(s.backlog, {
        asOf: '2024-05-10',
        buckets: [
          { bucket: 'overdue', count: 1 },
          { bucket: 'd0_5', count: 1 },
          { bucket: 'd6_10', count: 0 },
          { bucket: 'd11_20', count: 1 },
          { bucket: 'd21_30', count: 1 },
          { bucket: 'd31_plus', count: 0 },
          { bucket: 'interrupted', count: 1 },
        ],
        total: 5,
      });
      assert.equal(s.atRisk.workingDaysThreshold, 5);
      assert.deepEqual(
        s.atRisk.items.map((x: Record<string, any>) => [
          x.id,
          x.reference,
          x.dueOn,
          x.daysLeft,
          x.workingDaysLeft,
          x.overdue,
          x.assignee?.displayName ?? null,
        ]),
        [
          // H: due Mon 6 May; since then 7, 9, 10 May are working days (8 May is a holiday)
          [seeded.H!.id, seeded.H!.reference, '2024-05-06', -4, -3, true, null],
          [seeded.G!.id, seeded.G!.reference, '2024-05-10', 0, 0, false, 'Olga Officer'],
        ],
      );
      assert.deepEqual(s.outcomesByMonth, [
        { month: '2024-04', partial: false, granted: 1, refused: 1, inadmissible: 1, withdrawn: 1, discontinued: 0, total: 4 },
        { month: '2024-05', partial: true, granted: 1, refused: 0, inadmissible: 0, withdrawn: 0, discontinued: 1, total: 2 },
      ]);
      assert.deepEqual(s.timeToDecision, {
        months: [
          { month: '2024-04', partial: false, decisions: 2, medianDays: 15, p90Days: 19 },
          { month: '2024-05', partial: true, decisions: 1, medianDays: 30, p90Days: 30 },
        ],
        overall: { decisions: 3, medianDays: 20, p90Days: 28 },
      });
      assert.equal(JSON.stringify(s).includes('ŠEVČENKOVÁ'), false, 'no names in the figures');
    });

    test('defaults: the own office, today from the clock, six calendar months', async () => {
      const r = await t.call('GET', '/api/v1/stats/cases', { as: 'sylva' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual([r.body.officeId, r.body.from, r.body.to], ['PHA-ZUK', '2023-12-01', '2024-05-10']);
      assert.deepEqual(
        r.body.outcomesByMonth.map((m: { month: string; total: number }) => [m.month, m.total]),
        [
          ['2023-12', 0],
          ['2024-01', 0],
          ['2024-02', 0],
          ['2024-03', 1],
          ['2024-04', 4],
          ['2024-05', 2],
        ],
      );
      assert.equal(
        r.body.intakeByWeek.weeks.reduce((n: number, w: { total: number }) => n + w.total, 0),
        12,
      );
    });

    test('a narrower range counts only its days; the snapshot stays today’s', async () => {
      const r = await t.call('GET', '/api/v1/stats/cases?from=2024-04-03&to=2024-04-09', { as: 'sylva' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(
        r.body.intakeByWeek.weeks.map((w: { week: string; partial: boolean; total: number }) => [w.week, w.partial, w.total]),
        [
          ['2024-W14', true, 3],
          ['2024-W15', true, 2],
        ],
      );
      assert.equal(r.body.outcomesByMonth[0].inadmissible, 1);
      assert.equal(r.body.outcomesByMonth[0].total, 1);
      assert.equal(r.body.backlog.total, 5);
    });

    test('officers, admins and other offices are refused; bad ranges answer 422 naming the field, malformed ones 400', async () => {
      for (const [as, url] of [
        ['olga', '/api/v1/stats/cases'],
        ['bruno', '/api/v1/stats/cases?office=PHA-ZUK'],
        ['sylva', '/api/v1/stats/cases?office=JHM-BRN'],
        ['adam', '/api/v1/stats/cases?office=PHA-ZUK'],
      ] as const) {
        const r = await t.call('GET', url, { as });
        assert.equal(r.status, 403, `${as} ${url}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.code, 'AUTH.FORBIDDEN');
      }
      assert.equal((await t.call('GET', '/api/v1/stats/cases')).status, 401);
      const bad: [string, string, string][] = [
        ['to=2024-05-11', '/to', 'IN_FUTURE'],
        ['from=2024-05-02&to=2024-05-01', '/from', 'AFTER_TO'],
        ['from=2023-05-09&to=2024-05-09', '/from', 'RANGE_TOO_LONG'],
      ];
      for (const [q, field, reason] of bad) {
        const r = await t.call('GET', `/api/v1/stats/cases?${q}`, { as: 'sylva' });
        assert.equal(r.status, 422, `${q}: ${JSON.stringify(r.body)}`);
        assert.deepEqual(
          r.body.errors.map((e: { field: string; reason: string }) => [e.field, e.reason]),
          [[field, reason]],
          q,
        );
      }
      assert.equal((await t.call('GET', '/api/v1/stats/cases?to=2024-02-30', { as: 'sylva' })).status, 400, 'an impossible date');
      assert.equal((await t.call('GET', '/api/v1/stats/cases?name=x', { as: 'sylva' })).status, 400, 'no other parameters');
    });
  });
}
