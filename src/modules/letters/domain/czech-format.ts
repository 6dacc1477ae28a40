const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict ISO calendar date 'YYYY-MM-DD'; null when malformed or not a real day. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** Czech administrative date: '2026-04-02' → "2. 4. 2026". Throws RangeError on an invalid date. */
export function formatCzechDate(iso: string): string {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return `${date.day}. ${date.month}. ${date.year}`;
}

/** Amount in Czech crowns: 1500 → "1 500 Kč", 12.5 → "12,50 Kč". Throws RangeError on negative or non-finite. */
export function formatCzk(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`Not a CZK amount: ${amount}`);
  const [whole = '0', fraction] = (Number.isInteger(amount) ? String(amount) : amount.toFixed(2)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${fraction ? `${grouped},${fraction}` : grouped} Kč`;
}
