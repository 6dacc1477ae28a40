/**
 * Building blocks of administrative proceedings that several case types share: interruption and
 * resumption (§ 64 Act 500/2004), grant with a visa record, refusal, withdrawal, discontinuation,
 * and the posting and delivery of letters (§ 24 Act 500/2004). A type picks the ones it has and says
 * which letter each produces; the HTTP route of each is declared once here, so types that share an
 * action share its route.
 */
import { fieldError, validationFailed } from '../../../platform/errors.ts';
import { isValidIsoDate, lastDayOfYears, todayInPrague } from '../../calendar/index.ts';
import {
  APPEAL_PERIOD_DAYS,
  defaultBundle,
  INTERRUPTION_LEGAL_GROUND,
  letterDelivery,
  type Parameter,
  type UsedParameter,
  parameterReceipt,
  valueOn,
  WITHDRAWAL_LEGAL_GROUND,
} from '../../policy/index.ts';
import { recordLetterDelivery, recordLetterPosting, type DeliveryRecord } from '../../letters/index.ts';
import { visaRegister } from './visa-register.ts';
import * as S from '../http/cases.schema.ts';
import { type ActionArgs, type ActionDeclaration, defineAction, type HttpDeclaration, type LetterDeclaration } from './case-type.ts';

/**
 * The date an action takes effect: given explicitly, or today in Prague. It may not lie in the
 * future nor before the case's last recorded step (the log stays in date order).
 */
export function actionDate(given: string | undefined, now: Date, notBefore: string, field = '/on'): string {
  const today = todayInPrague(now);
  const on = given ?? today;
  if (!isValidIsoDate(on)) throw validationFailed([fieldError(field, 'INVALID_DATE', `${on} is not a calendar date (YYYY-MM-DD).`)]);
  if (on > today) throw validationFailed([fieldError(field, 'IN_FUTURE', `${on} is after today (${today}).`)]);
  if (on < notBefore)
    throw validationFailed([fieldError(field, 'BEFORE_LAST_STEP', `${on} is before the case's last recorded step (${notBefore}).`)]);
  return on;
}

const versioned = (params: Record<string, string>, body: Record<string, unknown>) => {
  const { version, ...rest } = body;
  return { version: version as number, input: { ...rest, ...params } };
};

export function caseRoute(action: string, summary: string, body: HttpDeclaration['body']): HttpDeclaration {
  return { path: `/cases/:id/${action}`, summary, params: S.CaseParams, body, toInput: versioned };
}

/** The routes, one per action name: a type that shares an action shares its route and body. */
export const ROUTES = {
  interrupt: caseRoute('interrupt', 'Interrupt the proceedings with a request to the applicant; the clock stops', S.InterruptBody),
  resume: caseRoute('resume', 'Resume interrupted proceedings; the clock runs on, ending no sooner than 15 days later', S.ResumeBody),
  grant: caseRoute(
    'grant',
    'Grant: records the visa or permit in the register and issues the decision letter (where the type has one)',
    S.GrantBody,
  ),
  refuse: caseRoute('refuse', 'Refuse with reasons and legal ground; issues the decision letter (where the type has one)', S.RefuseBody),
  withdraw: caseRoute('withdraw', 'The applicant withdrew: proceedings are discontinued', S.WithdrawBody),
  discontinue: caseRoute('discontinue', 'Discontinue the proceedings on another legal ground', S.DiscontinueBody),
  letter_posted: {
    path: '/cases/:id/letters/:letterId/posting',
    summary: 'Record that the letter was handed to the post',
    params: S.LetterParams,
    body: S.PostingBody,
    toInput: (p, b) => ({ version: b.version as number, input: { letterId: p.letterId, postedOn: b.postedOn } }),
  },
  letter_delivery: {
    path: '/cases/:id/letters/:letterId/delivery',
    summary: 'Record delivery: handed over, collected, or deemed delivered after 10 days stored',
    params: S.LetterParams,
    body: S.DeliveryBody,
    toInput: (p, b) => ({ version: b.version as number, input: { letterId: p.letterId, delivery: b.delivery } }),
  },
} satisfies Record<string, HttpDeclaration>;

