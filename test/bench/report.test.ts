// The bench's command line, table, RESULTS.md entries and comparison (not its timings: those stay
// out of the test suite).
import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "../../bench/options.ts";
import {
  compareRuns,
  type EngineRun,
  formatEntry,
  formatFigure,
  formatRegressions,
  formatTable,
  parseEntries,
  prependEntry,
  RESULTS_HEADER,
  type RunMeta,
} from "../../bench/report.ts";

describe("bench options", () => {
  it("defaults to the performance.md workload on SQLite, both paths, recorded", () => {
    const o = parseBenchArgs([], {});
    expect(o).toMatchObject({
      url: null,
      engines: ["sqlite"],
      paths: ["api", "session"],
      columns: 20,
      cards: 5000,
      creators: 25,
      loads: 20,
      movers: 50,
      seconds: 10,
      subscribers: 5,
      between: 75,
      scale: [500, 5000, 50000],
      port: 3900,
      compare: false,
      record: true,
    });
  });

  it("adds the engines whose URLs are set (BENCH_* or TEST_*)", () => {
    expect(parseBenchArgs([], { TEST_POSTGRES_URL: "postgresql://x" }).engines).toEqual(["sqlite", "postgresql"]);
    expect(parseBenchArgs([], { BENCH_MYSQL_URL: "mysql://x", BENCH_POSTGRES_URL: "postgresql://y" }).engines).toEqual([
      "sqlite",
      "postgresql",
      "mysql",
    ]);
    expect(parseBenchArgs(["--engines", "mysql"], { TEST_MYSQL_URL: "mysql://x" }).engines).toEqual(["mysql"]);
  });

  it("refuses an engine without a URL, unknown names, bad numbers and non-loopback targets", () => {
    expect(() => parseBenchArgs(["--engines", "postgresql"], {})).toThrow(/BENCH_POSTGRES_URL/);
    expect(() => parseBenchArgs(["--engines", "oracle"], {})).toThrow(/sqlite, postgresql, mysql/);
    expect(() => parseBenchArgs(["--paths", "api,cookie"], {})).toThrow(/api, session/);
    expect(() => parseBenchArgs(["--movers", "0"], {})).toThrow(/--movers/);
    expect(() => parseBenchArgs(["--seconds", "1.5"], {})).toThrow(/--seconds/);
    expect(() => parseBenchArgs(["--between", "101"], {})).toThrow(/--between/);
    expect(() => parseBenchArgs(["--url", "http://10.0.0.5:3000"], {})).toThrow(/loopback/);
    expect(() => parseBenchArgs(["--bogus"], {})).toThrow();
  });

  it("takes a running instance, a sorted scale list, --compare and --no-record", () => {
    const o = parseBenchArgs(
      ["--url", "http://127.0.0.1:3999/", "--scale", "5000,500", "--compare", "--no-record", "--note", " a\nb "],
      {},
    );
    expect(o).toMatchObject({ url: "http://127.0.0.1:3999", scale: [500, 5000], compare: true, record: false, note: "a b" });
  });
});

const meta: RunMeta = {
  date: "2026-12-08 10:00Z",
  commit: "abc1234",
  load: [1.5, 1.25, 1],
  machine: "2 cores",
  note: "",
  workload: "the usual",
};

const run = (engine: EngineRun["engine"], figures: EngineRun["figures"]): EngineRun => ({ engine, figures, notes: [] });

describe("bench table", () => {
  it("formats figures with their units", () => {
    expect(formatFigure(1234.4, { unit: "/s" })).toBe("1,234/s");
    expect(formatFigure(4.26, { unit: "ms" })).toBe("4.3 ms");
    expect(formatFigure(42.6, { unit: "ms" })).toBe("43 ms");
    expect(formatFigure(2.126, { unit: "MB", digits: 2 })).toBe("2.13 MB");
    expect(formatFigure(null, { unit: "ms" })).toBe("—");
  });

  it("puts the target beside each figure, marks met and missed, and other engines' factor against SQLite", () => {
    const table = formatTable([
      run("sqlite", { "moves_per_s.api": 1200, "move_p99.api": 80, rss_after: 250 }),
      run("postgresql", { "moves_per_s.api": 500, "move_p99.api": 120, rss_after: null }),
    ]);
    const lines = table.split("\n");
    expect(lines[0]).toMatch(/^\| measure +\| sqlite +\| postgresql +\| target/);
    const moves = lines.find((l) => l.startsWith("| card moves/s (API key)")) ?? "";
    expect(moves).toContain("1,200/s ✓");
    expect(moves).toContain("500/s (2.4× ✗)");
    expect(moves).toContain("≥ 1,000/s");
    const p99 = lines.find((l) => l.startsWith("| move latency p99 (API key)")) ?? "";
    expect(p99).toContain("80 ms ✗");
    expect(p99).toContain("120 ms (1.5× ✓)");
    expect(table).toContain("| RSS after the run, web + sidecar");
    // Rows without any figure are left out.
    expect(table).not.toContain("session");
    // Every row has as many cells as the header.
    const cells = (l: string) => l.split(" | ").length;
    expect(new Set(lines.map(cells)).size).toBe(1);
  });
});

describe("bench results file", () => {
  it("keeps runs newest first under the header, and reads them back", () => {
    const first = formatEntry(meta, [run("sqlite", { "moves_per_s.api": 800 })]);
    const second = formatEntry({ ...meta, commit: "def5678", date: "2026-12-09 10:00Z" }, [
      run("sqlite", { "moves_per_s.api": 900 }),
      run("mysql", { "moves_per_s.api": 450 }),
    ]);
    const file = prependEntry(prependEntry("", first), second);
    expect(file.startsWith(RESULTS_HEADER)).toBe(true);
    expect(file.indexOf("def5678")).toBeLessThan(file.indexOf("abc1234"));
    expect(file).toContain("Load average 1.50 1.25 1.00");
    const entries = parseEntries(file);
    expect(entries.map((e) => [e.commit, e.engine, e.figures["moves_per_s.api"]])).toEqual([
      ["def5678", "sqlite", 900],
      ["def5678", "mysql", 450],
      ["abc1234", "sqlite", 800],
    ]);
  });

  it("reports figures more than 25 % worse than the last run on the same engine, in the right direction", () => {
    const previous = parseEntries(
      formatEntry(meta, [
        run("sqlite", { "moves_per_s.api": 1000, "move_p99.api": 40, rss_after: 200, "event_p99.api": 30 }),
        run("postgresql", { "moves_per_s.api": 100 }),
      ]),
    );
    const found = compareRuns(previous, [
      run("sqlite", { "moves_per_s.api": 790, "move_p99.api": 49, rss_after: 260, "event_p99.api": 10 }),
      run("mysql", { "moves_per_s.api": 1 }),
    ]);
    // 1000 → 790 is 27 % worse; 40 → 49 ms is 22.5 %; 200 → 260 MB is 30 %; a faster event is no regression;
    // MySQL has no previous run.
    expect(found.map((f) => f.key)).toEqual(["moves_per_s.api", "rss_after"]);
    const text = formatRegressions(found, previous);
    expect(text).toContain("sqlite: card moves/s (API key): 790/s against 1,000/s (abc1234), 27 % worse");
    expect(formatRegressions([], previous)).toMatch(/no figure/);
  });
});
