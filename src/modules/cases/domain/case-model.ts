/**
 * The tolerance-visa case (§ 33(1)(a) Act 326/1999 Coll.) as an append-only log of typed actions.
 * Status, the statutory clock and the decision date are derived from the log by `foldCase`;
 * what may happen next is the status → allowed-actions table below.
 */
export const CASE_STATUSES = [
  'inadmissible',
  'under_assessment',
  'interrupted',
  'granted',
  'refused',
  'withdrawn',
  'discontinued',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  'intake',
  'interrupt',
  'resume',
  'grant',
  'refuse',
  'withdraw',
  'discontinue',
  'letter_posted',
  'letter_delivery',
] as const;
export type CaseActionType = (typeof CASE_ACTIONS)[number];

export type Decision = 'grant' | 'refuse' | 'withdraw' | 'discontinue';

const LETTER_STEPS = ['letter_posted', 'letter_delivery'] as const;

/** Typed by status, so a status without an entry fails to compile. */
export const ALLOWED_ACTIONS: Record<CaseStatus, readonly CaseActionType[]> = {
  // Returned application: no proceedings; only the return letter's posting and delivery.
  inadmissible: LETTER_STEPS,
  under_assessment: ['interrupt', 'grant', 'refuse', 'withdraw', 'discontinue', ...LETTER_STEPS],
  // While interrupted the clock stands; the officer resumes before deciding. The applicant may still withdraw.
  interrupted: ['resume', 'withdraw', 'discontinue', ...LETTER_STEPS],
  granted: LETTER_STEPS,
  refused: LETTER_STEPS,
  withdrawn: LETTER_STEPS,
  discontinued: LETTER_STEPS,
};

export const OPEN_STATUSES: readonly CaseStatus[] = ['under_assessment', 'interrupted'];

export function isAllowed(status: CaseStatus, action: CaseActionType): boolean {
  return ALLOWED_ACTIONS[status].includes(action);
}

/** Which policy data and parameter windows an action relied on (see policy parameterReceipt). */
export interface PolicyReceipt {
  policyVersion: string;
  engineVersion: string;
  dates: Record<string, string>;
  parameters: { id: string; from: string; to: string | null; source: string }[];
}

export type ActionPayload =
  | { type: 'intake'; receivedOn: string; admissible: boolean; missing: { code: string; field?: string }[]; policy?: PolicyReceipt }
  | { type: 'interrupt'; on: string; requested: string; respondBy: string }
  | { type: 'resume'; on: string }
  | { type: 'grant'; on: string; visaNumber: string; visaCode: string; validFrom: string; validTo: string; policy?: PolicyReceipt }
  | { type: 'refuse'; on: string; reasons: string; legalGround: string }
  | { type: 'withdraw'; on: string }
  | { type: 'discontinue'; on: string; legalGround: string; note?: string }
  | { type: 'letter_posted'; letterId: string; postedOn: string }
  | {
      type: 'letter_delivery';
      letterId: string;
      deliveredOn: string;
      how: 'delivered' | 'collected' | 'deemed';
      readyForCollectionOn?: string;
    };

export interface CaseState {
  status: CaseStatus;
  receivedOn: string;
  interruptions: { from: string; to: string | null }[];
  decidedOn: string | null;
  /** The last date an action took effect on: later actions may not be dated before it. */
  lastEffectiveOn: string;
}

const DECISION_STATUS: Record<Decision, CaseStatus> = {
  grant: 'granted',
  refuse: 'refused',
  withdraw: 'withdrawn',
  discontinue: 'discontinued',
};

/** Folds the log into the case's state. Throws on a log that breaks the table (it cannot be written through the use cases). */
export function foldCase(actions: ActionPayload[]): CaseState {
  const [first, ...rest] = actions;
  if (first?.type !== 'intake') throw new Error('a case log starts with intake');
  let s: CaseState = {
    status: first.admissible ? 'under_assessment' : 'inadmissible',
    receivedOn: first.receivedOn,
    interruptions: [],
    decidedOn: null,
    lastEffectiveOn: first.receivedOn,
  };
  for (const a of rest) s = applyAction(s, a);
  return s;
}

export function applyAction(s: CaseState, a: ActionPayload): CaseState {
  if (!isAllowed(s.status, a.type)) throw new Error(`${a.type} is not allowed in ${s.status}`);
  switch (a.type) {
    case 'intake':
      throw new Error('intake only starts a case');
    case 'interrupt':
      return { ...s, status: 'interrupted', interruptions: [...s.interruptions, { from: a.on, to: null }], lastEffectiveOn: a.on };
    case 'resume': {
      const open = s.interruptions.at(-1)!;
      return {
        ...s,
        status: 'under_assessment',
        interruptions: [...s.interruptions.slice(0, -1), { from: open.from, to: a.on }],
        lastEffectiveOn: a.on,
      };
    }
    case 'grant':
    case 'refuse':
    case 'withdraw':
    case 'discontinue': {
      // Withdrawal or discontinuation during an interruption ends it on the same day.
      const interruptions = s.interruptions.map((i) => (i.to === null ? { ...i, to: a.on } : i));
      return { ...s, status: DECISION_STATUS[a.type], decidedOn: a.on, interruptions, lastEffectiveOn: a.on };
    }
    case 'letter_posted':
    case 'letter_delivery':
      return s;
  }
}
