// Calendar dates (`YYYY-MM-DD`) as time entries carry them: a day in the user's own calendar,
// stored as midnight UTC (a DATE column on PostgreSQL and MySQL). All arithmetic here is in UTC so
// that no server time zone shifts a day. Importable from the browser.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** `YYYY-MM-DD` to its midnight-UTC Date. */
export const dateOf = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** A Date (a stored day) to `YYYY-MM-DD`. */
export const isoOf = (date: Date): string => date.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  return isoOf(new Date(dateOf(iso).getTime() + days * DAY_MS));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dateOf(b).getTime() - dateOf(a).getTime()) / DAY_MS);
}

/** Today in UTC; the browser passes its own local date where that matters (the timer, the week view). */
export const todayUtc = (now = new Date()): string => isoOf(now);

/** The local calendar date of a moment in the browser's time zone. */
export function localIsoDate(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/** The Monday of the ISO week that contains `iso`. */
export function weekStart(iso: string): string {
  const day = dateOf(iso).getUTCDay(); // 0 = Sunday
  return addDays(iso, day === 0 ? -6 : 1 - day);
}

/** ISO week label, e.g. `2025-W03` (the year is the ISO week-numbering year). */
export function isoWeek(iso: string): string {
  const monday = dateOf(weekStart(iso));
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstMonday = firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * DAY_MS;
  const week = Math.round((monday.getTime() - firstMonday) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** `2025-01-13` → `2025-01`. */
export const monthOf = (iso: string): string => iso.slice(0, 7);

/** Every day from `from` to `to`, both included. */
export function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
