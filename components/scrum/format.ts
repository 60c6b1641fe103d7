// Dates and counts of sprints in the user's language.
import type { T } from "../../lib/i18n/index.ts";

/** Today as `YYYY-MM-DD` in the browser's time zone. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** `YYYY-MM-DD` plus n days. */
export function plusDays(iso: string, n: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Whole days from a to b (`YYYY-MM-DD`). */
export function daysFrom(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** `3 Mar` (with the year when it is not this year's). */
export function formatDay(iso: string, language: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const sameYear = y === new Date().getFullYear();
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(language, {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
    ...(sameYear ? {} : { year: "numeric" }),
  });
}

/** A short weekday and day for chart axes: `Mon 3`. */
export function formatAxisDay(iso: string, language: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(language, { weekday: "short", day: "numeric", timeZone: "UTC" });
}

/** The browser's IANA time zone, for the burndown's days. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** "1 card" / "3 cards", "1 point" / "8 points". */
export function countOf(t: T, what: "cards" | "points", n: number): string {
  return t(`scrum.count.${what}`, { count: n });
}

/** Days left in a sprint, until it starts, or since it ended (null: none to show). */
export function sprintTiming(t: T, sprint: { status: string; startDate: string | null; endDate: string | null }): string | null {
  if (!sprint.startDate || !sprint.endDate) return null;
  const today = todayIso();
  if (sprint.status === "planned") {
    const n = daysFrom(today, sprint.startDate);
    return n > 1 ? t("scrum.sprint.notStarted", { count: n }) : n === 1 ? t("scrum.sprint.notStartedOne") : null;
  }
  const left = daysFrom(today, sprint.endDate);
  if (left >= 1) return t("scrum.sprint.daysLeft", { count: left });
  if (left === 0) return t("scrum.sprint.lastDay");
  return left === -1 ? t("scrum.sprint.overdueOne") : t("scrum.sprint.overdue", { count: -left });
}
