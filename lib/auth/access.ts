// Who may do what. The web app's routes, server actions, pages and the realtime sidecar all ask
// here. Anything an actor may not read is reported as not found, so existence does not leak.

import { keyedCache } from "../cache/invalidation.ts";
import { customerRole } from "../customers/access.ts";
import { getDb, Prisma } from "../db/client.ts";
import { rows, run, type Step } from "../db/direct.ts";
import { AppError, notFound } from "../errors.ts";
import { type Actor, type ProjectRole, ROLES, roleRank } from "./actor.ts";
import { bestRole, type RankRow, type RoleTables, rankColumns } from "./role-access.ts";

export type ProjectRef = { id: number; slug: string; key: string; name: string; type: string; isArchived: boolean };

const PROJECT_ROLES: RoleTables = {
  roles: ROLES,
  direct: { table: "project_members", column: "project_id" },
  group: { table: "group_project_access", column: "project_id" },
};

type ProjectRow = RankRow & { id: unknown; slug: unknown; key: unknown; name: unknown; type: unknown; is_archived: unknown };

/** A `projects` row as the access functions read it. */
const toProjectRef = (row: ProjectRow): ProjectRef => ({
  id: Number(row.id),
  slug: String(row.slug),
  key: String(row.key),
  name: String(row.name),
  type: String(row.type),
  isArchived: Boolean(Number(row.is_archived)),
});

/**
 * The project (by id or slug) and the actor's best direct and group role in it. A slug that no
 * project uses any more but that a project had before a rename (project_slug_redirects) finds that
 * project, so old links and scripts keep working; access is checked on the project as usual.
 * This runs on every request that touches a project: plain SQL on the driver (lib/db/direct.ts).
 */
async function loadProjectAccess(where: { id: number } | { slug: string }, userId: number) {
  const key = `${"id" in where ? `#${where.id}` : where.slug}\u0000${userId}`;
  const kept = accessCache.get(key);
  if (kept) return kept;
  const generation = accessCache.generation();
  const access = await run(() => projectAccess(where, userId));
  if (access) {
    Object.freeze(access.project);
    accessCache.set(key, Object.freeze(access), generation);
  }
  return access;
}

// The project and the actor's role in it, per (project, user), kept while no project, membership
// or group row changed anywhere (the `access` topic, lib/cache/watched-writes.ts): a removed member
// is refused on the next request, in every process. Not found is never kept.
const accessCache = keyedCache<string, ProjectAccess>("access");

function* projectAccess(where: { id: number } | { slug: string }, userId: number): Step<ProjectAccess | null> {
  const access = yield* projectAccessRow(where, userId);
  if (access || !("slug" in where)) return access;
  const [redirect] = yield* rows<{ project_id: unknown }>(
    Prisma.sql`SELECT project_id FROM project_slug_redirects WHERE slug = ${where.slug}`,
  );
  return redirect ? yield* projectAccessRow({ id: Number(redirect.project_id) }, userId) : null;
}

type ProjectAccess = { project: ProjectRef; memberRole: ProjectRole | null };

/** One statement: the project (by id or live slug) and the actor's best direct and group role in it. */
function* projectAccessRow(where: { id: number } | { slug: string }, userId: number): Step<ProjectAccess | null> {
  const match = "id" in where ? Prisma.sql`p.id = ${where.id}` : Prisma.sql`p.slug = ${where.slug}`;
  const [row] = yield* rows<ProjectRow>(Prisma.sql`
    SELECT p.id, p.slug, p.key, p.name, p.type, p.is_archived, ${rankColumns(PROJECT_ROLES, Prisma.sql`p.id`, userId)}
    FROM projects p WHERE ${match} AND p.deleted_at IS NULL`);
  if (!row) return null;
  return { project: toProjectRef(row), memberRole: bestRole(ROLES, row) };
}

function effectiveRole(actor: Actor, projectId: number, memberRole: ProjectRole | null): ProjectRole | null {
  if (actor.apiKeyProjectId !== null && actor.apiKeyProjectId !== projectId) return null;
  if (actor.isAdmin) return "admin";
  return memberRole;
}

/**
 * The actor's effective role in a live project, or null when they may not read it: system admins
 * are admins everywhere; otherwise the highest of their direct and group roles.
 */
export async function projectRole(actor: Actor, projectId: number): Promise<ProjectRole | null> {
  const access = await loadProjectAccess({ id: projectId }, actor.userId);
  return access ? effectiveRole(actor, projectId, access.memberRole) : null;
}

/** `projectRole` as a unit of work for lib/db/direct.ts (e.g. inside a transaction). */
export function* projectRoleOf(actor: Actor, projectId: number): Step<ProjectRole | null> {
  const access = yield* projectAccess({ id: projectId }, actor.userId);
  return access ? effectiveRole(actor, projectId, access.memberRole) : null;
}

/**
 * Loads a project by slug (its current one, or an old one from before a rename) and checks the
 * actor's role. Unknown, deleted and unreadable projects are all "not found"; a reader without the
 * required role gets "forbidden". `project.slug` is always the current slug.
 */
export async function requireProject(actor: Actor, slug: string, minRole: ProjectRole = "viewer") {
  const access = await loadProjectAccess({ slug }, actor.userId);
  const role = access ? effectiveRole(actor, access.project.id, access.memberRole) : null;
  if (!access || !role) throw notFound("Project not found");
  const { project } = access;
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
  const m = /^(project|conversation|user|customer):(\d+)$/.exec(room);
  if (!m) return false;
  const id = Number(m[2]);
  if (m[1] === "project") return (await projectRole(actor, id)) !== null;
  // A key limited to one project follows that project's room and nothing else: not its owner's own
  // room (direct messages, notifications, time), not conversations, not customers.
  if (actor.apiKeyProjectId !== null) return false;
  if (m[1] === "user") return id === actor.userId;
  if (m[1] === "customer") return (await customerRole(actor, id)) !== null;
  const [member] = await run(() =>
    rows(
      Prisma.sql`SELECT id FROM conversation_members WHERE conversation_id = ${id} AND user_id = ${actor.userId} AND left_at IS NULL`,
    ),
  );
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
