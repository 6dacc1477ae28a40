/**
 * What a case type declares. One engine (`open-case.ts`, `run-case-action.ts`) runs every type: the
 * append-only action log, the projection in the same transaction, the version compare, the
 * idempotency key, the audit event. A type says only what is its own: statuses, the transitions
 * of each action and the permission it needs, the guards that must hold (policy rules with the date
 * each reads, four eyes), the documents checklist, the deadline parameter, the letter each decision
 * produces (or that it produces none, and why) and the visa it records.
 *
 * Types are plain objects built with `defineCaseType`; shared building blocks (interrupt, grant,
 * refuse, letter steps…) are in `standard-actions.ts`.
 */
import type { TSchema } from 'typebox';
import type { Trx } from '../../../platform/db/db.ts';
import type { Permission } from '../../auth/index.ts';
import type { LetterWording } from '../../letters/index.ts';
import type { StaffCtx } from './staff-ctx.ts';

/** One entry of the log as the fold sees it. */
export interface LogEntry {
  type: string;
  payload: Record<string, unknown>;
  actorId: string;
  effectiveOn: string;
}

/** The state every type's log folds into. Type-specific facts stay in the payloads. */
export interface CaseState<S extends string = string> {
  status: S;
  receivedOn: string;
  /** Interruptions of the proceedings: the statutory clock stands while one is open. */
  interruptions: { from: string; to: string | null }[];
  decidedOn: string | null;
  /** The last date an action took effect on: later actions may not be dated before it. */
  lastEffectiveOn: string;
  /** Who has approved so far (four-eyes types). */
  approvals: string[];
  /** The officer who holds the case (přidělení): set by claim and assign, cleared by release. */
  assignee: string | null;
}

/**
 * How an action changes the state beside its status:
 * - `stop-clock` / `start-clock`: an interruption opens / closes;
 * - `decide`: the proceedings end on that day (open interruptions close with them);
 * - `approve`: one approval is recorded (the transition may depend on how many there are);
 * - `step`: a dated step (assessment) with no effect on the clock;
 * - `assign`: who holds the case changes to the payload's `assigneeId` (null: nobody); status, dates
 *   and clock stay — an assignment is not a step of the proceedings, so it does not hold back the
 *   date a later action may take effect on;
 * - `aside`: recorded beside the proceedings (letter posting, delivery): status and dates stay.
 */
export type ActionEffect = 'stop-clock' | 'start-clock' | 'decide' | 'approve' | 'step' | 'assign' | 'aside';

/** A transition: the next status, or a function of the state after the action's effect. */
export type Transition<S extends string> = S | ((after: CaseState<S>) => S);

/** The case row as the engine reads it (the projection). */
export interface CaseRow {
  id: string;
  reference: string;
  case_type: string;
  office_id: string | null;
  applicant_id: string | null;
  status: string;
  version: number;
  ground: string;
  received_on: string;
  due_on: string | null;
  clock_running: boolean;
  decided_on: string | null;
  /** Who holds the case (the fold's `assignee`, kept on the row for listing). */
  assignee_id: string | null;
}

export interface ActionArgs<I> {
  trx: Trx;
  ctx: StaffCtx;
  row: CaseRow;
  state: CaseState;
  input: I;
  type: AnyCaseType;
  /** Today in Prague, by the context's clock. */
  today: string;
  /** The case's applicant (read on first use); throws for a type whose subject is not an applicant. */
  applicant: () => Promise<ApplicantRow>;
}

export interface ApplicantRow {
  id: string;
  surname: string;
  given_names: string;
  native_name: string | null;
  date_of_birth: string;
  nationality: string;
  passport_number: string;
  passport_expires_on: string;
  address: string;
  region_code: string;
  person_id: string;
}

/** A declared check that must hold before an action runs; throws an AppError when it does not. */
export interface Guard<I = unknown> {
  /** Named in docs and errors, e.g. "four-eyes", "policy:suspension.ru_by@filed_on". */
  name: string;
  check: (args: ActionArgs<I>) => void | Promise<void>;
}

/** What an action's own work returns: the payload to log (without `type`), its date, and extra output for the reply. */
export interface Performed {
  payload: Record<string, unknown>;
  effectiveOn: string;
  output?: Record<string, unknown>;
}

/** The letter an action produces, or why it produces none (an explicit choice, never an omission). */
export type LetterDeclaration<I> =
  | { none: string }
  | {
      kind: 'return' | 'grant' | 'refusal' | 'discontinuation' | 'interruption';
      /** The kind's data from the action's input and what `perform` returned. */
      fields: (args: ActionArgs<I>, performed: Performed) => Record<string, unknown>;
    };

export interface HttpDeclaration {
  /** Path under /api/v1, e.g. `/cases/:id/grant`; `:id` is the case. */
  path: string;
  summary: string;
  params: TSchema;
  body: TSchema;
  /** How the route's params and body become the action's input and version. */
  toInput: (params: Record<string, string>, body: Record<string, unknown>) => { version: number | null; input: unknown };
}

