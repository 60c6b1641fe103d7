// Dates as exports write them: ISO 8601 (with or without time and zone), 31.12.2024 (German),
// 12/31/2024 or 31/12/2024 (decided per file from the values: a first part above 12 means
// day/month), Jira's 12/Mar/21 3:45 PM, and Unix seconds. Times without a zone are read as UTC.
import { invalidFile } from "./text.ts";

export type DateOrder = "dmy" | "mdy";

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  // German abbreviations (Jira and Kanboard in German)
  jän: 1,
  mär: 3,
  mrz: 3,
  mai: 5,
  okt: 10,
  dez: 12,
};

const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const NAMED = /^(\d{1,2})[/ -]([A-Za-zäÄ]{3})[a-z]*\.?[/ -](\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The day order of slash dates in these values: decided by a part above 12, else `fallback`. */
export function slashOrder(values: string[], fallback: DateOrder = "mdy"): { order: DateOrder; ambiguous: boolean } {
  let dmy = false;
  let mdy = false;
  for (const v of values) {
    const m = SLASH.exec(v.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dmy = true;
    if (Number(m[2]) > 12) mdy = true;
  }
  if (dmy && !mdy) return { order: "dmy", ambiguous: false };
  if (mdy && !dmy) return { order: "mdy", ambiguous: false };
  return { order: fallback, ambiguous: !dmy && !mdy && values.some((v) => SLASH.test(v.trim())) };
}

const year = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
const hour12 = (h: number, ampm: string | undefined) => {
  if (!ampm) return h;
  const pm = ampm.toLowerCase() === "pm";
  return (h % 12) + (pm ? 12 : 0);
};

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    return null;
  return date;
}

/** One value as a Date, or null when it is no date in a format we know. */
export function parseDate(raw: string, order: DateOrder = "mdy"): Date | null {
  const v = raw.trim();
  if (ISO.test(v)) {
    const [datePart] = v.split(/[T ]/);
    const [y, mo, d] = datePart.split("-").map(Number);
    if (!utc(y, mo, d)) return null;
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(v) && v.length > 10;
    const t = new Date(
      hasZone ? v.replace(/([+-]\d{2})(\d{2})$/, "$1:$2") : `${v.replace(" ", "T")}${v.length > 10 ? "Z" : "T00:00:00Z"}`,
    );
    return Number.isNaN(t.getTime()) ? null : t;
  }
  let m = SLASH.exec(v);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [d, mo] = order === "dmy" ? [a, b] : [b, a];
    return utc(year(m[3]), mo, d, hour12(Number(m[4] ?? 0), m[7]), Number(m[5] ?? 0), Number(m[6] ?? 0));
  }
  m = DOTTED.exec(v);
  if (m) return utc(year(m[3]), Number(m[2]), Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  m = NAMED.exec(v);
  if (m) {
    const mo = MONTHS[m[2].toLowerCase()];
    if (!mo) return null;
    return utc(year(m[3]), mo, Number(m[1]), hour12(Number(m[4] ?? 0), m[7]), Number(m[5] ?? 0), Number(m[6] ?? 0));
  }
  if (/^\d{9,10}$/.test(v)) return new Date(Number(v) * 1000);
  return null;
}

/** A required-format date or an error naming the line and column. Empty values are null. */
export function dateField(
  raw: string | undefined,
  where: { line: number; column: string },
  order: DateOrder = "mdy",
): Date | null {
  if (raw === undefined || raw.trim() === "") return null;
  const d = parseDate(raw, order);
  if (!d) {
    throw invalidFile(
      `Line ${where.line}, column "${where.column}": "${raw.slice(0, 40)}" is not a date (use 2024-12-31, 31.12.2024, 12/31/2024 or 31/12/2024).`,
      where.column,
    );
  }
  return d;
}

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
