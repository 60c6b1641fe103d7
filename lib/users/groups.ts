// User groups (system admins only): a group has members and a role in projects and customers; a
// member's role there is the highest of their direct role and their groups' roles
// (lib/auth/access.ts). A group's project access is granted and revoked through the same functions
// the project settings use (lib/boards/members.ts), so both sides behave alike and notify alike.
import { z } from "zod";
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { projectRole } from "../auth/access.ts";
import { type Actor, actorForUser, ROLES, requireAdmin } from "../auth/actor.ts";
import { grantGroup, revokeGroup } from "../boards/members.ts";
import { CUSTOMER_ROLES } from "../customers/roles.ts";
import { getDb } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { type PublishedEvent, userRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { parseId } from "./admin.ts";

export const ZGroupInput = z
  .object({
    name: z.string().trim().min(1).max(191),
    description: z.string().trim().max(2000).nullish(),
  })
  .strict();

export const ZGroupUpdate = ZGroupInput.partial().strict();

export const ZAddGroupMember = z
  .object({
    userId: z.number().int().positive().max(2_147_483_647).optional(),
    username: z.string().trim().min(1).max(191).optional(),
  })
  .strict()
  .refine((v) => (v.userId === undefined) !== (v.username === undefined), {
    path: ["userId"],
    message: "give either userId or username",
  });

export const ZProjectAccess = z.object({ role: z.enum(ROLES) }).strict();
export const ZCustomerAccess = z.object({ role: z.enum(CUSTOMER_ROLES) }).strict();

export type GroupSummary = {
  id: number;
  name: string;
  description: string | null;
  memberCount: number;
  projectCount: number;
  customerCount: number;
  createdAt: Date;
};

const SUMMARY_SELECT = {
  id: true,
  name: true,
  description: true,
  createdAt: true,
  _count: { select: { members: true, projectAccess: true, customerAccess: true } },
} as const;

function toSummary(row: {
  id: number;
  name: string;
  description: string | null;
  createdAt: Date;
  _count: { members: number; projectAccess: number; customerAccess: number };
}): GroupSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.createdAt,
    memberCount: row._count.members,
    projectCount: row._count.projectAccess,
    customerCount: row._count.customerAccess,
  };
}

function nameTaken(e: unknown): never {
  if ((e as { code?: string }).code === "P2002") {
    throw new AppError("conflict", "A group with this name already exists.", { fields: [{ path: "name", message: "taken" }] });
  }
  throw e;
}

async function requireGroup(rawId: string | number) {
  const id = parseId(rawId, "Group");
  const group = await getDb().userGroup.findUnique({ where: { id }, select: { id: true, name: true } });
  if (!group) throw notFound("Group not found");
  return group;
}

export async function listGroups(actor: Actor): Promise<GroupSummary[]> {
  requireAdmin(actor);
  const rows = await getDb().userGroup.findMany({ select: SUMMARY_SELECT, orderBy: [{ name: "asc" }, { id: "asc" }] });
  return rows.map(toSummary);
}

/** A group with its members and its access to projects and customers. */
export async function getGroup(actor: Actor, rawId: string | number) {
  requireAdmin(actor);
  const { id } = await requireGroup(rawId);
  const db = getDb();
  const [row, members, projects, customers] = await Promise.all([
    db.userGroup.findUniqueOrThrow({ where: { id }, select: SUMMARY_SELECT }),
    db.groupMember.findMany({
      where: { groupId: id },
      select: {
        user: { select: { id: true, username: true, email: true, avatar: true, isActive: true, deletedAt: true } },
      },
      orderBy: { user: { username: "asc" } },
    }),
    db.groupProjectAccess.findMany({
      where: { groupId: id, project: { deletedAt: null } },
      select: { role: true, project: { select: { id: true, slug: true, name: true, key: true, isArchived: true } } },
      orderBy: { project: { name: "asc" } },
    }),
    db.groupCustomerAccess.findMany({
      where: { groupId: id, customer: { deletedAt: null } },
      select: { role: true, customer: { select: { id: true, slug: true, name: true } } },
      orderBy: { customer: { name: "asc" } },
    }),
  ]);
  return {
    ...toSummary(row),
    members: members.map(({ user: { deletedAt, isActive, ...u } }) => ({
      ...u,
      status: deletedAt ? "deleted" : isActive ? "active" : "disabled",
    })),
    projects: projects.map((p) => ({ ...p.project, role: p.role })),
    customers: customers.map((c) => ({ ...c.customer, role: c.role })),
  };
}

