/** The projection row's derived fields: status, the statutory clock and the decision date. Pure. */
import { caseDeadline, type PolicyBundle } from '../../policy/index.ts';
import type { AnyCaseType, CaseState } from '../engine/case-type.ts';

export interface Projection {
  status: string;
  dueOn: string | null;
  clockRunning: boolean;
  decidedOn: string | null;
}

export function projectionOf(type: AnyCaseType, s: CaseState, bundle?: PolicyBundle): Projection {
  if (!type.openStatuses.includes(s.status) || !('parameter' in type.deadline)) {
    return { status: s.status, dueOn: null, clockRunning: false, decidedOn: s.decidedOn };
  }
  const d = caseDeadline(type.deadline.parameter, s.receivedOn, s.interruptions, bundle);
  return { status: s.status, dueOn: d.dueOn, clockRunning: d.running, decidedOn: null };
}
