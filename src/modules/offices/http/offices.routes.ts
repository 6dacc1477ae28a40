import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../../platform/http/app.ts';
import { listOffices, listRegions } from '../db/offices.queries.ts';

const Office = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  name: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  addressVerified: Type.Boolean(),
  phone: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.String(), Type.Null()]),
});

/** The office directory is public: applicants need to know where to go. */
export function officeRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    app.get(
      '/regions',
      {
        config: { public: true },
        schema: {
          tags: ['offices'],
          summary: 'The 14 regions',
          security: [],
          response: {
            200: Type.Array(Type.Object({ code: Type.String(), nameCs: Type.String(), nameEn: Type.String(), nuts: Type.String() })),
          },
        },
      },
      async () => (await listRegions(deps.db)).map((r) => ({ code: r.code, nameCs: r.name_cs, nameEn: r.name_en, nuts: r.nuts })),
    );
    app.get(
      '/offices',
      {
        config: { public: true },
        schema: {
          tags: ['offices'],
          summary: 'OAMP offices, optionally of one region; unverified addresses are marked',
          security: [],
          querystring: Type.Object({ region: Type.Optional(Type.String({ pattern: '^CZ-[0-9]{2}$' })) }, { additionalProperties: false }),
          response: { 200: Type.Array(Office) },
        },
      },
      async (req) =>
        (await listOffices(deps.db, req.query.region)).map((o) => ({
          id: o.id,
          regionCode: o.region_code,
          name: o.name,
          address: o.address,
          addressVerified: o.address_verified,
          phone: o.phone,
          source: o.source,
        })),
    );
  };
}
