// Who may see and book a customer: the same idea as projects (lib/auth/access.ts). A user's role
// is the highest of their customer_access role and their groups' group_customer_access roles;
// system admins are editors everywhere. A key limited to one project reaches only that project's
// customer. Anything an actor may not read is "not found", so existence does not leak.
import type { Actor } from "../auth/actor.ts";
import { getDb, Prisma } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { CUSTOMER_ROLES, type CustomerRole, customerRoleRank } from "./roles.ts";

export type CustomerRef = { id: number; slug: string; name: string; color: string | null; isArchived: boolean };

const RANK_SQL = Prisma.raw(`CASE role ${CUSTOMER_ROLES.map((r, i) => `WHEN '${r}' THEN ${i + 1}`).join(" ")} ELSE 0 END`);

/** One statement: the live customer (by id or slug) and the actor's best direct and group role. */
async function queryCustomerAccess(where: { id: number } | { slug: string }, actor: Actor) {
  const match = "id" in where ? Prisma.sql`c.id = ${where.id}` : Prisma.sql`c.slug = ${where.slug}`;
  const rows = await getDb().$queryRaw<Record<string, unknown>[]>`
    SELECT c.id, c.slug, c.name, c.color, c.is_archived,
      (SELECT MAX(${RANK_SQL}) FROM customer_access a WHERE a.customer_id = c.id AND a.user_id = ${actor.userId}) AS direct_rank,
      (SELECT MAX(${RANK_SQL}) FROM group_customer_access g JOIN group_members gm ON gm.group_id = g.group_id
        WHERE g.customer_id = c.id AND gm.user_id = ${actor.userId}) AS group_rank,
      (SELECT COUNT(*) FROM projects p WHERE p.customer_id = c.id AND p.id = ${actor.apiKeyProjectId ?? 0}) AS key_project
    FROM customers c WHERE ${match} AND c.deleted_at IS NULL`;
  const row = rows[0];
  if (!row) return null;
  const customer: CustomerRef = {
    id: Number(row.id),
    slug: String(row.slug),
    name: String(row.name),
    color: row.color === null ? null : String(row.color),
    isArchived: Boolean(Number(row.is_archived)),
  };
  if (actor.apiKeyProjectId !== null && Number(row.key_project) === 0) return { customer, role: null };
  if (actor.isAdmin) return { customer, role: "editor" as CustomerRole };
  const rank = Math.max(Number(row.direct_rank ?? 0), Number(row.group_rank ?? 0));
  return { customer, role: rank > 0 ? CUSTOMER_ROLES[rank - 1] : null };
}

/** The actor's role for a live customer, or null when they may not see it. */
export async function customerRole(actor: Actor, customerId: number): Promise<CustomerRole | null> {
  return (await queryCustomerAccess({ id: customerId }, actor))?.role ?? null;
}

/**
 * The customer by slug with the actor's role. Unknown, deleted and unreadable customers are all
 * "not found"; a viewer asking for an editor's change gets "forbidden"; an archived customer is
 * read-only (restoring it is the exception, see setCustomerArchived).
 */
export async function requireCustomer(
  actor: Actor,
  where: { slug: string } | { id: number },
  minRole: CustomerRole = "viewer",
  options: { allowArchived?: boolean } = {},
) {
  const access = await queryCustomerAccess(where, actor);
  if (!access?.role) throw new AppError("not_found", "Customer not found");
  if (customerRoleRank(access.role) < customerRoleRank(minRole)) {
    throw new AppError("forbidden", `This needs the ${minRole} role for the customer; you are ${access.role}.`);
  }
  if (minRole !== "viewer" && access.customer.isArchived && !options.allowArchived) {
    throw new AppError("conflict", "The customer is archived and read-only.");
  }
  return { customer: access.customer, role: access.role };
}

/**
 * Ids of the live customers the actor may see, with their role (admins: "all"). One query for the
 * lists, the reports' filter and the week view.
 */
export async function readableCustomers(actor: Actor): Promise<Map<number, CustomerRole> | "all"> {
  if (actor.isAdmin && actor.apiKeyProjectId === null) return "all";
  const db = getDb();
  const roles = new Map<number, CustomerRole>();
  const keep = (id: number, role: string) => {
    const current = roles.get(id);
    if (!current || customerRoleRank(role) > customerRoleRank(current)) roles.set(id, role as CustomerRole);
  };
  if (actor.apiKeyProjectId !== null) {
    const project = await db.project.findUnique({ where: { id: actor.apiKeyProjectId }, select: { customerId: true } });
    if (!project?.customerId) return roles;
    const role = await customerRole(actor, project.customerId);
    if (role) roles.set(project.customerId, role);
    return roles;
  }
  const [direct, groups] = await Promise.all([
    db.customerAccess.findMany({
      where: { userId: actor.userId, customer: { deletedAt: null } },
      select: { customerId: true, role: true },
    }),
    db.groupCustomerAccess.findMany({
      where: { group: { members: { some: { userId: actor.userId } } }, customer: { deletedAt: null } },
      select: { customerId: true, role: true },
    }),
  ]);
  for (const r of [...direct, ...groups]) keep(r.customerId, r.role);
  return roles;
}

/**
 * A customer slug given with a project (create or edit) to its id: the actor must be able to see
 * the customer; otherwise, like an unknown slug, a 400 on `customerSlug`.
 */
export async function customerIdForProject(actor: Actor, slug: string): Promise<number> {
  try {
    return (await requireCustomer(actor, { slug })).customer.id;
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") {
      throw new AppError("validation", "Unknown customer", { fields: [{ path: "customerSlug", message: "not found" }] });
    }
    throw e;
  }
}
