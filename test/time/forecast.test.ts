// The burn forecast and the duration parser are pure: fixed inputs, fixed answers.
import { describe, expect, it } from "vitest";
import { addDays, isoWeek, weekStart } from "../../lib/time/dates.ts";
import { formatDuration, formatHours, parseDuration } from "../../lib/time/duration.ts";
import { burnLevel, burnWindow, computeBurn } from "../../lib/time/forecast.ts";

describe("[TIME] duration parsing", () => {
  it.each([
    ["1:30", 90],
    ["0:05", 5],
    ["12:00", 720],
    ["1.5h", 90],
    ["1,5h", 90],
    ["1,5 Std", 90],
    ["2h", 120],
    ["90m", 90],
    ["90 min", 90],
    ["45min", 45],
    ["1h30", 90],
    ["1h 30m", 90],
    ["2", 120],
    ["1.25", 75],
    ["0,75", 45],
    [" 1:30 ", 90],
    ["0", 0],
  ])("%s is %i minutes", (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each(["", "abc", "1:60", "1:5", "-1h", "1.5.5", "h", "1:30:00", "1e3"])("%j is not a duration", (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it("formats minutes as h:mm and as hours in a locale", () => {
    expect(formatDuration(90)).toBe("1:30");
    expect(formatDuration(5)).toBe("0:05");
    expect(formatDuration(1440)).toBe("24:00");
    expect(formatHours(90, "en")).toBe("1.50");
    expect(formatHours(90, "de")).toBe("1,50");
    expect(formatHours(20, "de")).toBe("0,33");
  });
});

describe("[TIME] calendar weeks", () => {
  it("starts weeks on Monday and numbers them as ISO 8601 does", () => {
    expect(weekStart("2025-01-15")).toBe("2025-01-13");
    expect(weekStart("2025-01-19")).toBe("2025-01-13");
    expect(isoWeek("2025-01-13")).toBe("2025-W03");
    expect(isoWeek("2024-12-30")).toBe("2025-W01");
    expect(isoWeek("2021-01-03")).toBe("2020-W53");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });
});

describe("[TIME] contract burn and forecast", () => {
  const base = { startDate: null, endDate: null, today: "2025-03-01" };

  it("warns from 80 % and when exceeded, on integer minutes", () => {
    expect(burnLevel(6000, 4799)).toBe("ok");
    expect(burnLevel(6000, 4800)).toBe("warning");
    expect(burnLevel(6000, 6000)).toBe("warning");
    expect(burnLevel(6000, 6001)).toBe("exceeded");
    expect(burnLevel(0, 0)).toBe("ok");
    expect(burnLevel(0, 1)).toBe("exceeded");
  });

  it("runs out after ceil(remaining / daily rate) days at the last four weeks' rate", () => {
    // 40 h contracted, 28 h used, 28 h of it in the last 28 days: 1 h a day, 12 h left → 12 days.
    const burn = computeBurn({ ...base, contractedMinutes: 2400, usedMinutes: 1680, windowMinutes: 1680 });
    expect(burn).toMatchObject({ remainingMinutes: 720, percentUsed: 70, level: "ok" });
    expect(burn.forecast).toMatchObject({ windowDays: 28, minutesPerWeek: 420, runOutDate: "2025-03-13" });
    expect(burn.forecast.runsOutBeforeEnd).toBeNull();
  });

  it("rounds a partial day up and compares the run-out date with the contract end", () => {
    // 100 minutes a day (2800 in 28 days), 12 h left: 7.2 days → the 8th day.
    const input = { ...base, contractedMinutes: 6000, usedMinutes: 5280, windowMinutes: 2800 };
    expect(computeBurn({ ...input, endDate: "2025-03-31" }).forecast).toMatchObject({
      runOutDate: "2025-03-09",
      runsOutBeforeEnd: true,
    });
    expect(computeBurn({ ...input, endDate: "2025-03-09" }).forecast.runsOutBeforeEnd).toBe(false);
    expect(computeBurn({ ...input, endDate: "2025-03-08" }).forecast.runsOutBeforeEnd).toBe(false);
    expect(computeBurn({ ...input, endDate: "2025-03-10" }).forecast.runsOutBeforeEnd).toBe(true);
  });

  it("measures a young contract only since its start", () => {
    expect(burnWindow("2025-03-01", "2025-02-24")).toEqual({ from: "2025-02-24", days: 6 });
    expect(burnWindow("2025-03-01", "2025-01-01")).toEqual({ from: "2025-02-02", days: 28 });
    expect(burnWindow("2025-03-01", "2025-03-05").days).toBe(0);
    // 6 days, 600 minutes: 100 a day; 1000 left → 10 days.
    const burn = computeBurn({
      ...base,
      startDate: "2025-02-24",
      contractedMinutes: 1600,
      usedMinutes: 600,
      windowMinutes: 600,
    });
    expect(burn.forecast).toMatchObject({ windowDays: 6, minutesPerWeek: 700, runOutDate: "2025-03-11" });
  });

  it("has no run-out date when nothing burns or nothing is left", () => {
    expect(computeBurn({ ...base, contractedMinutes: 600, usedMinutes: 0, windowMinutes: 0 }).forecast.runOutDate).toBeNull();
    const spent = computeBurn({ ...base, contractedMinutes: 600, usedMinutes: 700, windowMinutes: 700 });
    expect(spent).toMatchObject({ remainingMinutes: -100, level: "exceeded", percentUsed: 116 });
    expect(spent.forecast.runOutDate).toBeNull();
  });
});
