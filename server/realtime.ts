// The realtime sidecar: a Socket.IO server that fans out what the web app publishes.
//
// - Sockets authenticate with a short-lived token signed by the web app (lib/realtime/token.ts).
// - `join` / `leave` rooms (project:<id>, conversation:<id>, user:<id>), authorised by the same
//   access rules as the web app (canReadRoom).
// - The web app POSTs `{ events: [{ room, type, data }] }` to /internal/publish (header
//   x-warmdesk-key); each event gets the room's next sequence number and is emitted as
//   `event` `{ room, seq, type, data }`.
// - POST /internal/revoke `{ sessionIds?, apiKeyIds? }` (same header) disconnects those sessions' and
//   API keys' sockets at once.
// - Authority is re-checked, not remembered: before every join and every 10 s the socket's user (its
//   current role, still active) and its session or API key (not revoked, not expired) are loaded again.
// - Sequence numbers belong to an epoch (a random id of the numbering): the join ack, every event
//   and every sync answer carry `epoch`. A new in-memory sidecar starts a new epoch; sidecars sharing
//   Redis share one (it changes only when Redis lost the numbers). A client that saw another epoch
//   reloads instead of trusting its seq.
// - `sync` `{ room, since, epoch? }` answers the buffered events after `since`, or `reset` when too
//   old or from another epoch.
// - A publish with `lost: true` (the web app could not deliver some events) starts a new epoch and
//   tells every socket `resync` `{ epoch }`: reload everything.
// - On SIGTERM/SIGINT every socket is told `shutdown` `{ reconnect: true }` before it is closed.
// - `presence` `{ room, state }` lists the socket's user in the room's `presence` `{ room, users }`
//   message (sent to the room whenever it changes); `typing` `{ room }` is relayed to the room's
//   other sockets as `typing` `{ room, user }`. Neither has a seq: they are not replayed.
// - When the web app publishes `project.access_removed` to `user:<id>`, that user's sockets leave
//   the project room before any later event of the room goes out (`left` `{ room }` tells them).
// - With REDIS_URL, several sidecars share rooms (Socket.IO Redis adapter), sequence numbers
//   (INCRBY warmdesk:seq:<room>) and the replay buffer (a capped list per room).
//
// Run: `node --import tsx server/realtime.ts` (the launcher does this).
import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type Server as HttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { type DefaultEventsMap, Server } from "socket.io";
import { z } from "zod";
import { canReadRoom } from "../lib/auth/access.ts";
import type { Actor } from "../lib/auth/actor.ts";
import { isApiKeyLive } from "../lib/auth/api-keys.ts";
import { isSessionLive } from "../lib/auth/sessions.ts";
import { getConfig } from "../lib/config.ts";
import { Prisma } from "../lib/db/client.ts";
import { rows, run } from "../lib/db/direct.ts";
import { metrics, serveMetrics } from "../lib/metrics/metrics.ts";
import {
  type PresenceState,
  type PresenceUser,
  type PublishedEvent,
  type WireEvent,
  ZPresencePayload,
  ZPublishBody,
  ZRoom,
} from "../lib/realtime/events.ts";
import { internalPublishKey, verifyRealtimeToken } from "../lib/realtime/token.ts";

/** How many events per room a reconnecting client can catch up on before it must reload. */
export const REPLAY_BUFFER = 500;
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const RECHECK_INTERVAL_MS = 10_000;
/** Presence changes of one room within this window go out as one message. */
const PRESENCE_DEBOUNCE_MS = 100;
/** A room's presence list names at most this many people. */
const PRESENCE_MAX_USERS = 50;
const ZRevokeBody = z.object({
  sessionIds: z.array(z.number().int().positive()).max(10_000).default([]),
  apiKeyIds: z.array(z.number().int().positive()).max(10_000).default([]),
});
const ZInvalidateBody = z.object({ topics: z.array(z.string().min(1).max(64)).min(1).max(20) });

/** `presence`: the states this socket announced, per room (see ZPresenceState). */
type SocketData = { actor: Actor; presence?: Record<string, PresenceState> };
type Events = DefaultEventsMap;

