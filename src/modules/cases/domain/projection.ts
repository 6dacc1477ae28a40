/** The projection row's derived fields: status, the statutory clock and the decision date. */
import { caseDeadline } from '../../policy/index.ts';
import { OPEN_STATUSES, type CaseState } from './case-model.ts';

/** The decision period each case type counts (its parameter in policy/parameters.yaml). */
export const DECISION_PERIOD_OF: Record<string, string> = {
  tolerance_visa: 'tolerance_visa.decision_period_days',
  study_residence: 'study_residence.decision_period_days',
};

export function decisionPeriodOf(caseType: string): string {
  const id = DECISION_PERIOD_OF[caseType];
  if (!id) throw new Error(`no decision period for case type ${caseType}`);
  return id;
}

export function projectionOf(s: CaseState, caseType = 'tolerance_visa') {
  if (!OPEN_STATUSES.includes(s.status)) {
    return { status: s.status, dueOn: null, clockRunning: false, decidedOn: s.decidedOn };
  }
  const d = caseDeadline(decisionPeriodOf(caseType), s.receivedOn, s.interruptions);
  return { status: s.status, dueOn: d.dueOn, clockRunning: d.running, decidedOn: null };
}
