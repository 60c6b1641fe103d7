// `npm start`: one command runs WarmDesk.
//   1. migrations + the first admin from WARMDESK_ADMIN_EMAIL / WARMDESK_ADMIN_PASSWORD
//      (`warmdesk prepare`, in a short-lived process so that this one stays small);
//   2. the production build when .next/BUILD_ID is missing or older than the sources
//      (WARMDESK_SKIP_BUILD=1 never builds);
//   3. the web app (server/web.ts: Next.js behind our own HTTP server, which knows the client's
//      address and drains on shutdown) and the realtime sidecar, as
//      children with the same environment, supervised.
//
// Supervision: a child that dies is started again, the other one is left alone (the web app keeps
// serving while the sidecar restarts; clients reconnect and catch up). Restarts back off (250 ms,
// doubling, at most 30 s); a child that ran for QUICK_EXIT_MS counts as healthy again. A web
// process that dies CRASH_LOOP times in a row within QUICK_EXIT_MS of its start (a port in use, a
// broken build) stops the launcher with exit 1; a crash-looping sidecar does not (live updates are
// a convenience on top of a working app): it is retried every 60 s and reported each time.
// A web process started after its predecessor died gets WARMDESK_EVENTS_LOST=1: events of writes it
// committed may never have reached the sidecar, so clients are told to reload.
//
// SIGINT/SIGTERM stop the launcher: the web app first (it drains: in-flight requests finish and
// their events are published), then the sidecar (its clients are told to reconnect); whatever has
// not exited after STOP_GRACE_MS is killed. A second signal kills both at once. `npm run dev`
// (WARMDESK_DEV=1) runs Next's dev server the same way and never builds.
//
// Memory: each child's V8 heap is capped (--max-old-space-size): WARMDESK_WEB_HEAP_MB (default
// 256) and WARMDESK_REALTIME_HEAP_MB (default 128); 0 leaves Node's default. See README.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { request } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.env.WARMDESK_DEV === "1";
const port = Number(process.env.PORT || 3000);
const env = {
  ...process.env,
  PORT: String(port),
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
};
const say = (line) => console.log(`warmdesk: ${line}`);

function fail(message, code = 1) {
  console.error(`warmdesk: ${message}`);
  process.exit(code);
}

// 1. Configuration, migrations, first administrator.
const prepared = spawnSync(process.execPath, [join(root, "bin/warmdesk.mjs"), "prepare"], {
  cwd: root,
  env,
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});
if (prepared.status !== 0) fail("could not prepare the database (see above)", prepared.status || 1);
let state = { hasUsers: true };
try {
  state = JSON.parse(prepared.stdout.trim().split("\n").pop());
  if (state.applied?.length) say(`applied migrations: ${state.applied.join(", ")}`);
} catch {
  // Unexpected output: carry on, the servers report their own problems.
}

