// The board bench's command line, parsed into one options object (pure: test/bench/report.test.ts
// checks it). `npm run bench -- --help` prints USAGE.
import { parseArgs } from "node:util";
import type { Engine } from "../lib/db/engine.ts";

export const USAGE = `Usage: npm run bench -- [options]

Starts WarmDesk (production build, built first when stale) on a fresh data directory for each
engine: SQLite always, PostgreSQL when BENCH_POSTGRES_URL or TEST_POSTGRES_URL is set, MySQL when
BENCH_MYSQL_URL or TEST_MYSQL_URL is set (a fresh database per run, dropped afterwards). Runs the
performance.md workload through an API key and through a signed-in session, prints one table with
the targets beside the figures, appends it to bench/RESULTS.md and stops what it started.

Options:
  --url URL           bench an already running instance instead (loopback only; needs --key or
                      --user, and --email/--password for the session path)
  --key KEY           API key for --url (or WARMDESK_API_KEY)
  --user USER         create the API key with the CLI for --url (same environment)
  --email E --password P   sign in for the session path with --url
  --pids web=1,realtime=2  the processes whose memory to report with --url
  --engines LIST      sqlite,postgresql,mysql (default: SQLite and whichever URLs are set)
  --paths LIST        api,session (default both)
  --columns N         20        --cards N        5000     --creators N   25
  --loads N           20        --movers N       50       --seconds N    10
  --subscribers N     5         --between P      75       (% of moves placed between two neighbours)
  --scale LIST        board sizes to load, default 500,5000,50000 (the largest are seeded in SQL)
  --root DIR          the WarmDesk checkout to start (default: this one), e.g. a copy of main
                      for interleaved before/after runs (a copy without git names its
                      commit in DIR/.bench-commit)
  --port N            first port of the started instances (default 3900; realtime at +50)
  --compare           after the run, report figures more than 25 % worse than the last recorded
                      run on the same engine (exit code 3 when there are)
  --no-record         do not append to bench/RESULTS.md
  --no-build          start the existing build even when sources changed since (WARMDESK_SKIP_BUILD)
  --note TEXT         a note recorded with the run (e.g. "before: settings cache")
  --cpu-prof DIR      start the web process with --cpu-prof, profiles written to DIR
  --help`;

export type BenchPath = "api" | "session";

export type BenchOptions = {
  url: string | null;
  key: string | null;
  user: string | null;
  email: string | null;
  password: string | null;
  pids: string | null;
  engines: Engine[];
  paths: BenchPath[];
  columns: number;
  cards: number;
  creators: number;
  loads: number;
  movers: number;
  seconds: number;
  subscribers: number;
  between: number;
  scale: number[];
  root: string | null;
  port: number;
  compare: boolean;
  record: boolean;
  build: boolean;
  note: string;
  cpuProf: string | null;
  help: boolean;
};

const ENGINES: Engine[] = ["sqlite", "postgresql", "mysql"];

/** Parses argv (without node and the script); `env` supplies the engines' URLs for the default list. */
export function parseBenchArgs(argv: string[], env: Record<string, string | undefined> = {}): BenchOptions {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      url: { type: "string" },
      key: { type: "string" },
      user: { type: "string" },
      email: { type: "string" },
      password: { type: "string" },
      pids: { type: "string" },
      engines: { type: "string" },
      paths: { type: "string" },
      columns: { type: "string", default: "20" },
      cards: { type: "string", default: "5000" },
      creators: { type: "string", default: "25" },
      loads: { type: "string", default: "20" },
      movers: { type: "string", default: "50" },
      seconds: { type: "string", default: "10" },
      subscribers: { type: "string", default: "5" },
      between: { type: "string", default: "75" },
      scale: { type: "string", default: "500,5000,50000" },
      root: { type: "string" },
      port: { type: "string", default: "3900" },
      compare: { type: "boolean", default: false },
      "no-record": { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      note: { type: "string", default: "" },
      "cpu-prof": { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const int = (name: string, raw: string, min: number, max: number) => {
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(n) || n < min || n > max) {
      throw new Error(`--${name} must be an integer between ${min} and ${max}`);
    }
    return n;
  };
  const list = <T extends string>(name: string, raw: string, allowed: readonly T[]): T[] => {
    const items = raw
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = items.find((s) => !allowed.includes(s as T));
    if (bad !== undefined || items.length === 0) throw new Error(`--${name} takes a list of ${allowed.join(", ")}`);
    return [...new Set(items as T[])];
  };
  if (v.url) {
    const host = new URL(v.url).hostname;
    if (!/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(host)) {
      throw new Error(`refusing to benchmark ${v.url}: only loopback targets (localhost, 127.x, [::1])`);
    }
  }
  const configured: Engine[] = [
    "sqlite",
    ...((env.BENCH_POSTGRES_URL ?? env.TEST_POSTGRES_URL) ? (["postgresql"] as const) : []),
    ...((env.BENCH_MYSQL_URL ?? env.TEST_MYSQL_URL) ? (["mysql"] as const) : []),
  ];
  const engines = v.engines ? list("engines", v.engines, ENGINES) : configured;
  const missing = engines.find((e) => !configured.includes(e));
  if (missing && !v.url)
    throw new Error(`--engines ${missing}: set BENCH_${missing === "mysql" ? "MYSQL" : "POSTGRES"}_URL first`);
  const scale = v.scale
    .split(",")
    .map((s) => int("scale", s, 1, 200_000))
    .sort((a, b) => a - b);
  return {
    url: v.url ? v.url.replace(/\/$/, "") : null,
    key: v.key ?? env.WARMDESK_API_KEY ?? null,
    user: v.user ?? null,
    email: v.email ?? null,
    password: v.password ?? null,
    pids: v.pids ?? null,
    engines: v.url ? [engines[0]] : engines,
    paths: v.paths ? list("paths", v.paths, ["api", "session"] as const) : ["api", "session"],
    columns: int("columns", v.columns, 1, 200),
    cards: int("cards", v.cards, 1, 200_000),
    creators: int("creators", v.creators, 1, 500),
    loads: int("loads", v.loads, 1, 1000),
    movers: int("movers", v.movers, 1, 500),
    seconds: int("seconds", v.seconds, 1, 600),
    subscribers: int("subscribers", v.subscribers, 1, 100),
    between: int("between", v.between, 0, 100),
    scale: [...new Set(scale)],
    root: v.root ?? null,
    port: int("port", v.port, 1024, 65_000),
    compare: v.compare,
    record: !v["no-record"],
    build: !v["no-build"],
    note: v.note.replace(/\s+/g, " ").trim().slice(0, 200),
    cpuProf: v["cpu-prof"] ?? null,
    help: v.help,
  };
}