export async function createGroup(actor: Actor, input: unknown, meta?: RequestMeta): Promise<GroupSummary> {
  requireAdmin(actor);
  const data = parseInput(ZGroupInput, input);
  const row = await getDb()
    .userGroup.create({ data: { name: data.name, description: data.description || null }, select: SUMMARY_SELECT })
    .catch(nameTaken);
  await recordAudit({
    actor,
    action: "group.created",
    resourceType: "group",
    resourceId: row.id,
    details: { name: row.name },
    meta,
  });
  return toSummary(row);
}

export async function updateGroup(actor: Actor, rawId: string | number, input: unknown, meta?: RequestMeta) {
  requireAdmin(actor);
  const data = parseInput(ZGroupUpdate, input);
  const before = await requireGroup(rawId);
  const row = await getDb()
    .userGroup.update({
      where: { id: before.id },
      data: {
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.description !== undefined ? { description: data.description || null } : {}),
      },
      select: SUMMARY_SELECT,
    })
    .catch(nameTaken);
  await recordAudit({
    actor,
    action: "group.updated",
    resourceType: "group",
    resourceId: row.id,
    details: { ...(before.name !== row.name ? { name: { from: before.name, to: row.name } } : {}), ...data },
    meta,
  });
  return toSummary(row);
}

/** Deletes a group: its members lose what they had only through it (their open pages are told). */
export async function deleteGroup(actor: Actor, rawId: string | number, meta?: RequestMeta): Promise<void> {
  requireAdmin(actor);
  const group = await requireGroup(rawId);
  const db = getDb();
  const [members, projects] = await Promise.all([
    db.groupMember.findMany({ where: { groupId: group.id }, select: { userId: true } }),
    db.groupProjectAccess.findMany({ where: { groupId: group.id }, select: { projectId: true } }),
  ]);
  await db.userGroup.delete({ where: { id: group.id } });
  await recordAudit({
    actor,
    action: "group.deleted",
    resourceType: "group",
    resourceId: group.id,
    details: { name: group.name },
    meta,
  });
  await notifyLostAccess(
    members.map((m) => m.userId),
    projects.map((p) => p.projectId),
  );
}

/** Audits a change to a group's members or access; the details always name the group, plus `extra`. */
function auditGroup(
  actor: Actor,
  action: string,
  group: { id: number; name: string },
  meta: RequestMeta | undefined,
  extra: Record<string, unknown>,
) {
  return recordAudit({
    actor,
    action,
    resourceType: "group",
    resourceId: group.id,
    details: { group: group.name, ...extra },
    meta,
  });
}

/** Tells users (room user:<id>) about projects they can no longer read, like the project side does. */
export async function notifyLostAccess(userIds: number[], projectIds: number[]) {
  if (userIds.length === 0 || projectIds.length === 0) return;
  const db = getDb();
  const [users, projects] = await Promise.all([
    db.user.findMany({
      where: { id: { in: userIds }, deletedAt: null },
      select: { id: true, username: true, role: true, language: true },
    }),
    db.project.findMany({ where: { id: { in: projectIds }, deletedAt: null }, select: { id: true, slug: true, name: true } }),
  ]);
  const events: PublishedEvent[] = [];
  for (const user of users) {
    const asActor = actorForUser(user);
    for (const project of projects) {
      if ((await projectRole(asActor, project.id)) !== null) continue;
      events.push({
        room: userRoom(user.id),
        type: "project.access_removed",
        data: { projectId: project.id, slug: project.slug, name: project.name },
      });
    }
  }
  if (events.length > 0) publish(events);
}

export async function addGroupMember(actor: Actor, rawId: string | number, input: unknown, meta?: RequestMeta) {
  requireAdmin(actor);
  const data = parseInput(ZAddGroupMember, input);
  const group = await requireGroup(rawId);
  const db = getDb();
  const user = await db.user.findFirst({
    where: data.userId !== undefined ? { id: data.userId, deletedAt: null } : { username: data.username, deletedAt: null },
    select: { id: true, username: true, email: true, avatar: true, isActive: true },
  });
  if (!user) {
    throw new AppError("validation", "Unknown user", {
      fields: [{ path: data.userId !== undefined ? "userId" : "username", message: "no such user" }],
    });
  }
  const existing = await db.groupMember.findUnique({
    where: { groupId_userId: { groupId: group.id, userId: user.id } },
    select: { id: true },
  });
  if (!existing) {
    await db.groupMember
      .create({ data: { groupId: group.id, userId: user.id }, select: { id: true } })
      .catch((e: { code?: string }) => {
        // Added at the same moment by another request: the outcome is the same.
        if (e.code !== "P2002") throw e;
      });
    await auditGroup(actor, "group.member_added", group, meta, { userId: user.id, username: user.username });
  }
  const { isActive, ...rest } = user;
  return { ...rest, status: isActive ? "active" : "disabled" };
}

