// Is a delivery really from the git host, and has it been seen before? GitHub signs the raw body
// (`X-Hub-Signature-256: sha256=<hex>` HMAC-SHA256), GitLab sends the secret itself
// (`X-Gitlab-Token`), the generic provider signs like GitHub under `X-WarmDesk-Signature`, and, when
// the sender adds `X-WarmDesk-Timestamp: <unix seconds>`, signs `<timestamp>.<body>` instead, which
// is then accepted only within TIMESTAMP_TOLERANCE_SECONDS of our clock. Every comparison is
// constant-time, and runs over SHA-256 digests so that the lengths compared never depend on the
// caller's input.
//
// Replay protection is bound to what is signed, never to an unsigned header: the delivery-id
// headers (`X-GitHub-Delivery`, `X-Gitlab-Event-UUID`) can be changed or left out by whoever
// captured a delivery, so a delivery is known by the SHA-256 of its signed content. A git host's
// redelivery of the same event carries the same body, so it is recognised too.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const PROVIDERS = ["github", "gitlab", "generic"] as const;
export type Provider = (typeof PROVIDERS)[number];

const digest = (s: string | Buffer) => createHash("sha256").update(s).digest();

/** Constant-time equality of two strings (of any lengths). */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** The `sha256=<hex>` signature of a raw body, as GitHub and the generic provider send it. */
export function hmacSignature(secret: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

/** How far a signed `X-WarmDesk-Timestamp` may be from our clock, either way. */
export const TIMESTAMP_TOLERANCE_SECONDS = 300;

/** What the signature covers: the body, or `<timestamp>.<body>` for a timestamped generic delivery. */
function signedContent(provider: Provider, rawBody: Buffer, headers: Headers): Buffer {
  const timestamp = provider === "generic" ? headers.get("x-warmdesk-timestamp")?.trim() : undefined;
  return timestamp ? Buffer.concat([Buffer.from(`${timestamp}.`), rawBody]) : rawBody;
}

export type Verdict = { ok: true; replayKey: string } | { ok: false; reason: "signature" | "timestamp" };

/**
 * Whether the headers prove the sender knows the webhook's secret, and if so the delivery's replay
 * key: `sha256:<hex>` of the signed content (for GitLab, whose token signs nothing, of the body).
 */
export function verifyDelivery(provider: Provider, secret: string, rawBody: Buffer, headers: Headers, now = Date.now()): Verdict {
  const signed = signedContent(provider, rawBody, headers);
  const replayKey = `sha256:${digest(signed).toString("hex")}`;
  if (provider === "gitlab") {
    const token = headers.get("x-gitlab-token");
    return token !== null && safeEqual(token, secret) ? { ok: true, replayKey } : { ok: false, reason: "signature" };
  }
  const header = headers.get(provider === "github" ? "x-hub-signature-256" : "x-warmdesk-signature");
  if (!header || !safeEqual(header.trim().toLowerCase(), hmacSignature(secret, signed))) {
    return { ok: false, reason: "signature" };
  }
  if (signed !== rawBody) {
    const seconds = Number(headers.get("x-warmdesk-timestamp")?.trim());
    if (!Number.isInteger(seconds) || Math.abs(now / 1000 - seconds) > TIMESTAMP_TOLERANCE_SECONDS) {
      return { ok: false, reason: "timestamp" };
    }
  }
  return { ok: true, replayKey };
}

/** The provider's event name header (`push`, `pull_request`, `Push Hook`, …). */
export function eventNameOf(provider: Provider, headers: Headers): string {
  const name = { github: "x-github-event", gitlab: "x-gitlab-event", generic: "x-warmdesk-event" }[provider];
  return (headers.get(name) ?? "").trim();
}
