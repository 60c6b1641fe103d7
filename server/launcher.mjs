// `npm start`: one command runs WarmDesk.
//   1. migrations + the first admin from WARMDESK_ADMIN_EMAIL / WARMDESK_ADMIN_PASSWORD
//      (`warmdesk prepare`, in a short-lived process so that this one stays small);
//   2. the production build when .next/BUILD_ID is missing or older than the sources
//      (WARMDESK_SKIP_BUILD=1 never builds);
//   3. the web server (server/web.ts, Next's handler on $PORT) and the realtime sidecar, as children
//      with the same environment.
// Signals are forwarded to both; when either dies the other is stopped and the launcher exits
// non-zero. `npm run dev` (WARMDESK_DEV=1) runs Next's dev server the same way and never builds.
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
// address) and the sidecar. The production build bundles both (scripts/build.mjs); dev, or a
// missing/stale bundle, runs the TypeScript.
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
const children = [
  { name: "web", proc: spawn(process.execPath, webArgs, { cwd: root, env, stdio: "inherit" }) },
  { name: "realtime", proc: spawn(process.execPath, realtimeArgs, { cwd: root, env, stdio: "inherit" }) },
];

let stopping = false;
let exitCode = 0;

function stopAll(signal) {
  for (const { proc } of children) if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
  // Whatever does not stop in time is killed.
  setTimeout(() => {
    for (const { proc } of children) if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
  }, 10_000).unref();
}

for (const child of children) {
  child.proc.on("exit", (code, signal) => {
    if (!stopping) {
      stopping = true;
      exitCode = 1;
      console.error(`warmdesk: the ${child.name} process stopped (${signal ?? `exit ${code}`}); stopping the other one`);
      stopAll("SIGTERM");
    }
    if (children.every(({ proc }) => proc.exitCode !== null || proc.signalCode !== null)) process.exit(exitCode);
  });
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping`);
    stopAll(signal);
  });
}

// Tell the operator where to go once the web app answers.
const url = env.NEXTAUTH_URL;
const started = Date.now();
(function poll() {
  if (stopping) return;
  const req = request({ host: "127.0.0.1", port, path: "/api/health", method: "GET", timeout: 2000 }, (res) => {
    res.resume();
    say(`ready at ${url} (pids: web ${children[0].proc.pid}, realtime ${children[1].proc.pid})`);
    if (!state.hasUsers) say(`no user exists yet: open ${url} in a browser to create the first administrator`);
  });
  req.on("error", () => {
    if (Date.now() - started < 300_000) setTimeout(poll, 500);
  });
  req.on("timeout", () => req.destroy());
  req.end();
})();
