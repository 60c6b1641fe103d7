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

export const TOPICS = ["settings"] as const;
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

/** Stops the feed (tests). */
export function stopInvalidationFeed(): void {
  const s = shared();
  s.feed?.close();
  s.feed = null;
  bump(TOPICS);
}
