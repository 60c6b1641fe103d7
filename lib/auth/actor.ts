/** Who is acting: a signed-in user (session) or a script (API key). */
export type Actor = {
  userId: number;
  username: string;
  isAdmin: boolean;
  /** Set when authenticated by a session row. */
  sessionId: number | null;
  /** Set when authenticated by an API key limited to one project. */
  apiKeyProjectId: number | null;
  language: string;
};

export const ROLES = ["viewer", "member", "admin"] as const;
export type ProjectRole = (typeof ROLES)[number];

export const roleRank = (role: string): number => ROLES.indexOf(role as ProjectRole);

export function highestRole(roles: string[]): ProjectRole | null {
  let best: ProjectRole | null = null;
  for (const r of roles) if (roleRank(r) > (best ? roleRank(best) : -1)) best = r as ProjectRole;
  return best;
}
