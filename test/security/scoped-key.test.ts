// [SECURITY] A key limited to one project sees nothing outside that project: not its owner's
// account (sessions, keys, profile, notifications, conversations, timer, customers), not its
// owner's own realtime room, not other projects. Real routes, a real sidecar, real Socket.IO clients.
import { io as connectClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as tokenPost } from "../../app/api/realtime/token/route.ts";
import { GET as conversationsGet } from "../../app/api/v1/conversations/route.ts";
import { GET as customersGet } from "../../app/api/v1/customers/route.ts";
import { GET as keysGet } from "../../app/api/v1/me/api-keys/route.ts";
import { GET as meGet } from "../../app/api/v1/me/route.ts";
import { GET as sessionsGet } from "../../app/api/v1/me/sessions/route.ts";
import { GET as unreadGet } from "../../app/api/v1/me/unread/route.ts";
import { GET as notificationsGet } from "../../app/api/v1/notifications/route.ts";
import { GET as projectGet } from "../../app/api/v1/projects/[slug]/route.ts";
import { GET as projectsGet } from "../../app/api/v1/projects/route.ts";
import { GET as timerGet } from "../../app/api/v1/timer/route.ts";
import { authenticate } from "../../lib/auth/request.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { resetConfigForTests } from "../../lib/config.ts";
import { postConversationMessage, startConversation } from "../../lib/conversations/conversations.ts";
import { createCustomer } from "../../lib/customers/customers.ts";
import { setPublishSink } from "../../lib/realtime/publish.ts";
import { type RealtimeServer, startRealtime } from "../../server/realtime.ts";
import { browserSession, call, freshWorld, keyFor, type Person, person } from "../api/helpers.ts";

type Ack = { ok: boolean; seq?: number; error?: { code: string } };

let world: Awaited<ReturnType<typeof freshWorld>>;
let server: RealtimeServer;
let ann: Person;
let bob: Person;
let alpha: { id: number; slug: string };
let beta: { id: number; slug: string };
let scoped: string;
const sockets: Socket[] = [];

async function socketFor(key: string): Promise<Socket> {
  const { status, json } = await call(tokenPost, { key, method: "POST" });
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
const join = (s: Socket, room: string) => s.emitWithAck("join", { room }) as Promise<Ack>;

beforeAll(async () => {
  world = await freshWorld("sqlite");
  server = await startRealtime({ port: 0, host: "127.0.0.1", redisUrl: null, log: () => {} });
  process.env.REALTIME_INTERNAL_URL = `http://127.0.0.1:${server.port}`;
  resetConfigForTests();
  setPublishSink(null);
  ann = await person("ann");
  bob = await person("bob");
  alpha = await createProject(ann.actor, { name: "Alpha", key: "ALP" });
  beta = await createProject(ann.actor, { name: "Beta", key: "BET" });
  await createCustomer(ann.actor, { name: "Acme" });
  scoped = (await keyFor(ann.id, alpha.id)).key;
  await browserSession(ann.id, { ip: "198.51.100.4", userAgent: "Firefox" });
  const dm = await startConversation(bob.actor, { userIds: [ann.id] });
  await postConversationMessage(bob.actor, dm.conversation.id, { body: "the secret plan" });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
  await world?.close();
});

describe("[SECURITY] a project-scoped API key", () => {
  it("reads its project and nothing of another", async () => {
    expect((await call(projectGet, { key: scoped, params: { slug: alpha.slug } })).status).toBe(200);
    expect((await call(projectGet, { key: scoped, params: { slug: beta.slug } })).status).toBe(404);
    const list = await call(projectsGet, { key: scoped });
    expect(list.json.map((p: { slug: string }) => p.slug)).toEqual([alpha.slug]);
  });

  it("is refused everything account-wide with 403, where the owner's unlimited key is not", async () => {
    for (const [name, route] of [
      ["sessions", sessionsGet],
      ["api keys", keysGet],
      ["profile", meGet],
      ["notifications", notificationsGet],
      ["unread counts", unreadGet],
      ["conversations", conversationsGet],
      ["timer", timerGet],
      ["customers", customersGet],
    ] as const) {
      const refused = await call(route, { key: scoped });
      expect({ name, status: refused.status, code: refused.json.error?.code }).toEqual({ name, status: 403, code: "forbidden" });
      expect(JSON.stringify(refused.json)).not.toContain("198.51.100.4");
      expect(JSON.stringify(refused.json)).not.toContain("secret plan");
      expect({ name, status: (await call(route, { key: ann.key })).status }).toEqual({ name, status: 200 });
    }
  });

  it("joins its project's room, and is refused its owner's room, conversations and customers", async () => {
    const socket = await socketFor(scoped);
    expect(await join(socket, `project:${alpha.id}`)).toMatchObject({ ok: true });
    expect(await join(socket, `project:${beta.id}`)).toEqual({ ok: false, error: { code: "not_found" } });
    expect(await join(socket, `user:${ann.id}`)).toEqual({ ok: false, error: { code: "not_found" } });
    const conversation = await world.database.db.conversation.findFirstOrThrow({ select: { id: true } });
    expect(await join(socket, `conversation:${conversation.id}`)).toEqual({ ok: false, error: { code: "not_found" } });
    const customer = await world.database.db.customer.findFirstOrThrow({ select: { id: true } });
    expect(await join(socket, `customer:${customer.id}`)).toEqual({ ok: false, error: { code: "not_found" } });

    // The owner's unlimited key still follows the owner's room.
    const own = await socketFor(ann.key);
    expect(await join(own, `user:${ann.id}`)).toMatchObject({ ok: true });
  });

  it("never authenticates a page or server action (browsers only)", async () => {
    const headers = new Headers({ authorization: `Bearer ${ann.key}` });
    expect(await authenticate(headers)).toMatchObject({ userId: ann.id });
    expect(await authenticate(headers, { apiKeys: false })).toBeNull();
  });
});
