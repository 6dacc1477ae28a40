/** What changes between two dates: parameter values and which rules and exceptions are in force. */
import { isValidIsoDate } from '../../calendar/index.ts';
import { fieldError, validationFailed } from '../../../platform/errors.ts';
import type { PolicyBundle } from '../domain/bundle.types.ts';
import { windowOn } from '../domain/lookup.ts';
import { defaultBundle } from '../load/load-bundle.ts';

export interface PolicyChange {
  kind: 'parameter' | 'rule' | 'exception';
  id: string;
  from: unknown;
  to: unknown;
  source: string | null;
}

const at = <T extends { from: string; to: string | null }>(ws: T[], d: string) =>
  ws.find((w) => w.from <= d && (w.to === null || d <= w.to)) ?? null;

export function diffPolicy(fromDate: string, toDate: string, bundle: PolicyBundle = defaultBundle()): PolicyChange[] {
  const bad = [
    ['/from', fromDate],
    ['/to', toDate],
  ].filter(([, d]) => !isValidIsoDate(d!));
  if (bad.length) throw validationFailed(bad.map(([f, d]) => fieldError(f!, 'INVALID_DATE', `${d} is not a date YYYY-MM-DD.`)));
  const out: PolicyChange[] = [];
  for (const p of Object.values(bundle.parameters)) {
    const a = at(p.values, fromDate);
    const b = at(p.values, toDate);
    // The same value under a new instrument (a later decree) is a change too.
    if (
      JSON.stringify(a?.value ?? null) !== JSON.stringify(b?.value ?? null) ||
      (a === null) !== (b === null) ||
      a?.source.id !== b?.source.id
    ) {
      out.push({
        kind: 'parameter',
        id: p.id,
        from: a ? a.value : 'no rule in force',
        to: b ? b.value : 'no rule in force',
        source: (b ?? a)?.source.id ?? null,
      });
    }
  }
  for (const r of bundle.rules) {
    const items: [PolicyChange['kind'], string, typeof r.inForce][] = [
      ['rule', r.id, r.inForce],
      ...r.exceptions.map((e) => ['exception', e.id, e.inForce] as [PolicyChange['kind'], string, typeof r.inForce]),
    ];
    for (const [kind, id, ws] of items) {
      const a = windowOn(ws, fromDate);
      const b = windowOn(ws, toDate);
      if ((a === null) !== (b === null) || (a && b && a.source.id !== b.source.id)) {
        out.push({
          kind,
          id,
          from: a ? `in force (${a.source.id})` : 'not in force',
          to: b ? `in force (${b.source.id})` : 'not in force',
          source: (b ?? a)?.source.id ?? null,
        });
      }
    }
  }
  return out;
}
