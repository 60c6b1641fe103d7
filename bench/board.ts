// `npm run bench`: the performance.md workload on every configured engine (see bench/options.ts for
// the options, README "Benchmarks" for what it measures). Prints figures and one table with the
// targets beside them; records the run in bench/RESULTS.md; `--compare` reports regressions against
// the last recorded run on the same engine. No thresholds fail a test: timings stay out of `npm test`.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import type { Engine } from "../lib/db/engine.ts";
import { apiKey, findProcesses } from "./common.ts";
import { createKeyWithCli, cutProfiles, type Instance, startInstance, treeCpuMs, treeRssMb } from "./instance.ts";
import { type BenchOptions, parseBenchArgs, USAGE } from "./options.ts";
import {
  compareRuns,
  type EngineRun,
  type Figures,
  formatEntry,
  formatRegressions,
  formatTable,
  parseEntries,
  prependEntry,
  type RunMeta,
} from "./report.ts";
import { seedCards } from "./seed.ts";
import { createCards, loadBoard, makeClient, newProject, runWorkload, signIn } from "./workload.ts";

const root = join(import.meta.dirname, "..");
const RESULTS = join(import.meta.dirname, "RESULTS.md");
const log = (line: string) => console.log(line);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load3 = () => loadavg().map((x) => Math.round(x * 100) / 100) as [number, number, number];

function commitOf(dir: string): string {
  try {
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return dirty ? `${sha}+changes` : sha;
  } catch {
    // A plain copy (e.g. `git archive main`) names its commit in .bench-commit.
    return existsSync(join(dir, ".bench-commit")) ? readFileSync(join(dir, ".bench-commit"), "utf8").trim() : "unknown";
  }
}

type Target = {
  base: string;
  apiKey: string | null;
  session: { email: string; password: string } | null;
  /** Memory of web and sidecar (process trees), when known. */
  rss: () => { web: number; realtime: number } | null;
  /** Cumulative CPU ms of web and sidecar, when known. */
  cpu: () => { web: number; realtime: number } | null;
  /** With --cpu-prof: ends the running CPU profiles, named after the phase that just ended. */
  cutProfiles: ((phase: string) => Promise<void>) | null;
  /** Seeds a large board in SQL (only for instances the bench started). */
  seed: ((project: { id: number; columnIds: number[] }, count: number) => Promise<void>) | null;
};

