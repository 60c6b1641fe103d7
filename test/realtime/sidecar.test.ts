// The realtime sidecar, for real: a Socket.IO server on a free port over a fresh SQLite database,
// real socket.io-client connections, real HTTP publishes and the domain's own publish().
import { randomBytes } from "node:crypto";
import { io as connectClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor.ts";
import { createSession, revokeSessionToken } from "../../lib/auth/sessions.ts";
import { createCard, moveCard } from "../../lib/boards/cards.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getConfig, resetConfigForTests } from "../../lib/config.ts";
import { createCustomer, grantCustomerAccess } from "../../lib/customers/customers.ts";
import type { WireEvent } from "../../lib/realtime/events.ts";
import { publish, setPublishSink } from "../../lib/realtime/publish.ts";
import { internalPublishKey, signRealtimeToken } from "../../lib/realtime/token.ts";
import { createEntry } from "../../lib/time/entries.ts";
import { createUser } from "../../lib/users/users.ts";
import { type RealtimeServer, startRealtime } from "../../server/realtime.ts";
import { type TestDatabase, useFreshDatabase } from "../helpers/db.ts";

type Ack = { ok: boolean; seq?: number; epoch?: string; error?: { code: string }; events?: WireEvent[]; reset?: boolean };

const actorOf = (u: { id: number; username: string }, extra: Partial<Actor> = {}): Actor => ({
  userId: u.id,
  username: u.username,
  isAdmin: false,
  sessionId: null,
  apiKeyProjectId: null,
  language: "en",
  ...extra,
});

let database: TestDatabase;
let server: RealtimeServer;
let url: string;
let secret: string;
let alice: Actor;
let bob: Actor;
let project: { id: number; slug: string; key: string };
const sockets: Socket[] = [];

function connect(token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectClient(url, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
    sockets.push(socket);
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (e) => reject(e));
  });
}

const tokenFor = (a: Actor, ttl?: number) =>
  signRealtimeToken({ uid: a.userId, sid: a.sessionId, pid: a.apiKeyProjectId }, secret, ttl);
const emit = (socket: Socket, event: string, payload: unknown) => socket.emitWithAck(event, payload) as Promise<Ack>;

/** Collects `event`s on a socket; `next(n)` resolves with the next n of them. */
function collector(socket: Socket) {
  const seen: WireEvent[] = [];
  let waiter: { n: number; resolve: (e: WireEvent[]) => void } | null = null;
  let taken = 0;
  const check = () => {
    if (waiter && seen.length - taken >= waiter.n) {
      const out = seen.slice(taken, taken + waiter.n);
      taken += waiter.n;
      const w = waiter;
      waiter = null;
      w.resolve(out);
    }
  };
  socket.on("event", (e: WireEvent) => {
    seen.push(e);
    check();
  });
  return {
    seen,
    next: (n: number) =>
      new Promise<WireEvent[]>((resolve) => {
        waiter = { n, resolve };
        check();
      }),
  };
}

