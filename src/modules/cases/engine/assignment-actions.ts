/**
 * Assignment (přidělení): who is working on a case. An officer claims a case (it becomes theirs) and
 * releases it; a supervisor assigns it to an officer of the office. Each is an action of the log like
 * any other — one transaction, the version compared when the caller sends one (else the engine claims
 * the current one), an audit event — so who holds a case is derived from the log, and the projection
 * row keeps it for the queue. Claiming a case a colleague holds needs `takeOver: true`: two officers
 * claiming at once end with one holder and one clear 409, and nobody takes a file over unknowingly.
 *
 * Office types spread `ASSIGNMENT_STEPS` into their open statuses and `assignmentActions()` into their
 * actions; the routes are declared here once, so every office type gets them.
 */
import { AppError, fieldError, validationFailed } from '../../../platform/errors.ts';
import { can, staffMembers } from '../../auth/index.ts';
import { CaseErrors } from '../cases.errors.ts';
import * as S from '../http/cases.schema.ts';
import { type ActionArgs, defineAction, type HttpDeclaration } from './case-type.ts';

const unversioned = (params: Record<string, string>, body: Record<string, unknown>) => {
  const { version, ...rest } = body;
  return { version: typeof version === 'number' ? version : null, input: { ...rest, ...params } };
};

const route = (action: string, summary: string, body: HttpDeclaration['body']): HttpDeclaration => ({
  path: `/cases/:id/${action}`,
  summary,
  params: S.CaseParams,
  body,
  toInput: unversioned,
});

export const ASSIGNMENT_ROUTES = {
  claim: route(
    'claim',
    'Claim the case: it becomes yours. A case a colleague holds needs takeOver: true (else 409 CASE.HELD_BY_OTHER)',
    S.ClaimBody,
  ),
  release: route('release', 'Release the case you hold (a supervisor may release anyone’s)', S.ReleaseBody),
  assign: route('assign', 'A supervisor assigns the case to an officer or supervisor of the office', S.AssignBody),
} satisfies Record<string, HttpDeclaration>;

/** Assignment leaves the status as it is: spread into every open status of an office type. */
export const ASSIGNMENT_STEPS = { claim: stay, release: stay, assign: stay } as const;

function stay<S extends string>(after: { status: S }): S {
  return after.status;
}

const INTERNAL = { none: 'Assignment is internal to the office; the applicant is not told.' };

async function nameOf(args: ActionArgs<unknown>, id: string): Promise<string> {
  return (await staffMembers(args.trx, [id])).get(id)?.displayName ?? id;
}

async function heldByOther(args: ActionArgs<unknown>, holder: string, hint: string): Promise<AppError> {
  const name = await nameOf(args, holder);
  return new AppError(CaseErrors.HELD_BY_OTHER, `${name} is working on this case. ${hint}`, {
    assignee: { id: holder, displayName: name },
  });
}

export function claimAction() {
  return defineAction<{ takeOver?: boolean }>({
    permission: 'case.act',
    effect: 'assign',
    versioned: false,
    http: ASSIGNMENT_ROUTES.claim,
    perform: async (args) => {
      const { ctx, state, input, today } = args;
      const holder = state.assignee;
      if (holder && holder !== ctx.actor.id && input.takeOver !== true)
        throw await heldByOther(args, holder, 'Send takeOver: true to take it over.');
      return {
        payload: { assigneeId: ctx.actor.id, previousAssigneeId: holder },
        effectiveOn: today,
        output: { audit: { assigneeId: ctx.actor.id, previousAssigneeId: holder } },
      };
    },
    letter: INTERNAL,
  });
}

export function releaseAction() {
  return defineAction<Record<string, never>>({
    permission: 'case.act',
    effect: 'assign',
    versioned: false,
    http: ASSIGNMENT_ROUTES.release,
    perform: async (args) => {
      const { ctx, state, today } = args;
      const holder = state.assignee;
      if (!holder) throw new AppError(CaseErrors.NOT_HELD, 'Nobody holds this case: there is nothing to release.');
      if (holder !== ctx.actor.id && !can(ctx.actor, 'case.assign'))
        throw await heldByOther(args, holder, 'Only they or a supervisor may release it.');
      return {
        payload: { assigneeId: null, previousAssigneeId: holder },
        effectiveOn: today,
        output: { audit: { assigneeId: null, previousAssigneeId: holder } },
      };
    },
    letter: INTERNAL,
  });
}

export function assignAction() {
  return defineAction<{ officerId: string }>({
    permission: 'case.assign',
    effect: 'assign',
    versioned: false,
    http: ASSIGNMENT_ROUTES.assign,
    perform: async ({ trx, row, state, input, today }) => {
      const member = (await staffMembers(trx, [input.officerId])).get(input.officerId);
      if (!member?.active || (member.role !== 'officer' && member.role !== 'supervisor') || member.officeId !== row.office_id)
        throw validationFailed([
          fieldError('/officerId', 'NOT_AN_OFFICER_OF_THE_OFFICE', 'Assign an active officer or supervisor of the case’s office.'),
        ]);
      return {
        payload: { assigneeId: member.id, previousAssigneeId: state.assignee },
        effectiveOn: today,
        output: { audit: { assigneeId: member.id, previousAssigneeId: state.assignee } },
      };
    },
    letter: INTERNAL,
  });
}

/** The three assignment actions, spread into an office type's `actions`. */
export function assignmentActions() {
  return { claim: claimAction(), release: releaseAction(), assign: assignAction() };
}
