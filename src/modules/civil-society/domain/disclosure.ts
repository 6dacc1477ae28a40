/**
 * Disclosure control for public statistics of the programme (the ministry withholds exact numbers for
 * the applicants' safety). Every published figure is a fixed range label; a cell under the threshold
 * is suppressed; the mapping is deterministic, so the same question always gets the same answer, and
 * only fixed tables of completed months are published (no free filters to difference).
 */
export const SUPPRESS_BELOW = 10;

export function rangeLabel(n: number): string {
  if (n < SUPPRESS_BELOW) return 'suppressed';
  if (n < 50) return '10–49';
  if (n < 100) return '50–99';
  if (n < 1000) return 'several hundred';
  return 'over a thousand';
}

export interface Cell {
  dimension: string;
  value: string;
  count: number;
}

export function protectCells(cells: Cell[]): { dimension: string; value: string; figure: string }[] {
  return cells.map((c) => ({ dimension: c.dimension, value: c.value, figure: rangeLabel(c.count) }));
}
