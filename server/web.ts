// The web app's process: Next's request handler behind our own Node HTTP server (`npm start` runs
// this through the launcher; WARMDESK_DEV=1 runs Next's dev server the same way). Two things Next
// cannot do by itself:
//
// - The real client address. For every request the server removes the internal headers a client may
//   have sent and sets the client address from the TCP connection (X-Forwarded-For only from
//   TRUSTED_PROXIES; see lib/http/client-address.ts).
// - A draining shutdown. On SIGTERM/SIGINT, at once: the listening socket closes (new connections
//   are refused), idle keep-alive connections close, a request that still arrives on an open
//   connection answers 503 `{ error: { code: "shutting_down" } }` with `Connection: close` and
//   `Retry-After: 1`, and the requests already running finish (their answers carry
//   `Connection: close`). Then the events those requests published go to the sidecar, and the
//   process exits 0, within WARMDESK_DRAIN_MS (default 9 s; past that it closes what is left and
//   exits 1).
//
// Started by the launcher with an IPC channel: when the launcher dies (even by SIGKILL), the
// channel closes and this process drains and exits too, so no orphan keeps the port.

import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import type { Duplex } from "node:stream";
import { pathToFileURL } from "node:url";
import { getConfig, startupWarnings } from "../lib/config.ts";
import { CLIENT_ADDRESS_HEADER, compileTrust, markBehindWebServer, stampClientAddress } from "../lib/http/client-address.ts";
import { createRealtimeProxy, pathOf } from "../lib/http/realtime-proxy.ts";
import { REQUEST_ID_HEADER, USER_ID_HEADER } from "../lib/http/request-id.ts";
import { logger } from "../lib/log.ts";
import { metrics, routeOf, serveMetrics, setRouteTemplates } from "../lib/metrics/metrics.ts";
import { openApiDocument } from "../lib/openapi/spec.ts";

/** Set by lib/realtime/publish.ts: each hands the events still queued to the sidecar within a budget. */
type Flusher = (budgetMs: number) => Promise<boolean>;
const FLUSHERS = Symbol.for("warmdesk.realtime.flushers");

export type WebServer = { server: Server; drain: (why: string) => Promise<number> };

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<unknown>;

/**
 * The HTTP server around a request handler (Next's, or a test's): the client address, `/socket.io/`
 * passed on to the sidecar (lib/http/realtime-proxy.ts), and the draining shutdown. `onDrained`
 * runs after the running requests finished (publishing their events, closing Next).
 */
export function createWebServer(options: {
  handle: Handle;
  trust: ReturnType<typeof compileTrust>;
  /** Where the sidecar listens (REALTIME_INTERNAL_URL); null: /socket.io/ is not passed on. */
  realtimeTarget: string | null;
  drainMs: number;
  onDrained?: (budgetMs: number) => Promise<void>;
  /** METRICS_TOKEN: GET /metrics answers with it only (none: 404). */
  metricsToken?: string | null;
  /** Upgrades that are not /socket.io/'s. */
  upgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
}): WebServer {
  const { handle, trust, drainMs } = options;
  const proxy = options.realtimeTarget ? createRealtimeProxy(options.realtimeTarget) : null;
  /** Responses still being produced: they learn `Connection: close` when the drain begins. */
  const running = new Set<ServerResponse>();
  let draining = false;
  let idle: (() => void) | null = null;

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
    stampClientAddress(req, trust);
    const started = performance.now();
    const path = pathOf(req.url);
    // A request id: the proxy's X-Request-Id when it looks like one, else a fresh one; Next's
    // handlers read it from the internal header, the client gets it back.
    const given = req.headers["x-request-id"];
    const requestId = typeof given === "string" && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader("x-request-id", requestId);
    // apiRoute names the signed-in user in an internal response header: taken off before it leaves.
    let userId: number | undefined;
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
      const named = res.getHeader(USER_ID_HEADER);
      if (named !== undefined) {
        userId = Number(named);
        res.removeHeader(USER_ID_HEADER);
      }
      const headers = args.find((a) => typeof a === "object" && a !== null && !Array.isArray(a)) as
        | Record<string, unknown>
        | undefined;
      if (headers && USER_ID_HEADER in headers) {
        userId = Number(headers[USER_ID_HEADER]);
        delete headers[USER_ID_HEADER];
      }
      return writeHead.apply(this, args as never);
    } as ServerResponse["writeHead"];
    res.once("finish", () => {
      const route = routeOf(path);
      const durationMs = performance.now() - started;
      const m = metrics();
      m.httpRequests.inc({ method: req.method ?? "GET", route, status: String(res.statusCode) });
      m.httpDuration.observe({ method: req.method ?? "GET", route }, durationMs / 1000);
      if (route === "static") return;
      logger.info("request", {
        requestId,
        method: req.method,
        route,
        status: res.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
        userId,
      });
    });
    if (path === "/metrics") {
      void serveMetrics(req, res, { token: options.metricsToken ?? null });
      return;
    }
    if (proxy?.handles(req)) {
      // Long-polling: held open by design, so it does not hold up the drain.
      proxy.web(req, res, req.headers[CLIENT_ADDRESS_HEADER] as string | undefined);
      return;
    }
    running.add(res);
    res.once("close", () => {
      running.delete(res);
      if (draining && running.size === 0) idle?.();
    });
    handle(req, res).catch((error: unknown) => {
      console.error(`web: request failed: ${(error as Error)?.stack ?? error}`);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      }
    });
  });
  // WebSocket upgrades: /socket.io/ goes to the sidecar, anything else to `upgrade` (Next's dev
  // server has its own, for hot reloading) or is refused.
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (proxy?.handles(req) && !draining) {
      stampClientAddress(req, trust);
      proxy.upgrade(req, socket, head, req.headers[CLIENT_ADDRESS_HEADER] as string | undefined);
    } else if (options.upgrade && !draining) {
      options.upgrade(req, socket, head);
    } else {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    }
  });

  /** Drains and answers the exit code (0: everything finished and was published in time). */
  const drain = async (why: string): Promise<number> => {
    if (draining) return 0;
    draining = true;
    const started = Date.now();
    console.log(`web: ${why}: draining (${running.size} request(s) running)`);
    let timedOut = false;
    const deadline = new Promise<void>((resolve) =>
      setTimeout(() => {
        timedOut = true;
        resolve();
      }, drainMs).unref(),
    );
    // close() stops listening and closes the idle keep-alive connections (Node ≥ 19).
    server.close();
    for (const res of running) if (!res.headersSent) res.setHeader("connection", "close");
    if (running.size > 0) await Promise.race([new Promise<void>((resolve) => (idle = resolve)), deadline]);
    if (timedOut) {
      console.error(`web: ${running.size} request(s) still running after ${drainMs} ms; closing them`);
      proxy?.close();
      server.closeAllConnections();
      return 1;
    }
    const budget = Math.max(500, drainMs - (Date.now() - started) - 500);
    await options.onDrained?.(budget);
    // Live-update connections passed through here end last: their clients reconnect (to another
    // instance, or to this one once it is back) and catch up.
    proxy?.close();
    server.closeAllConnections();
    console.log(`web: stopped after ${Date.now() - started} ms`);
    return 0;
  };
  return { server, drain };
}

