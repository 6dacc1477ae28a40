import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { listOffices, listRegions } from '../db/offices.queries.ts';
import * as S from './offices.schema.ts';

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
          response: { 200: S.Regions },
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
          querystring: S.OfficesQuery,
          response: { 200: S.Offices },
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
