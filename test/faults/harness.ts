// The fault-injection harness: WarmDesk started for real by its launcher (`node server/launcher.mjs`
// against the production build), writers over REST with an API key, followers on the browser's own
// realtime client (components/realtime/connection.ts) keeping a board the way the page does, and the
// checks every fault must pass: no acknowledged write lost, no duplicates, every follower ends with
// the server's board. Used by test/faults/*.test.ts (vitest, after the build) and test/faults/run.ts.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Socket } from "socket.io-client";
import { applyEvent, type BoardState } from "../../components/board/board-state.ts";
import { RealtimeConnection } from "../../components/realtime/connection.ts";
import type { WireEvent } from "../../lib/realtime/events.ts";

export const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const hasBuild = () => existsSync(join(root, ".next/BUILD_ID"));

const ADMIN = { email: "faults@example.com", password: "fault injection 1234" };

export type Launched = {
  url: string;
  realtimePort: number;
  dataDir: string;
  /** Everything the launcher and its children printed, line by line. */
  lines: string[];
  proc: ChildProcess;
  apiKey: string;
  /** The current pid of a child, from the launcher's "started" lines. */
  pid(name: "web" | "realtime"): number;
  /** How many times the launcher started a child (1 + restarts). */
  starts(name: "web" | "realtime"): number;
  waitFor(pattern: RegExp, ms?: number, from?: number): Promise<string>;
  /** SIGTERM to the launcher; resolves with its exit code and how long it took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
};

export type LaunchOptions = {
  port: number;
  databaseUrl?: string;
  env?: Record<string, string>;
  dataDir?: string;
  quiet?: boolean;
};

/** Starts `node server/launcher.mjs` on `port` (sidecar on port + 1) and waits until it is ready. */
export async function launch(options: LaunchOptions): Promise<Launched> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "warmdesk-faults-"));
  const realtimePort = options.port + 1;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(options.port),
    REALTIME_PORT: String(realtimePort),
    DATA_DIR: dataDir,
    WARMDESK_SKIP_BUILD: "1",
    WARMDESK_ADMIN_EMAIL: ADMIN.email,
    WARMDESK_ADMIN_PASSWORD: ADMIN.password,
    NEXT_TELEMETRY_DISABLED: "1",
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  };
  // Vitest's own variables would make the children think they are tests.
  for (const k of Object.keys(env)) if (k.startsWith("VITEST") || k === "TEST") delete env[k];
  if (!options.databaseUrl) delete env.DATABASE_URL;
  delete env.REALTIME_INTERNAL_URL;
  delete env.REALTIME_PUBLIC_URL;
  const proc = spawn(process.execPath, [join(root, "server/launcher.mjs")], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      lines.push(line);
      if (!options.quiet && process.env.FAULTS_VERBOSE) console.log(`  | ${line}`);
    }
    for (const w of waiters) w();
  };
  proc.stdout?.on("data", take);
  proc.stderr?.on("data", take);
  let exited: { code: number | null } | null = null;
  proc.on("exit", (code) => {
    exited = { code };
    for (const w of waiters) w();
  });

  const waitFor = (pattern: RegExp, ms = 120_000, from = 0) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const hit = lines.slice(from).find((l) => pattern.test(l));
        if (hit !== undefined) {
          cleanup();
          resolve(hit);
        } else if (exited) {
          cleanup();
          reject(new Error(`the launcher exited (${exited.code}) before ${pattern}:\n${lines.slice(-30).join("\n")}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${pattern}:\n${lines.slice(-30).join("\n")}`));
      }, ms);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  const started = (name: string) => lines.filter((l) => new RegExp(`^warmdesk: ${name} started`).test(l));
  const launched: Launched = {
    url: `http://127.0.0.1:${options.port}`,
    realtimePort,
    dataDir,
    lines,
    proc,
    apiKey: "",
    pid(name) {
      const last = started(name).at(-1);
      const m = last?.match(/pid (\d+)/);
      if (!m) throw new Error(`no pid for ${name} yet`);
      return Number(m[1]);
    },
    starts: (name) => started(name).length,
    waitFor,
    async stop(signal = "SIGTERM") {
      const t0 = Date.now();
      if (exited) return { code: (exited as { code: number | null }).code, ms: 0 };
      const done = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
      proc.kill(signal);
      const code = await done;
      return { code, ms: Date.now() - t0 };
    },
  };
  try {
    await waitFor(/^warmdesk: ready at/, 180_000);
  } catch (e) {
    proc.kill("SIGKILL");
    throw e;
  }
  const cli = spawnSync(process.execPath, [join(root, "bin/warmdesk.mjs"), "create-api-key", "--user", ADMIN.email], {
    cwd: root,
    env,
    encoding: "utf8",
  });
  if (cli.status !== 0) throw new Error(`create-api-key failed: ${cli.stderr}`);
  launched.apiKey = cli.stdout.trim().split("\n").pop() as string;
  return launched;
}

