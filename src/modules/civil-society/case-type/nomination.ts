/**
 * The Civil Society programme nomination as a case type: nominated by a partner NGO → screening →
 * individual assessment → approved by two distinct officers (four eyes, a declared guard) or
 * declined with reasons. A programme case: no OAMP office; only officers assigned to it act on it,
 * and a supervisor assigns them (assignment is in the log too).
 *
 * The nominee stays in `nominations` (the narrative, contacts and decline reasons sealed under the
 * record's own data key); the log holds dates and ids only. The nominations row also carries this
 * module's projection of the case (status, version, approvers) for its listings and statistics,
 * written in the engine's transaction.
 */
import { AppError, fieldError, GenericErrors, validationFailed } from '../../../platform/errors.ts';
import { NominationErrors } from '../civil-society.errors.ts';
import { newRecordKey, sealField, unwrapRecordKey, type Keyring } from '../../../platform/crypto.ts';
import { pad } from '../../../platform/numbering.ts';
import type { Config } from '../../../platform/config.ts';
import { isValidIsoDate } from '../../calendar/index.ts';
import { defaultBundle, type Parameter, valueOn } from '../../policy/index.ts';
import { recordNominationVisa } from '../../visas/index.ts';
import { AuthErrors, can, isActiveOfficer } from '../../auth/index.ts';
import { recordPerson } from '../../people/index.ts';
import { defineAction, defineCaseType, defineIntake, type Guard, requireNotSuspended } from '../../cases/index.ts';
import type { NominationStatus } from '../domain/nomination-model.ts';
import {
  findNomination,
  insertAssignment,
  insertNomination,
  isAssigned,
  storeDeclineReasons,
  updateNominationProjection,
} from '../db/nomination-cases.queries.ts';

export interface NewNomination {
  nationality: 'RUS' | 'BLR';
  surname: string;
  givenNames: string;
  nativeName?: string | null;
  dateOfBirth: string;
  passportNumber: string;
  category: string;
  publicRecord: string[];
  narrative: string;
  contacts?: string | null;
  visaType: 'C' | 'D';
  lodgingPost: string;
}

export function keyringOf(config: Config): Keyring {
  if (!config.keyring)
    throw new AppError(GenericErrors.INTERNAL, 'No master key is configured (POBYT_MASTER_KEYS or POBYT_MASTER_KEY_FILE).');
  return config.keyring;
}

const NOT_FOUND = { code: NominationErrors.NOT_FOUND as string, message: 'No such nomination.' };

async function nominee(trx: Parameters<typeof findNomination>[0], id: string) {
  const n = await findNomination(trx, id);
  if (!n) throw new AppError(NominationErrors.NOT_FOUND, NOT_FOUND.message);
  return n;
}

/** Four eyes: an officer approves a nomination once; the approval that decides it is another officer's. */
const fourEyes: Guard<unknown> = {
  name: 'four-eyes',
  check: ({ ctx, state }) => {
    if (state.approvals.includes(ctx.actor.id))
      throw new AppError(NominationErrors.FOUR_EYES, 'Four eyes: the second approval must come from another officer.');
  },
};

const step = () =>
  defineAction<Record<string, never>>({
    permission: 'nomination.work',
    effect: 'step',
    perform: async ({ today }) => ({ payload: { on: today }, effectiveOn: today }),
    letter: { none: 'Internal steps of the assessment; the NGO sees only a coarse status.' },
  });

type ApproveInput = { validFrom?: string; validTo?: string };