type Dated = { on?: string };

/** Interrupts the proceedings with a request to complete the application; the clock stops. */
export function interruptAction(letter: 'letter' | { none: string }) {
  type I = Dated & { requested: string; respondBy: string; legalGround?: string };
  return defineAction<I>({
    permission: 'case.act',
    effect: 'stop-clock',
    http: ROUTES.interrupt,
    perform: async ({ ctx, state, input }) => {
      const on = actionDate(input.on, ctx.clock.now(), state.lastEffectiveOn);
      if (!isValidIsoDate(input.respondBy) || input.respondBy <= on) {
        throw validationFailed([
          fieldError('/respondBy', 'NOT_AFTER_INTERRUPTION', 'The applicant needs a date after the interruption to respond by.'),
        ]);
      }
      return { payload: { on, requested: input.requested, respondBy: input.respondBy }, effectiveOn: on };
    },
    letter:
      letter === 'letter'
        ? {
            kind: 'interruption',
            fields: ({ input }) => ({
              interruption: {
                requested: input.requested,
                respondBy: input.respondBy,
                legalGround: input.legalGround ?? INTERRUPTION_LEGAL_GROUND,
              },
            }),
          }
        : letter,
  });
}

export function resumeAction() {
  return defineAction<Dated>({
    permission: 'case.act',
    effect: 'start-clock',
    http: ROUTES.resume,
    perform: async ({ ctx, state, input }) => {
      const on = actionDate(input.on, ctx.clock.now(), state.lastEffectiveOn);
      return { payload: { on }, effectiveOn: on };
    },
    letter: { none: 'Resumption is recorded; the applicant learns of it from the next step or decision.' },
  });
}

type GrantInput = Dated & { validFrom: string; validTo: string; warRelated?: boolean };

/**
 * Grant: the validity is checked against the type's maximum (read on the decision date), the visa or
 * permit is recorded in the register under the type's code (from the policy), and the decision letter
 * is issued. `warRelated` says whether the type's grants count as war-related by default.
 */
export function grantAction(opts: { letter: 'letter' | { none: string }; warRelatedByDefault: (nationality: string) => boolean }) {
  return defineAction<GrantInput>({
    permission: 'case.decide',
    effect: 'decide',
    http: ROUTES.grant,
    perform: async ({ trx, ctx, row, state, input, type, applicant: applicantOf }) => {
      const on = actionDate(input.on, ctx.clock.now(), state.lastEffectiveOn);
      for (const [f, v] of [
        ['/validFrom', input.validFrom],
        ['/validTo', input.validTo],
      ] as const) {
        if (!isValidIsoDate(v)) throw validationFailed([fieldError(f, 'INVALID_DATE', `${v} is not a calendar date.`)]);
      }
      if (input.validFrom < on)
        throw validationFailed([fieldError('/validFrom', 'BEFORE_DECISION', `Validity cannot start before the decision (${on}).`)]);
      if (input.validTo < input.validFrom)
        throw validationFailed([fieldError('/validTo', 'BEFORE_START', 'Validity ends before it starts.')]);
      const visaDecl = type.visa;
      if (!visaDecl) throw new Error(`case type ${type.id} grants but declares no visa`);
      const params = defaultBundle().parameters;
      const code = valueOn(params[visaDecl.codeParameter] as Parameter<string>, on);
      const used: UsedParameter<unknown>[] = [code];
      if (visaDecl.maxValidityYearsParameter) {
        const max = valueOn(params[visaDecl.maxValidityYearsParameter] as Parameter<number>, on);
        used.unshift(max);
        const latest = lastDayOfYears(input.validFrom, max.value);
        if (input.validTo > latest) {
          throw validationFailed([
            fieldError(
              '/validTo',
              'EXCEEDS_MAXIMUM',
              `A ${type.title} is granted for at most ${max.value} year(s): valid to ${latest} at the latest.`,
            ),
          ]);
        }
      }
      const applicant = await applicantOf();
      const visa = await visaRegister().recordVisa(trx, {
        caseId: row.id,
        applicantId: row.applicant_id!,
        personId: applicant.person_id,
        officeId: row.office_id!,
        visaCode: code.value,
        validFrom: input.validFrom,
        validTo: input.validTo,
        issuedOn: on,
        actorId: ctx.actor.id,
        requestId: ctx.requestId,
        warRelated: input.warRelated ?? opts.warRelatedByDefault(applicant.nationality),
      });
      const policy = parameterReceipt(defaultBundle(), { decided_on: on }, used);
      return {
        payload: { on, visaNumber: visa.visa_number, visaCode: visa.visa_code, validFrom: input.validFrom, validTo: input.validTo, policy },
        effectiveOn: on,
        output: { visa },
      };
    },
    letter:
      opts.letter === 'letter'
        ? {
            kind: 'grant',
            fields: (_a, p) => {
              const v = (p.output as { visa: { visa_number: string; visa_code: string; valid_from: string; valid_to: string } }).visa;
              return { visa: { number: v.visa_number, code: v.visa_code, validFrom: v.valid_from, validTo: v.valid_to } };
            },
          }
        : opts.letter,
  });
}

