// Customers: the companies the team works for. Everyone (but a project-scoped key) may create one
// and becomes its editor; editors change it, archive it (read-only, listed last) and share it with
// people; viewers see it. Favourites are per user and sort first everywhere.
import { z } from "zod";
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { readableProjectIds } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { isCurrency } from "../billing/money.ts";
import { defaultCurrency } from "../billing/rates.ts";
import { slugify } from "../boards/projects.ts";
import { getDb } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { type CustomerRef, readableCustomers, requireCustomer } from "./access.ts";
import { CONTRACT_SELECT, contractsWithBurn } from "./contracts.ts";
import { CUSTOMER_ROLES, type CustomerRole } from "./roles.ts";

export const ZCustomerSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lower-case letters, digits and single hyphens");

const HEX = /^#[0-9a-fA-F]{6}$/;
const optionalText = (max: number) => z.string().trim().max(max).nullish();

const CUSTOMER_FIELDS = {
  name: z.string().trim().min(1, "Give the customer a name.").max(191),
  slug: ZCustomerSlug,
  description: optionalText(20_000),
  /** The contact person. */
  contact: optionalText(191),
  email: z.union([z.literal(""), z.email("an email address like billing@example.com").max(191)]).nullish(),
  phone: optionalText(64),
  address: optionalText(2000),
  color: z.union([z.literal(""), z.string().regex(HEX, "a colour like #2f7d5b")]).nullish(),
  /** ISO 4217 code of its rates and amounts (default: the instance's). */
  currency: z.string().refine(isCurrency, "an ISO 4217 currency code like EUR"),
};

export const ZCreateCustomer = z
  .object({ ...CUSTOMER_FIELDS, slug: ZCustomerSlug.optional(), currency: CUSTOMER_FIELDS.currency.optional() })
  .strict();
export const ZUpdateCustomer = z
  .object(CUSTOMER_FIELDS)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");

export const ZCustomerAccessGrant = z.object({ role: z.enum(CUSTOMER_ROLES) }).strict();

const CUSTOMER_SELECT = {
  id: true,
  name: true,
  slug: true,
  description: true,
  contact: true,
  email: true,
  phone: true,
  address: true,
  color: true,
  isArchived: true,
  currency: true,
  createdAt: true,
} as const;

type CustomerRow = {
  id: number;
  name: string;
  slug: string;
  description: string | null;
  contact: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  color: string | null;
  isArchived: boolean;
  currency: string;
  createdAt: Date;
};

export function customerJson(row: CustomerRow, extra: { role: CustomerRole; isFavorite: boolean }) {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    contact: row.contact,
    email: row.email,
    phone: row.phone,
    address: row.address,
    color: row.color,
    isArchived: row.isArchived,
    currency: row.currency,
    isFavorite: extra.isFavorite,
    role: extra.role,
    createdAt: row.createdAt.toISOString(),
  };
}
export type CustomerJson = ReturnType<typeof customerJson>;

const blankToNull = (v: string | null | undefined) => (v === undefined ? undefined : v ? v : null);

function slugTaken(slug: string): never {
  throw new AppError("conflict", `A customer with the slug "${slug}" already exists.`, {
    fields: [{ path: "slug", message: "taken" }],
  });
}

