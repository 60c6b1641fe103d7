// Who may see and book a customer: the same idea as projects (lib/auth/access.ts). A user's role
// is the highest of their customer_access role and their groups' group_customer_access roles;
// system admins are editors everywhere. A key limited to one project reaches only that project's
// customer. Anything an actor may not read is "not found", so existence does not leak.
import type { Actor } from "../auth/actor.ts";
import { bestRole, type RankRow, type RoleTables, rankColumns } from "../auth/role-access.ts";
import { getDb, Prisma } from "../db/client.ts";
import { rows, run } from "../db/direct.ts";
import { AppError, notFound } from "../errors.ts";
import { CUSTOMER_ROLES, type CustomerRole, customerRoleRank } from "./roles.ts";

export type CustomerRef = { id: number; slug: string; name: string; color: string | null; isArchived: boolean };

const CUSTOMER_ROLE_TABLES: RoleTables = {
  roles: CUSTOMER_ROLES,
  direct: { table: "customer_access", column: "customer_id" },
  group: { table: "group_customer_access", column: "customer_id" },
};

type CustomerRow = RankRow & {
  id: unknown;
  slug: unknown;
  name: unknown;
  color: unknown;
  is_archived: unknown;
  key_project: unknown;
};

/** A `customers` row as the access functions read it. */
const toCustomerRef = (row: CustomerRow): CustomerRef => ({
  id: Number(row.id),
  slug: String(row.slug),
  name: String(row.name),
  color: row.color === null ? null : String(row.color),
  isArchived: Boolean(Number(row.is_archived)),
});

/**
 * One statement on the direct driver (as project access, lib/auth/access.ts): the live customer
 * (by id or slug) and the actor's best direct and group role.
 */
async function queryCustomerAccess(where: { id: number } | { slug: string }, actor: Actor) {
  const match = "id" in where ? Prisma.sql`c.id = ${where.id}` : Prisma.sql`c.slug = ${where.slug}`;
  const [row] = await run(() =>
    rows<CustomerRow>(Prisma.sql`
    SELECT c.id, c.slug, c.name, c.color, c.is_archived, ${rankColumns(CUSTOMER_ROLE_TABLES, Prisma.sql`c.id`, actor.userId)},
      (SELECT COUNT(*) FROM projects p WHERE p.customer_id = c.id AND p.id = ${actor.apiKeyProjectId ?? 0}) AS key_project
    FROM customers c WHERE ${match} AND c.deleted_at IS NULL`),
  );
  if (!row) return null;
  const customer = toCustomerRef(row);
  if (actor.apiKeyProjectId !== null && Number(row.key_project) === 0) return { customer, role: null };
  if (actor.isAdmin) return { customer, role: "editor" as CustomerRole };
  return { customer, role: bestRole(CUSTOMER_ROLES, row) };
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
  if (!access?.role) throw notFound("Customer not found");
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
