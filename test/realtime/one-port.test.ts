// One public port: the web server (server/web.ts's createWebServer, with a stand-in for Next's
// handler) passes /socket.io/ on to a real sidecar. Real socket.io-client connections over
// WebSocket and over HTTP long-polling reach the sidecar through the web server's port, join a
// room and receive what the domain publishes; the sidecar's internal endpoints stay unreachable
// through that port; a draining web server ends the passed-through connections.
import { once } from "node:events";
import { type IncomingMessage, request } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connectClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getConfig, resetConfigForTests } from "../../lib/config.ts";
import { compileTrust } from "../../lib/http/client-address.ts";
import type { WireEvent } from "../../lib/realtime/events.ts";
import { publish, setPublishSink } from "../../lib/realtime/publish.ts";
import { internalPublishKey, signRealtimeToken } from "../../lib/realtime/token.ts";
import { createUser } from "../../lib/users/users.ts";
import { type RealtimeServer, startRealtime } from "../../server/realtime.ts";
import { createWebServer, type WebServer } from "../../server/web.ts";
import { type TestDatabase, useFreshDatabase } from "../helpers/db.ts";

let database: TestDatabase;
let sidecar: RealtimeServer;
let web: WebServer;
let webUrl: string;
let alice: Actor;
let project: { id: number };
const sockets: Socket[] = [];

function connect(transports: ("websocket" | "polling")[]): Promise<Socket> {
  const token = signRealtimeToken({ uid: alice.userId, sid: null, pid: null }, getConfig().authSecret);
  return new Promise((resolve, reject) => {
    const socket = connectClient(webUrl, { auth: { token }, transports, upgrade: false, reconnection: false, forceNew: true });
    sockets.push(socket);
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (e) => reject(e));
  });
}

beforeAll(async () => {
  database = await useFreshDatabase("sqlite");
  sidecar = await startRealtime({ port: 0, host: "127.0.0.1", redisUrl: null, log: () => {} });
  const sidecarUrl = `http://127.0.0.1:${sidecar.port}`;
  process.env.REALTIME_INTERNAL_URL = sidecarUrl;
  resetConfigForTests();
  setPublishSink(null);
  web = createWebServer({
    handle: async (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("the web app");
    },
    trust: compileTrust({ addresses: [], maxHops: null }),
    realtimeTarget: sidecarUrl,
    drainMs: 5000,
  });
  web.server.listen(0, "127.0.0.1");
  await once(web.server, "listening");
  webUrl = `http://127.0.0.1:${(web.server.address() as AddressInfo).port}`;
  const a = await createUser({ email: "alice@example.com", username: "alice", password: "correct horse battery" });
  alice = { userId: a.id, username: a.username, isAdmin: false, sessionId: null, apiKeyProjectId: null, language: "en" };
  project = await createProject(alice, { name: "Alpha", key: "ALP" });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await web?.drain("test over").catch(() => {});
  await sidecar?.close();
  await database?.drop();
});

describe("one public port", () => {
  for (const transport of ["websocket", "polling"] as const) {
    it(`reaches the sidecar through the web server's port over ${transport} and receives published events`, async () => {
      const socket = await connect([transport]);
      expect(socket.io.engine.transport.name).toBe(transport);
      const room = `project:${project.id}`;
      const ack = (await socket.emitWithAck("join", { room })) as { ok: boolean; seq: number };
      expect(ack.ok).toBe(true);
      const got = new Promise<WireEvent>((resolve) => socket.once("event", resolve));
      await publish([{ room, type: "card.created", data: { via: transport } }]);
      const event = await got;
      expect(event).toMatchObject({ room, type: "card.created", data: { via: transport }, seq: ack.seq + 1 });
      // The sidecar counts this socket among its own.
      expect(sidecar.io.of("/").sockets.size).toBeGreaterThanOrEqual(1);
    });
  }

  it("serves everything else from the web app, and never the sidecar's internal endpoints", async () => {
    const page = await fetch(`${webUrl}/board`);
    expect(await page.text()).toBe("the web app");
    const internal = await fetch(`${webUrl}/internal/publish`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-warmdesk-key": internalPublishKey(getConfig().authSecret) },
      body: JSON.stringify({ events: [{ room: `project:${project.id}`, type: "card.created", data: {} }] }),
    });
    expect(await internal.text()).toBe("the web app");
  });

  it("answers 502 for long-polling while the sidecar is unreachable, and refuses other upgrades", async () => {
    const down = createWebServer({
      handle: async (_req, res) => void res.end("x"),
      trust: compileTrust({ addresses: [], maxHops: null }),
      realtimeTarget: "http://127.0.0.1:1",
      drainMs: 1000,
    });
    down.server.listen(0, "127.0.0.1");
    await once(down.server, "listening");
    const base = `http://127.0.0.1:${(down.server.address() as AddressInfo).port}`;
    const res = await fetch(`${base}/socket.io/?EIO=4&transport=polling`);
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: { code: "unavailable" } });
    // An upgrade anywhere but /socket.io/ is refused (no Next dev server here to take it).
    const refused = request(`${base}/elsewhere`, { headers: { connection: "Upgrade", upgrade: "websocket" } });
    refused.end();
    const [answer] = (await once(refused, "response")) as [IncomingMessage];
    expect(answer.statusCode).toBe(404);
    await down.drain("test over");
  });

  it("ends the passed-through WebSockets when the web server drains", async () => {
    const socket = await connect(["websocket"]);
    const closed = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
    const code = await web.drain("SIGTERM");
    expect(code).toBe(0);
    expect(await closed).toBe("transport close");
  });
});
