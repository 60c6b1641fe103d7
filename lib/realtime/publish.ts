// Hands events to the sidecar after the transaction committed. Never blocks the request: events
// of one tick are batched into one POST, and one POST is in flight at a time (what is published
// meanwhile goes in the next), so the sidecar numbers a room's events in the order they were
// published.
//
// If the sidecar is away (restarting, down) the write still succeeds and the batch is kept and
// posted again with backoff (at most MAX_QUEUED events; the failure is logged at most once a
// minute), so clients that follow the rooms get those events, late but in order, once it is back.
// What cannot be delivered (the queue overflowed, or this process starts after its predecessor
// died with events unsent: WARMDESK_EVENTS_LOST=1, set by the launcher) is announced with
// `lost: true`: the sidecar then starts a new epoch and every client reloads.

import { getConfig } from "../config.ts";
import { metrics } from "../metrics/metrics.ts";
import type { PublishedEvent } from "./events.ts";
import { internalPublishKey } from "./token.ts";

type Sink = (events: PublishedEvent[], options: { lost: boolean }) => Promise<void>;

/** Events kept while the sidecar is away; past this, the oldest are dropped and `lost` is sent. */
export const MAX_QUEUED = 20_000;
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5000;

const queue: PublishedEvent[] = [];
let scheduled = false;
let inFlight = false;
let failures = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
/** Events were dropped (or may have been, by a predecessor): the next POST says so. */
let lost = false;
let sink: Sink = postToSidecar;
const listeners = new Set<(events: PublishedEvent[]) => void>();
const drained = new Set<() => void>();

export function publish(events: PublishedEvent[]): void {
  if (events.length === 0) return;
  for (const l of listeners) l(events);
  queue.push(...events);
  if (queue.length > MAX_QUEUED) {
    queue.splice(0, queue.length - MAX_QUEUED);
    lost = true;
  }
  schedule();
  // Outbound webhooks queue their deliveries from the same events (after the commit, in the background).
  void import("../webhooks/outbound.ts")
    .then((m) => m.queueOutbound(events))
    .catch((e) => console.error("queueing webhook deliveries failed", (e as Error).message));
}

function schedule() {
  if (scheduled || inFlight || retryTimer || (queue.length === 0 && !lost)) {
    if (!inFlight && !retryTimer && queue.length === 0 && !lost) for (const d of drained) d();
    return;
  }
  scheduled = true;
  setImmediate(flush);
}

async function flush() {
  scheduled = false;
  inFlight = true;
  // The sidecar takes at most 1000 events per POST.
  const batch = queue.splice(0, 1000);
  const wasLost = lost;
  lost = false;
  try {
    await sink(batch, { lost: wasLost });
    failures = 0;
    metrics().eventsPublished.inc({ process: "web" }, batch.length);
  } catch (e) {
    // Kept, in order, ahead of what was published meanwhile.
    queue.unshift(...batch);
    if (queue.length > MAX_QUEUED) queue.splice(0, queue.length - MAX_QUEUED);
    lost ||= wasLost || queue.length >= MAX_QUEUED;
    failures++;
    metrics().publishFailures.inc();
    warnSidecarDown(
      "publish",
      `could not publish ${batch.length} event(s) to the sidecar (kept, retrying): ${(e as Error).message}`,
    );
    const delay = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** (failures - 1));
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      schedule();
    }, delay);
    retryTimer.unref?.();
  } finally {
    inFlight = false;
    schedule();
  }
}

/**
 * Tells the sidecar (now, and again until it answers) that events may have been lost: this process
 * started after its predecessor died (instrumentation.ts, when the launcher set WARMDESK_EVENTS_LOST).
 */
export function announceLostEvents(): void {
  lost = true;
  schedule();
}

/**
 * Resolves true once everything published so far was handed to the sidecar, or false after
 * `timeoutMs` (the sidecar is away). The web server's drain calls it before the process exits.
 */