/** Removes what launch() created (after stop()). */
export function cleanUp(app: Launched) {
  if (app.proc.exitCode === null && app.proc.signalCode === null) app.proc.kill("SIGKILL");
  rmSync(app.dataDir, { recursive: true, force: true });
}

export type Answer = { status: number; body: unknown; error?: string };

/** A REST call with the API key; a network failure is status 0 (never acknowledged). */
export async function api(app: Launched, method: string, path: string, body?: unknown): Promise<Answer> {
  try {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${app.apiKey}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: res.status, body: parsed };
  } catch (e) {
    return { status: 0, body: null, error: (e as Error).message };
  }
}

export type Board = BoardState & { project: { id: number; slug: string } };

export async function board(app: Launched, slug: string): Promise<Board> {
  const r = await api(app, "GET", `/api/v1/projects/${slug}/board`);
  if (r.status !== 200) throw new Error(`board: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Board;
}

export async function newProject(app: Launched, name: string) {
  const key = `F${Math.random().toString(36).slice(2, 6).toUpperCase()}`.replace(/[^A-Z0-9]/g, "X");
  const r = await api(app, "POST", "/api/v1/projects", { name, key });
  if (r.status !== 201) throw new Error(`project: ${r.status} ${JSON.stringify(r.body)}`);
  const p = r.body as { id: number; slug: string };
  const b = await board(app, p.slug);
  return { id: p.id, slug: p.slug, columns: b.columns.map((c) => c.id) };
}

/** The parts of a board a person sees: columns in order with their cards (key, title, column). */
export const shape = (b: BoardState) =>
  JSON.stringify(b.columns.map((c) => ({ name: c.name, cards: c.cards.map((x) => `${x.key}:${x.title}:${x.columnId}`) })));

/**
 * A follower: the browser's realtime client following a project's board, applying events and
 * reloading on resync exactly as the board page does. `offline()` cuts it off (its transport drops,
 * and it cannot reconnect) until `online()`.
 */
export function follow(app: Launched, project: { id: number; slug: string }) {
  let gate: Promise<void> | null = null;
  let release: (() => void) | null = null;
  const connection = new RealtimeConnection(
    async () => {
      if (gate) await gate;
      const r = await api(app, "POST", "/api/realtime/token");
      if (r.status !== 200) throw new Error(`token: ${r.status}`);
      const { token } = r.body as { token: string };
      return { token, url: `http://127.0.0.1:${app.realtimePort}` };
    },
    { retryMinMs: 100, retryMaxMs: 2000 },
  );
  const room = `project:${project.id}`;
  const view = { state: null as BoardState | null, events: 0, reloads: 0 };
  let refetch: { events: WireEvent[] } | null = null;
  const reload = async () => {
    const inflight = { events: [] as WireEvent[] };
    refetch = inflight;
    view.reloads++;
    try {
      let next: BoardState = await board(app, project.slug);
      for (const e of inflight.events) next = applyEvent(next, e);
      view.state = next;
    } catch {
      // The web app is away: the next resync tries again (the check below asks for one).
      setTimeout(() => void reload(), 500);
    } finally {
      if (refetch === inflight) refetch = null;
    }
  };
  connection.subscribe(room, {
    onEvent: (e) => {
      view.events++;
      refetch?.events.push(e);
      if (view.state) view.state = applyEvent(view.state, e);
    },
    onResync: () => void reload(),
  });
  return {
    connection,
    view,
    isLive: () => connection.roomStatus(room) === "live" && view.state !== null,
    offline() {
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      (connection as unknown as { socket: Socket | null }).socket?.io.engine?.close();
    },
    online() {
      gate = null;
      release?.();
    },
    stop: () => connection.stop(),
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * Writers: `n` loops creating cards (each title unique) and moving the one they made before, until
 * stopped. Every answer is recorded; a create answered 201 is acknowledged.
 */
export function writers(app: Launched, project: { slug: string; columns: number[] }, n: number, tag = "w") {
  const acknowledged = new Map<string, string>(); // title -> key
  const statuses = new Map<number, number>();
  const failures: { at: number; status: number; error?: string }[] = [];
  let running = true;
  let seq = 0;
  const loop = async (w: number) => {
    let previous: string | null = null;
    while (running) {
      const title = `${tag}${w}-${seq++}`;
      const r = await api(app, "POST", `/api/v1/projects/${project.slug}/cards`, { title, columnId: project.columns[0] });
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (r.status === 201) {
        acknowledged.set(title, (r.body as { key: string }).key);
        if (previous) {
          const m = await api(app, "POST", `/api/v1/projects/${project.slug}/cards/${previous}/move`, {
            columnId: project.columns[1 + (seq % 2)],
          });
          statuses.set(m.status, (statuses.get(m.status) ?? 0) + 1);
          if (m.status >= 300) failures.push({ at: Date.now(), status: m.status, error: m.error });
        }
        previous = (r.body as { key: string }).key;
      } else {
        failures.push({ at: Date.now(), status: r.status, error: r.error });
        await sleep(100);
      }
    }
  };
  const loops = Array.from({ length: n }, (_, w) => loop(w));
  return {
    acknowledged,
    statuses,
    failures,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** No acknowledged create lost, none twice, card numbers unique: throws what is wrong. */
export function checkWrites(b: Board, acknowledged: Map<string, string>) {
  const cards = b.columns.flatMap((c) => c.cards);
  const byTitle = new Map<string, number>();
  for (const c of cards) byTitle.set(c.title, (byTitle.get(c.title) ?? 0) + 1);
  const lost = [...acknowledged.keys()].filter((t) => !byTitle.has(t));
  const twice = [...byTitle].filter(([, n]) => n > 1).map(([t]) => t);
  const keys = cards.map((c) => c.key);
  const dupKeys = keys.filter((k, i) => keys.indexOf(k) !== i);
  const problems = [
    lost.length ? `${lost.length} acknowledged create(s) lost: ${lost.slice(0, 5).join(", ")}` : "",
    twice.length ? `${twice.length} card(s) stored twice: ${twice.slice(0, 5).join(", ")}` : "",
    dupKeys.length ? `duplicate card numbers: ${dupKeys.slice(0, 5).join(", ")}` : "",
    ...[...acknowledged].filter(([t, k]) => byTitle.has(t) && !keys.includes(k)).map(([t, k]) => `${t} acknowledged as ${k}`),
  ].filter(Boolean);
  if (problems.length) throw new Error(problems.join("; "));
  return cards.length;
}

/** Waits until every follower is live and shows the server's board; returns how long that took. */
export async function converge(app: Launched, slug: string, followers: ReturnType<typeof follow>[], ms = 90_000) {
  const t0 = Date.now();
  await until(
    async () => {
      if (!followers.every((f) => f.isLive())) return false;
      const server = shape(await board(app, slug));
      return followers.every((f) => f.view.state !== null && shape(f.view.state) === server);
    },
    "every follower to show the server's board",
    ms,
  );
  return Date.now() - t0;
}

export function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
