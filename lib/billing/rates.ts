// Hourly rates. A rate applies from a day on (`validFrom`) to a place (a customer, one of its
// contracts, or a project; or everywhere: a person's own rate) and optionally to one person there.
// For an entry, the most specific rate in effect on its day wins, in this order:
//   1. the person's rate on the project      2. the project's rate
//   3. the person's rate on the contract     4. the contract's rate
//   5. the person's rate for the customer    6. the customer's rate
//   7. the person's own rate (anywhere)
// and within one of those the latest `validFrom` on or before the entry's day. Only rates in the
// customer's currency apply. An entry keeps the rate it was booked at (lib/time/entries.ts stores
// it); a rate added or removed later does not reprice it, until the entry itself is edited.
// Customer editors manage a customer's, its contracts' and its projects' rates; administrators
// also a person's own rate. Customer viewers read them.
import { z } from "zod";
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { requireProject } from "../auth/access.ts";
import { type Actor, requireAdmin } from "../auth/actor.ts";
import { requireCustomer } from "../customers/access.ts";
import { getDb, type Prisma, type Tx } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { ZId } from "../ids.ts";
import { dateOf, isIsoDate, isoOf } from "../time/dates.ts";
import { MAX_RATE_MINOR, minorToDecimal, parseMoney } from "./money.ts";

export const RATE_LEVELS = ["project", "contract", "customer", "user"] as const;
export type RateLevel = (typeof RATE_LEVELS)[number];

const ZDate = z.string().refine(isIsoDate, "a date like 2025-01-31");

export const ZCreateRate = z
  .object({
    /** Exactly one place, or none with `username` (that person's own rate; administrators). */
    customerSlug: z.string().trim().min(1).max(191).optional(),
    contractId: ZId.optional(),
    projectSlug: z.string().trim().min(1).max(191).optional(),
    /** Only this person's entries there. */
    username: z.string().trim().min(1).max(191).optional(),
    /** Per hour, in whole units with up to the currency's decimals: `95.50` (or `95,50`). */
    rate: z.string().trim().min(1).max(32).optional(),
    /** Per hour in minor units (cents), instead of `rate`. */
    rateMinor: z.number().int().min(0).max(MAX_RATE_MINOR).optional(),
    validFrom: ZDate,
    /** The currency of a person's own rate (default: the instance's); a place's rates use its customer's. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "an ISO 4217 code like EUR")
      .optional(),
  })
  .strict()
  .refine((v) => (v.rate === undefined) !== (v.rateMinor === undefined), {
    path: ["rate"],
    message: "Give the rate as rate (e.g. 95.50) or as rateMinor, once.",
  })
  .refine((v) => [v.customerSlug, v.contractId, v.projectSlug].filter((x) => x !== undefined).length <= 1, {
    path: ["customerSlug"],
    message: "A rate belongs to one place: a customer, a contract or a project.",
  })
  .refine((v) => v.customerSlug !== undefined || v.contractId !== undefined || v.projectSlug !== undefined || v.username, {
    path: ["username"],
    message: "Name a customer, contract or project, or a person for their own rate.",
  });

export const ZListRates = z
  .object({
    customer: z.string().trim().min(1).max(191).optional(),
    user: z.string().trim().min(1).max(191).optional(),
  })
  .strict();

const RATE_SELECT = {
  id: true,
  createdAt: true,
  customerId: true,
  contractId: true,
  projectId: true,
  userId: true,
  validFrom: true,
  rateMinor: true,
  currency: true,
  customer: { select: { slug: true, name: true } },
  contract: { select: { id: true, name: true, customerId: true } },
  project: { select: { slug: true, name: true, customerId: true } },
  user: { select: { username: true } },
} as const;
type RateRow = Prisma.BillingRateGetPayload<{ select: typeof RATE_SELECT }>;

function levelOf(r: { projectId: number | null; contractId: number | null; customerId: number | null }): RateLevel {
  return r.projectId !== null ? "project" : r.contractId !== null ? "contract" : r.customerId !== null ? "customer" : "user";
}

export function rateJson(r: RateRow) {
  return {
    id: r.id,
    level: levelOf(r),
    customer: r.customer,
    contract: r.contract ? { id: r.contract.id, name: r.contract.name } : null,
    project: r.project ? { slug: r.project.slug, name: r.project.name } : null,
    /** Null: everyone's rate at that place. */
    username: r.user?.username ?? null,
    validFrom: isoOf(r.validFrom),
    rateMinor: r.rateMinor,
    /** The same as a decimal string in whole units, e.g. "95.50". */
    rate: minorToDecimal(r.rateMinor, r.currency),
    currency: r.currency,
    createdAt: r.createdAt.toISOString(),
  };
}
export type RateJson = ReturnType<typeof rateJson>;

