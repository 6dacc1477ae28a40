/** The seed's tolerance-visa checklist, as the officer records it at the counter (owned by policy: admissibility reads it). */
import { Type } from 'typebox';

export const ChecklistSchema = Type.Object(
  {
    applicationForm: Type.Object(
      {
        submitted: Type.Boolean(),
        inCzech: Type.Boolean({ description: 'The officer attests the form is filled in Czech' }),
        fields: Type.Record(Type.String({ pattern: '^[a-zA-Z]{1,40}$' }), Type.String({ maxLength: 300 }), {
          description:
            'The form’s text fields as the applicant wrote them, e.g. { "surname": "ŠEVČENKO" }; each must be in capital Latin letters',
        }),
      },
      { additionalProperties: false },
    ),
    passport: Type.Object({ submitted: Type.Boolean() }, { additionalProperties: false }),
    photo: Type.Object({ submitted: Type.Boolean() }, { additionalProperties: false }),
    fee: Type.Object(
      {
        method: Type.Union([Type.Literal('duty_stamps'), Type.Literal('cash'), Type.Literal('card'), Type.Literal('none')]),
        amountCzk: Type.Integer({ minimum: 0, maximum: 100000 }),
      },
      { additionalProperties: false },
    ),
    affidavit: Type.Object({ submitted: Type.Boolean(), notarised: Type.Boolean() }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