const approve = defineAction<ApproveInput>({
  permission: 'nomination.work',
  effect: 'approve',
  guards: [fourEyes],
  perform: async ({ trx, ctx, row, state, input, today }) => {
    if (state.approvals.length === 0) return { payload: { on: today }, effectiveOn: today };
    const n = await nominee(trx, row.id);
    // The programme is an exception to the RU/BY suspension; the policy module confirms it for this filing.
    const policy = requireNotSuspended(
      {
        nationality: n.nationality,
        application_kind: n.visa_type === 'C' ? 'schengen_visa' : 'long_stay_visa',
        nominated_by_partner_ngo: true,
        also_other_citizenship: null,
      },
      n.nominated_on,
      {
        code: NominationErrors.NOT_EXEMPT,
        message: 'The policy in force on the nomination date does not exempt this application from the suspension.',
      },
    );
    const errors = [
      ['/validFrom', input.validFrom],
      ['/validTo', input.validTo],
    ]
      .filter(([, d]) => !d || !isValidIsoDate(d))
      .map(([f]) => fieldError(f!, 'REQUIRED', 'A date YYYY-MM-DD.'));
    if (errors.length) throw validationFailed(errors);
    const validFrom = input.validFrom!;
    const validTo = input.validTo!;
    if (validTo < validFrom) throw validationFailed([fieldError('/validTo', 'BEFORE_START', 'Validity ends before it starts.')]);
    if (n.visa_type === 'D') {
      const max = valueOn(defaultBundle().parameters['long_stay_visa.max_validity_years'] as Parameter<number>, today);
      const limit = `${Number(validFrom.slice(0, 4)) + max.value}${validFrom.slice(4)}`;
      if (validTo >= limit)
        throw validationFailed([
          fieldError('/validTo', 'EXCEEDS_MAXIMUM', `A long-stay visa is granted for at most ${max.value} year(s).`),
        ]);
    }
    const visa = await recordNominationVisa(trx, {
      nominationId: row.id,
      personId: n.person_id,
      visaCode: n.visa_type,
      validFrom,
      validTo,
      issuedOn: today,
      actorId: ctx.actor.id,
      requestId: ctx.requestId,
    });
    return {
      payload: { on: today, visaNumber: visa.visa_number, validFrom, validTo },
      effectiveOn: today,
      output: { visa, audit: { policy: policy.receipt } },
    };
  },
  letter: { none: 'The Foreign Ministry issues the visa at the consulate; the programme sends no decision letter from pobyt.' },
});

const decline = defineAction<{ reasons?: string }>({
  permission: 'nomination.work',
  effect: 'decide',
  perform: async ({ trx, ctx, row, input, today }) => {
    if (!input.reasons?.trim()) throw validationFailed([fieldError('/reasons', 'REQUIRED', 'A decline states its reasons.')]);
    const n = await nominee(trx, row.id);
    const dek = unwrapRecordKey(keyringOf(ctx.config), row.id, n.dek_wrapped, n.dek_master_id);
    // The reasons are sealed in the nominee's record; the log says only that and when.
    await storeDeclineReasons(trx, row.id, sealField(dek, row.id, 'decline_reasons', input.reasons));
    return { payload: { on: today }, effectiveOn: today };
  },
  letter: { none: 'The decline reaches the nominee through the nominating NGO, which sees the coarse status.' },
});

const assign = defineAction<{ officerId: string }>({
  permission: 'nomination.assign',
  effect: 'aside',
  versioned: false,
  perform: async ({ trx, ctx, row, input, today }) => {
    if (!(await isActiveOfficer(trx, input.officerId)))
      throw validationFailed([fieldError('/officerId', 'NOT_AN_OFFICER', 'Assign an active officer or supervisor.')]);
    await insertAssignment(trx, { nominationId: row.id, officerId: input.officerId, assignedBy: ctx.actor.id });
    return { payload: { officerId: input.officerId }, effectiveOn: today, output: { audit: { officerId: input.officerId } } };
  },
  letter: { none: 'Assignment is internal.' },
});

const OPEN = ['nominated', 'screening', 'assessment'] as const;