type RefuseInput = Dated & { reasons: string; legalGround: string };

export function refuseAction(letter: 'letter' | { none: string }) {
  return defineAction<RefuseInput>({
    permission: 'case.decide',
    effect: 'decide',
    http: ROUTES.refuse,
    perform: async ({ ctx, state, input }) => {
      const on = actionDate(input.on, ctx.clock.now(), state.lastEffectiveOn);
      return { payload: { on, reasons: input.reasons, legalGround: input.legalGround }, effectiveOn: on };
    },
    letter:
      letter === 'letter'
        ? {
            kind: 'refusal',
            fields: ({ input }, p) => ({
              refusal: {
                reasons: input.reasons,
                legalGround: input.legalGround,
                appealDays: valueOn(APPEAL_PERIOD_DAYS, p.effectiveOn).value,
              },
            }),
          }
        : letter,
  });
}

/** Withdrawal by the applicant ends the proceedings by a resolution to discontinue (§ 66(1)(a) Act 500/2004). */
export function withdrawAction(letter: 'letter' | { none: string }) {
  return defineAction<Dated>({
    permission: 'case.act',
    effect: 'decide',
    http: ROUTES.withdraw,
    perform: async ({ ctx, state, input }) => {
      const on = actionDate(input.on, ctx.clock.now(), state.lastEffectiveOn);
      return { payload: { on }, effectiveOn: on };
    },
    letter:
      letter === 'letter'
        ? { kind: 'discontinuation', fields: () => ({ discontinuation: { reason: 'withdrawn', legalGround: WITHDRAWAL_LEGAL_GROUND } }) }
        : letter,
  });
}

type DiscontinueInput = Dated & { legalGround: string; note?: string };

export function discontinueAction(letter: 'letter' | { none: string }) {
  return defineAction<DiscontinueInput>({
    permission: 'case.decide',
    effect: 'decide',
    http: ROUTES.discontinue,
    perform: async ({ ctx, state, input }) => {
      const on = actionDate(input.on, ctx.clock.now(), state.lastEffectiveOn);
      return { payload: { on, legalGround: input.legalGround, ...(input.note ? { note: input.note } : {}) }, effectiveOn: on };
    },
    letter:
      letter === 'letter'
        ? {
            kind: 'discontinuation',
            fields: ({ input }) => ({
              discontinuation: { reason: 'other', legalGround: input.legalGround, ...(input.note ? { note: input.note } : {}) },
            }),
          }
        : letter,
  });
}