async function benchEngine(engine: Engine, target: Target, o: BenchOptions): Promise<EngineRun> {
  const figures: Figures = {};
  const notes: string[] = [];
  const rssIdle = target.rss();
  if (rssIdle) {
    figures.rss_idle_web = rssIdle.web;
    figures.rss_idle_realtime = rssIdle.realtime;
    figures.rss_idle = rssIdle.web + rssIdle.realtime;
    log(`  idle RSS: web ${rssIdle.web.toFixed(0)} MB, sidecar ${rssIdle.realtime.toFixed(0)} MB`);
  }
  const workload = {
    columns: o.columns,
    cards: o.cards,
    creators: o.creators,
    loads: o.loads,
    movers: o.movers,
    seconds: o.seconds,
    subscribers: o.subscribers,
    between: o.between,
    log,
    cpu: target.cpu,
    onPhase: target.cutProfiles ?? undefined,
  };
  const clients = {
    api: target.apiKey ? makeClient(target.base, { kind: "key", key: target.apiKey }) : null,
    session: target.session
      ? makeClient(target.base, {
          kind: "session",
          cookie: await signIn(target.base, target.session.email, target.session.password),
        })
      : null,
  };
  const first = clients.api ?? clients.session;
  if (!first) throw new Error("neither an API key nor a session to bench with");

  // The per-key rate limit (600/min by default) would refuse most of the workload: lifted for the
  // run, put back afterwards (an instance the bench started is thrown away anyway).
  const settingsPath = "/api/v1/admin/settings";
  const before = await first.json<{ api_rate_limit_per_minute: number }>("GET", settingsPath);
  await first.json("PATCH", settingsPath, { api_rate_limit_per_minute: 1_000_000 });

  const boards = new Map<number, { p50: number; mb: number }>();
  await target.cutProfiles?.("start-up");
  try {
    // Warm-up (route modules load and the JIT compiles on first use): not measured.
    const warm = await newProject(first, "Bench warm-up", 4);
    await createCards(first, warm.slug, warm.columnIds, 200, 10);
    await loadBoard(first, warm.slug, 3);
    for (const c of [clients.api, clients.session]) {
      if (!c) continue;
      await createCards(c, warm.slug, warm.columnIds, 50, 10);
      const board = await c.json<{ columns: { id: number; cards: { key: string }[] }[] }>(
        "GET",
        `/api/v1/projects/${warm.slug}/board`,
      );
      const keys = board.columns.flatMap((col) => col.cards.map((x) => x.key)).slice(0, 50);
      for (const [i, key] of keys.entries()) {
        await c.call("POST", `/api/v1/projects/${warm.slug}/cards/${key}/move`, { columnId: warm.columnIds[i % 4] });
      }
    }

    await target.cutProfiles?.("warm-up");
    for (const path of o.paths) {
      const client = clients[path];
      if (!client) {
        notes.push(`${path} path skipped (${path === "api" ? "no API key" : "no --email/--password"})`);
        continue;
      }
      const r = await runWorkload(client, path === "api" ? "API key" : "session", workload);
      figures[`creates_per_s.${path}`] = r.createsPerS;
      figures[`create_p50.${path}`] = r.createP50;
      figures[`create_p99.${path}`] = r.createP99;
      figures[`moves_per_s.${path}`] = r.movesPerS;
      figures[`move_p50.${path}`] = r.moveP50;
      figures[`move_p99.${path}`] = r.moveP99;
      figures[`event_p50.${path}`] = r.eventP50;
      figures[`event_p99.${path}`] = r.eventP99;
      figures[`cpu_create.${path}`] = r.createCpu;
      figures[`cpu_move.${path}`] = r.moveCpu;
      figures[`cpu_move_sidecar.${path}`] = r.moveCpuRealtime;
      if (path === "api" || figures.cpu_board_5000 === undefined) figures.cpu_board_5000 = r.boardCpu;
      notes.push(...r.notes);
      if (!boards.has(r.boardCards)) boards.set(r.boardCards, { p50: r.boardP50, mb: r.boardMb });
    }

    for (const size of o.scale) {
      if (boards.has(size)) continue;
      const project = await newProject(first, `Bench board ${size}`, o.columns);
      // Boards larger than the workload's are seeded in SQL where the bench owns the database
      // (through the API they would take minutes, measuring creates); against --url, created.
      if (size > o.cards && target.seed) {
        await target.seed(project, size);
      } else {
        const made = await createCards(first, project.slug, project.columnIds, size, o.creators);
        if (made.ok !== size) notes.push(`board of ${size}: creates answered ${made.statuses}`);
      }
      const loaded = await loadBoard(first, project.slug, size >= 20_000 ? Math.min(5, o.loads) : o.loads);
      log(
        `  board of ${loaded.cards} cards, ${loaded.mb.toFixed(2)} MB: p50 ${loaded.p50.toFixed(1)} ms, p99 ${loaded.p99.toFixed(1)} ms`,
      );
      boards.set(size, { p50: loaded.p50, mb: loaded.mb });
    }
    for (const [size, b] of boards) {
      if ([500, 5000, 50000].includes(size)) figures[`board_${size}_p50`] = b.p50;
      if (size === 5000) figures.board_5000_mb = b.mb;
    }
  } finally {
    await first.json("PATCH", settingsPath, { api_rate_limit_per_minute: before.api_rate_limit_per_minute });
  }
  await sleep(1000);
  const rssAfter = target.rss();
  if (rssAfter) {
    figures.rss_after_web = rssAfter.web;
    figures.rss_after_realtime = rssAfter.realtime;
    figures.rss_after = rssAfter.web + rssAfter.realtime;
    log(`  RSS after the run: web ${rssAfter.web.toFixed(0)} MB, sidecar ${rssAfter.realtime.toFixed(0)} MB`);
  }
  return { engine, figures, notes };
}

