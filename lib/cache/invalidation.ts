// Caches of rows that every request reads but that rarely change (the system settings), kept in a
// web process only while it hears every change at once, from any instance.
//
// The web process subscribes to the realtime sidecar's `/internal` namespace (the same key as its
// publish calls; with REDIS_URL the sidecars relay to each other through the Socket.IO Redis
// adapter). Whoever changes cached rows calls `invalidate(topic)` after the commit: the local
// caches drop at once, and every other web process hears of it over the feed. While the feed is
// not connected (sidecar down, a test, the CLI, the sidecar itself) nothing is cached: every read
// goes to the database as before, so a missed message can never leave a stale value behind. On
// (re)connecting, every cache starts empty.
//
// A load that began before an invalidation is not kept (each topic has a generation; a value is
// kept only for the generation it was loaded in).
import { getConfig } from "../config.ts";
import { internalPublishKey } from "../realtime/token.ts";

// `settings`: the system settings. `auth`: users, sessions and API keys (the actor of a request).
// `access`: projects, memberships and groups (an actor's role in a project). `webhooks`: the
// outbound webhooks. Any write to their tables invalidates them (lib/cache/watched-writes.ts).
export const TOPICS = ["settings", "auth", "access", "webhooks"] as const;
export type Topic = (typeof TOPICS)[number];

type Feed = { connected: boolean; emit(topics: Topic[]): void; close(): void };

const state = globalThis as unknown as {
  __warmdeskInvalidation?: { generation: Map<Topic, number>; feed: Feed | null };
};
function shared() {
  state.__warmdeskInvalidation ??= { generation: new Map(), feed: null };
  return state.__warmdeskInvalidation;
}

const isTopic = (t: unknown): t is Topic => TOPICS.includes(t as Topic);

function bump(topics: readonly Topic[]) {
  const { generation } = shared();
  for (const t of topics) generation.set(t, (generation.get(t) ?? 0) + 1);
}

/** Is this process caching (its feed is connected)? */
export function isCaching(): boolean {
  return shared().feed?.connected ?? false;
}

/** A value cached per process for `topic`, loaded by `load` when absent or invalidated. */
export function cachedValue<T>(topic: Topic, load: () => Promise<T>): () => Promise<T> {
  let kept: { generation: number; value: Promise<T> } | null = null;
  return () => {
    if (!isCaching()) {
      kept = null;
      return load();
    }
    const generation = shared().generation.get(topic) ?? 0;
    if (kept && kept.generation === generation) return kept.value;
    const value = load();
    const entry = { generation, value };
    kept = entry;
    value.catch(() => {
      if (kept === entry) kept = null;
    });
    return value;
  };
}

/**
 * A bounded map of values cached per process for `topic` (e.g. the actor per session token). A
 * value is kept only while the feed is connected and no invalidation of `topic` happened since its
 * load began; `load` answering null is not kept.
 */
export function keyedCache<K, V>(topic: Topic, max = 10_000) {
  const kept = new Map<K, { generation: number; value: V }>();
  let keptGeneration = -1;
  return {
    /** The cached value for `key`, if any (only while caching and still of the current generation). */
    get(key: K): V | undefined {
      if (!isCaching()) {
        if (kept.size) kept.clear();
        return undefined;
      }
      const generation = shared().generation.get(topic) ?? 0;
      if (generation !== keptGeneration) {
        kept.clear();
        keptGeneration = generation;
        return undefined;
      }
      return kept.get(key)?.value;
    },
    /** The generation to pass to `set` (read before the load starts). */
    generation(): number {
      return shared().generation.get(topic) ?? 0;
    },
    /** Keeps `value` if no invalidation happened since `generation` was read. */
    set(key: K, value: V, generation: number): void {
      if (!isCaching() || generation !== (shared().generation.get(topic) ?? 0)) return;
      if (keptGeneration !== generation) {
        kept.clear();
        keptGeneration = generation;
      }
      if (kept.size >= max) kept.clear();
      kept.set(key, { generation, value });
    },
    delete(key: K): void {
      kept.delete(key);
    },
  };
}

/**
 * Call after committing a change to what `topics` cache: this process drops them now, the others
 * as soon as the sidecar relays it. Without a feed (the CLI) the sidecar is told over HTTP.
 */
export function invalidate(...topics: Topic[]): void {
  bump(topics);
  const feed = shared().feed;
  if (feed?.connected) {
    feed.emit(topics);
    return;
  }
  const config = getConfig();
  void fetch(`${config.realtimeInternalUrl}/internal/invalidate`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-warmdesk-key": internalPublishKey(config.authSecret) },
    body: JSON.stringify({ topics }),
    signal: AbortSignal.timeout(2000),
  }).catch(() => {
    // No sidecar: then no web process is caching either (their feeds are down too).
  });
}

/** Starts this process's feed (the web server, from instrumentation.ts). Idempotent. */
export async function startInvalidationFeed(): Promise<void> {
  const s = shared();
  if (s.feed) return;
  const { io } = await import("socket.io-client");
  const config = getConfig();
  const socket = io(`${config.realtimeInternalUrl}/internal`, {
    auth: { key: internalPublishKey(config.authSecret) },
    transports: ["websocket"],
    reconnectionDelay: 200,
    reconnectionDelayMax: 2000,
  });
  const feed: Feed = {
    get connected() {
      return socket.connected;
    },
    emit: (topics) => void socket.emit("invalidate", topics),
    close: () => void socket.close(),
  };
  s.feed = feed;
  // Whatever was cached before a (re)connect may have missed a message: start over.
  socket.on("connect", () => bump(TOPICS));
  socket.on("disconnect", () => bump(TOPICS));
  socket.on("invalidate", (topics: unknown) => {
    if (Array.isArray(topics)) bump(topics.filter(isTopic));
  });
}

/**
 * Marks this process as caching without a sidecar (bench/hot-paths.ts: one process, whose own
 * invalidations bump its generations). Never in a server: other processes' changes would be missed.
 */
export function cacheLocallyForBench(): void {
  const s = shared();
  s.feed?.close();
  s.feed = { connected: true, emit: () => undefined, close: () => undefined };
  bump(TOPICS);
}

/** Stops the feed (tests). */
export function stopInvalidationFeed(): void {
  const s = shared();
  s.feed?.close();
  s.feed = null;
  bump(TOPICS);
}