export interface ActionDeclaration<I = unknown> {
  permission: Permission;
  effect: ActionEffect;
  /** Checks that must hold (beyond the transition table and permission), in order. */
  guards?: readonly Guard<I>[];
  /** The command's own work inside the transaction (dates, validity, the visa record…). */
  perform: (args: ActionArgs<I>) => Promise<Performed>;
  letter: LetterDeclaration<I>;
  /**
   * False for an action whose version is optional (e.g. assigning an officer): compared when the caller
   * sends one, else the engine claims the current one.
   */
  versioned?: boolean;
  /** The API route, for types served by the generic case routes. */
  http?: HttpDeclaration;
}

/** Who may see and act on cases of the type. */
export type CaseScope =
  /** OAMP cases: officers and supervisors of the case's office. */
  | { kind: 'office' }
  /** Programme cases (no office): the type checks access itself (e.g. assigned officers). */
  | { kind: 'programme'; check: (args: { trx: Trx; ctx: StaffCtx; row: CaseRow; action: string | null }) => Promise<void> };

export interface IntakePrepared {
  receivedOn: string;
  officeId: string | null;
  ground: string;
  admissible: boolean;
  missing: Record<string, unknown>[];
  /** Extra fields of the intake payload (e.g. the policy receipt). */
  payload?: Record<string, unknown>;
  /** Extra fields of the intake's audit event (ids and codes only, never personal data). */
  audit?: Record<string, unknown>;
  /** The input as the intake completed it (e.g. applicant fields filled from the MRZ), for createSubject. */
  subject?: unknown;
  /** Extra fields of the intake's answer (e.g. the MRZ mismatches). */
  output?: Record<string, unknown>;
}

export interface IntakeDeclaration<I> {
  /** The first action's name in the log (`intake`, `nominate`, `request`). */
  action: string;
  /** The audit event's action, if not `<prefix>.<action>`. */
  auditAction?: string;
  permission: Permission;
  /** Validation and the type's rules on the filing date, before the transaction. */
  prepare: (args: { ctx: StaffCtx; input: I; today: string }) => Promise<IntakePrepared>;
  /** Writes the subject (the applicant, the nominee) and returns the applicant id if there is one. */
  createSubject: (args: {
    trx: Trx;
    ctx: StaffCtx;
    input: I;
    caseId: string;
    reference: string;
    prepared: IntakePrepared;
  }) => Promise<{ applicantId: string | null; output?: Record<string, unknown> }>;
  /** The reference: its sequence scope and format. */
  reference: { scope: (p: IntakePrepared, year: string) => string; format: (n: number, p: IntakePrepared, year: string) => string };
  /** The status an admissible / an inadmissible application starts in. */
  initial: { admissible: string; inadmissible?: string };
  /** The letter an inadmissible application gets, or why none. */
  inadmissibleLetter: { none: string } | { kind: 'return'; fields: (prepared: IntakePrepared) => Record<string, unknown> };
  http?: { path: string; summary: string; body: TSchema };
}

export interface DocumentDeclaration {
  /** The input field that says whether it was brought. */
  field: string;
  /** The code recorded when it is missing. */
  missingCode: string;
}

export interface VisaDeclaration {
  /** The policy parameter holding the register code, read on the decision date. */
  codeParameter: string;
  /** The policy parameter holding the maximum validity in years, read on the decision date; null: no cap encoded (say why in `note`). */
  maxValidityYearsParameter: string | null;
  note?: string;
}

/** Czech wording of the type's letters: the provision cited, what is applied for, what a grant says. */
export interface LetterWordingDeclaration extends LetterWording {
  legalBasis: string;
}

export interface CaseTypeDefinition<S extends string = string, A extends string = string> {
  /** Stored in `cases.case_type`. */
  id: string;
  /** For people: the type's name in the docs and the API. */
  title: string;
  /** Which audit entity and action prefix its events use (`case` → `case.grant`). */
  audit: { entityType: string; prefix: string };
  scope: CaseScope;
  statuses: readonly S[];
  /** Statuses in which the case is open (listed in the work queue, on the clock if it has one). */
  openStatuses: readonly S[];
  /** What may happen next: status → action → next status. A status without an entry does not compile. */
  transitions: { [K in S]: Partial<Record<A, Transition<S>>> };
  actions: { [K in A]: ActionDeclaration<never> };
  intake: IntakeDeclaration<never>;
  /** The decision period: a policy parameter read on the filing date, or none (and why). */
  deadline: { parameter: string } | { none: string };
  documents?: readonly DocumentDeclaration[];
  visa?: VisaDeclaration;
  letters?: LetterWordingDeclaration;
  /** A module's own projection of the case (e.g. the nomination row's status), written in the same transaction. */
  project?: (args: {
    trx: Trx;
    caseId: string;
    state: CaseState<S>;
    version: number;
    history: readonly LogEntry[];
    now: Date;
  }) => Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds types of every status and action set
export type AnyCaseType = CaseTypeDefinition<any, any>;

/** Declares a case type; the generic parameters check that every status and action is covered. */
export function defineCaseType<const S extends string, const A extends string>(t: CaseTypeDefinition<S, A>): CaseTypeDefinition<S, A> {
  return t;
}

/** Declares one action with its input type (kept by the type's `actions` map as `never` input). */
export function defineAction<I>(a: ActionDeclaration<I>): ActionDeclaration<never> {
  return a as unknown as ActionDeclaration<never>;
}

export function defineIntake<I>(i: IntakeDeclaration<I>): IntakeDeclaration<never> {
  return i as unknown as IntakeDeclaration<never>;
}
