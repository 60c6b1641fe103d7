// Budget periods of a contract, in pure calendar arithmetic on `YYYY-MM-DD` (UTC, like entries):
// - a recurring contract's periods start on its start date's day of month, every 1, 3 or 12 months;
//   a day the month does not have falls on its last day (an anchor on the 31st gives 30 April and
//   28 or 29 February; the 29 February gives 28 February in common years), and each start is
//   computed from the anchor, never from the previous start, so a short month does not shift the
//   rest; a period ends the day before the next starts, or on the contract's end date;
// - a contract that does not renew has one period, its whole term;
// - with carry-over, what a period leaves unused (or overdraws) adds to (or takes from) the next
//   one's budget; without it every period has its own budget;
// - the current period's forecast extends its average use per day so far to its last day.
// Importable from the browser (no database here).
import { addDays, daysBetween } from "../time/dates.ts";

export const RECURRENCES = ["none", "monthly", "quarterly", "yearly"] as const;
export type Recurrence = (typeof RECURRENCES)[number];
const MONTHS: Record<Exclude<Recurrence, "none">, number> = { monthly: 1, quarterly: 3, yearly: 12 };

const daysInMonth = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

/** The anchor's date `months` months later, clamped to the end of a shorter month. */
export function addMonthsClamped(anchor: string, months: number): string {
  const [y, m, d] = anchor.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month0 = total - year * 12;
  const day = Math.min(d, daysInMonth(year, month0));
  return `${String(year).padStart(4, "0")}-${String(month0 + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export type Period = { index: number; start: string; end: string | null };

export type PeriodTerms = { recurrence: Recurrence; anchor: string; endDate: string | null };

/** Period `index` (0 = the first) of the terms. */
export function periodAt(terms: PeriodTerms, index: number): Period {
  if (terms.recurrence === "none") return { index: 0, start: terms.anchor, end: terms.endDate };
  const step = MONTHS[terms.recurrence];
  const start = addMonthsClamped(terms.anchor, index * step);
  const nextStart = addMonthsClamped(terms.anchor, (index + 1) * step);
  let end = addDays(nextStart, -1);
  if (terms.endDate && terms.endDate < end) end = terms.endDate;
  return { index, start, end };
}

/** The period that holds `day`, or null before the first period starts or after the contract ends. */
export function periodOf(terms: PeriodTerms, day: string): Period | null {
  if (day < terms.anchor || (terms.endDate && day > terms.endDate)) return null;
  if (terms.recurrence === "none") return periodAt(terms, 0);
  const step = MONTHS[terms.recurrence];
  const [ay, am] = terms.anchor.split("-").map(Number);
  const [dy, dm] = day.split("-").map(Number);
  let index = Math.floor((dy * 12 + dm - (ay * 12 + am)) / step);
  // The month guess can be one period late when `day` falls before the clamped start in its month.
  while (index > 0 && periodAt(terms, index).start > day) index--;
  while (periodAt(terms, index + 1).start <= day) index++;
  return periodAt(terms, index);
}

/** Every period from the first up to the one holding `through` (inclusive). */
export function periodsThrough(terms: PeriodTerms, through: string): Period[] {
  const last = periodOf(terms, through) ?? (terms.endDate && through > terms.endDate ? periodOf(terms, terms.endDate) : null);
  if (!last) return [];
  return Array.from({ length: last.index + 1 }, (_, i) => periodAt(terms, i));
}

export type PeriodUse = Period & {
  /** The budget of the period itself. */
  budget: number;
  /** Carried in from the period before (negative: overdrawn there); 0 without carry-over. */
  carriedIn: number;
  /** budget + carriedIn. */
  available: number;
  used: number;
  /** Whole percent of `available` used (floor, at most 1000). */
  percentUsed: number;
};

/** Whole percent (floor) of `used` against `available`, in integers, at most 1000; any use of nothing (or less) is 1000. */
export function percentOf(used: number, available: number): number {
  if (available > 0) return Math.min(1000, Math.floor((used * 100) / available));
  return used > 0 ? 1000 : 0;
}

/** Budgets, carry-over and percentages of periods whose use is known (in period order). */
export function periodUses(periods: Period[], used: (p: Period) => number, budget: number, carryOver: boolean): PeriodUse[] {
  let carry = 0;
  return periods.map((p) => {
    const u = used(p);
    const carriedIn = carryOver ? carry : 0;
    const available = budget + carriedIn;
    carry = available - u;
    return { ...p, budget, carriedIn, available, used: u, percentUsed: percentOf(u, available) };
  });
}

/**
 * The forecast of the current period: its use at the end if the average per day so far goes on
 * (rounded half up); null for an open-ended period or before it starts.
 */
export function forecastPeriod(
  p: PeriodUse,
  today: string,
): { projectedUse: number; projectedPercent: number; daysLeft: number } | null {
  if (!p.end || today < p.start) return null;
  const elapsed = daysBetween(p.start, today < p.end ? today : p.end) + 1;
  const total = daysBetween(p.start, p.end) + 1;
  const projectedUse = Math.floor((p.used * total * 2 + elapsed) / (elapsed * 2));
  return {
    projectedUse,
    projectedPercent: percentOf(projectedUse, p.available),
    daysLeft: Math.max(0, daysBetween(today, p.end)),
  };
}

/** Thresholds as stored ("80,100") to sorted, distinct whole percentages between 1 and 1000. */
export function parseThresholds(text: string): number[] {
  return [...new Set(text.split(",").map((s) => Number(s.trim())))]
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 1000)
    .sort((a, b) => a - b);
}
