// Hands events to the sidecar after the transaction committed. Never blocks the request: events
// of one tick are batched into one POST, and one POST is in flight at a time (what is published
// meanwhile goes in the next), so the sidecar numbers a room's events in the order they were
// published. If the sidecar is down the write still succeeds, the failure is logged (at most once
// a minute) and clients catch up from their sequence numbers.
import { getConfig } from "../config.ts";
import type { PublishedEvent } from "./events.ts";
import { internalPublishKey } from "./token.ts";

type Sink = (events: PublishedEvent[]) => Promise<void>;

const queue: PublishedEvent[] = [];
let scheduled = false;
let inFlight = false;
let sink: Sink = postToSidecar;
const listeners = new Set<(events: PublishedEvent[]) => void>();

export function publish(events: PublishedEvent[]): void {
  if (events.length === 0) return;
  for (const l of listeners) l(events);
  queue.push(...events);
  schedule();
  // Outbound webhooks queue their deliveries from the same events (after the commit, in the background).
  void import("../webhooks/outbound.ts")
    .then((m) => m.queueOutbound(events))
    .catch((e) => console.error("queueing webhook deliveries failed", (e as Error).message));
}

function schedule() {
  if (scheduled || inFlight || queue.length === 0) return;
  scheduled = true;
  setImmediate(flush);
}

async function flush() {
  scheduled = false;
  inFlight = true;
  // The sidecar takes at most 1000 events per POST.
  const batch = queue.splice(0, 1000);
  try {
    await sink(batch);
  } catch (e) {
    warnSidecarDown("publish", `could not publish ${batch.length} event(s) to the sidecar: ${(e as Error).message}`);
  } finally {
    inFlight = false;
    schedule();
  }
}

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

function postToSidecar(events: PublishedEvent[]) {
  // A sidecar that accepts but does not answer must not hold back every later event.
  return postInternal("publish", { events }, { signal: AbortSignal.timeout(5000) });
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

type RevokeSink = (sessionIds: number[]) => Promise<void>;
let revokeSink: RevokeSink = postRevokeToSidecar;

/** Tells the sidecar to drop the sockets of revoked sessions now. Fire-and-forget: a failure is
 * logged (at most once a minute); the sidecar's periodic re-check drops them anyway. */
export function disconnectSessions(sessionIds: number[]): void {
  if (sessionIds.length === 0) return;
  revokeSink(sessionIds).catch((e: Error) =>
    warnSidecarDown("revoke", `could not tell the sidecar about ${sessionIds.length} revoked session(s): ${e.message}`),
  );
}

function postRevokeToSidecar(sessionIds: number[]) {
  return postInternal("revoke", { sessionIds }, { signal: AbortSignal.timeout(5000) });
}

/** Tests without a sidecar replace the transport of revocations. */
export function setRevokeSink(next: RevokeSink | null): void {
  revokeSink = next ?? postRevokeToSidecar;
}
