// Prometheus metrics (prom-client), for `GET /metrics` of the web server and of the sidecar.
//
// One registry per process, kept on globalThis: the web server (server/web.ts, its own bundle)
// and Next's route code (another copy of lib/) must count into the same one. Labels are bounded:
// a request's route is the OpenAPI path template it matches (`/api/v1/projects/{slug}/cards/{key}`),
// `page`, `static` or `other`; never the raw path.
//
// Access (server/web.ts, server/realtime.ts): `Authorization: Bearer <METRICS_TOKEN>`; or no token
// on METRICS_PORT (a second listener, meant for a private interface). Neither set: 404.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import client from "prom-client";
import { VERSION } from "../version.ts";

export type PoolStats = { engine: string; total: number; idle: number; waiting: number };

type Metrics = {
  registry: client.Registry;
  httpRequests: client.Counter<"method" | "route" | "status">;
  httpDuration: client.Histogram<"method" | "route">;
  eventsPublished: client.Counter<"process">;
  publishFailures: client.Counter;
  eventsDelivered: client.Counter;
  realtimeConnections: client.Gauge;
  realtimeRooms: client.Gauge;
  jobRuns: client.Counter<"task" | "outcome">;
  pools: Map<string, () => PoolStats>;
  realtime: { connections: () => number; rooms: () => number } | null;
};

const KEY = Symbol.for("warmdesk.metrics");

/** This process's metrics (created on first use). */
export function metrics(): Metrics {
  const g = globalThis as Record<symbol, Metrics | undefined>;
  const existing = g[KEY];
  if (existing) return existing;
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "warmdesk_" });
  const pools = new Map<string, () => PoolStats>();
  const m: Metrics = {
    registry,
    pools,
    realtime: null,
    httpRequests: new client.Counter({
      name: "warmdesk_http_requests_total",
      help: "HTTP requests answered, by method, route template and status code",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    httpDuration: new client.Histogram({
      name: "warmdesk_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its answer, by method and route template",
      labelNames: ["method", "route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    eventsPublished: new client.Counter({
      name: "warmdesk_realtime_events_published_total",
      help: "Realtime events: handed to the sidecar (process=web) or numbered and sent to a room (process=sidecar)",
      labelNames: ["process"],
      registers: [registry],
    }),
    publishFailures: new client.Counter({
      name: "warmdesk_realtime_publish_failures_total",
      help: "Batches of events the web process could not hand to the sidecar (kept and retried)",
      registers: [registry],
    }),
    eventsDelivered: new client.Counter({
      name: "warmdesk_realtime_events_delivered_total",
      help: "Event messages sent to this sidecar's sockets (one per socket in the room)",
      registers: [registry],
    }),
    realtimeConnections: new client.Gauge({
      name: "warmdesk_realtime_connections",
      help: "Socket.IO connections open on this sidecar",
      registers: [registry],
      collect() {
        if (m.realtime) this.set(m.realtime.connections());
      },
    }),
    realtimeRooms: new client.Gauge({
      name: "warmdesk_realtime_rooms",
      help: "Rooms (project, conversation, user, customer) with at least one socket on this sidecar",
      registers: [registry],
      collect() {
        if (m.realtime) this.set(m.realtime.rooms());
      },
    }),
    jobRuns: new client.Counter({
      name: "warmdesk_job_runs_total",
      help: "Runs of the periodic jobs (cleanup, digests, alerts, reminders, webhook deliveries), by task and outcome (`task`, not `job`: Prometheus keeps `job` for the scrape target)",
      labelNames: ["task", "outcome"],
      registers: [registry],
    }),
  };
  new client.Gauge({
    name: "warmdesk_build_info",
    help: "WarmDesk's version (the value is always 1)",
    labelNames: ["version"],
    registers: [registry],
  }).set({ version: VERSION }, 1);
  const poolGauge = (name: string, help: string, pick: (s: PoolStats) => number) =>
    new client.Gauge({
      name,
      help,
      labelNames: ["engine"],
      registers: [registry],
      collect() {
        this.reset();
        for (const stats of pools.values()) {
          const s = stats();
          this.set({ engine: s.engine }, pick(s));
        }
      },
    });
  poolGauge("warmdesk_db_pool_connections", "Database connections open in the pool", (s) => s.total);
  poolGauge("warmdesk_db_pool_idle_connections", "Database connections idle in the pool", (s) => s.idle);
  poolGauge("warmdesk_db_pool_waiting_requests", "Queries waiting for a pooled database connection", (s) => s.waiting);
  g[KEY] = m;
  return m;
}

/** A job's run, counted by outcome; answers what the run answered. */
export async function countJob<T>(job: string, run: () => Promise<T>): Promise<T> {
  try {
    const result = await run();
    metrics().jobRuns.inc({ task: job, outcome: "ok" });
    return result;
  } catch (e) {
    metrics().jobRuns.inc({ task: job, outcome: "failed" });
    throw e;
  }
}

// --- routes --------------------------------------------------------------------------------------

type Template = { route: string; re: RegExp };
let templates: Template[] | null = null;

/** The API's path templates (from the OpenAPI document), most specific first. */
export function setRouteTemplates(paths: string[]): void {
  templates = paths
    .map((route) => ({
      route,
      re: new RegExp(`^${route.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}/?$`),
    }))
    .sort((a, b) => b.route.split("/").length - a.route.split("/").length || a.route.localeCompare(b.route));
}

/** A bounded label for a request path. */
export function routeOf(path: string): string {
  if (path.startsWith("/_next/") || path.startsWith("/favicon") || /\.(js|css|png|svg|ico|woff2?|map)$/.test(path))
    return "static";
  if (path.startsWith("/socket.io/")) return "/socket.io/";
  if (path === "/metrics") return "/metrics";
  if (path.startsWith("/api/")) {
    for (const t of templates ?? []) if (t.re.test(path)) return t.route;
    return "other";
  }
  return "page";
}

// --- the endpoint --------------------------------------------------------------------------------

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? "");
  if (!m) return false;
  const a = Buffer.from(m[1].trim());
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Answers GET /metrics: `open` (the separate metrics port) without a token, otherwise only with
 * `Authorization: Bearer <token>`; 404 when no token is configured (the endpoint does not exist).
 */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse, access: { token: string | null; open?: boolean }) {
  const send = (status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers });
    res.end(body);
  };
  if (!access.open) {
    if (!access.token) return send(404, JSON.stringify({ error: { code: "not_found", message: "Not found" } }));
    if (!tokenMatches(req.headers.authorization, access.token))
      return send(401, JSON.stringify({ error: { code: "unauthorized", message: "A metrics token is required." } }), {
        "www-authenticate": 'Bearer realm="metrics"',
      });
  }
  if (req.method !== "GET" && req.method !== "HEAD") return send(405, JSON.stringify({ error: { code: "method_not_allowed" } }));
  const { registry } = metrics();
  const body = await registry.metrics();
  res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : body);
}
