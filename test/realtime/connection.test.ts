// The browser's realtime connection (components/realtime/connection.ts) against a real sidecar over
// a real database: catch-up after a dropped connection, gaps, presence, typing, and a member who
// loses access mid-session. The board state is the page's own reducer (components/board/board-state.ts).
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyEvent, type BoardState } from "../../components/board/board-state.ts";
import { RealtimeConnection, type RoomHandlers } from "../../components/realtime/connection.ts";
import type { Actor } from "../../lib/auth/actor.ts";
import { getBoard } from "../../lib/boards/board.ts";
import { createCard, updateCard } from "../../lib/boards/cards.ts";
import { addMember, removeMember } from "../../lib/boards/members.ts";
import { moveCard } from "../../lib/boards/move-card.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getConfig, resetConfigForTests } from "../../lib/config.ts";
import type { PresenceUser, WireEvent } from "../../lib/realtime/events.ts";
import { setPublishSink } from "../../lib/realtime/publish.ts";
import { signRealtimeToken } from "../../lib/realtime/token.ts";
import { createUser } from "../../lib/users/users.ts";
import { type RealtimeServer, startRealtime } from "../../server/realtime.ts";
import { type TestDatabase, useFreshDatabase } from "../helpers/db.ts";

const actorOf = (u: { id: number; username: string }): Actor => ({
  userId: u.id,
  username: u.username,
  isAdmin: false,
  sessionId: null,
  apiKeyProjectId: null,
  language: "en",
});

let database: TestDatabase;
let server: RealtimeServer;
let url: string;
let alice: Actor;
let bob: Actor;
const connections: RealtimeConnection[] = [];

/** A connection whose token source can be held shut (the network is "down" while `offline` is set). */
function connectionFor(actor: Actor) {
  let release: (() => void) | null = null;
  let gate: Promise<void> | null = null;
  const getToken = async () => {
    if (gate) await gate;
    const token = signRealtimeToken({ uid: actor.userId, sid: null, pid: null }, getConfig().authSecret);
    return { token, url };
  };
  const connection = new RealtimeConnection(getToken);
  connections.push(connection);
  return {
    connection,
    /** Drops the transport (like a network cut) and keeps reconnects waiting until `goOnline`. */
    goOffline() {
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      (connection as unknown as { socket: Socket }).socket.io.engine.close();
    },
    goOnline() {
      gate = null;
      release?.();
    },
  };
}

