// Who of some users may read a project: a notification never tells anyone about a place they
// cannot open (a mention of an outsider, a topic participant who lost access).
import { type ProjectRef, projectRole } from "../auth/access.ts";
import { getDb } from "../db/client.ts";

type Person = { id: number; username: string; role: string };

/** The people among `users` (not `exceptUserId`) who can read the project, in order. */
export async function projectReaders<T extends Person>(project: ProjectRef, users: T[], exceptUserId: number): Promise<T[]> {
  const readers: T[] = [];
  for (const u of users) {
    if (u.id === exceptUserId) continue;
    const role = await projectRole(
      { userId: u.id, username: u.username, isAdmin: u.role === "admin", sessionId: null, apiKeyProjectId: null, language: "en" },
      project.id,
    );
    if (role) readers.push(u);
  }
  return readers;
}

/** Active users by id, for projectReaders. */
export function activeUsers(ids: number[]): Promise<Person[]> {
  if (!ids.length) return Promise.resolve([]);
  return getDb().user.findMany({
    where: { id: { in: ids }, isActive: true, deletedAt: null },
    select: { id: true, username: true, role: true },
  });
}
