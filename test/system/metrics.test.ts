// /metrics, scraped for real over HTTP: the web server's (server/web.ts's createWebServer with a
// stand-in for Next) and the sidecar's, with a real Socket.IO client connected through the one
// public port. Token required (401 without, 404 when none is configured); the separate port needs none.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { io as connectClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject } from "../../lib/boards/projects.ts";
import { getConfig, resetConfigForTests } from "../../lib/config.ts";
import { compileTrust } from "../../lib/http/client-address.ts";
import { countJob, setRouteTemplates } from "../../lib/metrics/metrics.ts";
import { openApiDocument } from "../../lib/openapi/spec.ts";
import { flushPublished, publish, setPublishSink } from "../../lib/realtime/publish.ts";
import { internalPublishKey, signRealtimeToken } from "../../lib/realtime/token.ts";
import { createUser } from "../../lib/users/users.ts";
import { type RealtimeServer, startRealtime } from "../../server/realtime.ts";
import { createWebServer, type WebServer } from "../../server/web.ts";
import { type TestDatabase, useFreshDatabase } from "../helpers/db.ts";

const TOKEN = "metrics-token-for-the-test-0123456789";
let database: TestDatabase;
let sidecar: RealtimeServer;
let web: WebServer;
let webUrl: string;
let sidecarUrl: string;
let socket: Socket;
let room: string;

