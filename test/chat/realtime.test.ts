// Conversations over a real Socket.IO sidecar: a member joins `conversation:<id>` and receives
// `dm.message`; a non-member's join is refused and they receive nothing of it, also in their own
// room (where members get the message for badges); `notification.created` reaches the user room.
import { io as connectClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor.ts";
import { getConfig, resetConfigForTests } from "../../lib/config.ts";
import { postConversationMessage, startConversation } from "../../lib/conversations/conversations.ts";
import type { WireEvent } from "../../lib/realtime/events.ts";
import { setPublishSink } from "../../lib/realtime/publish.ts";
import { signRealtimeToken } from "../../lib/realtime/token.ts";
import { createUser } from "../../lib/users/users.ts";
import { type RealtimeServer, startRealtime } from "../../server/realtime.ts";
import { availableEngines, type TestDatabase, useFreshDatabase } from "../helpers/db.ts";

const actorOf = (u: { id: number; username: string }): Actor => ({
  userId: u.id,
  username: u.username,
  isAdmin: false,
  sessionId: null,
  apiKeyProjectId: null,
  language: "en",
});

describe.each(availableEngines())("conversation rooms on %s", (engine) => {
  let database: TestDatabase;
  let server: RealtimeServer;
  let url: string;
  let alice: Actor;
  let bob: Actor;
  let eve: Actor;
  const sockets: Socket[] = [];

  const connect = (a: Actor) =>
    new Promise<Socket>((resolve, reject) => {
      const token = signRealtimeToken({ uid: a.userId, sid: null, pid: null }, getConfig().authSecret);
      const socket = connectClient(url, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
      sockets.push(socket);
      socket.once("connect", () => resolve(socket));
      socket.once("connect_error", reject);
    });
  const join = (s: Socket, room: string) => s.emitWithAck("join", { room }) as Promise<{ ok: boolean; error?: { code: string } }>;
  const record = (s: Socket) => {
    const seen: WireEvent[] = [];
    s.on("event", (e: WireEvent) => seen.push(e));
    return seen;
  };
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((r) => setTimeout(r, 10));
  };

  beforeAll(async () => {
    database = await useFreshDatabase(engine);
    server = await startRealtime({ port: 0, host: "127.0.0.1", redisUrl: null, log: () => {} });
    url = `http://127.0.0.1:${server.port}`;
    process.env.REALTIME_INTERNAL_URL = url;
    resetConfigForTests();
    setPublishSink(null);
    const mk = (n: string) => createUser({ email: `${n}@example.com`, username: n, password: "correct horse battery" });
    alice = actorOf(await mk("alice"));
    bob = actorOf(await mk("bob"));
    eve = actorOf(await mk("eve"));
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.close();
    await database?.drop();
  });

  it("delivers dm.message to members only; a non-member's join is refused", async () => {
    const { conversation } = await startConversation(alice, { userIds: [bob.userId] });
    const room = `conversation:${conversation.id}`;
    const a = await connect(alice);
    const b = await connect(bob);
    const e = await connect(eve);
    expect(await join(a, room)).toMatchObject({ ok: true });
    expect(await join(b, room)).toMatchObject({ ok: true });
    expect(await join(e, room)).toEqual({ ok: false, error: { code: "not_found" } });
    expect(await join(b, `user:${bob.userId}`)).toMatchObject({ ok: true });
    expect(await join(e, `user:${eve.userId}`)).toMatchObject({ ok: true });
    const seenA = record(a);
    const seenB = record(b);
    const seenE = record(e);
    const message = await postConversationMessage(alice, conversation.id, { body: "secret plan @eve" });
    await until(
      () =>
        seenA.some((x) => x.type === "dm.message") &&
        seenB.filter((x) => x.type === "dm.message").length === 2 &&
        seenB.some((x) => x.type === "notification.created"),
    );
    expect(seenA.find((x) => x.type === "dm.message")).toMatchObject({
      room,
      data: { id: message.id, body: "secret plan @eve" },
    });
    expect(seenB.map((x) => x.room).sort()).toEqual([room, `user:${bob.userId}`, `user:${bob.userId}`].sort());
    expect(seenB.find((x) => x.type === "notification.created")).toMatchObject({ data: { type: "dm" } });
    // A round trip after the publish: anything for eve would have arrived by now.
    const { conversation: mine } = await startConversation(eve, { userIds: [alice.userId] });
    expect(await join(e, `conversation:${mine.id}`)).toMatchObject({ ok: true });
    await postConversationMessage(alice, mine.id, { body: "ping" });
    await until(() => seenE.some((x) => x.type === "dm.message"));
    expect(seenE.every((x) => x.room !== room)).toBe(true);
    expect(JSON.stringify(seenE)).not.toContain("secret plan");
  });

  it("refuses the room after leaving a group", async () => {
    const { conversation } = await startConversation(alice, { userIds: [bob.userId, eve.userId], name: "Team" });
    const room = `conversation:${conversation.id}`;
    const e = await connect(eve);
    expect(await join(e, room)).toMatchObject({ ok: true });
    const { leaveConversation } = await import("../../lib/conversations/conversations.ts");
    await leaveConversation(eve, conversation.id);
    const again = await connect(eve);
    expect(await join(again, room)).toEqual({ ok: false, error: { code: "not_found" } });
  });
});
