/**
 * `pobyt policy simulate`: re-evaluates every open case under a what-if policy (e.g. a longer decision
 * period) and lists those whose outcome would change. It reads; it writes nothing.
 */
import type { Db } from '../../../platform/db/db.ts';
import { caseDeadline, defaultBundle, type PolicyBundle } from '../../policy/index.ts';
import { foldCase, OPEN_STATUSES, type ActionPayload } from '../domain/case-model.ts';
import { decisionPeriodOf } from '../domain/projection.ts';

export interface SimulatedCase {
  reference: string;
  status: string;
  dueOn: string | null;
  dueOnScenario: string | null;
  change: string | null;
}

export async function simulatePolicyChange(db: Db, scenario: PolicyBundle, onProgress?: (done: number, total: number) => void) {
  const base = defaultBundle();
  const open = await db
    .selectFrom('cases')
    .select(['id', 'reference', 'status', 'case_type'])
    .where('status', 'in', [...OPEN_STATUSES])
    .orderBy('reference')
    .execute();
  const out: SimulatedCase[] = [];
  for (const [i, c] of open.entries()) {
    const log = await db.selectFrom('case_actions').select('payload').where('case_id', '=', c.id).orderBy('seq').execute();
    const s = foldCase(log.map((a) => a.payload as ActionPayload));
    const now = deadline(c.case_type, s.receivedOn, s.interruptions, base);
    const then = deadline(c.case_type, s.receivedOn, s.interruptions, scenario);
    out.push({
      reference: c.reference,
      status: c.status,
      dueOn: now,
      dueOnScenario: then,
      change: now === then ? null : `due ${now ?? '—'} → ${then ?? '—'}`,
    });
    onProgress?.(i + 1, open.length);
  }
  return { policyVersion: base.hash, scenarioVersion: scenario.hash, evaluated: out.length, changed: out.filter((c) => c.change) };
}

function deadline(
  caseType: string,
  receivedOn: string,
  interruptions: { from: string; to: string | null }[],
  bundle: PolicyBundle,
): string | null {
  try {
    return caseDeadline(decisionPeriodOf(caseType), receivedOn, interruptions, bundle).dueOn;
  } catch {
    return 'no rule in force';
  }
}
