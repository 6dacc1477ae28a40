import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { requirePermission, staffCtx } from '../../auth/index.ts';
import { verifyAuditChains } from '../use-cases/verify-chains.ts';
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
      async (req) => {
        const ctx = staffCtx(req, deps);
        requirePermission(ctx.actor, 'audit.verify');
        const result = await verifyAuditChains(ctx.db);
        // After the check: the event chains onto the rows just verified.
        await writeAudit(ctx.db, {
          actorId: ctx.actor.id,
          action: 'audit.verify',
          entityType: 'audit',
          entityId: 'chains',
          after: { ok: result.ok, firstBreak: result.firstBreak, rows: Object.fromEntries(result.tables.map((t) => [t.table, t.rows])) },
          requestId: ctx.requestId,
        });
        return result;
      },
    );
  };
}
