/** `policy simulate` for open nominations: the RU/BY suspension outcome under the scenario vs today's policy. Reads only. */
import type { Db } from '../../../platform/db/db.ts';
import { defaultBundle, evaluate, type PolicyBundle } from '../../policy/index.ts';

export async function simulateNominations(db: Db, scenario: PolicyBundle) {
  const open = await db
    .selectFrom('nominations')
    .select(['reference', 'status', 'nationality', 'visa_type', 'nominated_on'])
    .where('status', 'in', ['nominated', 'screening', 'assessment'])
    .orderBy('reference')
    .execute();
  const changed = [];
  for (const n of open) {
    const req = {
      facts: {
        nationality: n.nationality,
        application_kind: n.visa_type === 'C' ? 'schengen_visa' : 'long_stay_visa',
        nominated_by_partner_ngo: true,
        also_other_citizenship: null,
      },
      dates: { filed_on: n.nominated_on },
      rules: ['suspension.ru_by'],
    };
    const now = evaluate(req, defaultBundle()).results[0]!;
    const then = evaluate(req, scenario).results[0]!;
    if (now.outcome !== then.outcome || now.exception?.id !== then.exception?.id) {
      changed.push({
        reference: n.reference,
        status: n.status,
        change: `suspension: ${now.outcome}${now.exception ? ` (${now.exception.id})` : ''} → ${then.outcome}${then.exception ? ` (${then.exception.id})` : ''}`,
      });
    }
  }
  return { evaluated: open.length, changed };
}
