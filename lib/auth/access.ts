// Who may do what. The web app's routes, server actions, pages and the realtime sidecar all ask
// here. Anything an actor may not read is reported as not found, so existence does not leak.
import { getDb } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { type Actor, highestRole, type ProjectRole, roleRank } from "./actor.ts";

/** The actor's effective role in a project, or null when they may not read it. */
export async function projectRole(actor: Actor, projectId: number): Promise<ProjectRole | null> {
  if (actor.apiKeyProjectId !== null && actor.apiKeyProjectId !== projectId) return null;
  if (actor.isAdmin) return "admin";
  const db = getDb();
  const [member, groups] = await Promise.all([
    db.projectMember.findUnique({ where: { projectId_userId: { projectId, userId: actor.userId } }, select: { role: true } }),
    db.groupProjectAccess.findMany({
      where: { projectId, group: { members: { some: { userId: actor.userId } } } },
      select: { role: true },
    }),
  ]);
  return highestRole([...(member ? [member.role] : []), ...groups.map((g) => g.role)]);
}

export type ProjectRef = { id: number; slug: string; key: string; name: string; type: string; isArchived: boolean };
const PROJECT_REF = { id: true, slug: true, key: true, name: true, type: true, isArchived: true } as const;

/**
 * Loads a project by slug and checks the actor's role. Unknown, deleted and unreadable projects
 * are all "not found"; a reader without the required role gets "forbidden".
 */
export async function requireProject(actor: Actor, slug: string, minRole: ProjectRole = "viewer") {
  const project = await getDb().project.findFirst({ where: { slug, deletedAt: null }, select: PROJECT_REF });
  if (!project) throw new AppError("not_found", "Project not found");
  const role = await projectRole(actor, project.id);
  if (!role) throw new AppError("not_found", "Project not found");
  if (roleRank(role) < roleRank(minRole)) {
    throw new AppError("forbidden", `This needs the ${minRole} role in the project; you are ${role}.`);
  }
  if (minRole !== "viewer" && project.isArchived) {
    throw new AppError("conflict", "The project is archived and read-only.");
  }
  return { project, role };
}

/** May the actor read this realtime room? Used by the sidecar before a socket joins. */
export async function canReadRoom(actor: Actor, room: string): Promise<boolean> {
  const m = /^(project|conversation|user):(\d+)$/.exec(room);
  if (!m) return false;
  const id = Number(m[2]);
  if (m[1] === "user") return id === actor.userId;
  if (m[1] === "project") {
    const exists = await getDb().project.findFirst({ where: { id, deletedAt: null }, select: { id: true } });
    return !!exists && (await projectRole(actor, id)) !== null;
  }
  if (actor.apiKeyProjectId !== null) return false;
  const member = await getDb().conversationMember.findUnique({
    where: { conversationId_userId: { conversationId: id, userId: actor.userId } },
    select: { id: true },
  });
  return !!member;
}

/** Ids of the projects an actor may read (admins: all). */
export async function readableProjectIds(actor: Actor): Promise<number[] | "all"> {
  if (actor.apiKeyProjectId !== null) return [actor.apiKeyProjectId];
  if (actor.isAdmin) return "all";
  const db = getDb();
  const [members, groups] = await Promise.all([
    db.projectMember.findMany({ where: { userId: actor.userId }, select: { projectId: true } }),
    db.groupProjectAccess.findMany({
      where: { group: { members: { some: { userId: actor.userId } } } },
      select: { projectId: true },
    }),
  ]);
  return [...new Set([...members.map((m) => m.projectId), ...groups.map((g) => g.projectId)])];
}
