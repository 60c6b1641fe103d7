// The audit log: who did what, when, from where. One function writes it; every security-relevant
// domain function calls it (sign-ins, MFA, sessions, users, groups, settings, API keys, membership).
import type { Actor } from "../auth/actor.ts";
import { getConfig } from "../config.ts";
import { getDb } from "../db/client.ts";

/** Where a request came from, for the audit log and the sessions list. */
export type RequestMeta = { ip: string | null; userAgent: string | null };

export const NO_META: RequestMeta = { ip: null, userAgent: null };

export function requestMeta(headers: Headers | Record<string, string | string[] | undefined>): RequestMeta {
  const get = (name: string): string | null => {
    if (headers instanceof Headers) return headers.get(name);
    const v = headers[name];
    return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
  };
  const ip = clientIp(get("x-forwarded-for")) || null;
  return { ip: ip?.slice(0, 191) ?? null, userAgent: get("user-agent")?.slice(0, 1000) ?? null };
}

/**
 * The client's address from X-Forwarded-For. Each proxy appends the address it received from, so
 * with TRUST_PROXY_HOPS proxies in front the entry that many places from the end is the one a proxy
 * we trust wrote; entries further left were sent by the client and could be anything. (Next.js sets
 * the header to the socket's address when a request arrives without one.) TRUST_PROXY_HOPS=0 (no
 * proxy) takes the last entry, which a client can only choose by sending the header itself.
 */
export function clientIp(forwardedFor: string | null): string | null {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  if (!hops.length) return null;
  const index = Math.max(0, hops.length - Math.max(1, getConfig().trustProxyHops));
  return hops[index] ?? null;
}

export type AuditEntry = {
  /** Who acted: an actor, a user id (e.g. a sign-in), or null (an unknown email). */
  actor: Actor | number | null;
  /** `<area>.<verb>`: `auth.sign_in`, `auth.sign_in_failed`, `mfa.enabled`, `user.disabled`, … */
  action: string;
  resourceType?: string | null;
  resourceId?: string | number | null;
  details?: Record<string, unknown> | null;
  meta?: RequestMeta;
};

export async function recordAudit(entry: AuditEntry): Promise<void> {
  const userId = typeof entry.actor === "number" ? entry.actor : (entry.actor?.userId ?? null);
  await getDb().auditLog.create({
    data: {
      userId,
      action: entry.action.slice(0, 191),
      resourceType: entry.resourceType ?? null,
      resourceId: entry.resourceId == null ? null : String(entry.resourceId).slice(0, 191),
      details: entry.details ? JSON.stringify(entry.details) : null,
      ip: entry.meta?.ip ?? null,
      userAgent: entry.meta?.userAgent ?? null,
    },
    select: { id: true },
  });
}
