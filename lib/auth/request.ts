// Authenticates a request: `Authorization: Bearer <api key>` for scripts, otherwise the browser's
// next-auth cookie, whose JWT carries only the id of a row in `sessions` (see next-auth.ts).
import { decode } from "next-auth/jwt";
import { getConfig } from "../config.ts";
import type { Actor } from "./actor.ts";
import { actorForApiKey } from "./api-keys.ts";
import { actorForSessionToken } from "./sessions.ts";
import { deriveKey } from "./tokens.ts";

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function nextAuthSecret(): string {
  return deriveKey(getConfig().authSecret, "next-auth").toString("base64url");
}

export function readCookie(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}

// Decrypting the cookie (HKDF + AES-GCM) cost ~0.5 ms of CPU on every browser request: the same
// cookie always yields the same token, so a bounded memo keeps it until the JWT expires. Whether the
// session is still live is decided by its row, as before (revocation applies at once).
const DECODED_MAX = 10_000;
const decoded = new Map<string, { sid: string; expiresAt: number }>();

async function decodeSessionCookie(jwt: string): Promise<string | null> {
  const now = Date.now();
  const known = decoded.get(jwt);
  if (known && known.expiresAt > now) return known.sid;
  const payload = await decode({ token: jwt, secret: nextAuthSecret() });
  if (!payload || typeof payload.sid !== "string") return null;
  if (decoded.size >= DECODED_MAX) decoded.clear();
  const exp = typeof payload.exp === "number" ? payload.exp * 1000 : now + 60_000;
  decoded.set(jwt, { sid: payload.sid, expiresAt: exp });
  return payload.sid;
}

/** The raw session token inside the next-auth cookie, if the cookie is valid. */
export async function sessionTokenFromCookies(cookieHeader: string | null): Promise<string | null> {
  for (const name of SESSION_COOKIES) {
    const jwt = readCookie(cookieHeader, name);
    if (!jwt) continue;
    try {
      const sid = await decodeSessionCookie(jwt);
      if (sid) return sid;
    } catch {
      // A cookie from an old secret or tampered with: treated as signed out.
    }
  }
  return null;
}

/**
 * The actor of a request. API routes take an API key or the session cookie; pages and server
 * actions (`{ apiKeys: false }`) are for browsers and take only the cookie, so that a key never
 * renders an account's pages (sessions, keys, administration).
 */
export async function authenticate(headers: Headers, options: { apiKeys?: boolean } = {}): Promise<Actor | null> {
  const authorization = headers.get("authorization");
  if (authorization && options.apiKeys !== false) {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization);
    return m ? actorForApiKey(m[1]) : null;
  }
  const token = await sessionTokenFromCookies(headers.get("cookie"));
  return token ? actorForSessionToken(token) : null;
}
