// Short-lived tokens with which browsers and scripts connect to the sidecar: HMAC-SHA256 over a
// small JSON payload, keyed by a key derived from AUTH_SECRET (the sidecar shares the secret).
import { createHmac } from "node:crypto";
import { z } from "zod";
import { deriveKey, safeEqual } from "../auth/tokens.ts";

export const REALTIME_TOKEN_TTL_S = 120;

const ZPayload = z.object({
  uid: z.number().int(),
  /** The session the token was issued to (a browser), or null. */
  sid: z.number().int().nullable(),
  /** The project an API key is limited to, or null. */
  pid: z.number().int().nullable(),
  /** The API key the token was issued to, or null: the sidecar re-checks it (revoked, expired). */
  kid: z.number().int().nullable().default(null),
  exp: z.number(),
});
export type RealtimeTokenPayload = z.infer<typeof ZPayload>;

function sign(body: string, secret: string): string {
  return createHmac("sha256", deriveKey(secret, "realtime-token")).update(body).digest("base64url");
}

export function signRealtimeToken(
  p: Omit<RealtimeTokenPayload, "exp" | "kid"> & { kid?: number | null },
  secret: string,
  ttlS = REALTIME_TOKEN_TTL_S,
): string {
  const body = Buffer.from(JSON.stringify({ ...p, exp: Math.floor(Date.now() / 1000) + ttlS })).toString("base64url");
  return `${body}.${sign(body, secret)}`;
}

export function verifyRealtimeToken(token: unknown, secret: string): RealtimeTokenPayload | null {
  if (typeof token !== "string" || token.length > 2000) return null;
  const [body, sig] = token.split(".");
  if (!body || !sig || !safeEqual(sig, sign(body, secret))) return null;
  try {
    const parsed = ZPayload.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    if (!parsed.success || parsed.data.exp < Date.now() / 1000) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

/** The header value with which the web app authenticates its publish calls to the sidecar. */
export function internalPublishKey(secret: string): string {
  return deriveKey(secret, "realtime-publish").toString("base64url");
}