const scrape = async (base: string, token: string | null = TOKEN) => {
  const res = await fetch(`${base}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
};
/** The value of one sample line (`name{labels} value`), or null when absent. */
const sample = (text: string, series: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
};

beforeAll(async () => {
  process.env.METRICS_TOKEN = TOKEN;
  database = await useFreshDatabase("sqlite");
  sidecar = await startRealtime({ port: 0, host: "127.0.0.1", redisUrl: null, log: () => {} });
  sidecarUrl = `http://127.0.0.1:${sidecar.port}`;
  process.env.REALTIME_INTERNAL_URL = sidecarUrl;
  resetConfigForTests();
  setPublishSink(null);
  setRouteTemplates(Object.keys((openApiDocument() as { paths: Record<string, unknown> }).paths));
  web = createWebServer({
    handle: async (req, res) => {
      res.writeHead(req.url?.startsWith("/api/v1/projects/nope") ? 404 : 200, { "content-type": "application/json" });
      res.end("{}");
    },
    trust: compileTrust({ addresses: [], maxHops: null }),
    realtimeTarget: sidecarUrl,
    drainMs: 5000,
    metricsToken: getConfig().metricsToken,
  });
  web.server.listen(0, "127.0.0.1");
  await once(web.server, "listening");
  webUrl = `http://127.0.0.1:${(web.server.address() as AddressInfo).port}`;
  const u = await createUser({ email: "m@example.com", username: "metrics", password: "correct horse battery" });
  const actor = { userId: u.id, username: u.username, isAdmin: false, sessionId: null, apiKeyProjectId: null, language: "en" };
  room = `project:${(await createProject(actor, { name: "Metrics", key: "MET" })).id}`;
  const token = signRealtimeToken({ uid: u.id, sid: null, pid: null }, getConfig().authSecret);
  socket = connectClient(webUrl, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  await socket.emitWithAck("join", { room });
});

afterAll(async () => {
  socket?.disconnect();
  delete process.env.METRICS_TOKEN;
  resetConfigForTests();
  await web?.drain("test over");
  await sidecar?.close();
  await database?.drop();
});

describe("/metrics", () => {
  it("refuses a scrape without the token or with a wrong one, on the web server and the sidecar", async () => {
    for (const base of [webUrl, sidecarUrl]) {
      expect((await scrape(base, null)).status).toBe(401);
      expect((await scrape(base, "wrong-token-wrong-token-wrong")).status).toBe(401);
    }
  });

  it("counts requests per route template with latency histograms, in Prometheus' text format", async () => {
    await fetch(`${webUrl}/api/v1/projects/launch/cards/LAU-1`);
    await fetch(`${webUrl}/api/v1/projects/launch/cards/LAU-2`);
    await fetch(`${webUrl}/api/v1/projects/nope/board`);
    await fetch(`${webUrl}/some/page`);
    const { status, type, text } = await scrape(webUrl);
    expect(status).toBe(200);
    expect(type).toContain("text/plain");
    expect(
      sample(text, 'warmdesk_http_requests_total{method="GET",route="/api/v1/projects/{slug}/cards/{key}",status="200"}'),
    ).toBe(2);
    expect(sample(text, 'warmdesk_http_requests_total{method="GET",route="/api/v1/projects/{slug}/board",status="404"}')).toBe(1);
    expect(sample(text, 'warmdesk_http_requests_total{method="GET",route="page",status="200"}')).toBe(1);
    expect(
      sample(text, 'warmdesk_http_request_duration_seconds_count{method="GET",route="/api/v1/projects/{slug}/cards/{key}"}'),
    ).toBe(2);
    expect(text).toContain(
      'warmdesk_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/v1/projects/{slug}/cards/{key}"}',
    );
    // The raw path never becomes a label.
    expect(text).not.toContain("LAU-1");
    expect(text).toMatch(/^warmdesk_build_info\{version="\d+\.\d+\.\d+"\} 1$/m);
  });

  it("shows realtime connections, rooms, events published and delivered, publish failures and job runs", async () => {
    const before = await scrape(sidecarUrl);
    expect(sample(before.text, "warmdesk_realtime_connections")).toBe(1);
    expect(sample(before.text, "warmdesk_realtime_rooms")).toBe(1);
    const delivered = sample(before.text, "warmdesk_realtime_events_delivered_total") ?? 0;

    // One failed hand-over (kept and retried), then the events go through.
    let refused = false;
    setPublishSink(async (events, options) => {
      if (!refused) {
        refused = true;
        throw new Error("sidecar down (test)");
      }
      setPublishSink(null);
      const res = await fetch(`${sidecarUrl}/internal/publish`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-warmdesk-key": internalPublishKey(getConfig().authSecret) },
        body: JSON.stringify({ events, lost: options.lost }),
      });
      if (!res.ok) throw new Error(`sidecar answered ${res.status}`);
    });
    const got = new Promise<void>((resolve) => {
      let n = 0;
      socket.on("event", () => ++n === 2 && resolve());
    });
    publish([
      { room, type: "card.created", data: { n: 1 } },
      { room, type: "card.created", data: { n: 2 } },
    ]);
    await got;
    await flushPublished(5000);
    await countJob("cleanup", async () => 1);
    await countJob("digests", async () => Promise.reject(new Error("smtp down"))).catch(() => {});

    const after = await scrape(sidecarUrl);
    expect(sample(after.text, "warmdesk_realtime_events_delivered_total")).toBe(delivered + 2);
    expect(sample(after.text, 'warmdesk_realtime_events_published_total{process="sidecar"}')).toBeGreaterThanOrEqual(2);
    const webSide = await scrape(webUrl);
    expect(sample(webSide.text, 'warmdesk_realtime_events_published_total{process="web"}')).toBeGreaterThanOrEqual(2);
    expect(sample(webSide.text, "warmdesk_realtime_publish_failures_total")).toBeGreaterThanOrEqual(1);
    expect(sample(webSide.text, 'warmdesk_job_runs_total{task="cleanup",outcome="ok"}')).toBe(1);
    expect(sample(webSide.text, 'warmdesk_job_runs_total{task="digests",outcome="failed"}')).toBe(1);
  });

  it("answers 404 when no token is configured", async () => {
    const bare = createWebServer({
      handle: async (_req, res) => void res.end(),
      trust: compileTrust({ addresses: [], maxHops: null }),
      realtimeTarget: null,
      drainMs: 1000,
      metricsToken: null,
    });
    bare.server.listen(0, "127.0.0.1");
    await once(bare.server, "listening");
    const base = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;
    expect((await scrape(base)).status).toBe(404);
    await bare.drain("test over");
  });
});