export async function startWeb(
  options: { dev?: boolean; port?: number; host?: string; drainMs?: number } = {},
): Promise<WebServer> {
  const config = getConfig();
  for (const warning of [...config.warnings, ...startupWarnings(config)]) console.warn(`warmdesk: ${warning}`);
  const trust = compileTrust(config.trustedProxies);
  const port = options.port ?? config.port;
  const host = options.host ?? process.env.HOST;
  const drainMs = options.drainMs ?? Number(process.env.WARMDESK_DRAIN_MS || 9000);
  const dev = options.dev ?? false;
  if (!dev) (process.env as Record<string, string>).NODE_ENV = "production";
  // Next's own signal handling would exit before the drain finishes.
  process.env.NEXT_MANUAL_SIG_HANDLE = "true";
  const { default: next } = await import("next");
  // The app's directory is the working directory (the launcher starts this there).
  // Next attaches its upgrade handler (hot reloading in development) to the server it is given on
  // the first request: it gets a stand-in, so that it never sees /socket.io/'s upgrades.
  const nextUpgrades = new EventEmitter();
  const app = next({ dev, port, hostname: host, httpServer: nextUpgrades as unknown as Server });
  const handle = app.getRequestHandler();
  await app.prepare();
  markBehindWebServer();

  const web = createWebServer({
    handle: (req, res) => handle(req, res),
    trust,
    realtimeTarget: config.realtimeProxy ? config.realtimeInternalUrl : null,
    drainMs,
    metricsToken: config.metricsToken,
    upgrade: (req, socket, head) => {
      if (nextUpgrades.listenerCount("upgrade") > 0) nextUpgrades.emit("upgrade", req, socket, head);
      else socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    },
    onDrained: async (budget) => {
      // What those requests published is handed to the sidecar before the process goes.
      const flushers = ((globalThis as Record<symbol, unknown>)[FLUSHERS] as Set<Flusher> | undefined) ?? new Set<Flusher>();
      const flushed = await Promise.all([...flushers].map((flush) => flush(budget).catch(() => false)));
      if (flushed.includes(false))
        console.error("web: the sidecar did not take the last events in time (clients reload when they reconnect)");
      await app.close().catch(() => {});
    },
  });
  setRouteTemplates(Object.keys((openApiDocument() as { paths: Record<string, unknown> }).paths));
  if (config.metricsPort) {
    // The separate metrics port: no token, so bind it to a private address (METRICS_HOST).
    const metricsServer = createServer((req, res) => {
      if (pathOf(req.url) === "/metrics") void serveMetrics(req, res, { token: null, open: true });
      else {
        res.writeHead(404);
        res.end();
      }
    });
    metricsServer.listen(config.metricsPort, process.env.METRICS_HOST ?? "127.0.0.1");
    metricsServer.unref();
  }
  await new Promise<void>((resolve, reject) => {
    web.server.once("error", reject);
    web.server.listen(port, host, () => {
      web.server.off("error", reject);
      resolve();
    });
  });
  return web;
}

async function main() {
  let web: WebServer;
  try {
    web = await startWeb({ dev: process.env.WARMDESK_DEV === "1" });
  } catch (e) {
    console.error(`web: could not start: ${(e as Error).message}`);
    process.exit(1);
  }
  const address = web.server.address();
  console.log(`web: listening on ${typeof address === "object" && address ? `${address.address}:${address.port}` : address}`);
  const stop = (why: string) => void web.drain(why).then((code) => process.exit(code));
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => stop(signal));
  if (process.send) process.on("disconnect", () => stop("the launcher went away"));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
