// The board bench's figures: their names and targets, the one table it prints, its entries in
// bench/RESULTS.md (newest first, each with a machine-readable line) and the comparison with the last
// recorded run on the same engine. Pure functions: test/bench/report.test.ts checks them.
import type { Engine } from "../lib/db/engine.ts";

export type Figures = Record<string, number | null>;

type Metric = {
  key: string;
  label: string;
  unit: "/s" | "ms" | "MB" | "";
  /** Which way is better: the comparison flags a figure that moved the other way by more than 25 %. */
  better: "higher" | "lower";
  /** The issue's target for SQLite (PostgreSQL and MySQL: within 2× of SQLite). */
  target?: { op: "≥" | "≤"; value: number };
  digits?: number;
};

const PATHS = [
  ["api", "API key"],
  ["session", "session"],
] as const;

const perPath = (key: string, label: string, rest: Omit<Metric, "key" | "label">): Metric[] =>
  PATHS.map(([path, name]) => ({ key: `${key}.${path}`, label: `${label} (${name})`, ...rest }));

export const METRICS: Metric[] = [
  ...perPath("creates_per_s", "card creates/s", { unit: "/s", better: "higher", target: { op: "≥", value: 1000 } }),
  ...perPath("create_p50", "create latency p50", { unit: "ms", better: "lower" }),
  ...perPath("create_p99", "create latency p99", { unit: "ms", better: "lower", target: { op: "≤", value: 50 } }),
  ...perPath("moves_per_s", "card moves/s", { unit: "/s", better: "higher", target: { op: "≥", value: 1000 } }),
  ...perPath("move_p50", "move latency p50", { unit: "ms", better: "lower" }),
  ...perPath("move_p99", "move latency p99", { unit: "ms", better: "lower", target: { op: "≤", value: 50 } }),
  ...perPath("event_p50", "move → event at a subscriber p50", { unit: "ms", better: "lower" }),
  ...perPath("event_p99", "move → event at a subscriber p99", { unit: "ms", better: "lower", target: { op: "≤", value: 50 } }),
  ...perPath("cpu_create", "web CPU per create", { unit: "ms", better: "lower", digits: 2 }),
  ...perPath("cpu_move", "web CPU per move", { unit: "ms", better: "lower", digits: 2 }),
  ...perPath("cpu_move_sidecar", "sidecar CPU per move", { unit: "ms", better: "lower", digits: 2 }),
  { key: "cpu_board_5000", label: "web CPU per 5,000-card board load", unit: "ms", better: "lower" },
  { key: "board_500_p50", label: "board load, 500 cards, p50", unit: "ms", better: "lower" },
  { key: "board_5000_p50", label: "board load, 5,000 cards, p50", unit: "ms", better: "lower", target: { op: "≤", value: 50 } },
  { key: "board_50000_p50", label: "board load, 50,000 cards, p50", unit: "ms", better: "lower" },
  { key: "board_5000_mb", label: "board JSON, 5,000 cards", unit: "MB", better: "lower", digits: 2 },
  { key: "rss_idle_web", label: "RSS idle, web", unit: "MB", better: "lower" },
  { key: "rss_idle_realtime", label: "RSS idle, sidecar", unit: "MB", better: "lower" },
  { key: "rss_idle", label: "RSS idle, web + sidecar", unit: "MB", better: "lower", target: { op: "≤", value: 150 } },
  { key: "rss_after_web", label: "RSS after the run, web", unit: "MB", better: "lower" },
  { key: "rss_after_realtime", label: "RSS after the run, sidecar", unit: "MB", better: "lower" },
  { key: "rss_after", label: "RSS after the run, web + sidecar", unit: "MB", better: "lower", target: { op: "≤", value: 300 } },
];

/** Failures that make a run's figures suspect (non-2xx answers, missing events), shown under the table. */
export type RunNotes = string[];

export type EngineRun = { engine: Engine; figures: Figures; notes: RunNotes };

export type RunMeta = {
  date: string;
  commit: string;
  load: [number, number, number];
  loadAfter?: [number, number, number];
  machine: string;
  note: string;
  workload: string;
};

export function formatFigure(value: number | null | undefined, metric: Pick<Metric, "unit" | "digits">): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  const digits = metric.digits ?? (metric.unit === "ms" && value < 10 ? 1 : 0);
  const n = value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return metric.unit === "" ? n : metric.unit === "/s" ? `${n}/s` : `${n} ${metric.unit}`;
}

function meetsTarget(value: number, target: NonNullable<Metric["target"]>): boolean {
  return target.op === "≥" ? value >= target.value : value <= target.value;
}

/** "within 2× of SQLite": the ratio in the direction that makes larger worse. */
function ratioToSqlite(value: number, sqlite: number, better: Metric["better"]): number {
  return better === "higher" ? sqlite / value : value / sqlite;
}

/**
 * The one table: a row per measure, a column per engine, the target last. A figure that misses its
 * target is marked ✗ (met: ✓); PostgreSQL and MySQL figures carry their factor against SQLite.
 */
