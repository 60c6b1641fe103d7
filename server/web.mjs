// The web app's process in production: Next.js behind our own HTTP server, so that a SIGTERM (or
// SIGINT) drains it instead of cutting writes off half-way (`npm start` runs this; `npm run dev`
// runs `next dev`).
//
// On SIGTERM/SIGINT, at once: the listening socket closes (new connections are refused), idle
// keep-alive connections close, a request that still arrives on an open connection answers 503
// `{ error: { code: "shutting_down" } }` with `Connection: close` and `Retry-After: 1`, and the
// requests already running finish (their answers carry `Connection: close`). Then the events those
// requests published go to the sidecar, and the process exits 0, within DRAIN_MS at most (past
// that it closes what is left and exits 1).
//
// Started by the launcher with an IPC channel: when the launcher dies (even by SIGKILL), the
// channel closes and this process drains and exits too, so no orphan keeps the port.
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || undefined;
/** The whole drain, from the signal to the exit (the launcher's hard kill comes later). */
const DRAIN_MS = Number(process.env.WARMDESK_DRAIN_MS || 9000);

process.env.NODE_ENV = "production";
// Next's own signal handling would exit before the drain finishes.
process.env.NEXT_MANUAL_SIG_HANDLE = "true";
const { default: next } = await import("next");

const app = next({ dev: false, dir: root, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

/** Responses still being produced: they learn `Connection: close` when the drain begins. */
const running = new Set();
let draining = false;
let idle = null;

const server = createServer((req, res) => {
  if (draining) {
    const body = JSON.stringify({ error: { code: "shutting_down", message: "The server is restarting; try again." } });
    res.writeHead(503, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      "retry-after": "1",
      connection: "close",
    });
    res.end(body);
    return;
  }
  running.add(res);
  res.once("close", () => {
    running.delete(res);
    if (draining && running.size === 0) idle?.();
  });
  handle(req, res).catch((error) => {
    console.error(`web: request failed: ${error?.stack ?? error}`);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end();
    }
  });
});

server.listen(port, hostname, () => {
  console.log(`web: listening on ${hostname ?? "0.0.0.0"}:${port}`);
});
server.on("error", (error) => {
  console.error(`web: could not listen on port ${port}: ${error.message}`);
  process.exit(1);
});

async function drain(why) {
  if (draining) return;
  draining = true;
  const started = Date.now();
  console.log(`web: ${why}: draining (${running.size} request(s) running)`);
  const deadline = setTimeout(() => {
    console.error(`web: ${running.size} request(s) still running after ${DRAIN_MS} ms; closing them`);
    server.closeAllConnections();
    process.exit(1);
  }, DRAIN_MS);
  deadline.unref();
  // close() stops listening and closes the idle keep-alive connections (Node ≥ 19).
  server.close();
  for (const res of running) if (!res.headersSent) res.setHeader("connection", "close");
  if (running.size > 0) await new Promise((resolve) => (idle = resolve));
  // What those requests published is handed to the sidecar before the process goes.
  const flushers = globalThis[Symbol.for("warmdesk.realtime.flushers")] ?? new Set();
  const budget = Math.max(500, DRAIN_MS - (Date.now() - started) - 500);
  const flushed = await Promise.all([...flushers].map((flush) => flush(budget).catch(() => false)));
  if (flushed.includes(false))
    console.error("web: the sidecar did not take the last events in time (clients reload when they reconnect)");
  server.closeAllConnections();
  await app.close().catch(() => {});
  console.log(`web: stopped after ${Date.now() - started} ms`);
  process.exit(0);
}

for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => void drain(signal));
if (process.send) process.on("disconnect", () => void drain("the launcher went away"));