/** A new numbering's id: short, unique enough to tell two sidecars' lifetimes apart. */
const newEpoch = () => `${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;

/** Where sequence numbers, their epoch and the replay buffer live: this process, or Redis (shared). */
interface SeqStore {
  current(room: string): Promise<{ epoch: string; seq: number }>;
  /** Reserves `count` consecutive numbers for the room; returns the first. */
  reserve(room: string, count: number): Promise<{ epoch: string; first: number }>;
  remember(room: string, events: WireEvent[]): Promise<void>;
  /**
   * Buffered events with seq > since, oldest first; `events: null` when `since` is older than the
   * buffer, ahead of the room's numbers, or from another epoch (`epoch` given and different).
   */
  since(room: string, since: number, epoch?: string): Promise<{ epoch: string; seq: number; events: WireEvent[] | null }>;
  /** Starts a new epoch (events were lost): every client must reload. */
  renew(): Promise<string>;
  close(): Promise<void>;
}

/** The events of `log` after `since`, or null when the log does not reach back that far. */
function replay(log: WireEvent[], since: number, current: number): WireEvent[] | null {
  if (since > current) return null;
  if (since === current) return [];
  if (log.length === 0 || log[0].seq > since + 1) return null;
  return log.filter((e) => e.seq > since);
}

function memoryStore(keep: number): SeqStore {
  let epoch = newEpoch();
  const seqs = new Map<string, number>();
  const logs = new Map<string, WireEvent[]>();
  return {
    async current(room) {
      return { epoch, seq: seqs.get(room) ?? 0 };
    },
    async reserve(room, count) {
      const first = (seqs.get(room) ?? 0) + 1;
      seqs.set(room, first + count - 1);
      return { epoch, first };
    },
    async remember(room, events) {
      const log = logs.get(room) ?? [];
      log.push(...events);
      if (log.length > keep) log.splice(0, log.length - keep);
      logs.set(room, log);
    },
    async since(room, since, asked) {
      const seq = seqs.get(room) ?? 0;
      if (asked !== undefined && asked !== epoch) return { epoch, seq, events: null };
      return { epoch, seq, events: replay(logs.get(room) ?? [], since, seq) };
    },
    async renew() {
      epoch = newEpoch();
      return epoch;
    },
    async close() {},
  };
}

type Multi = {
  set(key: string, value: string, options: { NX: true }): Multi;
  get(key: string): Multi;
  incrBy(key: string, by: number): Multi;
  lRange(key: string, from: number, to: number): Multi;
  rPush(key: string, values: string[]): Multi;
  lTrim(key: string, from: number, to: number): Multi;
  exec(): Promise<unknown[]>;
};
/** The few commands the store uses (node-redis v6). */
interface RedisLike {
  set(key: string, value: string): Promise<unknown>;
  multi(): Multi;
}

/**
 * Sequence numbers in Redis: `<prefix>:epoch`, `<prefix>:seq:<room>` (INCRBY) and
 * `<prefix>:log:<room>` (a capped list). Every read of a number reads the epoch in the same MULTI,
 * creating it when missing (SET NX): if Redis lost its data (a restart without persistence), the
 * numbers begin again under a new epoch, and clients reload.
 */
function redisStore(client: RedisLike, prefix: string, keep: number): SeqStore {
  const epochKey = `${prefix}:epoch`;
  const seqKey = (room: string) => `${prefix}:seq:${room}`;
  const logKey = (room: string) => `${prefix}:log:${room}`;
  const withEpoch = () => client.multi().set(epochKey, newEpoch(), { NX: true }).get(epochKey);
  return {
    async current(room) {
      const [, epoch, seq] = await withEpoch().get(seqKey(room)).exec();
      return { epoch: String(epoch), seq: Number(seq ?? 0) };
    },
    async reserve(room, count) {
      const [, epoch, last] = await withEpoch().incrBy(seqKey(room), count).exec();
      return { epoch: String(epoch), first: Number(last) - count + 1 };
    },
    async remember(room, events) {
      await client
        .multi()
        .rPush(
          logKey(room),
          events.map((e) => JSON.stringify(e)),
        )
        .lTrim(logKey(room), -keep, -1)
        .exec();
    },
    async since(room, since, asked) {
      const [, rawEpoch, rawSeq, raw] = await withEpoch().get(seqKey(room)).lRange(logKey(room), 0, -1).exec();
      const epoch = String(rawEpoch);
      const seq = Number(rawSeq ?? 0);
      if (asked !== undefined && asked !== epoch) return { epoch, seq, events: null };
      // Two sidecars may append concurrently: order by seq. A list left from another epoch is ignored.
      const log = (raw as string[])
        .map((r) => JSON.parse(r) as WireEvent)
        .filter((e) => e.epoch === undefined || e.epoch === epoch)
        .sort((a, b) => a.seq - b.seq);
      return { epoch, seq, events: replay(log, since, seq) };
    },
    async renew() {
      const epoch = newEpoch();
      await client.set(epochKey, epoch);
      return epoch;
    },
    async close() {},
  };
}

export type RealtimeOptions = {
  port?: number;
  host?: string;
  /** Defaults to REDIS_URL; `null` forces the in-memory store. */
  redisUrl?: string | null;
  /** Prefix of the Redis keys and pub/sub channels (default REDIS_PREFIX or "warmdesk"): sidecars sharing it share rooms. */
  redisPrefix?: string;
  log?: (line: string) => void;
  /** How often connected sockets are re-checked (revoked sessions, disabled users, lost access). */
  recheckMs?: number;
  /** Events per room kept for `sync` (default REPLAY_BUFFER). */
  replayBuffer?: number;
};

export type RealtimeServer = {
  port: number;
  io: Server;
  http: HttpServer;
  close: () => Promise<void>;
};

/** The active user behind an id, as the sidecar needs it (plain SQL on the driver: every connection asks). */
async function activeUser(userId: number) {
  const [u] = await run(() =>
    rows<{ id: unknown; username: string; role: string; language: string }>(Prisma.sql`
      SELECT id, username, role, language FROM users WHERE id = ${userId} AND deleted_at IS NULL AND is_active = ${true}`),
  );
  return u ? { id: Number(u.id), username: u.username, role: u.role, language: u.language } : null;
}

/**
 * The actor behind a socket as it is now: the user active, with their current role (a demoted admin
 * is no admin any more), and the session or API key the token was issued to still good. Null when
 * any of that no longer holds. Asked on connect, before every join and on every re-check.
 */
async function currentActor(actor: Actor): Promise<Actor | null> {
  const user = await activeUser(actor.userId);
  if (!user) return null;
  if (actor.sessionId !== null && !(await isSessionLive(actor.sessionId))) return null;
  if (actor.apiKeyId !== undefined && !(await isApiKeyLive(actor.apiKeyId))) return null;
  return { ...actor, username: user.username, isAdmin: user.role === "admin", language: user.language };
}

/** Loads the actor behind a realtime token, or null when the token, session, key or user is not valid. */
async function actorForToken(token: unknown, secret: string): Promise<Actor | null> {
  const payload = verifyRealtimeToken(token, secret);
  if (!payload) return null;
  return currentActor({
    userId: payload.uid,
    username: "",
    isAdmin: false,
    sessionId: payload.sid,
    apiKeyProjectId: payload.pid,
    ...(payload.kid !== null ? { apiKeyId: payload.kid } : {}),
    language: "en",
  });
}

function allowedOrigins(): string[] | "*" {
  const raw = process.env.REALTIME_ALLOWED_ORIGINS?.trim();
  if (!raw || raw === "*") return "*";
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function safeKeyEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooBig = true;
      else chunks.push(c);
    });
    req.on("end", () => resolve(tooBig ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

const apiError = (code: string, message: string, details?: unknown) => ({
  error: { code, message, ...(details ? { details } : {}) },
});

/**
 * The shared front of the internal endpoints: POST only, the publish key, a bounded JSON body
 * valid for `schema`. Answers the request itself (405/401/413/400) and returns null when any fails;
 * `invalid` builds the 400 body for a JSON value the schema refuses.
 */
async function readInternalBody<T>(
  req: IncomingMessage,
  res: ServerResponse,
  publishKey: string,
  schema: z.ZodType<T>,
  invalid: (error: z.ZodError) => unknown,
): Promise<T | null> {
  if (req.method !== "POST") {
    sendJson(res, 405, apiError("method_not_allowed", "Use POST"));
    return null;
  }
  const key = req.headers["x-warmdesk-key"];
  if (typeof key !== "string" || !safeKeyEqual(key, publishKey)) {
    req.resume();
    sendJson(res, 401, apiError("unauthorized", "Bad or missing x-warmdesk-key"));
    return null;
  }
  const text = await readBody(req);
  if (text === null) {
    sendJson(res, 413, apiError("payload_too_large", "Body too large"));
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    sendJson(res, 400, apiError("validation", "Body is not JSON"));
    return null;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    sendJson(res, 400, invalid(parsed.error));
    return null;
  }
  return parsed.data;
}

export async function startRealtime(options: RealtimeOptions = {}): Promise<RealtimeServer> {
  const config = getConfig();
  const log = options.log ?? ((line: string) => console.log(line));
  const publishKey = internalPublishKey(config.authSecret);
  const redisUrl = options.redisUrl === undefined ? config.redisUrl : options.redisUrl;
  const replayBuffer = options.replayBuffer ?? REPLAY_BUFFER;

  const redisClients: { close(): Promise<unknown> }[] = [];
  let store: SeqStore;
  let adapter: Parameters<Server["adapter"]>[0] | undefined;
  if (redisUrl) {
    const { createClient } = await import("redis");
    const { createAdapter } = await import("@socket.io/redis-adapter");
    const pub = createClient({ url: redisUrl });
    const sub = pub.duplicate();
    for (const c of [pub, sub]) c.on("error", (e: Error) => log(`realtime: redis error: ${e.message}`));
    await Promise.all([pub.connect(), sub.connect()]);
    redisClients.push(pub, sub);
    const prefix = options.redisPrefix ?? process.env.REDIS_PREFIX ?? "warmdesk";
    adapter = createAdapter(pub, sub, { key: prefix });
    store = redisStore(pub as unknown as RedisLike, prefix, replayBuffer);
  } else {
    store = memoryStore(replayBuffer);
  }

  // One publish batch at a time, so that events of a room leave this process in seq order. Within
  // a batch, an access removal takes effect before any event published after it goes out.
  let chain: Promise<unknown> = Promise.resolve();
  const publishEvents = (events: PublishedEvent[], lost = false) => {
    const run = chain.then(async () => {
      if (lost) {
        // Some events never reached any sidecar: nobody's seq can be trusted. Everyone reloads.
        const epoch = await store.renew();
        io.emit("resync", { epoch });
        log(`realtime: the web app reported lost events; new epoch ${epoch}, every client reloads`);
      }
      let segment: PublishedEvent[] = [];
      for (const e of events) {
        segment.push(e);
        if (e.type !== "project.access_removed") continue;
        await emitAll(segment);
        await dropLostAccess(e);
        segment = [];
      }
      if (segment.length > 0) await emitAll(segment);
    });
    chain = run.catch(() => {});
    return run;
  };
  /** Numbers and sends events, room by room (rooms are independent; within one, order is kept). */
  const emitAll = async (events: PublishedEvent[]) => {
    const byRoom = new Map<string, PublishedEvent[]>();
    for (const e of events) {
      const list = byRoom.get(e.room) ?? [];
      list.push(e);
      byRoom.set(e.room, list);
    }
    await Promise.all(
      [...byRoom].map(async ([room, list]) => {
        const { epoch, first } = await store.reserve(room, list.length);
        const wire: WireEvent[] = list.map((e, i) => ({ room, seq: first + i, epoch, type: e.type, data: e.data }));
        for (const w of wire) io.to(room).emit("event", w);
        const m = metrics();
        m.eventsPublished.inc({ process: "sidecar" }, wire.length);
        m.eventsDelivered.inc(wire.length * (io.of("/").adapter.rooms.get(room)?.size ?? 0));
        await store.remember(room, wire);
      }),
    );
  };

  /** After `project.access_removed` for user:<id>: that user's sockets leave the project room unless they may still read it. */
  const dropLostAccess = async (e: PublishedEvent) => {
    const projectId = (e.data as { projectId?: unknown } | null)?.projectId;
    if (typeof projectId !== "number") return;
    const room = `project:${projectId}`;
    try {
      for (const s of await io.in(e.room).fetchSockets()) {
        const actor = (s.data as Partial<SocketData>).actor;
        if (!actor || !s.rooms.has(room) || (await canReadRoom(actor, room))) continue;
        s.leave(room);
        s.emit("left", { room });
        schedulePresence(room);
      }
    } catch (error) {
      log(`realtime: access re-check failed: ${(error as Error).message}`);
    }
  };

  // Presence: per room, one message per burst of changes, listing each user once.
  const presenceTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const schedulePresence = (room: string) => {
    if (presenceTimers.has(room)) return;
    presenceTimers.set(
      room,
      setTimeout(async () => {
        presenceTimers.delete(room);
        try {
          const byUser = new Map<number, PresenceUser>();
          for (const s of await io.in(room).fetchSockets()) {
            const data = s.data as Partial<SocketData>;
            const state = data.presence?.[room];
            if (!data.actor || !state) continue;
            const seen = byUser.get(data.actor.userId);
            byUser.set(data.actor.userId, {
              id: data.actor.userId,
              username: data.actor.username,
              card: state.card ?? seen?.card ?? null,
              editing: !!state.editing || !!seen?.editing,
            });
          }
          const users = [...byUser.values()].sort((a, b) => a.username.localeCompare(b.username)).slice(0, PRESENCE_MAX_USERS);
          io.to(room).emit("presence", { room, users });
        } catch (error) {
          log(`realtime: presence failed: ${(error as Error).message}`);
        }
      }, PRESENCE_DEBOUNCE_MS),
    );
  };
  /** Forgets a socket's presence in a room it left; the others hear of it. */
  const dropPresence = (data: Partial<SocketData>, room: string) => {
    if (!data.presence?.[room]) return;
    delete data.presence[room];
    schedulePresence(room);
  };

  const http = createServer(async (req, res) => {
    const url = (req.url ?? "/").split("?")[0];
    try {
      if (req.method === "GET" && url === "/health") return sendJson(res, 200, { status: "ok" });
      if (url === "/metrics") return await serveMetrics(req, res, { token: config.metricsToken });
      if (url === "/internal/publish") {
        const body = await readInternalBody(req, res, publishKey, ZPublishBody, (error) => {
          const fields = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
          return apiError("validation", "Invalid publish body", { fields });
        });
        if (!body) return;
        await publishEvents(body.events, body.lost === true);
        return sendJson(res, 202, { ok: true, count: body.events.length });
      }
      if (url === "/internal/revoke") {
        // `{ sessionIds?: number[], apiKeyIds?: number[] }`: sessions and keys just revoked; their
        // sockets (on any sidecar) go now.
        const body = await readInternalBody(req, res, publishKey, ZRevokeBody, () =>
          apiError("validation", "expected { sessionIds?: number[], apiKeyIds?: number[] }"),
        );
        if (!body) return;
        const sessions = new Set(body.sessionIds);
        const keys = new Set(body.apiKeyIds);
        let count = 0;
        for (const s of await io.fetchSockets()) {
          const actor = (s.data as Partial<SocketData>).actor;
          const sid = actor?.sessionId;
          const kid = actor?.apiKeyId;
          if ((sid != null && sessions.has(sid)) || (kid !== undefined && keys.has(kid))) {
            s.disconnect(true);
            count++;
          }
        }
        return sendJson(res, 200, { ok: true, disconnected: count });
      }
      if (url === "/internal/invalidate") {
        // `{ topics }`: cached rows changed (lib/cache/invalidation.ts); every web process hears it.
        const body = await readInternalBody(req, res, publishKey, ZInvalidateBody, () =>
          apiError("validation", "expected { topics: string[] }"),
        );
        if (!body) return;
        internal.emit("invalidate", body.topics);
        return sendJson(res, 200, { ok: true });
      }
      // Socket.IO handles its own path; everything else is unknown.
      if (!url.startsWith("/socket.io")) return sendJson(res, 404, apiError("not_found", "Not found"));
    } catch (e) {
      log(`realtime: request failed: ${(e as Error).message}`);
      if (!res.headersSent) sendJson(res, 500, apiError("internal", "Internal error"));
    }
  });

  metrics().realtime = {
    connections: () => io.engine.clientsCount,
    // Socket.IO's rooms include each socket's own; count the named ones.
    rooms: () => [...io.of("/").adapter.rooms.keys()].filter((r) => /^[a-z]+:/.test(r)).length,
  };
  const io = new Server<Events, Events, Events, SocketData>(http, {
    serveClient: false,
    // A tab whose network died silently is noticed (and its presence dropped) within ~15 s.
    pingInterval: 10_000,
    pingTimeout: 5_000,
    cors: { origin: allowedOrigins(), methods: ["GET", "POST"] },
    ...(adapter ? { adapter } : {}),
  });

  // The web processes' feed of cache invalidations (lib/cache/invalidation.ts): they connect with
  // the publish key; what one sends, every other one hears (through Redis, on every sidecar).
  const internal = io.of("/internal");
  internal.use((socket, next) => {
    const key = (socket.handshake.auth as { key?: unknown } | undefined)?.key;
    if (typeof key === "string" && safeKeyEqual(key, publishKey)) return next();
    next(Object.assign(new Error("unauthorized"), { data: { code: "unauthorized" } }));
  });
  internal.on("connection", (socket) => {
    socket.on("invalidate", (topics: unknown) => {
      const parsed = ZInvalidateBody.shape.topics.safeParse(topics);
      if (parsed.success) socket.broadcast.emit("invalidate", parsed.data);
    });
  });

  io.use(async (socket, next) => {
    try {
      const actor = await actorForToken(socket.handshake.auth?.token, config.authSecret);
      if (!actor) return next(Object.assign(new Error("unauthorized"), { data: { code: "unauthorized" } }));
      socket.data.actor = actor;
      next();
    } catch (e) {
      log(`realtime: authentication failed: ${(e as Error).message}`);
      next(Object.assign(new Error("unavailable"), { data: { code: "unavailable" } }));
    }
  });

  io.on("connection", (socket) => {
    const ackOf = (fn: unknown) => (typeof fn === "function" ? (fn as (r: unknown) => void) : () => {});

    socket.on("join", async (payload: unknown, cb: unknown) => {
      const ack = ackOf(cb);
      const room = ZRoom.safeParse((payload as { room?: unknown } | null)?.room);
      if (!room.success)
        return ack({
          ok: false,
          error: { code: "validation", message: "room must be project:<id>, conversation:<id>, user:<id> or customer:<id>" },
        });
      try {
        // Authority as it is now, not as it was at connect time: a revoked key or session goes, a
        // demoted admin joins as what they are now.
        const actor = await currentActor(socket.data.actor);
        if (!actor) {
          ack({ ok: false, error: { code: "unauthorized" } });
          return void socket.disconnect(true);
        }
        socket.data.actor = actor;
        if (!(await canReadRoom(actor, room.data))) return ack({ ok: false, error: { code: "not_found" } });
        await socket.join(room.data);
        const { epoch, seq } = await store.current(room.data);
        ack({ ok: true, seq, epoch });
      } catch (e) {
        log(`realtime: join failed: ${(e as Error).message}`);
        ack({ ok: false, error: { code: "unavailable" } });
      }
    });

    socket.on("leave", async (payload: unknown, cb: unknown) => {
      const room = (payload as { room?: unknown } | null)?.room;
      if (typeof room === "string") {
        await socket.leave(room);
        dropPresence(socket.data, room);
      }
      ackOf(cb)({ ok: true });
    });

    socket.on("presence", (payload: unknown) => {
      const p = ZPresencePayload.safeParse(payload);
      if (!p.success || !socket.rooms.has(p.data.room)) return;
      const { room, state } = p.data;
      if (state === null) return dropPresence(socket.data, room);
      socket.data.presence = { ...socket.data.presence, [room]: state };
      schedulePresence(room);
    });

    socket.on("typing", (payload: unknown) => {
      const room = ZRoom.safeParse((payload as { room?: unknown } | null)?.room);
      if (!room.success || !socket.rooms.has(room.data)) return;
      const { userId: id, username } = socket.data.actor;
      socket.to(room.data).volatile.emit("typing", { room: room.data, user: { id, username } });
    });

    // A closed tab: its presence goes at once (the socket has already left its rooms here).
    socket.on("disconnect", () => {
      for (const room of Object.keys(socket.data.presence ?? {})) schedulePresence(room);
    });

    socket.on("sync", async (payload: unknown, cb: unknown) => {
      const ack = ackOf(cb);
      const p = (payload ?? {}) as { room?: unknown; since?: unknown; epoch?: unknown };
      const room = ZRoom.safeParse(p.room);
      if (
        !room.success ||
        typeof p.since !== "number" ||
        !Number.isInteger(p.since) ||
        p.since < 0 ||
        (p.epoch !== undefined && typeof p.epoch !== "string")
      ) {
        return ack({ ok: false, error: { code: "validation", message: "expected { room, since, epoch? }" } });
      }
      if (!socket.rooms.has(room.data)) return ack({ ok: false, error: { code: "not_found", message: "join the room first" } });
      try {
        const { epoch, seq, events } = await store.since(room.data, p.since, p.epoch as string | undefined);
        ack(events === null ? { ok: true, reset: true, seq, epoch } : { ok: true, events, epoch });
      } catch (e) {
        log(`realtime: sync failed: ${(e as Error).message}`);
        ack({ ok: false, error: { code: "unavailable" } });
      }
    });
  });

  // Revoked sessions, disabled users and lost access: disconnect, or leave the room.
  let checking = false;
  const recheck = setInterval(async () => {
    if (checking) return;
    checking = true;
    try {
      const sockets = [...io.of("/").sockets.values()];
      const current = new Map<string, Promise<Actor | null>>();
      const access = new Map<string, Promise<boolean>>();
      for (const s of sockets) {
        if (!s.data.actor) continue;
        const who = `${s.data.actor.userId}:${s.data.actor.sessionId}:${s.data.actor.apiKeyId}:${s.data.actor.apiKeyProjectId}`;
        if (!current.has(who)) current.set(who, currentActor(s.data.actor));
        const actor = await current.get(who);
        if (!actor) {
          s.disconnect(true);
          continue;
        }
        // The current role decides from now on (a demoted admin keeps only what they may still read).
        s.data.actor = actor;
        for (const room of s.rooms) {
          if (room === s.id) continue;
          const k = `${who}|${room}`;
          if (!access.has(k)) access.set(k, canReadRoom(actor, room));
          if (!(await access.get(k))) {
            await s.leave(room);
            s.emit("left", { room });
            dropPresence(s.data, room);
          }
        }
      }
    } catch (e) {
      log(`realtime: recheck failed: ${(e as Error).message}`);
    } finally {
      checking = false;
    }
  }, options.recheckMs ?? RECHECK_INTERVAL_MS);
  recheck.unref();

  const host = options.host ?? process.env.REALTIME_HOST ?? "0.0.0.0";
  const port = options.port ?? config.realtimePort;
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(port, host, () => {
      http.off("error", reject);
      resolve();
    });
  });
  const actualPort = (http.address() as AddressInfo).port;

  return {
    port: actualPort,
    io,
    http,
    close: async () => {
      clearInterval(recheck);
      // This sidecar's clients only (not those of the others sharing Redis): come back soon.
      io.local.emit("shutdown", { reconnect: true });
      for (const t of presenceTimers.values()) clearTimeout(t);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await store.close();
      await Promise.all(redisClients.map((c) => c.close().catch(() => {})));
    },
  };
}

async function main() {
  let config: ReturnType<typeof getConfig>;
  try {
    config = getConfig();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  try {
    const server = await startRealtime();
    const where = config.redisUrl ? "redis adapter" : "in-memory";
    console.log(`realtime: listening on ${process.env.REALTIME_HOST ?? "0.0.0.0"}:${server.port} (${where})`);
    const stop = async () => {
      await server.close();
      process.exit(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    // Started by the launcher: when it dies (even by SIGKILL), the IPC channel closes; stop too.
    if (process.send) process.once("disconnect", stop);
  } catch (e) {
    console.error(`realtime: could not start: ${(e as Error).message}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
