// Hands events to the sidecar after the transaction committed. Never blocks the request: events
// of one tick are batched into one POST; if the sidecar is down the write still succeeds, the
// failure is logged (at most once a minute) and clients catch up from their sequence numbers.
import { getConfig } from "../config.ts";
import type { PublishedEvent } from "./events.ts";
import { internalPublishKey } from "./token.ts";

type Sink = (events: PublishedEvent[]) => Promise<void>;

let queue: PublishedEvent[] = [];
let scheduled = false;
let lastErrorLog = 0;
let sink: Sink = postToSidecar;
const listeners = new Set<(events: PublishedEvent[]) => void>();

export function publish(events: PublishedEvent[]): void {
  if (events.length === 0) return;
  for (const l of listeners) l(events);
  queue.push(...events);
  if (scheduled) return;
  scheduled = true;
  setImmediate(flush);
}

async function flush() {
  scheduled = false;
  const batch = queue;
  queue = [];
  try {
    await sink(batch);
  } catch (e) {
    const now = Date.now();
    if (now - lastErrorLog > 60_000) {
      lastErrorLog = now;
      console.warn(`realtime: could not publish ${batch.length} event(s) to the sidecar: ${(e as Error).message}`);
    }
  }
}

async function postToSidecar(events: PublishedEvent[]) {
  const config = getConfig();
  const res = await fetch(`${config.realtimeInternalUrl}/internal/publish`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-warmdesk-key": internalPublishKey(config.authSecret) },
    body: JSON.stringify({ events }),
  });
  if (!res.ok) throw new Error(`sidecar answered ${res.status}`);
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
let lastRevokeErrorLog = 0;

/** Tells the sidecar to drop the sockets of revoked sessions now. Fire-and-forget: a failure is
 * logged (at most once a minute); the sidecar's periodic re-check drops them anyway. */
export function disconnectSessions(sessionIds: number[]): void {
  if (sessionIds.length === 0) return;
  revokeSink(sessionIds).catch((e: Error) => {
    const now = Date.now();
    if (now - lastRevokeErrorLog > 60_000) {
      lastRevokeErrorLog = now;
      console.warn(`realtime: could not tell the sidecar about ${sessionIds.length} revoked session(s): ${e.message}`);
    }
  });
}

async function postRevokeToSidecar(sessionIds: number[]) {
  const config = getConfig();
  const res = await fetch(`${config.realtimeInternalUrl}/internal/revoke`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-warmdesk-key": internalPublishKey(config.authSecret) },
    body: JSON.stringify({ sessionIds }),
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) throw new Error(`sidecar answered ${res.status}`);
}

/** Tests without a sidecar replace the transport of revocations. */
export function setRevokeSink(next: RevokeSink | null): void {
  revokeSink = next ?? postRevokeToSidecar;
}
