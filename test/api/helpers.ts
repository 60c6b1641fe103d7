// Shared set-up for the REST and domain tests: a fresh database per engine, real users, real API
// keys, and a way to call route handlers as plain functions with real Request objects.

import { encode } from "next-auth/jwt";
import type { Actor } from "../../lib/auth/actor.ts";
import { actorForApiKey, createApiKey } from "../../lib/auth/api-keys.ts";
import { nextAuthSecret } from "../../lib/auth/request.ts";
import { createSession } from "../../lib/auth/sessions.ts";
import { getDb } from "../../lib/db/client.ts";
import type { Engine } from "../../lib/db/engine.ts";
import { CLIENT_ADDRESS_HEADER, markBehindWebServer } from "../../lib/http/client-address.ts";
import type { PublishedEvent } from "../../lib/realtime/events.ts";
import { setPublishSink } from "../../lib/realtime/publish.ts";
import { createUser } from "../../lib/users/users.ts";
import { type TestDatabase, useFreshDatabase } from "../helpers/db.ts";
import { checkResponse } from "../helpers/openapi-responses.ts";

export type Person = { id: number; username: string; key: string; actor: Actor };

let userCounter = 0;

/** A real user with a real (unscoped, or project-scoped) API key and the actor that key yields. */
export async function person(username: string, options: { admin?: boolean; projectId?: number } = {}): Promise<Person> {
  const user = await createUser({
    email: `${username}-${++userCounter}@example.test`,
    username,
    password: "a long enough password",
    admin: options.admin ?? false,
  });
  const { key } = await createApiKey({ userId: user.id, projectId: options.projectId ?? null });
  const actor = await actorForApiKey(key);
  if (!actor) throw new Error("api key did not authenticate");
  return { id: user.id, username: user.username, key, actor };
}

/** Another key for an existing user, optionally limited to one project. */
export async function keyFor(userId: number, projectId: number | null): Promise<{ key: string; actor: Actor }> {
  const { key } = await createApiKey({ userId, projectId });
  const actor = await actorForApiKey(key);
  if (!actor) throw new Error("api key did not authenticate");
  return { key, actor };
}

/**
 * The headers of a request from a client at `address`, as server/web.ts hands it to the app (it
 * takes the address from the connection; see lib/http/client-address.ts).
 */
export function fromAddress(address: string): Record<string, string> {
  markBehindWebServer();
  return { [CLIENT_ADDRESS_HEADER]: address };
}

/**
 * A signed-in browser of a user: the cookie next-auth sets (a real session row), and the headers a
 * browser sends with a same-origin request to the app at `call`'s origin.
 */
export async function browserSession(userId: number, meta: { ip?: string; userAgent?: string } = {}) {
  const { token, sessionId } = await createSession(userId, meta);
  const jwt = await encode({ token: { sid: token }, secret: nextAuthSecret() });
  const headers: Record<string, string> = {
    cookie: `next-auth.session-token=${jwt}`,
    origin: "http://localhost:3000",
    "sec-fetch-site": "same-origin",
  };
  return { sessionId, headers };
}

/** A fresh migrated database that getDb() uses, with published events captured instead of sent. */
export async function freshWorld(engine: Engine) {
  // biome-ignore lint/correctness/useHookAtTopLevel: not a React hook, just a "use…" name
  const database: TestDatabase = await useFreshDatabase(engine);
  const events: PublishedEvent[] = [];
  setPublishSink(async (batch) => {
    events.push(...batch);
  });
  return {
    database,
    events,
    /** Lets the publisher flush the events of the last tick into `events`. */
    async flush() {
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    },
    async close() {
      await new Promise((resolve) => setImmediate(resolve));
      setPublishSink(null);
      await getDb().$disconnect();
      await database.drop();
    },
  };
}

type RouteHandler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

export type CallOptions<P> = {
  method?: string;
  key?: string | null;
  /** A value is sent as JSON; a string is sent as is. */
  body?: unknown;
  rawBody?: string;
  contentType?: string | null;
  params?: P;
  path?: string;
  headers?: Record<string, string>;
};

/** Calls a route handler directly, as Next would, and returns status and parsed JSON. */
export async function call<P>(handler: RouteHandler<P>, options: CallOptions<P> = {}) {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  const body = options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined);
  if (body !== undefined && options.contentType !== null) headers["content-type"] = options.contentType ?? "application/json";
  const req = new Request(`http://localhost:3000${options.path ?? "/api/v1/test"}`, {
    method: options.method ?? (body !== undefined ? "POST" : "GET"),
    headers,
    body,
  });
  const res = await handler(req, { params: Promise.resolve((options.params ?? {}) as P) });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { notJson: text };
  }
  // A documented operation's answer must match its schema in the OpenAPI document.
  await checkResponse(handler, res.status, res.headers.get("content-type") ?? "", json);
  return { status: res.status, json };
}

/** Row counts of the tables the board routes write, to prove that rejected requests change nothing. */
export async function rowCounts() {
  const db = getDb();
  const [projects, members, columns, cards, comments, history, labels, users] = await Promise.all([
    db.project.count(),
    db.projectMember.count(),
    db.column.count(),
    db.card.count(),
    db.cardComment.count(),
    db.cardHistory.count(),
    db.label.count(),
    db.user.count(),
  ]);
  const versions = await db.card.findMany({ select: { id: true, version: true, position: true, columnId: true, title: true } });
  return { projects, members, columns, cards, comments, history, labels, users, versions };
}