const scopeKey = (place: string | null, userId: number | null) =>
  [place, userId !== null ? `user:${userId}` : null].filter(Boolean).join("/");

/** Where a new rate goes, checked: the place's ids, its customer (for the currency) and who may set it. */
async function placeOf(actor: Actor, data: z.infer<typeof ZCreateRate>) {
  const db = getDb();
  if (data.projectSlug !== undefined) {
    const { project } = await requireProject(actor, data.projectSlug);
    const row = await db.project.findUniqueOrThrow({ where: { id: project.id }, select: { customerId: true } });
    if (row.customerId === null) {
      throw new AppError("validation", `The project ${project.slug} has no customer, so nothing on it is billed.`, {
        fields: [{ path: "projectSlug", message: "no customer" }],
      });
    }
    const { customer } = await requireCustomer(actor, { id: row.customerId }, "editor");
    return { key: `project:${project.id}`, ids: { projectId: project.id }, customerId: customer.id };
  }
  if (data.contractId !== undefined) {
    const c = await db.contract.findFirst({
      where: { id: data.contractId, deletedAt: null },
      select: { id: true, customerId: true },
    });
    if (!c) throw notFound("Contract not found");
    await requireCustomer(actor, { id: c.customerId }, "editor");
    return { key: `contract:${c.id}`, ids: { contractId: c.id }, customerId: c.customerId };
  }
  if (data.customerSlug !== undefined) {
    const { customer } = await requireCustomer(actor, { slug: data.customerSlug }, "editor");
    return { key: `customer:${customer.id}`, ids: { customerId: customer.id }, customerId: customer.id };
  }
  requireAdmin(actor);
  return { key: null, ids: {}, customerId: null };
}

export async function defaultCurrency(): Promise<string> {
  const { getSetting } = await import("../settings/settings.ts");
  return getSetting("default_currency");
}

/** Adds a rate from a day on. The same place, person and day again: 409 (remove the old one first). */
export async function createRate(actor: Actor, input: unknown, meta?: RequestMeta): Promise<RateJson> {
  const data = parseInput(ZCreateRate, input);
  const place = await placeOf(actor, data);
  const db = getDb();
  let userId: number | null = null;
  if (data.username) {
    const user = await db.user.findFirst({ where: { username: data.username, deletedAt: null }, select: { id: true } });
    if (!user) {
      throw new AppError("validation", `No user named ${data.username}.`, {
        fields: [{ path: "username", message: "not found" }],
      });
    }
    userId = user.id;
  }
  const currency =
    place.customerId !== null
      ? (await db.customer.findUniqueOrThrow({ where: { id: place.customerId }, select: { currency: true } })).currency
      : (data.currency ?? (await defaultCurrency()));
  if (place.customerId !== null && data.currency !== undefined && data.currency !== currency) {
    throw new AppError("validation", `Rates here are in the customer's currency, ${currency}.`, {
      fields: [{ path: "currency", message: `must be ${currency}` }],
    });
  }
  let rateMinor = data.rateMinor;
  if (data.rate !== undefined) {
    const parsed = parseMoney(data.rate, currency);
    if (parsed === null || parsed > BigInt(MAX_RATE_MINOR)) {
      throw new AppError("validation", `“${data.rate}” is not an amount in ${currency}: write it like 95.50.`, {
        fields: [{ path: "rate", message: "not an amount" }],
      });
    }
    rateMinor = Number(parsed);
  }
  const key = scopeKey(place.key, userId);
  const exists = await db.billingRate.findFirst({
    where: { scopeKey: key, validFrom: dateOf(data.validFrom) },
    select: { id: true },
  });
  if (exists) throw new AppError("conflict", `A rate from ${data.validFrom} exists here already: remove it first.`);
  const row = await db.billingRate.create({
    data: {
      scopeKey: key,
      ...place.ids,
      userId,
      validFrom: dateOf(data.validFrom),
      rateMinor: rateMinor as number,
      currency,
      createdById: actor.userId,
    },
    select: RATE_SELECT,
  });
  const json = rateJson(row);
  await recordAudit({ actor, action: "rate.created", resourceType: "billing_rate", resourceId: row.id, details: json, meta });
  return json;
}

