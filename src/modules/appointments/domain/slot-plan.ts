/**
 * Which slots an office offers: its opening hours on working days (Czech calendar), cut into
 * intervals. Times are Prague civil times turned into instants, across the DST changes.
 */
import { addDays, dayOfWeek, isWorkingDay } from '../../calendar/index.ts';

export interface Hours {
  weekday: number;
  opens: string;
  closes: string;
}
export interface PlannedSlot {
  date: string;
  time: string;
  startsAt: Date;
}

/** The instant at which Prague's wall clock shows `date` `time` (CET +1 or CEST +2). */
export function pragueInstant(date: string, time: string): Date {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  for (const offset of [1, 2]) {
    const t = new Date(Date.UTC(y, mo - 1, d, h - offset, m));
    const shown = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Prague',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(t);
    if (shown === time.slice(0, 5)) return t;
  }
  throw new Error(`${date} ${time} does not exist in Prague (DST gap)`);
}

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const hhmm = (n: number) => `${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;

export function planSlots(hours: Hours[], from: string, to: string, minutes: number): PlannedSlot[] {
  const out: PlannedSlot[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (!isWorkingDay(d)) continue;
    const iso = ((dayOfWeek(d) + 6) % 7) + 1; // Sunday 0 → 7
    const h = hours.find((x) => x.weekday === iso);
    if (!h) continue;
    for (let t = toMinutes(h.opens); t + minutes <= toMinutes(h.closes); t += minutes) {
      out.push({ date: d, time: hhmm(t), startsAt: pragueInstant(d, hhmm(t)) });
    }
  }
  return out;
}
