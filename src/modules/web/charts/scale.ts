/** The arithmetic of the charts: "nice" axis ticks, a linear scale, which category labels fit. Pure. */

/**
 * Ticks from 0 to a round top at or above `max`, about `count` of them, with a step of 1, 2 or 5 × 10^k
 * (integers only when `integer`: counts never get a tick at 2.5). A max of 0 (no data) gives 0..1.
 */
export function niceTicks(max: number, opts: { count?: number; integer?: boolean } = {}): number[] {
  const count = opts.count ?? 5;
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const raw = top / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  if (opts.integer) step = Math.max(1, Math.ceil(step));
  const n = Math.ceil(top / step - 1e-9);
  // Sums of a fractional step drift (0.1 + 0.2): each tick is computed and rounded on its own.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toFixed(digits)));
}

/** A linear map of [0, domainMax] onto [rangeFrom, rangeTo] (SVG y grows downwards: pass bottom, top). */
export function linear(domainMax: number, rangeFrom: number, rangeTo: number): (v: number) => number {
  const d = domainMax > 0 ? domainMax : 1;
  return (v) => rangeFrom + ((rangeTo - rangeFrom) * v) / d;
}

/**
 * Every how many categories a label is written on the x axis so that labels of `longest` characters
 * do not overlap in `width` units (about 0.62 em a character at `fontSize`, plus a gap).
 */
export function labelEvery(n: number, width: number, longest: number, fontSize = 12): number {
  if (n <= 0) return 1;
  const perLabel = longest * fontSize * 0.62 + fontSize;
  const fit = Math.max(1, Math.floor(width / perLabel));
  return Math.max(1, Math.ceil(n / fit));
}