export async function removeGroupMember(
  actor: Actor,
  rawId: string | number,
  rawUserId: string | number,
  meta?: RequestMeta,
): Promise<void> {
  requireAdmin(actor);
  const group = await requireGroup(rawId);
  const userId = parseId(rawUserId);
  const db = getDb();
  const { count } = await db.groupMember.deleteMany({ where: { groupId: group.id, userId } });
  if (!count) throw notFound("This user is not a member of the group.");
  const user = await db.user.findUnique({ where: { id: userId }, select: { username: true } });
  await auditGroup(actor, "group.member_removed", group, meta, { userId, username: user?.username ?? null });
  const projects = await db.groupProjectAccess.findMany({ where: { groupId: group.id }, select: { projectId: true } });
  await notifyLostAccess(
    [userId],
    projects.map((p) => p.projectId),
  );
}

/** Grants the group a role in a project, or changes it. */
export async function setGroupProjectAccess(
  actor: Actor,
  rawId: string | number,
  slug: string,
  input: unknown,
  meta?: RequestMeta,
) {
  requireAdmin(actor);
  const data = parseInput(ZProjectAccess, input);
  const group = await requireGroup(rawId);
  await grantGroup(actor, slug, { group: group.id, role: data.role });
  const project = await getDb().project.findUniqueOrThrow({
    where: { slug },
    select: { id: true, slug: true, name: true, key: true, isArchived: true },
  });
  await auditGroup(actor, "group.access_changed", group, meta, { project: project.slug, role: data.role });
  return { ...project, role: data.role };
}

export async function removeGroupProjectAccess(actor: Actor, rawId: string | number, slug: string, meta?: RequestMeta) {
  requireAdmin(actor);
  const group = await requireGroup(rawId);
  await revokeGroup(actor, slug, group.id);
  await auditGroup(actor, "group.access_changed", group, meta, { project: slug, role: null });
}

async function requireCustomer(slug: string) {
  const customer = await getDb().customer.findFirst({
    where: { slug, deletedAt: null },
    select: { id: true, slug: true, name: true },
  });
  if (!customer) throw notFound("Customer not found");
  return customer;
}

/** Grants the group a role for a customer (viewer or editor), or changes it. */
export async function setGroupCustomerAccess(
  actor: Actor,
  rawId: string | number,
  slug: string,
  input: unknown,
  meta?: RequestMeta,
) {
  requireAdmin(actor);
  const data = parseInput(ZCustomerAccess, input);
  const group = await requireGroup(rawId);
  const customer = await requireCustomer(slug);
  await getDb().groupCustomerAccess.upsert({
    where: { groupId_customerId: { groupId: group.id, customerId: customer.id } },
    create: { groupId: group.id, customerId: customer.id, role: data.role },
    update: { role: data.role },
    select: { id: true },
  });
  await auditGroup(actor, "group.access_changed", group, meta, { customer: customer.slug, role: data.role });
  return { ...customer, role: data.role };
}

export async function removeGroupCustomerAccess(actor: Actor, rawId: string | number, slug: string, meta?: RequestMeta) {
  requireAdmin(actor);
  const group = await requireGroup(rawId);
  const customer = await requireCustomer(slug);
  const { count } = await getDb().groupCustomerAccess.deleteMany({ where: { groupId: group.id, customerId: customer.id } });
  if (!count) throw notFound("This group has no access to the customer.");
  await auditGroup(actor, "group.access_changed", group, meta, { customer: customer.slug, role: null });
}

/** What a group can be given access to, for the pickers: live projects and customers. */
export async function listAccessTargets(actor: Actor) {
  requireAdmin(actor);
  const db = getDb();
  const [projects, customers] = await Promise.all([
    db.project.findMany({
      where: { deletedAt: null },
      select: { id: true, slug: true, name: true, key: true, isArchived: true },
      orderBy: { name: "asc" },
    }),
    db.customer.findMany({ where: { deletedAt: null }, select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { projects, customers };
}