export function formatTable(runs: EngineRun[]): string {
  const header = ["measure", ...runs.map((r) => r.engine), "target"];
  const lines = [header, header.map((h) => "-".repeat(Math.max(3, h.length)))];
  const sqlite = runs.find((r) => r.engine === "sqlite");
  for (const m of METRICS) {
    if (runs.every((r) => r.figures[m.key] === undefined || r.figures[m.key] === null)) continue;
    const cells = runs.map((r) => {
      const value = r.figures[m.key];
      let cell = formatFigure(value, m);
      if (value === null || value === undefined) return cell;
      const base = sqlite?.figures[m.key];
      if (r.engine !== "sqlite" && typeof base === "number" && base > 0 && value > 0) {
        const ratio = ratioToSqlite(value, base, m.better);
        cell += ` (${ratio.toFixed(1)}× ${ratio <= 2 ? "✓" : "✗"})`;
      } else if (m.target) {
        cell += meetsTarget(value, m.target) ? " ✓" : " ✗";
      }
      return cell;
    });
    const target = m.target ? `${m.target.op} ${formatFigure(m.target.value, m)}` : "";
    lines.push([m.label, ...cells, runs.length > 1 ? `${target}${target ? "; " : ""}others ≤ 2× SQLite` : target]);
  }
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  return lines.map((l) => `| ${l.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padEnd(widths[i]))).join(" | ")} |`).join("\n");
}

const ENTRY_MARK = "<!-- bench-run ";

/** One run as a RESULTS.md section: a heading with date, engines and commit, the load, the table, notes. */
export function formatEntry(meta: RunMeta, runs: EngineRun[]): string {
  const load = (l: [number, number, number]) => l.map((x) => x.toFixed(2)).join(" ");
  const lines = [
    `## ${meta.date} · ${runs.map((r) => r.engine).join(", ")} · ${meta.commit}`,
    "",
    `Load average ${load(meta.load)} at the start${meta.loadAfter ? `, ${load(meta.loadAfter)} at the end` : ""}; ${meta.machine}. ` +
      `Workload: ${meta.workload}.${meta.note ? ` Note: ${meta.note}` : ""}`,
    "",
    formatTable(runs),
  ];
  const notes = runs.flatMap((r) => r.notes.map((n) => `- ${r.engine}: ${n}`));
  if (notes.length) lines.push("", ...notes);
  lines.push("");
  for (const r of runs) {
    lines.push(
      `${ENTRY_MARK}${JSON.stringify({ date: meta.date, commit: meta.commit, engine: r.engine, figures: r.figures })} -->`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export const RESULTS_HEADER = `# Bench results

\`npm run bench\` appends here, newest first (see README, "Benchmarks"). The machine is shared: read
a figure together with the load average beside it, and compare runs taken back to back.
`;

/** Puts a new entry first, below the file's header. */
export function prependEntry(existing: string, entry: string): string {
  if (!existing.trim()) return `${RESULTS_HEADER}\n${entry}`;
  const first = existing.indexOf("\n## ");
  if (first < 0) return `${existing.trimEnd()}\n\n${entry}`;
  return `${existing.slice(0, first + 1)}${entry}\n${existing.slice(first + 1)}`;
}

export type RecordedRun = { date: string; commit: string; engine: Engine; figures: Figures };

/** Every recorded run in RESULTS.md, newest first (as the file keeps them). */
export function parseEntries(text: string): RecordedRun[] {
  const out: RecordedRun[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith(ENTRY_MARK)) continue;
    try {
      out.push(JSON.parse(line.slice(ENTRY_MARK.length, line.lastIndexOf(" -->"))) as RecordedRun);
    } catch {
      // A hand-edited line: skipped.
    }
  }
  return out;
}

export type Regression = { engine: Engine; key: string; label: string; before: number; now: number; worse: number };

/** Figures more than `threshold` (0.25 = 25 %) worse than the last recorded run on the same engine. */
export function compareRuns(previous: RecordedRun[], runs: EngineRun[], threshold = 0.25): Regression[] {
  const out: Regression[] = [];
  for (const run of runs) {
    const last = previous.find((p) => p.engine === run.engine);
    if (!last) continue;
    for (const m of METRICS) {
      const before = last.figures[m.key];
      const now = run.figures[m.key];
      if (typeof before !== "number" || typeof now !== "number" || before <= 0 || now <= 0) continue;
      const worse = m.better === "higher" ? before / now - 1 : now / before - 1;
      if (worse > threshold) out.push({ engine: run.engine, key: m.key, label: m.label, before, now, worse });
    }
  }
  return out;
}

export function formatRegressions(found: Regression[], previous: RecordedRun[]): string {
  if (found.length === 0) return "compare: no figure is more than 25 % worse than the last recorded run on its engine.";
  const lines = found.map((r) => {
    const m = METRICS.find((x) => x.key === r.key) ?? { unit: "" as const };
    const last = previous.find((p) => p.engine === r.engine);
    return `  ${r.engine}: ${r.label}: ${formatFigure(r.now, m)} against ${formatFigure(r.before, m)} (${last?.commit ?? "?"}), ${(r.worse * 100).toFixed(0)} % worse`;
  });
  return [`compare: ${found.length} figure(s) more than 25 % worse than the last recorded run:`, ...lines].join("\n");
}