const until = async (check: () => boolean | Promise<boolean>, what: string, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** What the board page keeps: the board, updated by events, reloaded on resync. */
function followBoard(connection: RealtimeConnection, actor: Actor, slug: string, room: string) {
  const view = { state: null as BoardState | null, events: [] as WireEvent[], reloads: 0 };
  const handlers: RoomHandlers = {
    onEvent: (e) => {
      view.events.push(e);
      if (view.state) view.state = applyEvent(view.state, e);
    },
    onResync: () => {
      view.reloads++;
      void getBoard(actor, slug).then((b) => {
        view.state = b as unknown as BoardState;
      });
    },
  };
  const unsubscribe = connection.subscribe(room, handlers);
  return { view, handlers, unsubscribe };
}

/** The parts of a board a person sees: columns in order, each with its cards' keys, titles and columns. */
const shape = (b: BoardState | Awaited<ReturnType<typeof getBoard>>) =>
  b.columns.map((c) => ({ name: c.name, cards: c.cards.map((x) => `${x.key}:${x.title}:${x.columnId}`) }));

beforeAll(async () => {
  database = await useFreshDatabase("sqlite");
  server = await startRealtime({ port: 0, host: "127.0.0.1", redisUrl: null, log: () => {}, recheckMs: 60_000 });
  url = `http://127.0.0.1:${server.port}`;
  process.env.REALTIME_INTERNAL_URL = url;
  resetConfigForTests();
  setPublishSink(null);
  alice = actorOf(await createUser({ email: "alice@example.com", username: "alice", password: "correct horse battery" }));
  bob = actorOf(await createUser({ email: "bob@example.com", username: "bob", password: "correct horse battery" }));
});

afterAll(async () => {
  for (const c of connections) c.stop();
  await server?.close();
  await database?.drop();
});

describe("the browser's realtime connection", () => {
  it("catches up after a dropped connection: 20 changes later its board equals a fresh load, without a reload", async () => {
    const project = await createProject(alice, { name: "Catch up", key: "CAT" });
    const room = `project:${project.id}`;
    const net = connectionFor(alice);
    const { view } = followBoard(net.connection, alice, project.slug, room);
    await until(() => net.connection.roomStatus(room) === "live" && view.state !== null, "live");
    const columns = (await getBoard(alice, project.slug)).columns.map((c) => c.id);
    const reloadsBefore = view.reloads;

    net.goOffline();
    await until(() => net.connection.status === "reconnecting", "the drop to be noticed");
    const keys: string[] = [];
    for (let i = 0; i < 8; i++)
      keys.push((await createCard(alice, project.slug, { title: `Card ${i}`, columnId: columns[0] })).key);
    for (let i = 0; i < 8; i++) await moveCard(alice, project.slug, keys[i], { columnId: columns[(i % 2) + 1] });
    for (let i = 0; i < 4; i++) await updateCard(alice, project.slug, keys[i], { title: `Renamed ${i}` });
    net.goOnline();

    await until(() => net.connection.roomStatus(room) === "live", "the reconnect");
    const fresh = await getBoard(alice, project.slug);
    await until(() => view.state !== null && JSON.stringify(shape(view.state)) === JSON.stringify(shape(fresh)), "the catch-up");
    // Caught up from the sidecar's buffer, event by event, in order.
    expect(view.reloads).toBe(reloadsBefore);
    const seqs = view.events.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0] + i));
    expect(view.events.length).toBeGreaterThanOrEqual(20);
  });

  it("reloads instead when more was missed than the sidecar keeps", async () => {
    // A sidecar that keeps only 10 events per room, so that a short outage outruns it.
    const small = await startRealtime({ port: 0, host: "127.0.0.1", redisUrl: null, log: () => {}, replayBuffer: 10 });
    const mainUrl = url;
    url = `http://127.0.0.1:${small.port}`;
    process.env.REALTIME_INTERNAL_URL = url;
    resetConfigForTests();
    try {
      const project = await createProject(alice, { name: "Too much", key: "TOO" });
      const room = `project:${project.id}`;
      const net = connectionFor(alice);
      const { view } = followBoard(net.connection, alice, project.slug, room);
      await until(() => net.connection.roomStatus(room) === "live" && view.state !== null, "live");
      const reloadsBefore = view.reloads;
      net.goOffline();
      await until(() => net.connection.status === "reconnecting", "the drop to be noticed");
      const card = await createCard(alice, project.slug, { title: "Busy" });
      for (let i = 0; i < 15; i++) await updateCard(alice, project.slug, card.key, { title: `Busy ${i}` });
      await updateCard(alice, project.slug, card.key, { title: "Settled" });
      net.goOnline();
      await until(() => view.reloads > reloadsBefore, "a reload");
      const fresh = await getBoard(alice, project.slug);
      await until(
        () => view.state !== null && JSON.stringify(shape(view.state)) === JSON.stringify(shape(fresh)),
        "the reloaded board",
      );
      expect(JSON.stringify(shape(fresh))).toContain("Settled");
    } finally {
      url = mainUrl;
      process.env.REALTIME_INTERNAL_URL = url;
      resetConfigForTests();
      await small.close();
    }
  });

  it("shows who else is in the room, and drops a closed tab at once", async () => {
    const project = await createProject(alice, { name: "Presence", key: "PRE" });
    await addMember(alice, project.slug, { username: "bob", role: "member" });
    const room = `project:${project.id}`;
    const a = connectionFor(alice).connection;
    const b = connectionFor(bob).connection;
    let seenByAlice: PresenceUser[] = [];
    const aliceHandlers: RoomHandlers = { onPresence: (u) => (seenByAlice = u) };
    a.subscribe(room, aliceHandlers);
    a.setPresence(room, aliceHandlers, {});
    const bobHandlers: RoomHandlers = {};
    b.subscribe(room, bobHandlers);
    await until(() => a.roomStatus(room) === "live" && b.roomStatus(room) === "live", "both live");
    a.setPresence(room, aliceHandlers, {});
    await until(() => seenByAlice.map((u) => u.username).join() === "alice", "alice alone");

    b.setPresence(room, bobHandlers, { card: "PRE-1", editing: true });
    await until(() => seenByAlice.length === 2, "bob appears");
    expect(seenByAlice.find((u) => u.username === "bob")).toMatchObject({ card: "PRE-1", editing: true });

    b.stop(); // the tab closes
    await until(() => seenByAlice.map((u) => u.username).join() === "alice", "bob gone", 3000);
  });

  it("relays typing to the others in the room, not back to the typist", async () => {
    const project = await createProject(alice, { name: "Typing", key: "TYP" });
    await addMember(alice, project.slug, { username: "bob", role: "member" });
    const room = `project:${project.id}`;
    const a = connectionFor(alice).connection;
    const b = connectionFor(bob).connection;
    const heardByAlice: string[] = [];
    const heardByBob: string[] = [];
    a.subscribe(room, { onTyping: (u) => heardByAlice.push(u.username) });
    b.subscribe(room, { onTyping: (u) => heardByBob.push(u.username) });
    await until(() => a.roomStatus(room) === "live" && b.roomStatus(room) === "live", "both live");
    b.typing(room);
    await until(() => heardByAlice.length === 1, "alice hears bob");
    expect(heardByAlice).toEqual(["bob"]);
    expect(heardByBob).toEqual([]);
  });

  it("takes the room away from a removed member before the project's next event", async () => {
    const project = await createProject(alice, { name: "Removal", key: "REM" });
    await addMember(alice, project.slug, { username: "bob", role: "member" });
    const room = `project:${project.id}`;
    const b = connectionFor(bob).connection;
    const bobEvents: WireEvent[] = [];
    let denied = false;
    b.subscribe(`user:${bob.userId}`, { onEvent: (e) => bobEvents.push(e) });
    b.subscribe(room, { onEvent: (e) => bobEvents.push(e), onDenied: () => (denied = true) });
    await until(() => b.roomStatus(room) === "live", "bob live");
    await createCard(alice, project.slug, { title: "Before" });
    await until(() => bobEvents.some((e) => e.type === "card.created"), "bob sees the first card");

    await removeMember(alice, project.slug, "bob");
    // Published right after the removal: Bob must not get it.
    await createCard(alice, project.slug, { title: "After" });
    await until(() => denied, "bob told the room is gone");
    // An event of the project after the removal proves the room is quiet for Bob.
    const watcher = connectionFor(alice).connection;
    const aliceEvents: WireEvent[] = [];
    watcher.subscribe(room, { onEvent: (e) => aliceEvents.push(e) });
    await until(() => watcher.roomStatus(room) === "live", "alice live");
    await createCard(alice, project.slug, { title: "Later" });
    await until(() => aliceEvents.length > 0, "alice sees the later card");
    const titles = bobEvents.filter((e) => e.type === "card.created").map((e) => (e.data as { title: string }).title);
    expect(titles).toEqual(["Before"]);
    expect(bobEvents.some((e) => e.type === "project.access_removed")).toBe(true);
  });
});
