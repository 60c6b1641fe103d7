// [SECURITY] A live connection never outlives the authority it was opened with: a revoked or
// expired API key's socket is dropped (at once when revoked through the app) and cannot join
// anything meanwhile; a demoted administrator keeps only the rooms they may still read. Real
// sidecars, real Socket.IO clients, tokens from the real token route.
import { io as connectClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as tokenPost } from "../../app/api/realtime/token/route.ts";
import type { Actor } from "../../lib/auth/actor.ts";
import { revokeApiKey } from "../../lib/auth/api-keys.ts";
import { createSession } from "../../lib/auth/sessions.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getConfig, resetConfigForTests } from "../../lib/config.ts";
import { getDb } from "../../lib/db/client.ts";
import { setRevokeSink } from "../../lib/realtime/publish.ts";
import { signRealtimeToken } from "../../lib/realtime/token.ts";
import { adminUpdateUser } from "../../lib/users/admin.ts";
import { type RealtimeServer, startRealtime } from "../../server/realtime.ts";
import { call, freshWorld, keyFor, type Person, person } from "../api/helpers.ts";

type Ack = { ok: boolean; error?: { code: string } };

let world: Awaited<ReturnType<typeof freshWorld>>;
/** Re-checks only when told (an hour away): what happens at once is the revoke call's doing. */
let still: RealtimeServer;
/** Re-checks every 200 ms. */
let busy: RealtimeServer;
let ann: Person;
let project: { id: number; slug: string };
const sockets: Socket[] = [];

function connect(server: RealtimeServer, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectClient(`http://127.0.0.1:${server.port}`, {
      auth: { token },
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}
const tokenOf = async (key: string) => (await call(tokenPost, { key, method: "POST" })).json.token as string;
const join = (s: Socket, room: string) => s.emitWithAck("join", { room }) as Promise<Ack>;
const dropped = (s: Socket) => new Promise<void>((resolve) => s.once("disconnect", () => resolve()));
const browserOf = async (p: Person): Promise<Actor> => ({ ...p.actor, sessionId: (await createSession(p.id)).sessionId });

beforeAll(async () => {
  world = await freshWorld("sqlite");
  still = await startRealtime({ port: 0, host: "127.0.0.1", redisUrl: null, log: () => {}, recheckMs: 3_600_000 });
  busy = await startRealtime({ port: 0, host: "127.0.0.1", redisUrl: null, log: () => {}, recheckMs: 200 });
  // The app tells the first sidecar about revocations.
  process.env.REALTIME_INTERNAL_URL = `http://127.0.0.1:${still.port}`;
  resetConfigForTests();
  setRevokeSink(null);
  ann = await person("ann");
  project = await createProject(ann.actor, { name: "Alpha", key: "ALP" });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await still?.close();
  await busy?.close();
  await world?.close();
});

describe("[SECURITY] realtime authority is re-checked", () => {
  it("drops a key's socket the moment the key is revoked", async () => {
    const { key } = await keyFor(ann.id, project.id);
    const socket = await connect(still, await tokenOf(key));
    expect(await join(socket, `project:${project.id}`)).toMatchObject({ ok: true });
    const row = await getDb().apiKey.findFirstOrThrow({ where: { userId: ann.id, projectId: project.id } });
    const gone = dropped(socket);
    await revokeApiKey(await browserOf(ann), row.id);
    await gone;
    expect(socket.connected).toBe(false);
  });

  it("refuses a join on a socket whose key was revoked meanwhile, and drops it", async () => {
    const { key } = await keyFor(ann.id, null);
    const socket = await connect(still, await tokenOf(key));
    const row = await getDb().apiKey.findFirstOrThrow({ where: { userId: ann.id, projectId: null }, orderBy: { id: "desc" } });
    // Revoked behind the app's back: no revoke call reaches the sidecar.
    await getDb().apiKey.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    const gone = dropped(socket);
    expect(await join(socket, `project:${project.id}`)).toEqual({ ok: false, error: { code: "unauthorized" } });
    await gone;
  });

  it("drops a key's socket on the next re-check once the key expired", async () => {
    const { key } = await keyFor(ann.id, null);
    const socket = await connect(busy, await tokenOf(key));
    expect(await join(socket, `user:${ann.id}`)).toMatchObject({ ok: true });
    const row = await getDb().apiKey.findFirstOrThrow({ where: { userId: ann.id, projectId: null }, orderBy: { id: "desc" } });
    const gone = dropped(socket);
    await getDb().apiKey.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await gone;
  });

  it("takes the rooms a demoted administrator only had as administrator", async () => {
    const root = await person("root", { admin: true });
    const former = await person("former", { admin: true });
    const own = await createProject(former.actor, { name: "Own", key: "OWN" });
    const browser = await browserOf(former);
    const token = signRealtimeToken({ uid: former.id, sid: browser.sessionId, pid: null }, getConfig().authSecret);
    const socket = await connect(busy, token);
    expect(await join(socket, `project:${project.id}`)).toMatchObject({ ok: true });
    expect(await join(socket, `project:${own.id}`)).toMatchObject({ ok: true });
    const left = new Promise<string>((resolve) => socket.once("left", (e: { room: string }) => resolve(e.room)));
    await adminUpdateUser(root.actor, former.id, { role: "user" });
    expect(await left).toBe(`project:${project.id}`);
    // Still connected, still in the project they are a member of, and refused the other from now on.
    expect(socket.connected).toBe(true);
    expect(await join(socket, `project:${own.id}`)).toMatchObject({ ok: true });
    expect(await join(socket, `project:${project.id}`)).toEqual({ ok: false, error: { code: "not_found" } });
  });
});