// 2. The production build.
const SOURCES = [
  "app",
  "components",
  "lib",
  "server",
  "public",
  "next.config.ts",
  "next.config.mjs",
  "postcss.config.mjs",
  "package.json",
  "tsconfig.json",
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function buildIsStale() {
  const id = join(root, ".next/BUILD_ID");
  if (!existsSync(id)) return "no production build yet";
  const built = statSync(id).mtimeMs;
  const changed = SOURCES.find((s) => newestMtime(join(root, s)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

if (!dev && process.env.WARMDESK_SKIP_BUILD !== "1") {
  const why = buildIsStale();
  if (why) {
    say(`building (${why}); this takes a few minutes ...`);
    const built = spawnSync(process.execPath, [join(root, "scripts/build.mjs")], { cwd: root, env, stdio: "inherit" });
    if (built.status !== 0) fail("the build failed (see above)", built.status || 1);
  }
}

// 3. The two servers: the web server (server/web.ts: Next behind a server that knows the client's
// address and drains on shutdown) and the sidecar. The production build bundles both
// (scripts/build.mjs); dev, or a missing/stale bundle, runs the TypeScript.
function serverArgs(name) {
  const bundle = join(root, `.next/warmdesk/${name}.mjs`);
  const fresh =
    !dev &&
    existsSync(bundle) &&
    statSync(bundle).mtimeMs >= Math.max(newestMtime(join(root, "server")), newestMtime(join(root, "lib")));
  return fresh ? [bundle] : ["--import", "tsx", join(root, `server/${name}.ts`)];
}
const webArgs = serverArgs("web");
const realtimeArgs = serverArgs("realtime");

function heapArgs(variable, fallback) {
  const raw = process.env[variable];
  const mb = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(mb) || mb < 0) fail(`${variable} must be a whole number of megabytes (0: Node's default), not "${raw}"`);
  return mb > 0 ? [`--max-old-space-size=${mb}`] : [];
}

const RESTART_MIN_MS = 250;
const RESTART_MAX_MS = 30_000;
const QUICK_EXIT_MS = Number(process.env.WARMDESK_QUICK_EXIT_MS || 10_000);
const CRASH_LOOP = 5;
const SIDECAR_LOOP_RETRY_MS = 60_000;
const STOP_GRACE_MS = 12_000;

const children = {
  web: {
    name: "web",
    args: [...(dev ? [] : heapArgs("WARMDESK_WEB_HEAP_MB", 256)), ...webArgs],
    proc: null,
    startedAt: 0,
    quickExits: 0,
    restarts: 0,
    timer: null,
    eventsLost: false,
    stopSent: false,
  },
  realtime: {
    name: "realtime",
    args: [...heapArgs("WARMDESK_REALTIME_HEAP_MB", 128), ...realtimeArgs],
    proc: null,
    startedAt: 0,
    quickExits: 0,
    restarts: 0,
    timer: null,
    eventsLost: false,
    stopSent: false,
  },
};

let stopping = false;

const isRunning = (child) => child.proc !== null && child.proc.exitCode === null && child.proc.signalCode === null;

function start(child) {
  child.timer = null;
  if (stopping) return;
  const childEnv = { ...env, ...(child.eventsLost ? { WARMDESK_EVENTS_LOST: "1" } : {}) };
  // Its own process group: a terminal's Ctrl-C reaches the launcher only, which stops the children
  // in order. The IPC channel lets a child notice that the launcher died and stop itself.
  const proc = spawn(process.execPath, child.args, {
    cwd: root,
    env: childEnv,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    detached: true,
  });
  child.proc = proc;
  child.startedAt = Date.now();
  if (child.restarts > 0) say(`${child.name} started again (pid ${proc.pid}, restart ${child.restarts})`);
  else say(`${child.name} started (pid ${proc.pid})`);
  proc.on("error", (error) => say(`could not start the ${child.name} process: ${error.message}`));
  proc.on("exit", (code, signal) => onExit(child, proc, code, signal));
}

function onExit(child, proc, code, signal) {
  if (child.proc !== proc) return;
  const how = signal ?? `exit ${code}`;
  if (stopping) {
    say(`${child.name} stopped (${how})`);
    return stopNext();
  }
  const ran = Date.now() - child.startedAt;
  child.quickExits = ran < QUICK_EXIT_MS ? child.quickExits + 1 : 0;
  child.restarts++;
  // A web process that drained (exit 0 after a signal) published everything; any other end may not have.
  if (child.name === "web" && code !== 0) child.eventsLost = true;
  let delay = Math.min(RESTART_MAX_MS, RESTART_MIN_MS * 2 ** Math.max(0, child.quickExits - 1));
  const other = child === children.web ? children.realtime : children.web;
  const others = isRunning(other) ? `; the ${other.name} process keeps running` : "";
  if (child.quickExits >= CRASH_LOOP) {
    if (child.name === "web") {
      console.error(
        `warmdesk: the web process died ${child.quickExits} times in a row within ${QUICK_EXIT_MS / 1000} s of starting (last: ${how}); giving up. See the errors above.`,
      );
      return stopAll("SIGTERM", 1);
    }
    delay = SIDECAR_LOOP_RETRY_MS;
    console.error(
      `warmdesk: the realtime process died ${child.quickExits} times in a row within ${QUICK_EXIT_MS / 1000} s of starting (last: ${how}); live updates are off, the web app keeps serving; trying again in ${delay / 1000} s. See the errors above.`,
    );
  } else {
    console.error(
      `warmdesk: the ${child.name} process died (${how}) after ${(ran / 1000).toFixed(1)} s; starting it again in ${delay} ms${others}`,
    );
  }
  child.timer = setTimeout(() => start(child), delay);
}

let exitCode = 0;
let stopOrder = [];
let stopSignal = "SIGTERM";

/** Stops the children one after the other: the web app drains first, then the sidecar. */
function stopAll(signal, code = 0) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  for (const child of Object.values(children)) clearTimeout(child.timer);
  stopOrder = [children.web, children.realtime];
  stopSignal = signal;
  stopNext();
}

function stopNext() {
  while (stopOrder.length > 0 && !isRunning(stopOrder[0])) stopOrder.shift();
  const child = stopOrder[0];
  if (!child) {
    if (Object.values(children).every((c) => !isRunning(c))) process.exit(exitCode);
    return;
  }
  if (child.stopSent) return;
  child.stopSent = true;
  child.proc.kill(stopSignal);
  setTimeout(() => {
    if (!isRunning(child)) return;
    console.error(`warmdesk: the ${child.name} process did not stop within ${STOP_GRACE_MS / 1000} s; killing it`);
    child.proc.kill("SIGKILL");
  }, STOP_GRACE_MS).unref();
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (stopping) {
      say(`${signal} again: killing both processes now`);
      for (const child of Object.values(children)) if (isRunning(child)) child.proc.kill("SIGKILL");
      process.exit(exitCode || 1);
    }
    say(`${signal}: stopping (the web app drains first, then the realtime sidecar)`);
    stopAll(signal === "SIGINT" ? "SIGTERM" : signal);
  });
}

start(children.web);
start(children.realtime);

// Tell the operator where to go once the web app answers.
const url = env.NEXTAUTH_URL;
const started = Date.now();
(function poll() {
  if (stopping) return;
  const req = request({ host: "127.0.0.1", port, path: "/api/health", method: "GET", timeout: 2000 }, (res) => {
    res.resume();
    say(
      `ready at ${url} (pids: launcher ${process.pid}, web ${children.web.proc?.pid}, realtime ${children.realtime.proc?.pid})`,
    );
    if (!state.hasUsers) say(`no user exists yet: open ${url} in a browser to create the first administrator`);
  });
  req.on("error", () => {
    if (Date.now() - started < 300_000) setTimeout(poll, 500);
  });
  req.on("timeout", () => req.destroy());
  req.end();
})();
