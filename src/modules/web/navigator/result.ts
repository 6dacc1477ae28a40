/**
 * What the result page shows, assembled from one policy evaluation on the date asked about: the route
 * that fits (or the possible ones, or none), why, what would change it, the legal sources; the
 * tolerance-visa checklist and rights; the holder's automatic extension and channel guidance; and, for
 * Russian and Belarusian citizens, the visa suspension on that date with its exceptions and end.
 */
import {
  evaluatePolicy,
  message,
  TOLERANCE_DECISION_PERIOD_DAYS,
  TOLERANCE_FEE,
  valueOn,
  windowOn,
  type ExplainedResult,
  type Facts,
  type InterviewBranch,
  type PolicyBundle,
} from '../../policy/index.ts';
import type { Locale } from '../i18n/i18n.ts';

export interface SourceRef {
  label: string;
  url: string | null;
}

/** A policy text with the message code it is rendered from (the page marks seed facts by it). */
export interface Coded {
  code: string;
  text: string;
}

export interface RouteView {
  rule: string;
  title: string;
  outcome: string;
  outcomeText: string;
  reasons: string[];
  change: string[];
  source: SourceRef | null;
}

export interface ResultView {
  on: string;
  branch: InterviewBranch;
  fits: RouteView | null;
  possible: RouteView[];
  tolerance: {
    feeCzk: number | null;
    feeSource: SourceRef | null;
    decisionDays: number | null;
    rights: Coded[];
    rightsSource: SourceRef | null;
  } | null;
  holder: {
    outcome: string;
    extendedTo: string | null;
    /** The extension's scope, from its dated parameter: in effect on `effectiveOn`, for visas issued from `issuedFrom`. */
    scope: { effectiveOn: string; issuedFrom: string } | null;
    guidance: Coded[];
    source: SourceRef | null;
  } | null;
  suspension: {
    title: string;
    inForce: boolean;
    endsOn: string | null;
    source: SourceRef | null;
    outcomeText: string;
    exceptions: (SourceRef & { id: string })[];
  } | null;
}

const ref = (s: { act: string; section?: string | null; url?: string | null } | null | undefined): SourceRef | null =>
  s ? { label: [s.act, s.section].filter(Boolean).join(', '), url: s.url ?? null } : null;

function routeView(r: ExplainedResult): RouteView {
  return {
    rule: r.rule,
    title: r.title,
    outcome: r.outcome,
    outcomeText: r.outcomeText,
    reasons: r.reasons.map((x) => x.text),
    change: [...r.whatWouldChange.failing.map((x) => x.text), ...r.whatWouldChange.unknown.map((x) => x.question)],
    source: ref(r.window?.source),
  };
}

function safeValue<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

export function buildResult(
  bundle: PolicyBundle,
  locale: Locale,
  input: { facts: Facts; on: string; visaIssuedOn?: string; branch: InterviewBranch; route: string | null },
): ResultView {
  const { facts, on } = input;
  const ev = evaluatePolicy(bundle, { facts, dates: { as_of: on, filed_on: on }, lang: locale });
  const routes = ev.results.filter((r) => r.rule.startsWith('route.'));
  const fit = routes.find((r) => r.rule === input.route) ?? routes.find((r) => ['eligible', 'officer_decides'].includes(r.outcome));
  const view: ResultView = {
    on,
    branch: input.branch,
    fits: fit ? routeView(fit) : null,
    possible: fit ? [] : routes.filter((r) => r.outcome === 'possible').map(routeView),
    tolerance: null,
    holder: null,
    suspension: null,
  };

  const toleranceInfo = () => {
    const rights = evaluatePolicy(bundle, {
      facts: { held_status: 'tolerance_visa' },
      dates: { as_of: on },
      lang: locale,
      rules: [],
    }).rights;
    const fee = safeValue(() => valueOn(TOLERANCE_FEE, on));
    return {
      feeCzk: fee?.value.amount_czk ?? null,
      feeSource: ref(fee?.source),
      decisionDays: safeValue(() => valueOn(TOLERANCE_DECISION_PERIOD_DAYS, on).value),
      rights: rights?.items.map((i) => ({ code: i.code, text: i.text })) ?? [],
      rightsSource: ref(rights?.window.source),
    };
  };
  if (view.fits?.rule === 'route.tolerance_visa' || view.possible.some((r) => r.rule === 'route.tolerance_visa'))
    view.tolerance = toleranceInfo();

  if (input.branch === 'tolerance_holder') {
    const dates = { as_of: on, filed_on: on, ...(input.visaIssuedOn ? { visa_issued_on: input.visaIssuedOn } : {}) };
    const h = evaluatePolicy(bundle, {
      facts: { ...facts, requested_channel: 'tp_extension_system' },
      dates,
      lang: locale,
      rules: ['auto_extension.tolerance_2023', 'channel.tp_extension_system'],
    });
    const ext = h.results.find((r) => r.rule === 'auto_extension.tolerance_2023')!;
    const channel = h.results.find((r) => r.rule === 'channel.tp_extension_system')!;
    const extendedTo =
      ext.outcome === 'extended' && input.visaIssuedOn
        ? safeValue(() => String(valueOn(bundle.parameters['auto_extension_2023.extended_to']!, input.visaIssuedOn!).value))
        : null;
    const effective = bundle.parameters['auto_extension_2023.effective_on']?.values[0];
    view.holder = {
      outcome: ext.outcome,
      extendedTo,
      scope: effective ? { effectiveOn: String(effective.value), issuedFrom: effective.from } : null,
      guidance: channel.guidance.map((g) => ({ code: g.code, text: g.text })),
      source: ref(ext.window?.source ?? channel.window?.source),
    };
    view.tolerance = { ...toleranceInfo() };
  }

  if (facts.nationality === 'RUS' || facts.nationality === 'BLR') {
    const paramId = facts.nationality === 'RUS' ? 'suspension.ru.active' : 'suspension.by.active';
    const p = safeValue(() => valueOn(bundle.parameters[paramId]!, on));
    const rule = bundle.rules.find((r) => r.id === 'suspension.ru_by');
    const sus = ev.results.find((r) => r.rule === 'suspension.ru_by');
    view.suspension = {
      title: message(bundle, locale, 'rule.suspension.ru_by'),
      inForce: p?.value === true,
      endsOn: p?.to ?? null,
      source: ref(p?.source),
      outcomeText: sus?.outcomeText ?? '',
      exceptions: (rule?.exceptions ?? []).flatMap((ex) => {
        const w = windowOn(ex.inForce, on);
        return w ? [{ id: ex.id, label: message(bundle, locale, `exception.${ex.id}`), url: w.source.url ?? null }] : [];
      }),
    };
  }
  return view;
}