async function freeCustomerSlug(base: string): Promise<string> {
  const rows = await getDb().customer.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * Customers the actor can see: favourites first, then live ones, archived last; each by name.
 * `withContracts`: each with its active contracts and their burn (for the list page).
 */
export async function listCustomers(actor: Actor, options: { includeArchived?: boolean; withContracts?: boolean } = {}) {
  const roles = await readableCustomers(actor);
  const db = getDb();
  const [rows, favorites] = await Promise.all([
    db.customer.findMany({
      where: {
        deletedAt: null,
        ...(roles === "all" ? {} : { id: { in: [...roles.keys()] } }),
        ...(options.includeArchived ? {} : { isArchived: false }),
      },
      select: { ...CUSTOMER_SELECT, _count: { select: { projects: { where: { deletedAt: null } } } } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    db.customerFavorite.findMany({ where: { userId: actor.userId }, select: { customerId: true } }),
  ]);
  const starred = new Set(favorites.map((f) => f.customerId));
  const list = rows.map(({ _count, ...row }) => ({
    ...customerJson(row, {
      role: roles === "all" ? "editor" : (roles.get(row.id) ?? "viewer"),
      isFavorite: starred.has(row.id),
    }),
    projectCount: _count.projects,
  }));
  const rank = (c: (typeof list)[number]) => (c.isArchived ? 2 : c.isFavorite ? 0 : 1);
  list.sort((a, b) => rank(a) - rank(b));
  if (!options.withContracts) return list.map((c) => ({ ...c, activeContracts: undefined }));
  const active = await contractsWithBurn(
    await db.contract.findMany({
      where: { customerId: { in: list.map((c) => c.id) }, deletedAt: null, status: "active" },
      select: CONTRACT_SELECT,
      orderBy: [{ startDate: "desc" }, { id: "desc" }],
    }),
  );
  return list.map((c) => ({ ...c, activeContracts: active.filter((k) => k.customerId === c.id) }));
}

async function favoriteOf(actor: Actor, customerId: number): Promise<boolean> {
  const row = await getDb().customerFavorite.findUnique({
    where: { userId_customerId: { userId: actor.userId, customerId } },
    select: { id: true },
  });
  return !!row;
}

export async function getCustomer(actor: Actor, slug: string) {
  const { customer, role } = await requireCustomer(actor, { slug });
  const [row, isFavorite] = await Promise.all([
    getDb().customer.findUniqueOrThrow({ where: { id: customer.id }, select: CUSTOMER_SELECT }),
    favoriteOf(actor, customer.id),
  ]);
  return customerJson(row, { role, isFavorite });
}

function auditCustomer(
  actor: Actor,
  action: string,
  customer: { id: number; slug: string },
  details: object,
  meta?: RequestMeta,
) {
  return recordAudit({
    actor,
    action,
    resourceType: "customer",
    resourceId: customer.id,
    details: { customer: customer.slug, ...details },
    meta,
  });
}

export async function createCustomer(actor: Actor, input: unknown, meta?: RequestMeta) {
  const data = parseInput(ZCreateCustomer, input);
  if (actor.apiKeyProjectId !== null) throw new AppError("forbidden", "A project-scoped API key cannot create customers.");
  const slug = data.slug ?? (await freeCustomerSlug(slugify(data.name)));
  const row = await getDb()
    .$transaction(async (tx) => {
      const created = await tx.customer.create({
        data: {
          name: data.name,
          slug,
          description: blankToNull(data.description) ?? null,
          contact: blankToNull(data.contact) ?? null,
          email: blankToNull(data.email) ?? null,
          phone: blankToNull(data.phone) ?? null,
          address: blankToNull(data.address) ?? null,
          color: blankToNull(data.color) ?? null,
          currency: data.currency ?? (await defaultCurrency()),
        },
        select: CUSTOMER_SELECT,
      });
      await tx.customerAccess.create({ data: { userId: actor.userId, customerId: created.id, role: "editor" } });
      return created;
    })
    .catch((e: { code?: string }) => (e.code === "P2002" ? slugTaken(slug) : Promise.reject(e)));
  await auditCustomer(actor, "customer.created", row, { name: row.name }, meta);
  return customerJson(row, { role: "editor", isFavorite: false });
}

export async function updateCustomer(actor: Actor, slug: string, input: unknown, meta?: RequestMeta) {
  const data = parseInput(ZUpdateCustomer, input);
  const { customer, role } = await requireCustomer(actor, { slug }, "editor");
  const fields = Object.fromEntries(
    Object.entries(data).map(([k, v]) => [
      k,
      k === "name" || k === "slug" || k === "currency" ? v : blankToNull(v as string | null),
    ]),
  );
  if (data.currency !== undefined) await checkCurrencyChange(customer.id, data.currency);
  const row = await getDb()
    .customer.update({ where: { id: customer.id }, data: fields, select: CUSTOMER_SELECT })
    .catch((e: { code?: string }) => (e.code === "P2002" ? slugTaken(String(data.slug)) : Promise.reject(e)));
  await auditCustomer(actor, "customer.updated", row, { changed: Object.keys(data) }, meta);
  return customerJson(row, { role, isFavorite: await favoriteOf(actor, customer.id) });
}

/**
 * A customer's currency changes only while nothing is priced in the old one: its rates and amounts
 * would otherwise silently change meaning.
 */
async function checkCurrencyChange(customerId: number, currency: string) {
  const db = getDb();
  const current = await db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { currency: true } });
  if (current.currency === currency) return;
  const [rates, entries] = await Promise.all([
    db.billingRate.count({
      where: { OR: [{ customerId }, { contract: { customerId } }, { project: { customerId } }] },
    }),
    db.timeEntry.count({ where: { customerId, rateMinor: { not: null } } }),
  ]);
  if (rates > 0 || entries > 0) {
    throw new AppError(
      "conflict",
      `The customer has ${rates} rate(s) and ${entries} priced entries in ${current.currency}; the currency can change only before anything is priced.`,
      { fields: [{ path: "currency", message: "in use" }] },
    );
  }
}

/** Archives (read-only, listed last) or restores a customer (editors). */
export async function setCustomerArchived(actor: Actor, slug: string, isArchived: boolean, meta?: RequestMeta) {
  const { customer, role } = await requireCustomer(actor, { slug }, "editor", { allowArchived: true });
  if (customer.isArchived === isArchived) {
    throw new AppError("conflict", isArchived ? "The customer is archived already." : "The customer is not archived.");
  }
  const row = await getDb().customer.update({ where: { id: customer.id }, data: { isArchived }, select: CUSTOMER_SELECT });
  await auditCustomer(actor, isArchived ? "customer.archived" : "customer.restored", row, {}, meta);
  return customerJson(row, { role, isFavorite: await favoriteOf(actor, customer.id) });
}

/** Stars or unstars a customer for the actor (idempotent). */
export async function setFavorite(actor: Actor, slug: string, isFavorite: boolean) {
  const { customer } = await requireCustomer(actor, { slug });
  const db = getDb();
  if (isFavorite) {
    await db.customerFavorite
      .create({ data: { userId: actor.userId, customerId: customer.id }, select: { id: true } })
      .catch((e: { code?: string }) => {
        if (e.code !== "P2002") throw e;
      });
  } else {
    await db.customerFavorite.deleteMany({ where: { userId: actor.userId, customerId: customer.id } });
  }
  return { slug: customer.slug, isFavorite };
}

/**
 * The people who may see the customer: direct grants and group grants, each with the effective
 * (highest) role and where it comes from. System admins are not listed: they see everything.
 */
export async function listCustomerAccess(actor: Actor, slug: string) {
  const { customer } = await requireCustomer(actor, { slug });
  return customerTeam(customer);
}

export async function customerTeam(customer: CustomerRef) {
  const db = getDb();
  const [direct, groups] = await Promise.all([
    db.customerAccess.findMany({
      where: { customerId: customer.id, user: { deletedAt: null } },
      select: { role: true, user: { select: { id: true, username: true, avatar: true, isActive: true } } },
    }),
    db.groupCustomerAccess.findMany({
      where: { customerId: customer.id },
      select: {
        role: true,
        group: {
          select: {
            id: true,
            name: true,
            members: {
              where: { user: { deletedAt: null } },
              select: { user: { select: { id: true, username: true, avatar: true, isActive: true } } },
            },
          },
        },
      },
    }),
  ]);
  type Person = {
    id: number;
    username: string;
    hasAvatar: boolean;
    isActive: boolean;
    role: CustomerRole;
    directRole: CustomerRole | null;
    groups: string[];
  };
  const people = new Map<number, Person>();
  const upsert = (u: { id: number; username: string; avatar: string | null; isActive: boolean }, role: string) => {
    const p = people.get(u.id) ?? {
      id: u.id,
      username: u.username,
      hasAvatar: !!u.avatar,
      isActive: u.isActive,
      role: "viewer" as CustomerRole,
      directRole: null,
      groups: [],
    };
    if (role === "editor") p.role = "editor";
    people.set(u.id, p);
    return p;
  };
  for (const d of direct) upsert(d.user, d.role).directRole = d.role as CustomerRole;
  for (const g of groups) for (const m of g.group.members) upsert(m.user, g.role).groups.push(g.group.name);
  return {
    people: [...people.values()].sort((a, b) => a.username.localeCompare(b.username)),
    groups: groups.map((g) => ({ id: g.group.id, name: g.group.name, role: g.role, memberCount: g.group.members.length })),
  };
}

async function userByName(username: string) {
  const user = await getDb().user.findFirst({ where: { username, deletedAt: null }, select: { id: true, username: true } });
  if (!user) throw notFound(`No user named ${username}`);
  return user;
}

/** Gives a user a role for the customer, or changes it (editors). */
export async function grantCustomerAccess(actor: Actor, slug: string, username: string, input: unknown, meta?: RequestMeta) {
  const data = parseInput(ZCustomerAccessGrant, input);
  const { customer } = await requireCustomer(actor, { slug }, "editor");
  const user = await userByName(username);
  await getDb().customerAccess.upsert({
    where: { userId_customerId: { userId: user.id, customerId: customer.id } },
    create: { userId: user.id, customerId: customer.id, role: data.role },
    update: { role: data.role },
    select: { id: true },
  });
  await auditCustomer(actor, "customer.access_changed", customer, { username: user.username, role: data.role }, meta);
  return { username: user.username, role: data.role };
}

/** Removes a user's direct role (editors); a group's grant, if any, still applies. The last direct editor stays. */
export async function revokeCustomerAccess(actor: Actor, slug: string, username: string, meta?: RequestMeta) {
  const { customer } = await requireCustomer(actor, { slug }, "editor");
  const user = await userByName(username);
  const db = getDb();
  await db.$transaction(async (tx) => {
    const row = await tx.customerAccess.findUnique({
      where: { userId_customerId: { userId: user.id, customerId: customer.id } },
      select: { id: true, role: true },
    });
    if (!row) throw notFound(`${user.username} has no direct access to this customer.`);
    if (row.role === "editor") {
      const editors = await tx.customerAccess.count({ where: { customerId: customer.id, role: "editor" } });
      if (editors <= 1) throw new AppError("conflict", "The last editor of a customer cannot be removed.");
    }
    await tx.customerAccess.delete({ where: { id: row.id } });
  });
  await auditCustomer(actor, "customer.access_changed", customer, { username: user.username, role: null }, meta);
}

/** The customer's projects that the actor can read. */
export async function customerProjects(actor: Actor, customerId: number) {
  const ids = await readableProjectIds(actor);
  return getDb().project.findMany({
    where: { customerId, deletedAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    select: { id: true, name: true, slug: true, key: true, color: true, isArchived: true, type: true },
    orderBy: [{ isArchived: "asc" }, { name: "asc" }],
  });
}