async function postPublish(body: unknown, key = internalPublishKey(secret)) {
  return fetch(`${url}/internal/publish`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-warmdesk-key": key },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

beforeAll(async () => {
  database = await useFreshDatabase("sqlite");
  server = await startRealtime({ port: 0, host: "127.0.0.1", redisUrl: null, log: () => {} });
  url = `http://127.0.0.1:${server.port}`;
  // The domain's publish() posts to REALTIME_INTERNAL_URL: point it at this sidecar.
  process.env.REALTIME_INTERNAL_URL = url;
  resetConfigForTests();
  setPublishSink(null);
  secret = getConfig().authSecret;
  const a = await createUser({ email: "alice@example.com", username: "alice", password: "correct horse battery" });
  const b = await createUser({ email: "bob@example.com", username: "bob", password: "correct horse battery" });
  alice = actorOf(a);
  bob = actorOf(b);
  project = await createProject(alice, { name: "Alpha", key: "ALP" });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
  await database?.drop();
});

describe("realtime sidecar", () => {
  it("answers its health check", async () => {
    const res = await fetch(`${url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("lets a member join the project room and refuses a non-member with not_found", async () => {
    const a = await connect(tokenFor(alice));
    expect(await emit(a, "join", { room: `project:${project.id}` })).toEqual({ ok: true, seq: 0, epoch: expect.any(String) });
    const b = await connect(tokenFor(bob));
    expect(await emit(b, "join", { room: `project:${project.id}` })).toEqual({ ok: false, error: { code: "not_found" } });
    expect(await emit(b, "join", { room: `user:${alice.userId}` })).toEqual({ ok: false, error: { code: "not_found" } });
    expect(await emit(b, "join", { room: `user:${bob.userId}` })).toMatchObject({ ok: true });
    expect(await emit(b, "join", { room: "project:99999" })).toEqual({ ok: false, error: { code: "not_found" } });
    expect(await emit(b, "join", { room: "nonsense" })).toMatchObject({ ok: false, error: { code: "validation" } });
  });

  it("refuses bad, forged, expired and revoked tokens", async () => {
    await expect(connect("garbage")).rejects.toThrow(/unauthorized/);
    await expect(connect("")).rejects.toThrow(/unauthorized/);
    const forged = signRealtimeToken({ uid: alice.userId, sid: null, pid: null }, randomBytes(32).toString("hex"));
    await expect(connect(forged)).rejects.toThrow(/unauthorized/);
    await expect(connect(tokenFor(alice, -5))).rejects.toThrow(/unauthorized/);
    await expect(connect(tokenFor(actorOf({ id: 424242, username: "ghost" })))).rejects.toThrow(/unauthorized/);

    const session = await createSession(alice.userId);
    const withSession = actorOf({ id: alice.userId, username: "alice" }, { sessionId: session.sessionId });
    const live = await connect(tokenFor(withSession));
    expect(live.connected).toBe(true);
    const token = tokenFor(withSession);
    await revokeSessionToken(session.token);
    await expect(connect(token)).rejects.toThrow(/unauthorized/);
  });

  it("delivers published events with consecutive seq to members only", async () => {
    const a = await connect(tokenFor(alice));
    const joined = await emit(a, "join", { room: `project:${project.id}` });
    const start = joined.seq as number;
    const epoch = joined.epoch as string;
    expect(epoch).toMatch(/^[a-z0-9]+-[0-9a-f]{8}$/);
    const b = await connect(tokenFor(bob));
    await emit(b, "join", { room: `project:${project.id}` }); // refused
    await emit(b, "join", { room: `user:${bob.userId}` });
    const ca = collector(a);
    const cb = collector(b);

    const res = await postPublish({
      events: [
        { room: `project:${project.id}`, type: "card.created", data: { key: "ALP-1" } },
        { room: `project:${project.id}`, type: "card.updated", data: { key: "ALP-1", title: "x" } },
      ],
    });
    expect(res.status).toBe(202);
    expect(await ca.next(2)).toEqual([
      { room: `project:${project.id}`, seq: start + 1, epoch, type: "card.created", data: { key: "ALP-1" } },
      { room: `project:${project.id}`, seq: start + 2, epoch, type: "card.updated", data: { key: "ALP-1", title: "x" } },
    ]);

    // Events reach a socket in emit order: if bob had received the project's events, they
    // would arrive before this one.
    expect((await postPublish({ events: [{ room: `user:${bob.userId}`, type: "dm.message", data: { n: 1 } }] })).status).toBe(
      202,
    );
    expect(await cb.next(1)).toEqual([{ room: `user:${bob.userId}`, seq: 1, epoch, type: "dm.message", data: { n: 1 } }]);
    expect(cb.seen).toHaveLength(1);
    expect(ca.seen).toHaveLength(2);

    // Through the domain's publish() (batched, HTTP to REALTIME_INTERNAL_URL).
    publish([{ room: `project:${project.id}`, type: "chat.message", data: { body: "hi" } }]);
    expect(await ca.next(1)).toEqual([
      { room: `project:${project.id}`, seq: start + 3, epoch, type: "chat.message", data: { body: "hi" } },
    ]);
  });

  it("answers 401 to a wrong publish key and 400 to a bad body", async () => {
    const ok = { events: [{ room: `project:${project.id}`, type: "card.created", data: {} }] };
    expect((await postPublish(ok, "wrong")).status).toBe(401);
    expect((await postPublish(ok, internalPublishKey(`${secret}x`))).status).toBe(401);
    const noKey = await fetch(`${url}/internal/publish`, { method: "POST", body: JSON.stringify(ok) });
    expect(noKey.status).toBe(401);
    expect((await postPublish("{not json")).status).toBe(400);
    expect((await postPublish({ events: [] })).status).toBe(400);
    const bad = await postPublish({ events: [{ room: "project:x", type: "card.created", data: {} }] });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("validation");
    expect((await postPublish({ events: [{ room: `project:${project.id}`, type: "no.such", data: {} }] })).status).toBe(400);
  });

  it("lets people with access to a customer follow its time entries; others are refused", async () => {
    const admin = actorOf(await createUser({ email: "root@example.com", username: "root", password: "correct horse battery" }), {
      isAdmin: true,
    });
    const carol = actorOf(await createUser({ email: "carol@example.com", username: "carol", password: "correct horse battery" }));
    const customer = await createCustomer(admin, { name: "Acme", slug: "acme-live" });
    await grantCustomerAccess(admin, customer.slug, "alice", { role: "editor" });
    await grantCustomerAccess(admin, customer.slug, "carol", { role: "viewer" });
    const room = `customer:${customer.id}`;
    const c = await connect(tokenFor(carol));
    expect(await emit(c, "join", { room })).toMatchObject({ ok: true });
    const b = await connect(tokenFor(bob));
    expect(await emit(b, "join", { room })).toEqual({ ok: false, error: { code: "not_found" } });
    // A key limited to a project never follows a customer.
    const k = await connect(tokenFor(actorOf({ id: carol.userId, username: "carol" }, { apiKeyProjectId: project.id })));
    expect(await emit(k, "join", { room })).toEqual({ ok: false, error: { code: "not_found" } });

    const seen = collector(c);
    const bobSeen = collector(b);
    const entry = await createEntry(alice, { date: "2026-11-30", minutes: 90, customerSlug: customer.slug });
    const [event] = await seen.next(1);
    expect(event).toMatchObject({ room, type: "time_entry.created", data: { id: entry.id, minutes: 90 } });
    expect(bobSeen.seen).toEqual([]);
  });

  it("delivers a moveCard as card.moved, and sync replays missed events", async () => {
    const card = await createCard(alice, project.slug, { title: "Move me" });
    const a = await connect(tokenFor(alice));
    const joined = await emit(a, "join", { room: `project:${project.id}` });
    expect(joined.ok).toBe(true);
    const ca = collector(a);
    const board = await database.db.column.findMany({
      where: { projectId: project.id },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    const moved = await moveCard(alice, project.slug, card.key, { columnId: board[1].id });
    const [event] = await ca.next(1);
    expect(event.type).toBe("card.moved");
    expect(event.seq).toBe((joined.seq as number) + 1);
    expect(event.data).toMatchObject({ key: card.key, columnId: board[1].id, version: moved.version });

    // A client that missed everything since `joined.seq - 1` catches up; one that is current gets nothing.
    const sync = await emit(a, "sync", { room: `project:${project.id}`, since: (joined.seq as number) - 1 });
    expect(sync.ok).toBe(true);
    expect(sync.events?.map((e) => e.seq)).toEqual([joined.seq, (joined.seq as number) + 1]);
    expect(sync.events?.[1]).toEqual(event);
    expect(await emit(a, "sync", { room: `project:${project.id}`, since: event.seq })).toEqual({
      ok: true,
      events: [],
      epoch: joined.epoch,
    });
    // With the epoch it holds, the same answer; with another epoch (the numbers began again), reload.
    expect(await emit(a, "sync", { room: `project:${project.id}`, since: event.seq, epoch: joined.epoch })).toEqual({
      ok: true,
      events: [],
      epoch: joined.epoch,
    });
    expect(await emit(a, "sync", { room: `project:${project.id}`, since: event.seq, epoch: "old-epoch" })).toEqual({
      ok: true,
      reset: true,
      seq: event.seq,
      epoch: joined.epoch,
    });
    // A number from the future (a client without epoch, from before a sidecar restart) means: reload.
    expect(await emit(a, "sync", { room: `project:${project.id}`, since: event.seq + 100 })).toMatchObject({
      ok: true,
      reset: true,
    });
    expect(await emit(a, "sync", { room: `project:${project.id}`, since: 0, epoch: 42 })).toMatchObject({
      ok: false,
      error: { code: "validation" },
    });
    // Only rooms the socket joined.
    const b = await connect(tokenFor(bob));
    expect(await emit(b, "sync", { room: `project:${project.id}`, since: 0 })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
  });

  it("starts a new epoch when the web app reports lost events, and tells every socket to reload", async () => {
    const a = await connect(tokenFor(alice));
    const before = await emit(a, "join", { room: `project:${project.id}` });
    const resync = new Promise<{ epoch: string }>((resolve) => a.once("resync", resolve));
    const ca = collector(a);
    const res = await postPublish({
      lost: true,
      events: [{ room: `project:${project.id}`, type: "card.created", data: { key: "ALP-9" } }],
    });
    expect(res.status).toBe(202);
    const { epoch } = await resync;
    expect(epoch).not.toBe(before.epoch);
    // The batch that came with it is numbered in the new epoch, after the room's numbers.
    expect(await ca.next(1)).toEqual([
      { room: `project:${project.id}`, seq: (before.seq as number) + 1, epoch, type: "card.created", data: { key: "ALP-9" } },
    ]);
    expect(await emit(a, "join", { room: `project:${project.id}` })).toEqual({
      ok: true,
      seq: (before.seq as number) + 1,
      epoch,
    });
    // A report with nothing else to publish is accepted too.
    expect((await postPublish({ events: [], lost: true })).status).toBe(202);
    expect((await emit(a, "join", { room: `project:${project.id}` })).epoch).not.toBe(epoch);
  });

  it("tells its sockets to reconnect when it stops, and a new sidecar is another epoch", async () => {
    const other = await startRealtime({ port: 0, host: "127.0.0.1", redisUrl: null, log: () => {} });
    const s = await new Promise<Socket>((resolve, reject) => {
      const c = connectClient(`http://127.0.0.1:${other.port}`, {
        auth: { token: tokenFor(alice) },
        transports: ["websocket"],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(c);
      c.once("connect", () => resolve(c));
      c.once("connect_error", reject);
    });
    const first = await emit(s, "join", { room: `project:${project.id}` });
    const hint = new Promise((resolve) => s.once("shutdown", resolve));
    const gone = new Promise((resolve) => s.once("disconnect", resolve));
    await other.close();
    expect(await hint).toEqual({ reconnect: true });
    expect(await gone).toBe("transport close");
    const a = await connect(tokenFor(alice));
    expect((await emit(a, "join", { room: `project:${project.id}` })).epoch).not.toBe(first.epoch);
  });

  it("stops delivering after leave", async () => {
    const a = await connect(tokenFor(alice));
    await emit(a, "join", { room: `project:${project.id}` });
    await emit(a, "join", { room: `user:${alice.userId}` });
    const ca = collector(a);
    await emit(a, "leave", { room: `project:${project.id}` });
    await postPublish({
      events: [
        { room: `project:${project.id}`, type: "card.deleted", data: { key: "ALP-9" } },
        { room: `user:${alice.userId}`, type: "dm.message", data: {} },
      ],
    });
    const [only] = await ca.next(1);
    expect(only.room).toBe(`user:${alice.userId}`);
    expect(ca.seen).toHaveLength(1);
  });
});

describe("periodic re-check", () => {
  it("disconnects a socket whose session was revoked, and keeps the others", async () => {
    const fast = await startRealtime({ port: 0, host: "127.0.0.1", redisUrl: null, log: () => {}, recheckMs: 200 });
    const open: Socket[] = [];
    const connectTo = (token: string) =>
      new Promise<Socket>((resolve, reject) => {
        const s = connectClient(`http://127.0.0.1:${fast.port}`, {
          auth: { token },
          transports: ["websocket"],
          reconnection: false,
          forceNew: true,
        });
        open.push(s);
        s.once("connect", () => resolve(s));
        s.once("connect_error", reject);
      });
    try {
      const session = await createSession(alice.userId);
      const revoked = await connectTo(
        tokenFor(actorOf({ id: alice.userId, username: "alice" }, { sessionId: session.sessionId })),
      );
      const other = await connectTo(tokenFor(alice));
      const gone = new Promise<string>((resolve) => revoked.once("disconnect", (reason) => resolve(reason)));
      await revokeSessionToken(session.token);
      expect(await gone).toBe("io server disconnect");
      expect(other.connected).toBe(true);
      expect(await emit(other, "join", { room: `project:${project.id}` })).toMatchObject({ ok: true });
    } finally {
      for (const s of open) s.disconnect();
      await fast.close();
    }
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
describe.skipIf(!redisUrl)("two sidecars joined by Redis (TEST_REDIS_URL)", () => {
  it("delivers an event published through one sidecar to clients of both, with the same seq", async () => {
    const prefix = `wdtest-${randomBytes(6).toString("hex")}`;
    const s1 = await startRealtime({ port: 0, host: "127.0.0.1", redisUrl, redisPrefix: prefix, log: () => {} });
    const s2 = await startRealtime({ port: 0, host: "127.0.0.1", redisUrl, redisPrefix: prefix, log: () => {} });
    const open: Socket[] = [];
    const connectTo = (port: number) =>
      new Promise<Socket>((resolve, reject) => {
        const s = connectClient(`http://127.0.0.1:${port}`, {
          auth: { token: tokenFor(alice) },
          transports: ["websocket"],
          reconnection: false,
          forceNew: true,
        });
        open.push(s);
        s.once("connect", () => resolve(s));
        s.once("connect_error", reject);
      });
    try {
      const c1 = await connectTo(s1.port);
      const c2 = await connectTo(s2.port);
      const room = `project:${project.id}`;
      const j1 = await emit(c1, "join", { room });
      expect(j1).toEqual({ ok: true, seq: 0, epoch: expect.any(String) });
      // Sidecars sharing Redis share one numbering, epoch included.
      expect(await emit(c2, "join", { room })).toEqual(j1);
      const k1 = collector(c1);
      const k2 = collector(c2);
      const post = (port: number, type: string) =>
        fetch(`http://127.0.0.1:${port}/internal/publish`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-warmdesk-key": internalPublishKey(secret) },
          body: JSON.stringify({ events: [{ room, type, data: { via: port } }] }),
        });
      expect((await post(s1.port, "card.created")).status).toBe(202);
      const [e1] = await k1.next(1);
      const [e2] = await k2.next(1);
      expect(e1).toEqual({ room, seq: 1, epoch: j1.epoch, type: "card.created", data: { via: s1.port } });
      expect(e2).toEqual(e1);
      // The other sidecar continues the same sequence, and replays what the first one published.
      expect((await post(s2.port, "card.updated")).status).toBe(202);
      expect((await k1.next(1))[0].seq).toBe(2);
      expect((await k2.next(1))[0].seq).toBe(2);
      const sync = await emit(c2, "sync", { room, since: 0, epoch: j1.epoch });
      expect(sync.events?.map((e) => e.seq)).toEqual([1, 2]);

      // A sidecar restart keeps the numbering (it lives in Redis): a client of the old one catches up.
      await s1.close();
      const s3 = await startRealtime({ port: 0, host: "127.0.0.1", redisUrl, redisPrefix: prefix, log: () => {} });
      try {
        const c3 = await connectTo(s3.port);
        expect(await emit(c3, "join", { room })).toEqual({ ok: true, seq: 2, epoch: j1.epoch });
        expect((await emit(c3, "sync", { room, since: 1, epoch: j1.epoch })).events?.map((e) => e.seq)).toEqual([2]);

        // Redis lost its data (a restart without persistence): the numbers begin again under a new
        // epoch, on every sidecar, and a client holding the old one is told to reload.
        const { createClient } = await import("redis");
        const admin = createClient({ url: redisUrl });
        await admin.connect();
        await admin.del(await admin.keys(`${prefix}:*`));
        await admin.close();
        const again = await emit(c3, "join", { room });
        expect(again).toMatchObject({ ok: true, seq: 0 });
        expect(again.epoch).not.toBe(j1.epoch);
        expect(await emit(c2, "join", { room })).toEqual(again);
        expect(await emit(c2, "sync", { room, since: 2, epoch: j1.epoch })).toEqual({
          ok: true,
          reset: true,
          seq: 0,
          epoch: again.epoch,
        });
      } finally {
        await s3.close();
      }
    } finally {
      for (const s of open) s.disconnect();
      await s1.close().catch(() => {});
      await s2.close();
      const { createClient } = await import("redis");
      const c = createClient({ url: redisUrl });
      await c.connect();
      const keys = await c.keys(`${prefix}:*`);
      if (keys.length) await c.del(keys);
      await c.close();
    }
  });
});
