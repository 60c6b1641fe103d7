// The audit log: who did what, when, from where. One function writes it; every security-relevant
// domain function calls it (sign-ins, MFA, sessions, users, groups, settings, API keys, membership).
import type { Actor } from "../auth/actor.ts";
import { getDb } from "../db/client.ts";
import { clientAddress } from "../http/client-address.ts";

/** Where a request came from, for the audit log and the sessions list. */
export type RequestMeta = { ip: string | null; userAgent: string | null };

export const NO_META: RequestMeta = { ip: null, userAgent: null };

/** Where a request came from: the client address server/web.ts took from the connection (see
 * lib/http/client-address.ts; never a client's own X-Forwarded-For), and the user agent. */
export function requestMeta(headers: Headers | Record<string, string | string[] | undefined>): RequestMeta {
  const get = (name: string): string | null => {
    if (headers instanceof Headers) return headers.get(name);
    const v = headers[name];
    return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
  };
  return { ip: clientAddress(get), userAgent: get("user-agent")?.slice(0, 1000) ?? null };
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
