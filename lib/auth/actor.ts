import { AppError } from "../errors.ts";

/** Who is acting: a signed-in user (session) or a script (API key). */
export type Actor = {
  userId: number;
  username: string;
  isAdmin: boolean;
  /** Set when authenticated by a session row. */
  sessionId: number | null;
  /** Set when authenticated by an API key limited to one project. */
  apiKeyProjectId: number | null;
  /** Set when authenticated by an API key: the key's id (its requests are rate limited). */
  apiKeyId?: number;
  language: string;
  /** The user must set a new password before doing anything else (pages redirect, the API refuses). */
  mustChangePassword?: boolean;
};

export const ROLES = ["viewer", "member", "admin"] as const;
export type ProjectRole = (typeof ROLES)[number];

export const roleRank = (role: string): number => ROLES.indexOf(role as ProjectRole);

/**
 * Changes to one's own account (profile, sessions, API keys, two-factor, preferences) are made from a
 * signed-in browser, never with an API key: a leaked or project-scoped key must not take over the
 * account. `what` names the thing in the 403's message.
 */
export function requireBrowser(actor: Actor, what: string): void {
  if (actor.sessionId === null) throw new AppError("forbidden", `${what} can only be changed from a signed-in browser.`);
}

/** System administration: system admins only, and not through a key limited to one project. Everyone else: not found. */
export function requireAdmin(actor: Actor): void {
  if (!actor.isAdmin || actor.apiKeyProjectId !== null) throw new AppError("not_found", "Not found");
}
