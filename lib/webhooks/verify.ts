// Is a delivery really from the git host? GitHub signs the raw body (`X-Hub-Signature-256:
// sha256=<hex>` HMAC-SHA256), GitLab sends the secret itself (`X-Gitlab-Token`), the generic
// provider signs like GitHub under `X-WarmDesk-Signature`. Every comparison is constant-time, and
// runs over SHA-256 digests so that the lengths compared never depend on the caller's input.
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

/** True when the headers prove the sender knows the webhook's secret. */
export function verifyDelivery(provider: Provider, secret: string, rawBody: Buffer, headers: Headers): boolean {
  if (provider === "gitlab") {
    const token = headers.get("x-gitlab-token");
    return token !== null && safeEqual(token, secret);
  }
  const header = headers.get(provider === "github" ? "x-hub-signature-256" : "x-warmdesk-signature");
  if (!header) return false;
  return safeEqual(header.trim().toLowerCase(), hmacSignature(secret, rawBody));
}

/** The provider's id of this delivery (a redelivery carries the same one), if it sent one. */
export function deliveryIdOf(provider: Provider, headers: Headers): string | null {
  const name = { github: "x-github-delivery", gitlab: "x-gitlab-event-uuid", generic: "x-warmdesk-delivery" }[provider];
  const id = headers.get(name)?.trim();
  return id ? id.slice(0, 191) : null;
}

/** The provider's event name header (`push`, `pull_request`, `Push Hook`, …). */
export function eventNameOf(provider: Provider, headers: Headers): string {
  const name = { github: "x-github-event", gitlab: "x-gitlab-event", generic: "x-warmdesk-event" }[provider];
  return (headers.get(name) ?? "").trim();
}
