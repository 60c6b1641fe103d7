// Durations as people type them, to whole minutes: the one parser behind every duration field (week
// view cells, the manual entry, the timer's correction) and behind the REST `duration` field.
// Minutes stay integers from here on; hours exist only as a way of writing and showing them.

/** The most one entry may hold (and one day in total). */
export const MAX_ENTRY_MINUTES = 24 * 60;

const UNIT_HOURS = /^(\d+(?:[.,]\d+)?)\s*(?:h|hr|hrs|hours?|std\.?|stunden?)$/i;
const UNIT_MINUTES = /^(\d+)\s*(?:m|min|mins|minutes?|minuten?)$/i;
const HOURS_AND_MINUTES = /^(\d+)\s*(?:h|std\.?)\s*(\d+)\s*(?:m|min)?$/i;
const CLOCK = /^(\d+):([0-5]\d)$/;
const PLAIN = /^(\d+(?:[.,]\d+)?)$/;

const hoursToMinutes = (text: string) => Math.round(Number(text.replace(",", ".")) * 60);

/**
 * `1:30`, `1.5h`, `1,5h`, `1h30`, `1h 30m`, `90m`, `90 min` and a bare number of hours (`2`, `1.5`,
 * `1,5`) to minutes; null for anything else. Zero is a valid answer (an emptied cell); callers decide
 * whether it is allowed.
 */
export function parseDuration(input: string): number | null {
  const text = input.trim();
  if (text === "") return null;
  let m = CLOCK.exec(text);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  m = UNIT_MINUTES.exec(text);
  if (m) return Number(m[1]);
  m = HOURS_AND_MINUTES.exec(text);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  m = UNIT_HOURS.exec(text) ?? PLAIN.exec(text);
  if (m) return hoursToMinutes(m[1]);
  return null;
}

/** Minutes as `h:mm` (`90` → `1:30`, `5` → `0:05`); negative values keep their sign. */
export function formatDuration(minutes: number): string {
  const sign = minutes < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(minutes));
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")}`;
}

/** Minutes as decimal hours in a locale (`90`, "de" → `1,50`): for CSV and charts, never for storage. */
export function formatHours(minutes: number, locale: string, fractionDigits = 2): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
    useGrouping: false,
  }).format(minutes / 60);
}
