/** Request and response schemas of the office's case statistics (the supervisor's dashboard). */
import { Type } from 'typebox';

const IsoDate = Type.String({ format: 'date', description: 'Civil date, YYYY-MM-DD' });
const Count = Type.Integer({ minimum: 0 });
const Days = Type.Union([Type.Number(), Type.Null()], { description: 'Calendar days, to 0.1; null without decisions' });

export const CaseStatisticsQuery = Type.Object(
  {
    office: Type.Optional(Type.String({ pattern: '^[A-Z]{3}-[A-Z]{3}$', description: 'Default: your office' })),
    from: Type.Optional(Type.String({ format: 'date', description: 'Default: the first of the month five months before `to`' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'Default: today in Prague; not in the future' })),
  },
  { additionalProperties: false },
);

export const CaseStatisticsView = Type.Object({
  officeId: Type.String(),
  from: IsoDate,
  to: IsoDate,
  asOf: IsoDate,
  intakeByWeek: Type.Object({
    caseTypes: Type.Array(Type.String()),
    weeks: Type.Array(
      Type.Object({
        week: Type.String({ description: 'ISO week, YYYY-Www' }),
        from: IsoDate,
        to: IsoDate,
        partial: Type.Boolean({ description: 'The week reaches outside the range: only its days inside are counted' }),
        byType: Type.Array(Type.Object({ caseType: Type.String(), count: Count })),
        total: Count,
      }),
    ),
  }),
  backlog: Type.Object({
    asOf: IsoDate,
    buckets: Type.Array(
      Type.Object({
        bucket: Type.Union(
          [
            Type.Literal('overdue'),
            Type.Literal('d0_5'),
            Type.Literal('d6_10'),
            Type.Literal('d11_20'),
            Type.Literal('d21_30'),
            Type.Literal('d31_plus'),
            Type.Literal('interrupted'),
          ],
          { description: 'Calendar days left; interrupted: the clock stands' },
        ),
        count: Count,
      }),
    ),
    total: Count,
  }),
  atRisk: Type.Object({
    asOf: IsoDate,
    workingDaysThreshold: Type.Integer(),
    items: Type.Array(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        reference: Type.String(),
        caseType: Type.String(),
        status: Type.String(),
        receivedOn: IsoDate,
        dueOn: IsoDate,
        daysLeft: Type.Integer({ description: 'Calendar days; negative when overdue' }),
        workingDaysLeft: Type.Integer(),
        overdue: Type.Boolean(),
        assignee: Type.Union([Type.Object({ id: Type.String({ format: 'uuid' }), displayName: Type.String() }), Type.Null()], {
          description: 'Who holds the case (přidělení), or null',
        }),
      }),
    ),
  }),
  outcomesByMonth: Type.Array(
    Type.Object({
      month: Type.String({ description: 'YYYY-MM' }),
      partial: Type.Boolean(),
      granted: Count,
      refused: Count,
      inadmissible: Count,
      withdrawn: Count,
      discontinued: Count,
      total: Count,
    }),
  ),
  timeToDecision: Type.Object({
    months: Type.Array(Type.Object({ month: Type.String(), partial: Type.Boolean(), decisions: Count, medianDays: Days, p90Days: Days })),
    overall: Type.Object({ decisions: Count, medianDays: Days, p90Days: Days }),
  }),
});