/** May the actor read (or, with `edit`, change) this rate? Not readable: 404. */
async function requireRateAccess(actor: Actor, r: RateRow, edit: boolean) {
  const customerId = r.customerId ?? r.contract?.customerId ?? r.project?.customerId ?? null;
  if (customerId === null) {
    if (actor.isAdmin && actor.apiKeyProjectId === null) return;
    if (!edit && r.userId === actor.userId) return;
    throw notFound("Rate not found");
  }
  await requireCustomer(actor, { id: customerId }, edit ? "editor" : "viewer");
}

export async function deleteRate(actor: Actor, rawId: string | number, meta?: RequestMeta): Promise<void> {
  const id = Number(rawId);
  const row =
    Number.isInteger(id) && id > 0 && id <= 2_147_483_647
      ? await getDb().billingRate.findUnique({ where: { id }, select: RATE_SELECT })
      : null;
  if (!row) throw notFound("Rate not found");
  await requireRateAccess(actor, row, true);
  await getDb().billingRate.delete({ where: { id: row.id } });
  await recordAudit({
    actor,
    action: "rate.deleted",
    resourceType: "billing_rate",
    resourceId: row.id,
    details: rateJson(row),
    meta,
  });
}

/**
 * Rates of a customer (its own, its contracts' and its projects'), or a person's own rates
 * (administrators, and the person), newest first within each place.
 */
export async function listRates(actor: Actor, query: unknown): Promise<{ rates: RateJson[]; currency: string | null }> {
  const q = parseInput(ZListRates, query);
  const db = getDb();
  if (q.customer) {
    const { customer } = await requireCustomer(actor, { slug: q.customer });
    const [rows, c] = await Promise.all([
      db.billingRate.findMany({
        where: {
          OR: [
            { customerId: customer.id },
            { contract: { customerId: customer.id, deletedAt: null } },
            { project: { customerId: customer.id, deletedAt: null } },
          ],
        },
        select: RATE_SELECT,
        orderBy: [{ scopeKey: "asc" }, { validFrom: "desc" }],
      }),
      db.customer.findUniqueOrThrow({ where: { id: customer.id }, select: { currency: true } }),
    ]);
    return { rates: sortRates(rows.map(rateJson)), currency: c.currency };
  }
  if (q.user) {
    if (q.user !== actor.username) requireAdmin(actor);
    const user = await db.user.findFirst({ where: { username: q.user, deletedAt: null }, select: { id: true } });
    if (!user) throw notFound("User not found");
    const rows = await db.billingRate.findMany({
      where: { scopeKey: `user:${user.id}` },
      select: RATE_SELECT,
      orderBy: { validFrom: "desc" },
    });
    return { rates: rows.map(rateJson), currency: null };
  }
  throw new AppError("validation", "Name a customer or a user.", { fields: [{ path: "customer", message: "required" }] });
}

const LEVEL_ORDER: Record<RateLevel, number> = { customer: 0, contract: 1, project: 2, user: 3 };
function sortRates(rates: RateJson[]): RateJson[] {
  const place = (r: RateJson) => `${LEVEL_ORDER[r.level]}:${r.contract?.name ?? r.project?.name ?? ""}:${r.username ?? ""}`;
  return rates.sort((a, b) => (place(a) === place(b) ? (a.validFrom < b.validFrom ? 1 : -1) : place(a) < place(b) ? -1 : 1));
}

export type RateContext = {
  userId: number;
  customerId: number;
  contractId: number | null;
  projectId: number | null;
  date: string;
  currency: string;
};

/** The rate in effect for an entry (see the order at the top), or null when none applies. */
export async function resolveRate(db: Tx, c: RateContext): Promise<{ rateMinor: number; rateId: number } | null> {
  const places = [
    c.projectId !== null ? `project:${c.projectId}` : null,
    c.contractId !== null ? `contract:${c.contractId}` : null,
    `customer:${c.customerId}`,
  ].filter((p): p is string => p !== null);
  const keys = [...places.flatMap((p) => [scopeKey(p, c.userId), p]), scopeKey(null, c.userId)];
  const rows = await db.billingRate.findMany({
    where: { scopeKey: { in: keys }, currency: c.currency, validFrom: { lte: dateOf(c.date) } },
    select: { id: true, scopeKey: true, rateMinor: true, validFrom: true },
  });
  for (const key of keys) {
    const latest = rows.filter((r) => r.scopeKey === key).sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime())[0];
    if (latest) return { rateMinor: latest.rateMinor, rateId: latest.id };
  }
  return null;
}
