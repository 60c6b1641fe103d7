// A contract's burn: usage level and the forecast of the day its hours run out at the recent burn
// rate. Pure integer arithmetic on minutes and calendar days, so that the same entries always give
// the same date (test/time/forecast.test.ts).
import { addDays, daysBetween } from "./dates.ts";

/** The burn rate is measured over the last four weeks (or since the contract started, if later). */
export const BURN_WINDOW_DAYS = 28;

export type BurnLevel = "ok" | "warning" | "exceeded";

export type Burn = {
  contractedMinutes: number;
  usedMinutes: number;
  /** Contracted minus used; negative once exceeded. */
  remainingMinutes: number;
  /** Whole percent used (floor), for display; the level is decided on the minutes themselves. */
  percentUsed: number;
  /** `warning` from 80 % used, `exceeded` beyond 100 %. */
  level: BurnLevel;
  forecast: {
    /** Minutes booked inside the window, and the window's length in days. */
    windowMinutes: number;
    windowDays: number;
    /** The average per week over the window (rounded), for display. */
    minutesPerWeek: number;
    /** The day the remaining minutes are used up at that rate; null when nothing remains or nothing is burning. */
    runOutDate: string | null;
    /** True when that day comes before the contract's end date; null without either. */
    runsOutBeforeEnd: boolean | null;
  };
};

export function burnLevel(contracted: number, used: number): BurnLevel {
  if (used > contracted) return "exceeded";
  // used ≥ 80 % of contracted, in integers.
  if (contracted > 0 && used * 5 >= contracted * 4) return "warning";
  if (contracted === 0 && used > 0) return "exceeded";
  return "ok";
}

/**
 * `windowMinutes`: the minutes booked on the contract dated within the window that ends `today`
 * (both ends included), which starts BURN_WINDOW_DAYS - 1 days earlier or at `startDate` if later.
 */
export function computeBurn(input: {
  contractedMinutes: number;
  usedMinutes: number;
  windowMinutes: number;
  today: string;
  startDate: string | null;
  endDate: string | null;
}): Burn {
  const { contractedMinutes: contracted, usedMinutes: used, windowMinutes, today } = input;
  const remaining = contracted - used;
  const window = burnWindow(today, input.startDate);
  let runOutDate: string | null = null;
  if (remaining > 0 && windowMinutes > 0 && window.days > 0) {
    // The first whole day d with d × (windowMinutes / days) ≥ remaining.
    const days = Math.ceil((remaining * window.days) / windowMinutes);
    runOutDate = addDays(today, days);
  }
  return {
    contractedMinutes: contracted,
    usedMinutes: used,
    remainingMinutes: remaining,
    percentUsed: contracted > 0 ? Math.floor((used * 100) / contracted) : used > 0 ? 100 : 0,
    level: burnLevel(contracted, used),
    forecast: {
      windowMinutes,
      windowDays: window.days,
      minutesPerWeek: window.days > 0 ? Math.round((windowMinutes * 7) / window.days) : 0,
      runOutDate,
      runsOutBeforeEnd: runOutDate && input.endDate ? runOutDate < input.endDate : null,
    },
  };
}

/** The window's first day and length; zero days when the contract starts after `today`. */
export function burnWindow(today: string, startDate: string | null): { from: string; days: number } {
  const earliest = addDays(today, -(BURN_WINDOW_DAYS - 1));
  const from = startDate && startDate > earliest ? startDate : earliest;
  return { from, days: Math.max(0, daysBetween(from, today) + 1) };
}
