// [SECURITY] The authorization matrix, generated from the OpenAPI document: every operation, called
// by every hostile actor, gets the answer its route's declared scope (apiRoute's `scope`, see
// RouteScope in lib/auth/actor.ts) implies, and the database is unchanged after every refusal.
// An operation whose route declares nothing fails here, so a new route cannot slip through.
//
// Actors: anonymous (401), a revoked key and a disabled user's key (401), an outsider of the project
// (404 for anything in it), a key limited to another project (404 in this one; 403 account-wide), the
// system admin's key limited to this project (403 account-wide, 404 administration), an unlimited key
// on browser-only routes (403), and a viewer trying to change the project (403).
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteScope } from "../../lib/auth/actor.ts";
import { createInvoice } from "../../lib/billing/invoices.ts";
import { createRate } from "../../lib/billing/rates.ts";
import { createCard } from "../../lib/boards/cards.ts";
import { addChecklistItem } from "../../lib/boards/checklist.ts";
import { addComment } from "../../lib/boards/comments.ts";
import { createLabel } from "../../lib/boards/labels.ts";
import { addMember } from "../../lib/boards/members.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { createFeed } from "../../lib/calendar/feeds.ts";
import { postChatMessage } from "../../lib/chat/chat.ts";
import { postConversationMessage, startConversation } from "../../lib/conversations/conversations.ts";
import { createContract } from "../../lib/customers/contracts.ts";
import { createCustomer } from "../../lib/customers/customers.ts";
import { openApiDocument } from "../../lib/openapi/spec.ts";
import { createSprint } from "../../lib/scrum/sprints.ts";
import { updateSettings } from "../../lib/settings/settings.ts";
import { createEntry } from "../../lib/time/entries.ts";
import { addReply } from "../../lib/topics/replies.ts";
import { createTopic } from "../../lib/topics/topics.ts";
import { createGroup } from "../../lib/users/groups.ts";
import { createOutboundWebhook } from "../../lib/webhooks/outbound.ts";
import { createWebhook } from "../../lib/webhooks/webhooks.ts";
import { browserSession, freshWorld, keyFor, person } from "../api/helpers.ts";

type Operation = { method: string; path: string; op: { security?: unknown[]; requestBody?: unknown } };
type Handler = ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & {
  scope?: RouteScope;
};

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const doc = openApiDocument() as {
  paths: Record<string, Record<string, Operation["op"]>>;
  components: { schemas: Record<string, unknown> };
};
const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
  METHODS.filter((m) => ops[m]).map((m) => ({ method: m.toUpperCase(), path, op: ops[m] })),
);
const isPublic = (o: Operation) => Array.isArray(o.op.security) && o.op.security.length === 0;

/** The route module of an OpenAPI path (the same mapping test/api/openapi-routes.test.ts checks). */
const apiRoot = join(import.meta.dirname, "../../app/api");
const routeFiles = new Map(
  readdirSync(apiRoot, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith("route.ts"))
    .map((f) => [`/api/${f}`.replace(/\/?route\.ts$/, "").replace(/\[([.\w]+)\]/g, "{$1}"), join(apiRoot, f)]),
);
async function handlerOf(o: Operation): Promise<Handler> {
  const file = routeFiles.get(o.path);
  if (!file) throw new Error(`no route file for ${o.path}`);
  return (await import(file))[o.method] as Handler;
}

let world: Awaited<ReturnType<typeof freshWorld>>;
let fixtures: Record<string, string>;
let actors: Record<string, Record<string, string>>;

/** Every row of every table (less the columns a request touches in passing), hashed. */
function databaseChecksum(): string {
  const db = new Database(world.database.url.replace(/^file:/, ""), { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('_prisma_migrations', 'api_rate_windows') ORDER BY name",
      )
      .all() as { name: string }[];
    const hash = createHash("sha256");
    for (const { name } of tables) {
      const lines: string[] = [];
      for (const row of db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
        // Touched by every authenticated request at most once a minute: not a change made by a request.
        if (name === "sessions") delete row.last_active_at;
        if (name === "api_keys") delete row.last_used_at;
        if (name === "sessions" || name === "api_keys") delete row.updated_at;
        lines.push(`${name}:${JSON.stringify(row)}`);
      }
      hash.update(`${name}:${lines.length}\n`);
      for (const line of lines.sort()) hash.update(`${line}\n`);
    }
    return hash.digest("hex");
  } finally {
    db.close();
  }
}

