// The browser's realtime connection (components/realtime/connection.ts) against a real sidecar over
// a real database: catch-up after a dropped connection, gaps, presence, typing, and a member who
// loses access mid-session. The board state is the page's own reducer (components/board/board-state.ts).
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
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

/** A free loopback port (nothing listens on it once this returns). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Points the domain's publish() at another sidecar; returns the way back. */
function publishTo(target: string) {
  const before = process.env.REALTIME_INTERNAL_URL;
  process.env.REALTIME_INTERNAL_URL = target;
  resetConfigForTests();
  return () => {
    process.env.REALTIME_INTERNAL_URL = before;
    resetConfigForTests();
  };
}

/** A project with three columns and `n` cards in the first, followed by a connection of alice's. */
async function boardWithCards(name: string, key: string, n: number, sidecarUrl: string) {
  const project = await createProject(alice, { name, key });
  const room = `project:${project.id}`;
  const columns = (await getBoard(alice, project.slug)).columns.map((c) => c.id);
  const keys: string[] = [];
  for (let i = 0; i < n; i++)
    keys.push((await createCard(alice, project.slug, { title: `Card ${i}`, columnId: columns[0] })).key);
  let gate: Promise<void> | null = null;
  let release: (() => void) | null = null;
  const connection = new RealtimeConnection(
    async () => {
      if (gate) await gate;
      return { token: signRealtimeToken({ uid: alice.userId, sid: null, pid: null }, getConfig().authSecret), url: sidecarUrl };
    },
    { retryMinMs: 50, retryMaxMs: 500 },
  );
  connections.push(connection);
  const { view } = followBoard(connection, alice, project.slug, room);
  await until(() => connection.roomStatus(room) === "live" && view.state !== null, "live");
  return {
    project,
    room,
    columns,
    keys,
    connection,
    view,
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

const sameBoard = async (b: Awaited<ReturnType<typeof boardWithCards>>) => {
  const fresh = await getBoard(alice, b.project.slug);
  await until(
    () => b.view.state !== null && JSON.stringify(shape(b.view.state)) === JSON.stringify(shape(fresh)),
    "the client's board to equal the server's",
  );
};

describe("across a sidecar restart (sequence epochs)", () => {
  it("a client offline while the sidecar restarted and 16 moves were made reloads: every card in the right column", async () => {
    const port = await freePort();
    const sidecarUrl = `http://127.0.0.1:${port}`;
    let sidecar = await startRealtime({ port, host: "127.0.0.1", redisUrl: null, log: () => {} });
    const back = publishTo(sidecarUrl);
    try {
      // 12 creates: the client holds seq 12 of the first sidecar's numbering.
      const b = await boardWithCards("Restart", "RST", 12, sidecarUrl);
      await until(() => b.view.events.length === 0 || b.view.state !== null, "settled");
      const epochBefore = (b.connection as unknown as { rooms: Map<string, { epoch: string; seq: number }> }).rooms.get(
        b.room,
      )?.epoch;
      b.goOffline();
      await until(() => b.connection.status === "reconnecting", "the drop to be noticed");
      const reloadsBefore = b.view.reloads;

      // The sidecar goes; 4 moves while it is down (their publishes are kept and retried), then a
      // new sidecar on the same port numbers from 1 again, and 12 more moves: 16 in all.
      await sidecar.close();
      for (let i = 0; i < 4; i++) await moveCard(alice, b.project.slug, b.keys[i], { columnId: b.columns[1 + (i % 2)] });
      sidecar = await startRealtime({ port, host: "127.0.0.1", redisUrl: null, log: () => {} });
      for (let i = 4; i < 16; i++) {
        await moveCard(alice, b.project.slug, b.keys[i % 12], { columnId: b.columns[i % 3] });
      }
      b.goOnline();

      await until(() => b.connection.roomStatus(b.room) === "live", "the reconnect");
      await sameBoard(b);
      // It reloaded (the new numbering cannot be caught up by seq), and follows the new epoch.
      expect(b.view.reloads).toBeGreaterThan(reloadsBefore);
      const after = (b.connection as unknown as { rooms: Map<string, { epoch: string }> }).rooms.get(b.room)?.epoch;
      expect(after).toBeTruthy();
      expect(after).not.toBe(epochBefore);
      // And it stays in step afterwards, event by event.
      const reloads = b.view.reloads;
      await moveCard(alice, b.project.slug, b.keys[11], { columnId: b.columns[2] });
      await sameBoard(b);
      expect(b.view.reloads).toBe(reloads);
    } finally {
      back();
      await sidecar.close();
    }
  });

  it("keeps trying until live when the sidecar answers before the web app (token fetch fails, then refused, then down)", async () => {
    const sidecarPort = await freePort();
    const webPort = await freePort();
    const sidecarUrl = `http://127.0.0.1:${sidecarPort}`;
    const project = await createProject(alice, { name: "Start order", key: "ORD" });
    const room = `project:${project.id}`;
    // The browser's token source: POST to the web app, which is not listening yet.
    let fetches = 0;
    let refuse = true;
    const connection = new RealtimeConnection(
      async () => {
        fetches++;
        const res = await fetch(`http://127.0.0.1:${webPort}/api/realtime/token`, { method: "POST" });
        if (!res.ok) throw new Error(`realtime token: ${res.status}`);
        return res.json();
      },
      { retryMinMs: 50, retryMaxMs: 400 },
    );
    connections.push(connection);
    const { view } = followBoard(connection, alice, project.slug, room);
    let sidecar: RealtimeServer | null = null;
    // A stand-in for the web app's token route, signing with the same secret as the real one. At
    // first it hands out tokens the sidecar refuses (as a half-started app did: an empty token).
    const web = createServer((_req, res) => {
      const token = refuse ? "" : signRealtimeToken({ uid: alice.userId, sid: null, pid: null }, getConfig().authSecret);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ token, url: sidecarUrl }));
    });
    try {
      await until(() => fetches >= 3, "token fetches against a web app that is down");
      expect(connection.status).toBe("reconnecting");
      // The web app is up, the sidecar is not: connect errors, again and again.
      await new Promise<void>((resolve) => web.listen(webPort, "127.0.0.1", resolve));
      const before = fetches;
      await until(() => fetches >= before + 3, "handshakes against a sidecar that is down");
      // The sidecar is up and refuses the empty token (`unauthorized`): still trying.
      sidecar = await startRealtime({ port: sidecarPort, host: "127.0.0.1", redisUrl: null, log: () => {} });
      const refused = fetches;
      await until(() => fetches >= refused + 3, "handshakes the sidecar refuses");
      expect(connection.status).toBe("reconnecting");
      // Good tokens: live, and the board loads.
      refuse = false;
      await until(() => connection.roomStatus(room) === "live" && view.state !== null, "live at last", 15_000);
    } finally {
      connection.stop();
      web.close();
      await sidecar?.close();
    }
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
describe.skipIf(!redisUrl)("across a sidecar restart with Redis (TEST_REDIS_URL)", () => {
  it("a client offline while its sidecar restarted catches up from the shared numbering, without a reload", async () => {
    const prefix = `wdtest-${randomBytes(6).toString("hex")}`;
    const port = await freePort();
    const sidecarUrl = `http://127.0.0.1:${port}`;
    const options = { host: "127.0.0.1", redisUrl, redisPrefix: prefix, log: () => {} };
    let sidecar = await startRealtime({ ...options, port });
    const other = await startRealtime({ ...options, port: 0 });
    const back = publishTo(`http://127.0.0.1:${other.port}`);
    try {
      const b = await boardWithCards("Redis restart", "RDS", 12, sidecarUrl);
      b.goOffline();
      await until(() => b.connection.status === "reconnecting", "the drop to be noticed");
      const reloadsBefore = b.view.reloads;
      await sidecar.close();
      // 16 moves through the other sidecar while this client's sidecar is down.
      for (let i = 0; i < 16; i++) await moveCard(alice, b.project.slug, b.keys[i % 12], { columnId: b.columns[(i % 2) + 1] });
      sidecar = await startRealtime({ ...options, port });
      b.goOnline();
      await until(() => b.connection.roomStatus(b.room) === "live", "the reconnect");
      await sameBoard(b);
      expect(b.view.reloads).toBe(reloadsBefore);
      expect(b.view.events.filter((e) => e.type === "card.moved")).toHaveLength(16);
    } finally {
      back();
      await sidecar.close();
      await other.close();
      const { createClient } = await import("redis");
      const c = createClient({ url: redisUrl });
      await c.connect();
      const keys = await c.keys(`${prefix}:*`);
      if (keys.length) await c.del(keys);
      await c.close();
    }
  });
});
