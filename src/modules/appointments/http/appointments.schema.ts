/** Request and response schemas of the appointment routes (TypeBox → JSON Schema → OpenAPI). */
import { Type } from 'typebox';
import { LANGS } from '../../policy/index.ts';

const IsoDate = Type.String({ format: 'date' });
const Holder = { visaNumber: Type.String({ minLength: 3, maxLength: 60 }), dateOfBirth: IsoDate };

export const OfficeParams = Type.Object({ id: Type.String({ maxLength: 20 }) });
export const CodeParams = Type.Object({ code: Type.String({ pattern: '^[A-Z0-9]{8}$' }) });
export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 128 })) });

export const SlotsQuery = Type.Object({ from: IsoDate, to: IsoDate }, { additionalProperties: false });
export const FreeSlots = Type.Array(
  Type.Object({
    id: Type.String({ format: 'uuid' }),
    startsAt: Type.String({ format: 'date-time' }),
    minutes: Type.Integer(),
    capacity: Type.Integer(),
    free: Type.Integer({ description: 'Seats still free' }),
  }),
);

export const GenerateSlotsBody = Type.Object(
  {
    from: IsoDate,
    to: IsoDate,
    minutes: Type.Integer({ minimum: 5, maximum: 240 }),
    capacity: Type.Integer({ minimum: 1, maximum: 1000 }),
  },
  { additionalProperties: false },
);
export const SlotsCreated = Type.Object({
  created: Type.Integer({ description: 'Slots created' }),
  existing: Type.Integer({ description: 'Slots of the range that existed already (kept as they are)' }),
});

export const DayQuery = Type.Object({ day: IsoDate }, { additionalProperties: false });
export const OfficeDay = Type.Array(
  Type.Object({
    id: Type.String({ format: 'uuid' }),
    startsAt: Type.String({ format: 'date-time' }),
    minutes: Type.Integer(),
    capacity: Type.Integer(),
    booked: Type.Integer({ description: 'Seats taken by active bookings' }),
    bookings: Type.Array(
      Type.Object({
        code: Type.String({ description: 'The booking code the holder keeps' }),
        status: Type.Union([Type.Literal('booked'), Type.Literal('attended'), Type.Literal('cancelled')]),
        visaId: Type.String({ format: 'uuid', description: 'The visa in the register (its read is audited)' }),
        bookedAt: Type.String({ format: 'date-time' }),
        cancelledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      }),
    ),
  }),
);

export const BookBody = Type.Object({ ...Holder, slotId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export const HolderBody = Type.Object(Holder, { additionalProperties: false });
export const MoveBody = BookBody;

export const Booking = Type.Object({
  code: Type.String({ description: 'The booking code the holder keeps' }),
  status: Type.String(),
  officeId: Type.String(),
  slotId: Type.String({ format: 'uuid' }),
  startsAt: Type.String({ format: 'date-time' }),
  minutes: Type.Integer(),
});
export const BookingReply = { 200: Booking, 201: Booking };

export const TpExtensionBody = Type.Object(
  { ...Holder, lang: Type.Optional(Type.Union(LANGS.map((l) => Type.Literal(l)))) },
  { additionalProperties: false },
);
/** The channel never succeeds: a tolerance-visa holder is turned away (409 CHANNEL.WRONG_CHANNEL), anyone else gets 422. */
export const TpExtensionReply = {
  204: Type.Null({ description: 'Never sent: every request is answered with a problem (409 CHANNEL.WRONG_CHANNEL with guidance, or 422)' }),
};