/** A path with its parameters filled from the fixtures, by what the parameter follows. */
function fill(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string, offset: number) => {
    const before = path.slice(0, offset).split("/").filter(Boolean).at(-1) ?? "";
    const value = fixtures[`${before}/${name}`] ?? fixtures[name];
    if (value === undefined) throw new Error(`no fixture for {${name}} after ${before} in ${path}`);
    return encodeURIComponent(value);
  });
}

/** A body the operation accepts in shape: required fields from its schema, values from the fixtures. */
function sampleBody(o: Operation): unknown {
  const content = (o.op.requestBody as { content?: Record<string, { schema?: { $ref?: string } }> } | undefined)?.content;
  const schema = content?.["application/json"]?.schema;
  if (!schema) return undefined;
  return sample(schema.$ref ? doc.components.schemas[schema.$ref.split("/").at(-1) as string] : schema, "");
}
// biome-ignore lint/suspicious/noExplicitAny: JSON Schema walked generically
function sample(s: any, name: string): unknown {
  if (!s) return null;
  const known: Record<string, unknown> = {
    columnId: Number(fixtures.columnId),
    username: fixtures.memberName,
    userIds: [Number(fixtures.viewerId)],
    userId: Number(fixtures.viewerId),
    key: fixtures.cardKey,
    projectSlug: fixtures.slug,
    role: "viewer",
    date: new Date().toISOString().slice(0, 10),
    minutes: 30,
    body: "hello",
    title: "A title",
    name: "A name",
    provider: "generic",
    email: "someone@example.test",
    password: "a long enough password",
    currentPassword: "a long enough password",
    newPassword: "another long enough password",
    code: "123456",
  };
  if (name in known) return known[name];
  if (s.anyOf || s.oneOf) return sample((s.anyOf ?? s.oneOf)[0], name);
  if (s.enum) return s.enum[0];
  if (s.const !== undefined) return s.const;
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== "null") : s.type;
  if (type === "object" || s.properties) {
    const out: Record<string, unknown> = {};
    const required: string[] = s.required ?? [];
    // An edit (nothing required, at least one field needed): one field, a known one when there is one.
    const props = Object.keys(s.properties ?? {});
    const preferred = ["title", "name", "body", "text"].find((k) => props.includes(k));
    const fields = required.length > 0 ? required : [preferred ?? props.find((k) => k in known) ?? props[0]].filter(Boolean);
    for (const k of fields) out[k] = sample(s.properties?.[k], k);
    return out;
  }
  if (type === "array") return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items, name));
  if (type === "integer" || type === "number") return s.minimum ?? 1;
  if (type === "boolean") return false;
  if (type === "string") return s.format === "date" ? new Date().toISOString().slice(0, 10) : "x".repeat(s.minLength ?? 1);
  return null;
}

async function send(o: Operation, headers: Record<string, string>) {
  const handler = await handlerOf(o);
  const body = sampleBody(o);
  const url = `http://localhost:3000${fill(o.path)}`;
  const init: RequestInit = { method: o.method, headers: { ...headers } };
  if (body !== undefined && o.method !== "GET") {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] = "application/json";
  }
  // Path parameters, each filled by what it follows (as in the URL).
  const segments = o.path.split("/");
  const params: Record<string, string> = {};
  for (const [i, segment] of segments.entries()) {
    const m = /^\{(\w+)\}$/.exec(segment);
    if (m)
      params[m[1]] = decodeURIComponent(
        fill(segments.slice(0, i + 1).join("/"))
          .split("/")
          .at(-1) as string,
      );
  }
  const res = await handler(new Request(url, init), { params: Promise.resolve(params) });
  return res.status;
}

/** What an actor must get for an operation, from the declared scope; null: not this actor's concern. */
type Expect = (o: Operation, scope: RouteScope) => number | null;
const inProject = (o: Operation) => o.path.startsWith("/api/v1/projects/{slug}");

