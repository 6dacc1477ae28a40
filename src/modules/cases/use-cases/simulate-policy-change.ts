/**
 * `pobyt policy simulate`: re-evaluates every open case under a what-if policy (e.g. a longer decision
 * period) and lists those whose outcome would change. It reads; it writes nothing.
 */
import type { Db } from '../../../platform/db/db.ts';
import { caseDeadline, defaultBundle, type PolicyBundle } from '../../policy/index.ts';
import { foldLog } from '../domain/fold.ts';
import { caseTypeOf, registeredCaseTypes } from '../engine/registry.ts';
import { listActions, listOpenCasesOfTypes, toLogEntries } from '../db/cases.queries.ts';

export interface SimulatedCase {
  reference: string;
  status: string;
  dueOn: string | null;
  dueOnScenario: string | null;
  change: string | null;
}

export async function simulatePolicyChange(db: Db, scenario: PolicyBundle, onProgress?: (done: number, total: number) => void) {
  const base = defaultBundle();
  const withClock = registeredCaseTypes().filter((t) => 'parameter' in t.deadline);
  const open = await listOpenCasesOfTypes(db, withClock);
  const out: SimulatedCase[] = [];
  for (const [i, c] of open.entries()) {
    const type = caseTypeOf(c.case_type);
    const s = foldLog(type, toLogEntries(await listActions(db, c.id)));
    const period = (type.deadline as { parameter: string }).parameter;
    const now = deadline(period, s.receivedOn, s.interruptions, base);
    const then = deadline(period, s.receivedOn, s.interruptions, scenario);
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
  period: string,
  receivedOn: string,
  interruptions: { from: string; to: string | null }[],
  bundle: PolicyBundle,
): string | null {
  try {
    return caseDeadline(period, receivedOn, interruptions, bundle).dueOn;
  } catch {
    return 'no rule in force';
  }
}