export const civilSocietyNomination = defineCaseType({
  id: 'civil_society_nomination',
  title: 'Civil Society programme nomination',
  audit: { entityType: 'nomination', prefix: 'nomination' },
  scope: {
    kind: 'programme',
    // A supervisor assigns; everything else is for the officers assigned to the nomination. An
    // unassigned officer gets the same 404 as for an unknown id (as when reading it); a supervisor,
    // who sees every nomination to assign it, is refused.
    check: async ({ trx, ctx, row, action }) => {
      if (action === 'assign') return;
      if (await isAssigned(trx, row.id, ctx.actor.id)) return;
      if (!can(ctx.actor, 'nomination.assign')) throw new AppError(NOT_FOUND.code as never, NOT_FOUND.message);
      throw new AppError(AuthErrors.FORBIDDEN, 'Only officers assigned to this nomination act on it.');
    },
  },
  statuses: ['nominated', 'screening', 'assessment', 'approved', 'declined'],
  openStatuses: OPEN,
  transitions: {
    nominated: { start_screening: 'screening', decline: 'declined', assign: 'nominated' },
    screening: { start_assessment: 'assessment', decline: 'declined', assign: 'screening' },
    // The first approval keeps the nomination in assessment; the second, by another officer, approves it.
    assessment: {
      approve: (after) => (after.approvals.length >= 2 ? 'approved' : 'assessment'),
      decline: 'declined',
      assign: 'assessment',
    },
    approved: {},
    declined: {},
  },
  actions: { start_screening: step(), start_assessment: step(), approve, decline, assign },
  intake: defineIntake<NewNomination>({
    action: 'nominate',
    auditAction: 'nomination.created',
    permission: 'nomination.create',
    prepare: async ({ input, today }) => {
      if (!isValidIsoDate(input.dateOfBirth)) throw validationFailed([fieldError('/dateOfBirth', 'INVALID_DATE', 'A date YYYY-MM-DD.')]);
      return { receivedOn: today, officeId: null, ground: 'civil_society_programme', admissible: true, missing: [] };
    },
    createSubject: async ({ trx, ctx, input: n, caseId: id, reference, prepared }) => {
      const k = newRecordKey(keyringOf(ctx.config), id);
      const now = ctx.clock.now();
      // The nominee as a person; the candidates a caseworker sees are among its own organisation's nominees.
      const person = await recordPerson(
        trx,
        ctx.actor,
        {
          surname: n.surname,
          givenNames: n.givenNames,
          nativeName: n.nativeName ?? null,
          dateOfBirth: n.dateOfBirth,
          nationality: n.nationality,
          passport: { number: n.passportNumber, nationality: n.nationality, source: 'nomination' },
        },
        { requestId: ctx.requestId, fieldPrefix: '' },
      );
      await insertNomination(trx, {
        id,
        reference,
        org_id: ctx.actor.orgId!,
        created_by: ctx.actor.id,
        nationality: n.nationality,
        surname: n.surname,
        given_names: n.givenNames,
        native_name: n.nativeName ?? null,
        date_of_birth: n.dateOfBirth,
        passport_number: n.passportNumber,
        category: n.category,
        public_record: JSON.stringify(n.publicRecord),
        visa_type: n.visaType,
        lodging_post: n.lodgingPost,
        narrative_ct: sealField(k.dek, id, 'narrative', n.narrative),
        contacts_ct: n.contacts ? sealField(k.dek, id, 'contacts', n.contacts) : null,
        dek_wrapped: k.wrapped,
        dek_master_id: k.masterId,
        status: 'nominated',
        nominated_on: prepared.receivedOn,
        created_at: now,
        updated_at: now,
        person_id: person.personId,
      });
      return { applicantId: null, output: { person: { id: person.personId }, duplicateCandidates: person.duplicateCandidates } };
    },
    reference: { scope: (_p, year) => `csp:${year}`, format: (n, _p, year) => `CSP-${year}-${pad(n)}` },
    initial: { admissible: 'nominated' },
    inadmissibleLetter: { none: 'A nomination is always taken in; screening decides.' },
  }),
  deadline: { none: 'The programme has no statutory decision period: each case is assessed individually.' },
  project: async ({ trx, caseId, state, version, now }) => {
    await updateNominationProjection(trx, caseId, {
      status: state.status as NominationStatus,
      version,
      firstApprover: state.approvals[0] ?? null,
      secondApprover: state.status === 'approved' ? (state.approvals[1] ?? null) : null,
      decidedOn: state.decidedOn,
      at: now,
    });
  },
});

export const NOMINATION_NOT_FOUND = NOT_FOUND;