const EXPECTATIONS: Record<string, Expect> = {
  anonymous: () => 401,
  revokedKey: () => 401,
  disabledUsersKey: () => 401,
  outsider: (o, scope) => (scope === "admin" ? 404 : inProject(o) ? 404 : null),
  otherProjectKey: (o, scope) =>
    scope === "account" || scope === "browser" ? 403 : scope === "admin" ? 404 : inProject(o) ? 404 : null,
  adminScopedKey: (_o, scope) => (scope === "account" || scope === "browser" ? 403 : scope === "admin" ? 404 : null),
  unlimitedKey: (_o, scope) => (scope === "browser" ? 403 : null),
  viewer: (o, scope) =>
    scope === "project" && inProject(o) && o.method !== "GET" && !o.path.endsWith("/messages/read") ? 403 : null,
};

beforeAll(async () => {
  world = await freshWorld("sqlite");
  const root = await person("root", { admin: true });
  const owner = await person("owner");
  const member = await person("member");
  const viewer = await person("viewer");
  const outsider = await person("outsider");
  const disabled = await person("disabled");
  const p = await createProject(owner.actor, { name: "Alpha", key: "ALP", type: "scrum" } as never);
  const other = await createProject(owner.actor, { name: "Other", key: "OTH" });
  await addMember(owner.actor, p.slug, { username: "member", role: "member" });
  await addMember(owner.actor, p.slug, { username: "viewer", role: "viewer" });
  const board = await world.database.db.column.findFirstOrThrow({ where: { projectId: p.id }, select: { id: true } });
  const card = await createCard(member.actor, p.slug, { title: "One" });
  const item = await addChecklistItem(member.actor, p.slug, card.key, { text: "Do it" });
  const comment = await addComment(member.actor, p.slug, card.key, { body: "A comment" });
  const label = await createLabel(owner.actor, p.slug, { name: "bug" });
  const sprint = await createSprint(owner.actor, p.slug, { name: "S1" });
  const topic = await createTopic(member.actor, p.slug, { title: "T", body: "B" });
  const reply = await addReply(member.actor, p.slug, topic.id, { body: "R" });
  const message = await postChatMessage(member.actor, p.slug, { body: "hi @viewer" });
  const webhook = await createWebhook(owner.actor, p.slug, { provider: "generic" }, "http://localhost:3000");
  // An outbound webhook of the project with one delivery in its log (to a closed loopback port).
  await updateSettings({ ...root.actor, sessionId: 1 }, { webhooks_allow_private: true });
  const outbound = await createOutboundWebhook(owner.actor, {
    projectSlug: p.slug,
    url: "http://127.0.0.1:9/hook",
    events: ["contract.threshold_crossed"],
  });
  // Switched off: nothing is queued or sent in the background while the matrix runs.
  await world.database.db.outboundWebhook.update({ where: { id: outbound.id }, data: { isActive: false } });
  const delivery = await world.database.db.outboundDelivery.create({
    data: {
      webhookId: outbound.id,
      eventId: "e1",
      event: "contract.threshold_crossed",
      orderKey: "x",
      payload: "{}",
      status: "failed",
      nextAttemptAt: new Date(),
    },
  });
  const customer = await createCustomer(root.actor, { name: "Acme" });
  const contract = await createContract(root.actor, customer.slug, { name: "C", hours: 10 });
  const entry = await createEntry(member.actor, {
    date: new Date().toISOString().slice(0, 10),
    minutes: 30,
    projectSlug: p.slug,
  });
  const dm = await startConversation(member.actor, { userIds: [viewer.id] });
  const dmMessage = await postConversationMessage(member.actor, dm.conversation.id, { body: "private" });
  const group = await createGroup(root.actor, { name: "Team" });
  const today = new Date().toISOString().slice(0, 10);
  const rate = await createRate(root.actor, { customerSlug: customer.slug, rate: "90", validFrom: "2024-01-01" });
  // Billable time of the customer for the export to hold (the entry above is on a project without one).
  await createEntry(root.actor, { date: today, minutes: 30, customerSlug: customer.slug });
  const invoice = await createInvoice(root.actor, customer.slug, { from: today, to: today });
  const feed = await createFeed({ ...member.actor, sessionId: 1 }, {}, "http://localhost:3000");
  const notification = await world.database.db.notification.findFirst({ select: { id: true } });
  const session = await browserSession(member.id);
  const ids = (v: { id: number } | null | undefined) => String(v?.id ?? 1);
  fixtures = {
    slug: p.slug,
    key: card.key,
    cardKey: card.key,
    columnId: String(board.id),
    "columns/id": String(board.id),
    "checklist/id": ids(item as { id: number }),
    "comments/id": ids(comment as { id: number }),
    "labels/id": ids(label as { id: number }),
    "sprints/id": ids(sprint as { id: number }),
    "topics/id": ids(topic as { id: number }),
    "replies/replyId": ids(reply as { id: number }),
    "messages/id": ids(message as { id: number }),
    "webhooks/id": ids(webhook),
    "outbound-webhooks/id": ids(outbound),
    "deliveries/deliveryId": ids(delivery),
    "customers/slug": customer.slug,
    "contracts/id": ids(contract as { id: number }),
    "time-entries/id": ids(entry),
    "conversations/id": String(dm.conversation.id),
    "messages/messageId": ids(dmMessage as { id: number }),
    "notifications/id": ids(notification),
    "attachments/id": "1",
    "users/id": String(member.id),
    "groups/id": ids(group as { id: number }),
    "members/userId": String(member.id),
    "members/username": "member",
    "access/username": "member",
    "groups/groupId": ids(group as { id: number }),
    "projects/slug": p.slug,
    "users/username": "member",
    "sessions/id": String(session.sessionId),
    "api-keys/id": "1",
    "rates/id": ids(rate),
    "invoices/id": ids(invoice),
    "calendar-feeds/id": ids(feed as { id: number }),
    memberName: "member",
    viewerId: String(viewer.id),
  };
  const revoked = await keyFor(member.id, null);
  const revokedRow = await world.database.db.apiKey.findFirstOrThrow({ where: { userId: member.id }, orderBy: { id: "desc" } });
  await world.database.db.apiKey.update({ where: { id: revokedRow.id }, data: { revokedAt: new Date() } });
  await world.database.db.user.update({ where: { id: disabled.id }, data: { isActive: false } });
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
  actors = {
    anonymous: {},
    revokedKey: bearer(revoked.key),
    disabledUsersKey: bearer(disabled.key),
    outsider: (await browserSession(outsider.id)).headers,
    otherProjectKey: bearer((await keyFor(owner.id, other.id)).key),
    adminScopedKey: bearer((await keyFor(root.id, p.id)).key),
    unlimitedKey: bearer(member.key),
    viewer: (await browserSession(viewer.id)).headers,
  };
}, 180_000);

