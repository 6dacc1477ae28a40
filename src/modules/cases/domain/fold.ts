/**
 * The pure half of the engine: a type's log folds into its state, and the transition table says
 * what may happen next. The same fold runs when a command is checked, when the projection is
 * written and when `pobyt policy simulate` re-reads open cases.
 */
import type { AnyCaseType, CaseState, LogEntry } from '../engine/case-type.ts';

export class BrokenLogError extends Error {}

/** The actions allowed in a status, in the order the type declares them. */
export function allowedActions(type: AnyCaseType, status: string): string[] {
  return Object.keys(type.transitions[status] ?? {});
}

export function isAllowed(type: AnyCaseType, status: string, action: string): boolean {
  return Object.hasOwn(type.transitions[status] ?? {}, action);
}

/** The state after the intake, the log's first entry. */
export function initialState(type: AnyCaseType, first: LogEntry): CaseState {
  if (first.type !== type.intake.action) throw new BrokenLogError(`a ${type.id} log starts with ${type.intake.action}`);
  const admissible = first.payload.admissible !== false;
  const status = admissible ? type.intake.initial.admissible : type.intake.initial.inadmissible;
  if (!status) throw new BrokenLogError(`${type.id} has no inadmissible status`);
  return {
    status,
    receivedOn: first.effectiveOn,
    interruptions: [],
    decidedOn: null,
    lastEffectiveOn: first.effectiveOn,
    approvals: [],
    assignee: null,
  };
}

/** Applies one action to the state: its declared effect, then its transition. */
export function applyEntry(type: AnyCaseType, s: CaseState, e: LogEntry): CaseState {
  const transition = type.transitions[s.status]?.[e.type];
  const action = type.actions[e.type];
  if (transition === undefined || !action) throw new BrokenLogError(`${e.type} is not allowed in ${s.status}`);
  let after: CaseState;
  switch (action.effect) {
    case 'stop-clock':
      after = { ...s, interruptions: [...s.interruptions, { from: e.effectiveOn, to: null }], lastEffectiveOn: e.effectiveOn };
      break;
    case 'start-clock':
      after = {
        ...s,
        interruptions: s.interruptions.map((i) => (i.to === null ? { ...i, to: e.effectiveOn } : i)),
        lastEffectiveOn: e.effectiveOn,
      };
      break;
    case 'decide':
      // A decision during an interruption (withdrawal, discontinuation) ends it on the same day.
      after = {
        ...s,
        decidedOn: e.effectiveOn,
        interruptions: s.interruptions.map((i) => (i.to === null ? { ...i, to: e.effectiveOn } : i)),
        lastEffectiveOn: e.effectiveOn,
      };
      break;
    case 'approve':
      after = { ...s, approvals: [...s.approvals, e.actorId], lastEffectiveOn: e.effectiveOn };
      break;
    case 'step':
      after = { ...s, lastEffectiveOn: e.effectiveOn };
      break;
    case 'assign':
      after = { ...s, assignee: typeof e.payload.assigneeId === 'string' ? e.payload.assigneeId : null };
      break;
    case 'aside':
      after = s;
      break;
  }
  const status = typeof transition === 'function' ? transition(after) : transition;
  // An approval that closes the case (the second of four eyes) decides it on that day.
  const closesByApproval = action.effect === 'approve' && !type.openStatuses.includes(status);
  return { ...after, status, decidedOn: closesByApproval ? e.effectiveOn : after.decidedOn };
}

/** Folds the whole log. Throws BrokenLogError on a log the engine could not have written. */
export function foldLog(type: AnyCaseType, log: readonly LogEntry[]): CaseState {
  const [first, ...rest] = log;
  if (!first) throw new BrokenLogError('an empty log');
  let s = initialState(type, first);
  for (const e of rest) s = applyEntry(type, s, e);
  return s;
}
