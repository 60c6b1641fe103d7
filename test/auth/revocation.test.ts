// Revocation reaches the realtime connection at once: revoking a session (or all of a user's)
// tells the sidecar, which drops those sockets without waiting for its periodic re-check.
import { io as connectClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, revokeSession, revokeUserSessions } from "../../lib/auth/sessions.ts";
import { getConfig, resetConfigForTests } from "../../lib/config.ts";
import { setRevokeSink } from "../../lib/realtime/publish.ts";
import { internalPublishKey, signRealtimeToken } from "../../lib/realtime/token.ts";
import { createUser } from "../../lib/users/users.ts";
import { type RealtimeServer, startRealtime } from "../../server/realtime.ts";
import { type TestDatabase, useFreshDatabase } from "../helpers/db.ts";

let database: TestDatabase;
let server: RealtimeServer;
let url: string;
let secret: string;
const sockets: Socket[] = [];

function connect(userId: number, sessionId: number): Promise<Socket> {
  const token = signRealtimeToken({ uid: userId, sid: sessionId, pid: null }, secret);
  return new Promise((resolve, reject) => {
    const socket = connectClient(url, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
    sockets.push(socket);
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** Resolves with the time it took the server to drop the socket. */
const dropped = (socket: Socket) =>
  new Promise<number>((resolve) => {
    const start = Date.now();
    socket.once("disconnect", () => resolve(Date.now() - start));
  });

beforeAll(async () => {
  database = await useFreshDatabase("sqlite");
  // The periodic re-check is an hour away: only the revoke call can drop sockets in this test.
  server = await startRealtime({ port: 0, host: "127.0.0.1", redisUrl: null, log: () => {}, recheckMs: 3_600_000 });
  url = `http://127.0.0.1:${server.port}`;
  process.env.REALTIME_INTERNAL_URL = url;
  resetConfigForTests();
  setRevokeSink(null);
  secret = getConfig().authSecret;
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
  await database?.drop();
});

describe("[AUTH] revocation reaches the realtime connection", () => {
  it("drops the sockets of all revoked sessions of a user, keeping the excepted one", async () => {
    const user = await createUser({ email: "rt@example.com", username: "rt", password: "correct horse battery" });
    const a = await createSession(user.id);
    const b = await createSession(user.id);
    const keep = await createSession(user.id);
    const [sa, sb, sk] = await Promise.all([
      connect(user.id, a.sessionId),
      connect(user.id, b.sessionId),
      connect(user.id, keep.sessionId),
    ]);
    const gone = Promise.all([dropped(sa), dropped(sb)]);
    expect(await revokeUserSessions(user.id, { except: keep.sessionId })).toBe(2);
    const times = await gone;
    expect(Math.max(...times)).toBeLessThan(5_000);
    expect(sk.connected).toBe(true);
  });

  it("drops the socket of one revoked session", async () => {
    const user = await createUser({ email: "rt2@example.com", username: "rt2", password: "correct horse battery" });
    const s = await createSession(user.id);
    const socket = await connect(user.id, s.sessionId);
    const gone = dropped(socket);
    await revokeSession(
      { userId: user.id, username: "rt2", isAdmin: false, sessionId: s.sessionId, apiKeyProjectId: null, language: "en" },
      s.sessionId,
    );
    expect(await gone).toBeLessThan(5_000);
  });

  it("refuses a revoke call without the internal key or with a bad body", async () => {
    const noKey = await fetch(`${url}/internal/revoke`, { method: "POST", body: JSON.stringify({ sessionIds: [1] }) });
    expect(noKey.status).toBe(401);
    const headers = { "content-type": "application/json", "x-warmdesk-key": internalPublishKey(secret) };
    const bad = await fetch(`${url}/internal/revoke`, { method: "POST", headers, body: JSON.stringify({ sessionIds: ["x"] }) });
    expect(bad.status).toBe(400);
    const get = await fetch(`${url}/internal/revoke`);
    expect(get.status).toBe(405);
    const ok = await fetch(`${url}/internal/revoke`, { method: "POST", headers, body: JSON.stringify({ sessionIds: [999999] }) });
    expect(await ok.json()).toEqual({ ok: true, disconnected: 0 });
  });
});