afterAll(async () => world?.close());

describe("[SECURITY] authorization matrix (generated from the OpenAPI document)", () => {
  it("finds a declared scope on every authenticated operation, and none on public ones", async () => {
    expect(operations.length).toBeGreaterThan(150);
    const undeclared: string[] = [];
    for (const o of operations) {
      if (isPublic(o)) continue;
      const handler = await handlerOf(o);
      if (!handler?.scope) undeclared.push(`${o.method} ${o.path}`);
    }
    expect(undeclared).toEqual([]);
  });

  it("refuses every hostile actor with the declared answer, and changes nothing", { timeout: 600_000 }, async () => {
    const wrong: string[] = [];
    let checked = 0;
    let before = databaseChecksum();
    for (const o of operations.filter((op) => !isPublic(op))) {
      const handler = await handlerOf(o);
      const scope = handler.scope as RouteScope;
      for (const [actor, expect_] of Object.entries(EXPECTATIONS)) {
        const expected = expect_(o, scope);
        if (expected === null) continue;
        const status = await send(o, actors[actor]);
        checked++;
        const after = databaseChecksum();
        if (status !== expected) wrong.push(`${o.method} ${o.path} as ${actor}: ${status}, expected ${expected}`);
        if (after !== before) wrong.push(`${o.method} ${o.path} as ${actor}: the database changed (${status})`);
        before = after;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });
});
