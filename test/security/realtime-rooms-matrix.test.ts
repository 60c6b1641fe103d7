// [SECURITY] The realtime rooms matrix: every actor asks to join every kind of room (project:,
// user:, conversation:, customer:) on a real sidecar through a real Socket.IO client, with a token
// from the real token route, and gets exactly what it may read: `ok` for its own rooms, `not_found`
// for everything else (never a hint that the room exists). Revoked and disabled credentials get no
// token at all. Each actor connects once and asks for every room on the same socket, so one grant
// cannot leak into the next answer.
import { io as connectClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as tokenPost } from "../../app/api/realtime/token/route.ts";
import { addMember, removeMember } from "../../lib/boards/members.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { resetConfigForTests } from "../../lib/config.ts";
import { startConversation } from "../../lib/conversations/conversations.ts";
import { createCustomer, grantCustomerAccess } from "../../lib/customers/customers.ts";
import { setPublishSink } from "../../lib/realtime/publish.ts";
import { type RealtimeServer, startRealtime } from "../../server/realtime.ts";
import { browserSession, call, freshWorld, keyFor, person } from "../api/helpers.ts";

type Ack = { ok: boolean; error?: { code: string } };
type Credential = { key?: string; headers?: Record<string, string> };

let world: Awaited<ReturnType<typeof freshWorld>>;
let server: RealtimeServer;
const sockets: Socket[] = [];
let rooms: Record<string, string>;
let actors: Record<string, Credential>;
let refused: Record<string, Credential>;

/** Who may join which room; every other actor gets `not_found`. */
const ALLOWED: Record<string, string[]> = {
  // The admin's key limited to alpha is an admin inside alpha only.
  "project alpha": [
    "owner",
    "member",
    "viewer",
    "admin",
    "member's key for alpha",
    "admin's key for alpha",
    "member's browser session",
  ],
  "project beta": ["outsider", "admin", "outsider's key for beta"],
  "member's own room": ["member", "member's browser session"],
  "viewer's own room": ["viewer"],
  "conversation of member and viewer": ["member", "viewer", "member's browser session"],
  "customer Acme": ["admin", "customer viewer"],
};

async function tokenFor(c: Credential) {
  return call(tokenPost, { key: c.key, headers: c.headers, method: "POST" });
}

async function socketFor(c: Credential): Promise<Socket> {
  const { status, json } = await tokenFor(c);
  expect(status).toBe(200);
  return new Promise((resolve, reject) => {
    const socket = connectClient(`http://127.0.0.1:${server.port}`, {
      auth: { token: json.token },
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

beforeAll(async () => {
  world = await freshWorld("sqlite");
  server = await startRealtime({ port: 0, host: "127.0.0.1", redisUrl: null, log: () => {} });
  process.env.REALTIME_INTERNAL_URL = `http://127.0.0.1:${server.port}`;
  resetConfigForTests();
  setPublishSink(null);
  const admin = await person("root", { admin: true });
  const owner = await person("owner");
  const member = await person("member");
  const viewer = await person("viewer");
  const outsider = await person("outsider");
  const removed = await person("removed");
  const customerViewer = await person("accountant");
  const disabled = await person("disabled");
  const alpha = await createProject(owner.actor, { name: "Alpha", key: "ALP" });
  const beta = await createProject(outsider.actor, { name: "Beta", key: "BET" });
  await addMember(owner.actor, alpha.slug, { username: "member", role: "member" });
  await addMember(owner.actor, alpha.slug, { username: "viewer", role: "viewer" });
  await addMember(owner.actor, alpha.slug, { username: "removed", role: "member" });
  await removeMember(owner.actor, alpha.slug, "removed");
  const dm = await startConversation(member.actor, { userIds: [viewer.id] });
  const acme = await createCustomer(admin.actor, { name: "Acme" });
  await grantCustomerAccess(admin.actor, acme.slug, "accountant", { role: "viewer" });
  const acmeRow = await world.database.db.customer.findFirstOrThrow({ where: { slug: acme.slug }, select: { id: true } });
  rooms = {
    "project alpha": `project:${alpha.id}`,
    "project beta": `project:${beta.id}`,
    "member's own room": `user:${member.id}`,
    "viewer's own room": `user:${viewer.id}`,
    "conversation of member and viewer": `conversation:${dm.conversation.id}`,
    "customer Acme": `customer:${acmeRow.id}`,
  };
  actors = {
    owner: { key: owner.key },
    member: { key: member.key },
    viewer: { key: viewer.key },
    outsider: { key: outsider.key },
    "removed member": { key: removed.key },
    admin: { key: admin.key },
    "customer viewer": { key: customerViewer.key },
    "member's key for alpha": { key: (await keyFor(member.id, alpha.id)).key },
    "outsider's key for beta": { key: (await keyFor(outsider.id, beta.id)).key },
    "admin's key for alpha": { key: (await keyFor(admin.id, alpha.id)).key },
    "member's browser session": { headers: (await browserSession(member.id)).headers },
  };
  const revoked = await keyFor(member.id, null);
  const revokedRow = await world.database.db.apiKey.findFirstOrThrow({ where: { userId: member.id }, orderBy: { id: "desc" } });
  await world.database.db.apiKey.update({ where: { id: revokedRow.id }, data: { revokedAt: new Date() } });
  await world.database.db.user.update({ where: { id: disabled.id }, data: { isActive: false } });
  refused = {
    anonymous: {},
    "revoked key": { key: revoked.key },
    "disabled user's key": { key: disabled.key },
    "a forged session cookie": { headers: { cookie: "next-auth.session-token=forged", origin: "http://localhost:3000" } },
  };
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
  await world?.close();
});

describe("[SECURITY] realtime rooms matrix", () => {
  it("lets each actor join exactly the rooms it may read, and answers not_found for the rest", async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const [actor, credential] of Object.entries(actors)) {
      const socket = await socketFor(credential);
      for (const [name, room] of Object.entries(rooms)) {
        const ack = (await socket.emitWithAck("join", { room })) as Ack;
        const expected = ALLOWED[name].includes(actor) ? "ok" : "not_found";
        const got = ack.ok ? "ok" : (ack.error?.code ?? "?");
        checked++;
        if (got !== expected) wrong.push(`${actor} joining ${name}: ${got}, expected ${expected}`);
      }
      socket.disconnect();
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(Object.keys(actors).length * Object.keys(rooms).length);
  });

  it("gives no realtime token to anonymous, revoked or disabled credentials", async () => {
    for (const [actor, credential] of Object.entries(refused)) {
      const { status } = await tokenFor(credential);
      expect({ actor, status }).toEqual({ actor, status: 401 });
    }
  });

  it("refuses rooms that are not one of the four kinds, or not a number", async () => {
    const socket = await socketFor(actors.admin);
    for (const room of ["project:", "project:1 ", "projects:1", "team:1", "user:-1", "user:1.5", "internal", "", "project:1:x"]) {
      const ack = (await socket.emitWithAck("join", { room })) as Ack;
      expect({ room, ok: ack.ok }).toEqual({ room, ok: false });
    }
    socket.disconnect();
  });
});