/** Posting and delivering a letter leave the status as it is: spread into every status that has letters. */
export const LETTER_STEPS = { letter_posted: stay, letter_delivery: stay } as const;

function stay<S extends string>(after: { status: S }): S {
  return after.status;
}

const NO_LETTER_FOR_A_LETTER_STEP = { none: 'Posting and delivery are steps of a letter already issued.' };

export function letterPostedAction() {
  return defineAction<{ letterId: string; postedOn?: string }>({
    permission: 'letter.post',
    effect: 'aside',
    http: ROUTES.letter_posted,
    perform: async ({ trx, ctx, row, input }) => {
      const postedOn = actionDate(input.postedOn, ctx.clock.now(), '0000-01-01', '/postedOn');
      await recordLetterPosting(trx, {
        caseId: row.id,
        letterId: input.letterId,
        postedOn,
        actorId: ctx.actor.id,
        requestId: ctx.requestId,
      });
      return { payload: { letterId: input.letterId, postedOn }, effectiveOn: postedOn };
    },
    letter: NO_LETTER_FOR_A_LETTER_STEP,
  });
}

export type DeliveryInput =
  | { kind: 'delivered'; deliveredOn: string }
  | { kind: 'stored'; readyForCollectionOn: string; collectedOn?: string | null };

/**
 * Delivery: handed over on a date, or stored at the post office — then collected within the
 * period or deemed delivered on its last day (§ 24(1) Act 500/2004; the weekend/holiday shift is
 * the DEEMED_DELIVERY_SHIFT setting). A deemed date still in the future cannot be recorded yet.
 */
export function letterDeliveryAction() {
  return defineAction<{ letterId: string; delivery: DeliveryInput }>({
    permission: 'letter.post',
    effect: 'aside',
    http: ROUTES.letter_delivery,
    perform: async ({ trx, ctx, row, input, today }) => {
      const d = input.delivery;
      let rec: DeliveryRecord;
      if (d.kind === 'delivered') {
        const on = actionDate(d.deliveredOn, ctx.clock.now(), '0000-01-01', '/delivery/deliveredOn');
        rec = { deliveredOn: on, how: 'delivered', readyForCollectionOn: null };
      } else {
        const ready = actionDate(d.readyForCollectionOn, ctx.clock.now(), '0000-01-01', '/delivery/readyForCollectionOn');
        const collected = d.collectedOn ?? null;
        if (collected !== null && (!isValidIsoDate(collected) || collected < ready || collected > today)) {
          throw validationFailed([
            fieldError('/delivery/collectedOn', 'INVALID_COLLECTION', 'The collection date lies between the ready date and today.'),
          ]);
        }
        const out = letterDelivery(ready, collected, ctx.config.deemedDeliveryShift);
        if (out.deliveredOn > today) {
          throw validationFailed([
            fieldError(
              '/delivery/collectedOn',
              'PERIOD_NOT_OVER',
              `Not collected yet: the letter is deemed delivered on ${out.deliveredOn}; record it then, or record the collection.`,
            ),
          ]);
        }
        rec = { deliveredOn: out.deliveredOn, how: out.how, readyForCollectionOn: ready };
      }
      await recordLetterDelivery(trx, {
        caseId: row.id,
        letterId: input.letterId,
        delivery: rec,
        actorId: ctx.actor.id,
        requestId: ctx.requestId,
      });
      return {
        payload: {
          letterId: input.letterId,
          deliveredOn: rec.deliveredOn,
          how: rec.how,
          ...(rec.readyForCollectionOn ? { readyForCollectionOn: rec.readyForCollectionOn } : {}),
        },
        effectiveOn: rec.deliveredOn,
      };
    },
    letter: NO_LETTER_FOR_A_LETTER_STEP,
  });
}

export type { ActionArgs, ActionDeclaration, LetterDeclaration };
