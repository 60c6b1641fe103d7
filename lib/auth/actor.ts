import { AppError, notFound } from "../errors.ts";

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

/**
 * The actor a user would be with a session of their own (no key limit): for asking what that user
 * may see (members, readers, feeds, imports), not for acting on a request.
 */
export function actorForUser(user: { id: unknown; username: string; role: string; language: string }): Actor {
  return {
    userId: Number(user.id),
    username: user.username,
    isAdmin: user.role === "admin",
    sessionId: null,
    apiKeyProjectId: null,
    language: user.language,
  };
}

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

/**
 * What a route reaches, declared once per route (apiRoute's `scope`) and enforced before its handler
 * runs, so that what a credential may reach is decided in one place:
 * - `project`: work inside projects. A key limited to one project may call it; the access checks
 *   (requireProject, readableProjectIds, …) keep it to that project, everything else is not found.
 * - `account`: the user's whole account (profile, notifications, conversations, customers, timer,
 *   other users). A key limited to one project is refused (403): it must see nothing outside its project.
 * - `browser`: account security (password, second factor, sessions, API keys, profile changes): a
 *   signed-in browser only; any API key is refused (403).
 * - `admin`: system administration: system admins through a browser or an unlimited key; everyone
 *   else gets 404 (requireAdmin).
 */
export type RouteScope = "project" | "account" | "browser" | "admin";

export function requireScope(actor: Actor, scope: RouteScope): void {
  if (scope === "admin") requireAdmin(actor);
  else if (scope === "browser") requireBrowser(actor, "Your account's security");
  else if (scope === "account" && actor.apiKeyProjectId !== null) {
    throw new AppError("forbidden", "This API key is limited to one project; it cannot reach anything outside it.");
  }
}

/** System administration: system admins only, and not through a key limited to one project. Everyone else: not found. */
export function requireAdmin(actor: Actor): void {
  if (!actor.isAdmin || actor.apiKeyProjectId !== null) throw notFound("Not found");
}
