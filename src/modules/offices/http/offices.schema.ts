/** Request and response schemas of the office directory routes (TypeBox → JSON Schema → OpenAPI). */
import { Type } from 'typebox';

export const Region = Type.Object({ code: Type.String(), nameCs: Type.String(), nameEn: Type.String(), nuts: Type.String() });
export const Regions = Type.Array(Region);

export const Office = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  name: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  addressVerified: Type.Boolean(),
  phone: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.String(), Type.Null()]),
});
export const Offices = Type.Array(Office);

export const OfficesQuery = Type.Object(
  { region: Type.Optional(Type.String({ pattern: '^CZ-[0-9]{2}$' })) },
  { additionalProperties: false },
);