/** The instance to stop when the bench is interrupted. */
let running: Instance | null = null;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`bench: ${signal}, stopping what it started`);
    void (running?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

async function main() {
  const o = parseBenchArgs(process.argv.slice(2), process.env);
  if (o.help) {
    console.log(USAGE);
    return 0;
  }
  const meta: RunMeta = {
    date: new Date()
      .toISOString()
      .replace(/:\d\d\.\d+Z$/, "Z")
      .replace("T", " "),
    commit: commitOf(o.root ?? root),
    load: load3(),
    machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    note: o.note,
    workload:
      `${o.columns} columns, ${o.cards} cards by ${o.creators} clients, ${o.loads} loads, ${o.seconds} s of moves by ${o.movers} clients ` +
      `(${o.between} % between neighbours), ${o.subscribers} subscribers${o.url ? `, against ${o.url}` : ""}`,
  };
  log(`bench ${meta.commit}, load average ${meta.load.join(" ")}: ${meta.workload}`);
  const runs: EngineRun[] = [];
  for (const [i, engine] of o.engines.entries()) {
    if (o.url) {
      const url = o.url;
      const procs = findProcesses(o.pids ?? undefined);
      const web = procs.find((p) => p.label === "web");
      const rt = procs.find((p) => p.label === "realtime");
      log(`${engine} (running at ${url})`);
      runs.push(
        await benchEngine(
          engine,
          {
            base: url,
            apiKey: o.key || o.user ? apiKey(o.key ?? undefined, o.user ?? undefined) : null,
            session: o.email && o.password ? { email: o.email, password: o.password } : null,
            rss: () => (web && rt ? { web: treeRssMb(web.pid), realtime: treeRssMb(rt.pid) } : null),
            cpu: () => (web && rt ? { web: treeCpuMs(web.pid), realtime: treeCpuMs(rt.pid) } : null),
            seed: null,
            cutProfiles: null,
          },
          o,
        ),
      );
      continue;
    }
    log(`${engine}: starting WarmDesk on a fresh data directory (port ${o.port + i})`);
    let instance: Instance | null = null;
    try {
      instance = await startInstance(engine, { root: o.root, port: o.port + i, cpuProf: o.cpuProf, build: o.build, log });
      running = instance;
      const inst = instance;
      await sleep(3000);
      runs.push(
        await benchEngine(
          engine,
          {
            base: inst.base,
            apiKey: createKeyWithCli(inst),
            session: { email: inst.email, password: inst.password },
            rss: () => ({ web: treeRssMb(inst.pids.web), realtime: treeRssMb(inst.pids.realtime) }),
            cpu: () => ({ web: treeCpuMs(inst.pids.web), realtime: treeCpuMs(inst.pids.realtime) }),
            seed: (project, count) => seedCards(inst.env, project, count),
            cutProfiles: o.cpuProf
              ? (phase) => cutProfiles(o.cpuProf as string, [inst.pids.web, inst.pids.realtime], phase.replace(/\W+/g, "-"))
              : null,
          },
          o,
        ),
      );
    } finally {
      running = null;
      await instance?.stop();
    }
  }
  meta.loadAfter = load3();
  console.log("");
  console.log(formatTable(runs));
  for (const r of runs) for (const n of r.notes) console.log(`- ${r.engine}: ${n}`);
  console.log(`load average ${meta.load.join(" ")} at the start, ${meta.loadAfter.join(" ")} at the end`);

  const existing = existsSync(RESULTS) ? readFileSync(RESULTS, "utf8") : "";
  let code = 0;
  if (o.compare) {
    const previous = parseEntries(existing);
    const found = compareRuns(previous, runs);
    console.log(formatRegressions(found, previous));
    if (found.length) code = 3;
  }
  if (o.record) {
    writeFileSync(RESULTS, prependEntry(existing, formatEntry(meta, runs)));
    console.log(`recorded in bench/RESULTS.md`);
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`bench: ${(e as Error).stack ?? (e as Error).message}`);
    process.exit(1);
  },
);