export function flushPublished(timeoutMs: number): Promise<boolean> {
  if (!inFlight && queue.length === 0 && !lost) return Promise.resolve(true);
  if (retryTimer) {
    // Shutting down: try once more now rather than after the backoff.
    clearTimeout(retryTimer);
    retryTimer = undefined;
    schedule();
  }
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      drained.delete(onDrained);
      clearTimeout(timer);
      resolve(ok);
    };
    const onDrained = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    drained.add(onDrained);
  });
}

// server/web.ts calls every module instance's flush when it drains (a bundler may load this module
// more than once).
const FLUSHERS = Symbol.for("warmdesk.realtime.flushers");
const registry = globalThis as unknown as Record<symbol, Set<(ms: number) => Promise<boolean>> | undefined>;
registry[FLUSHERS] ??= new Set();
registry[FLUSHERS].add(flushPublished);

/** POSTs JSON to one of the sidecar's internal endpoints, with the key derived from the server secret. */
async function postInternal(path: "publish" | "revoke", body: unknown, init: { signal?: AbortSignal } = {}) {
  const config = getConfig();
  const res = await fetch(`${config.realtimeInternalUrl}/internal/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-warmdesk-key": internalPublishKey(config.authSecret) },
    body: JSON.stringify(body),
    ...init,
  });
  if (!res.ok) throw new Error(`sidecar answered ${res.status}`);
}

function postToSidecar(events: PublishedEvent[], { lost }: { lost: boolean }) {
  // A sidecar that accepts but does not answer must not hold back every later event.
  return postInternal("publish", lost ? { events, lost } : { events }, { signal: AbortSignal.timeout(5000) });
}

/** Sidecar failures are logged at most once a minute per kind, so a down sidecar does not flood the log. */
const lastWarned = { publish: 0, revoke: 0 };
function warnSidecarDown(kind: keyof typeof lastWarned, message: string) {
  const now = Date.now();
  if (now - lastWarned[kind] <= 60_000) return;
  lastWarned[kind] = now;
  console.warn(`realtime: ${message}`);
}

/** Tests observe what a domain function published. Returns the unsubscribe function. */
export function onPublish(listener: (events: PublishedEvent[]) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tests without a sidecar replace the transport. */
export function setPublishSink(next: Sink | null): void {
  sink = next ?? postToSidecar;
}

/** Sessions and API keys whose sockets must go now (either list may be empty). */
type RevokeSink = (sessionIds: number[], apiKeyIds: number[]) => Promise<void>;
let revokeSink: RevokeSink = postRevokeToSidecar;

/** Tells the sidecar to drop the sockets of revoked sessions now. Fire-and-forget: a failure is
 * logged (at most once a minute); the sidecar's periodic re-check drops them anyway. */
export function disconnectSessions(sessionIds: number[]): void {
  disconnect(sessionIds, []);
}

/** Tells the sidecar to drop the sockets opened with revoked API keys now (same fallback). */
export function disconnectApiKeys(apiKeyIds: number[]): void {
  disconnect([], apiKeyIds);
}

function disconnect(sessionIds: number[], apiKeyIds: number[]): void {
  if (sessionIds.length === 0 && apiKeyIds.length === 0) return;
  revokeSink(sessionIds, apiKeyIds).catch((e: Error) =>
    warnSidecarDown(
      "revoke",
      `could not tell the sidecar about ${sessionIds.length} revoked session(s) and ${apiKeyIds.length} key(s): ${e.message}`,
    ),
  );
}

function postRevokeToSidecar(sessionIds: number[], apiKeyIds: number[]) {
  return postInternal("revoke", { sessionIds, apiKeyIds }, { signal: AbortSignal.timeout(5000) });
}

/** Tests without a sidecar replace the transport of revocations. */
export function setRevokeSink(next: ((sessionIds: number[], apiKeyIds: number[]) => Promise<void>) | null): void {
  revokeSink = next ?? postRevokeToSidecar;
}
