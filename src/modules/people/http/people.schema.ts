/** Request and response schemas of the people routes, and the duplicate candidates other modules' answers carry. */
import { Type } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const IsoDate = Type.String({ format: 'date', description: 'Civil date, YYYY-MM-DD' });

export const DuplicateReasonSchema = Type.Union([
  Type.Object({
    code: Type.Literal('NAME'),
    similarity: Type.Number({ description: 'Trigram similarity of the folded names, 0–1' }),
    matched: Type.String({ description: 'The existing person’s variant that matched' }),
    why: Type.String({ description: 'e.g. “the Ukrainian national transliteration of Олександр Шевченко”' }),
    resembles: Type.String({ description: 'The new person’s spelling it resembles' }),
  }),
  Type.Object({ code: Type.Literal('BIRTH_DATE'), dateOfBirth: IsoDate }),
  Type.Object({ code: Type.Literal('PASSPORT_NUMBER'), number: Type.String() }),
]);

export const DuplicateCandidateSchema = Type.Object({
  personId: Uuid,
  score: Type.Number({ description: 'Name similarity, plus 1 for a passport number in common' }),
  reasons: Type.Array(DuplicateReasonSchema),
});

export const DuplicateCandidates = Type.Array(DuplicateCandidateSchema, {
  description: 'Existing persons who resemble this one, with the reasons; never merged automatically',
});

export const PersonParams = Type.Object({ id: Uuid });

export const SearchBody = Type.Object(
  {
    q: Type.String({ minLength: 2, maxLength: 200, description: 'A name in any script and any spelling' }),
    dateOfBirth: Type.Optional(IsoDate),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const SearchReply = Type.Object({
  hits: Type.Array(
    Type.Object({
      personId: Uuid,
      surname: Type.String(),
      givenNames: Type.String(),
      nativeName: Type.Union([Type.String(), Type.Null()]),
      dateOfBirth: IsoDate,
      nationality: Type.String(),
      similarity: Type.Number(),
      matched: Type.String({ description: 'The stored variant that matched' }),
      why: Type.String({ description: 'Why it matched, e.g. “the Ukrainian national transliteration of Олександр”' }),
    }),
  ),
});

export const PersonView = Type.Object({
  id: Uuid,
  surname: Type.String(),
  givenNames: Type.String(),
  nativeName: Type.Union([Type.String(), Type.Null()]),
  dateOfBirth: IsoDate,
  nationality: Type.String(),
  mergedInto: Type.Union([Uuid, Type.Null()]),
  mergedFrom: Type.Array(Uuid),
  passports: Type.Array(
    Type.Object({
      number: Type.String(),
      nationality: Type.String(),
      expiresOn: Type.Union([IsoDate, Type.Null()]),
      source: Type.String(),
    }),
  ),
  variants: Type.Array(Type.Object({ system: Type.String(), text: Type.String(), why: Type.String() })),
  decisions: Type.Array(
    Type.Object({
      id: Uuid,
      kind: Type.String(),
      personId: Uuid,
      otherId: Uuid,
      decidedBy: Type.Union([Uuid, Type.Null()]),
      decidedAt: Type.String(),
      reversedAt: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export const DuplicatesReply = Type.Object({ candidates: DuplicateCandidates });

export const MergeBody = Type.Object(
  { into: Type.String({ format: 'uuid', description: 'The person this one is merged into (it survives)' }) },
  { additionalProperties: false },
);
export const DistinctBody = Type.Object(
  { other: Type.String({ format: 'uuid', description: 'The person this one is not' }) },
  { additionalProperties: false },
);
export const DecisionReply = Type.Object({ id: Uuid, kind: Type.String(), personId: Uuid, otherId: Uuid, reversed: Type.Boolean() });
