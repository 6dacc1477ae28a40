import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { staffCtx } from '../../auth/index.ts';
import { verifyChainsAsStaff } from '../use-cases/verify-chains.ts';
import * as S from './audit.schema.ts';

export function auditRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    app.get(
      '/audit/verify',
      {
        schema: {
          tags: ['audit'],
          summary:
            'Verify the hash chains of the audit log and the case log (supervisor, admin): ok, or the first broken link (table, id, reason). The check is itself audited',
          response: { 200: S.AuditVerification },
        },
      },
      async (req) => verifyChainsAsStaff(staffCtx(req, deps)),
    );
  };
}
