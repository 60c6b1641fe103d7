// Who belongs to a project: direct members with a role, and user groups granted a role through
// group_project_access. The effective role is the highest of both (lib/auth/access.ts). A project
// always keeps at least one direct admin, so that someone can still manage it.
import { z } from "zod";
import { projectRole, requireProject } from "../auth/access.ts";
import { type Actor, actorForUser, type ProjectRole, ROLES } from "../auth/actor.ts";
import { getDb, type Tx } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { type PublishedEvent, projectRoom, userRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";

export const ZAddMember = z
  .object({
    username: z.string().trim().min(1).max(191),
    role: z.enum(ROLES).default("member"),
  })
  .strict();

export const ZChangeRole = z.object({ role: z.enum(ROLES) }).strict();

export const ZGrantGroup = z
  .object({
    /** The group's id or its exact name. */
    group: z.union([z.number().int().positive().max(2_147_483_647), z.string().trim().min(1).max(191)]),
    role: z.enum(ROLES).default("member"),
  })
  .strict();

export type Member = { id: number; username: string; avatar: string | null; role: string };

export async function listMembers(actor: Actor, slug: string): Promise<Member[]> {
  const { project } = await requireProject(actor, slug);
  const rows = await getDb().projectMember.findMany({
    where: { projectId: project.id, user: { deletedAt: null } },
    select: { role: true, user: { select: { id: true, username: true, avatar: true } } },
    orderBy: { user: { username: "asc" } },
  });
  return rows.map((r) => ({ ...r.user, role: r.role }));
}

/**
 * Serialises membership changes of one project: the first write locks the project row until
 * commit, so two admins demoting each other at once cannot both pass the last-admin check.
 */
async function lockProject(tx: Tx, projectId: number) {
  await tx.project.update({ where: { id: projectId }, data: { cardCounter: { increment: 0 } }, select: { id: true } });
}

async function assertAnAdminRemains(tx: Tx, projectId: number) {
  const admins = await tx.projectMember.count({ where: { projectId, role: "admin", user: { deletedAt: null } } });
  if (admins === 0) {
    throw new AppError("conflict", "A project needs at least one admin: make someone else admin first.", {
      fields: [{ path: "role", message: "last admin" }],
    });
  }
}

async function findUser(username: string) {
  const user = await getDb().user.findFirst({
    where: { username, deletedAt: null },
    select: { id: true, username: true, avatar: true, role: true, language: true, isActive: true },
  });
  return user;
}

/** What a user can do in the project now, from direct membership and groups. */
async function effectiveRole(
  user: { id: number; username: string; role: string; language: string },
  projectId: number,
): Promise<ProjectRole | null> {
  return projectRole(actorForUser(user), projectId);
}

/** Tells a user's open pages (room user:<id>) that they can no longer read the project. */
function accessRemovedEvent(userId: number, project: { id: number; slug: string; name: string }): PublishedEvent {
  return {
    room: userRoom(userId),
    type: "project.access_removed",
    data: { projectId: project.id, slug: project.slug, name: project.name },
  };
}

/** Adds a member or changes their role (project admins only). */
export async function addMember(actor: Actor, slug: string, input: unknown): Promise<Member> {
  const data = parseInput(ZAddMember, input);
  const { project } = await requireProject(actor, slug, "admin");
  const user = await findUser(data.username);
  if (!user?.isActive)
    throw new AppError("validation", "Unknown user", {
      fields: [{ path: "username", message: "no active user with this name" }],
    });
  await getDb().$transaction(async (tx) => {
    await lockProject(tx, project.id);
    await tx.projectMember.upsert({
      where: { projectId_userId: { projectId: project.id, userId: user.id } },
      create: { projectId: project.id, userId: user.id, role: data.role },
      update: { role: data.role },
    });
    await assertAnAdminRemains(tx, project.id);
  });
  const member = { id: user.id, username: user.username, avatar: user.avatar, role: data.role };
  publish([{ room: projectRoom(project.id), type: "project.updated", data: { members: { upserted: member } } }]);
  return member;
}

/** Changes a member's role; the last admin cannot be demoted (409). */
export async function changeMemberRole(actor: Actor, slug: string, username: string, input: unknown): Promise<Member> {
  const data = parseInput(ZChangeRole, input);
  const { project } = await requireProject(actor, slug, "admin");
  const user = await findUser(username);
  const member = await getDb().$transaction(async (tx) => {
    await lockProject(tx, project.id);
    const row = user
      ? await tx.projectMember.findUnique({
          where: { projectId_userId: { projectId: project.id, userId: user.id } },
          select: { id: true },
        })
      : null;
    if (!user || !row) throw notFound(`${username} is not a member of this project.`);
    await tx.projectMember.update({ where: { id: row.id }, data: { role: data.role }, select: { id: true } });
    await assertAnAdminRemains(tx, project.id);
    return { id: user.id, username: user.username, avatar: user.avatar, role: data.role };
  });
  publish([{ room: projectRoom(project.id), type: "project.updated", data: { members: { upserted: member } } }]);
  return member;
}

/** Removes a direct member; the last admin cannot be removed (409). Group access is separate. */
export async function removeMember(actor: Actor, slug: string, username: string): Promise<void> {
  const { project } = await requireProject(actor, slug, "admin");
  const user = await findUser(username);
  await getDb().$transaction(async (tx) => {
    await lockProject(tx, project.id);
    const row = user
      ? await tx.projectMember.findUnique({
          where: { projectId_userId: { projectId: project.id, userId: user.id } },
          select: { id: true },
        })
      : null;
    if (!user || !row) throw notFound(`${username} is not a member of this project.`);
    await tx.projectMember.delete({ where: { id: row.id } });
    await assertAnAdminRemains(tx, project.id);
  });
  if (!user) return;
  const events: PublishedEvent[] = [
    {
      room: projectRoom(project.id),
      type: "project.updated",
      data: { members: { removed: { id: user.id, username: user.username } } },
    },
  ];
  if ((await effectiveRole(user, project.id)) === null) events.push(accessRemovedEvent(user.id, project));
  publish(events);
}

export type GroupAccess = { id: number; name: string; role: string; memberCount: number };

export async function listProjectGroups(actor: Actor, slug: string): Promise<GroupAccess[]> {
  const { project } = await requireProject(actor, slug);
  const rows = await getDb().groupProjectAccess.findMany({
    where: { projectId: project.id },
    select: { role: true, group: { select: { id: true, name: true, _count: { select: { members: true } } } } },
    orderBy: { group: { name: "asc" } },
  });
  return rows.map((r) => ({ id: r.group.id, name: r.group.name, role: r.role, memberCount: r.group._count.members }));
}

/** The existing user groups a project admin may grant access to (creating groups is for system admins). */
export async function listGrantableGroups(actor: Actor, slug: string): Promise<{ id: number; name: string }[]> {
  await requireProject(actor, slug, "admin");
  return getDb().userGroup.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** Grants an existing group a role in the project, or changes its role (project admins). */
export async function grantGroup(actor: Actor, slug: string, input: unknown): Promise<GroupAccess> {
  const data = parseInput(ZGrantGroup, input);
  const { project } = await requireProject(actor, slug, "admin");
  const db = getDb();
  const group = await db.userGroup.findFirst({
    where: typeof data.group === "number" ? { id: data.group } : { name: data.group },
    select: { id: true, name: true, _count: { select: { members: true } } },
  });
  if (!group) throw new AppError("validation", "Unknown group", { fields: [{ path: "group", message: "no such group" }] });
  await db.groupProjectAccess.upsert({
    where: { groupId_projectId: { groupId: group.id, projectId: project.id } },
    create: { groupId: group.id, projectId: project.id, role: data.role },
    update: { role: data.role },
  });
  const access = { id: group.id, name: group.name, role: data.role, memberCount: group._count.members };
  publish([{ room: projectRoom(project.id), type: "project.updated", data: { groups: { upserted: access } } }]);
  return access;
}

/** Revokes a group's access; its members who had no other access are told through their user room. */
export async function revokeGroup(actor: Actor, slug: string, groupId: string | number): Promise<void> {
  const id = typeof groupId === "number" ? groupId : /^\d{1,10}$/.test(groupId) ? Number(groupId) : Number.NaN;
  const { project } = await requireProject(actor, slug, "admin");
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw notFound("Group not found");
  const db = getDb();
  const access = await db.groupProjectAccess.findUnique({
    where: { groupId_projectId: { groupId: id, projectId: project.id } },
    select: {
      id: true,
      group: {
        select: {
          members: { select: { user: { select: { id: true, username: true, role: true, language: true, deletedAt: true } } } },
        },
      },
    },
  });
  if (!access) throw notFound("This group has no access to the project.");
  await db.groupProjectAccess.delete({ where: { id: access.id } });
  const events: PublishedEvent[] = [
    { room: projectRoom(project.id), type: "project.updated", data: { groups: { removed: { id } } } },
  ];
  for (const { user } of access.group.members) {
    if (user.deletedAt) continue;
    if ((await effectiveRole(user, project.id)) === null) events.push(accessRemovedEvent(user.id, project));
  }
  publish(events);
}
