/** The projection row's derived fields: status, the statutory clock and the decision date. */
import { caseDeadline } from '../../policy/index.ts';
import { OPEN_STATUSES, type CaseState } from './case-model.ts';

export function projectionOf(s: CaseState, caseType = 'tolerance_visa') {
  if (!OPEN_STATUSES.includes(s.status)) {
    return { status: s.status, dueOn: null, clockRunning: false, decidedOn: s.decidedOn };
  }
  const d = caseDeadline(caseType, s.receivedOn, s.interruptions);
  return { status: s.status, dueOn: d.dueOn, clockRunning: d.running, decidedOn: null };
}
