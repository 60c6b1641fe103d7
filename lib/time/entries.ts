// Time entries: minutes booked by a user on a day, optionally against a customer, a project, one of
// its cards and one of the customer's contracts. One set of rules for every way of booking (REST,
// the week view, the timer, the card's "Log time"):
// - 1 minute to 24 hours per entry, and at most 24 hours per user and day (checked under a lock on
//   the user's row, so concurrent bookings cannot both slip under the limit);
// - a project's customer is the entry's customer; a contract must be the customer's, active, and
//   cover the day; without a contract given, the customer's only active contract for the day is used;
// - booking against a customer needs the editor role for it (lib/customers/access.ts);
// - entries dated before the locked period (setting `time_lock_days`) change only by administrators,
//   and so do entries that went out on an invoice export (lib/billing/invoices.ts);
// - each entry is priced when booked (lib/billing/pricing.ts): billable by the project's default
//   unless given, the rate in effect on its day, the amount; it keeps that rate until its day,
//   target or minutes change.
import { z } from "zod";
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { readableProjectIds, requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { checkContractAlertsSoon } from "../billing/alerts.ts";
import { type Price, priceEntry, repriced } from "../billing/pricing.ts";
import { findCard } from "../boards/find-card.ts";
import { customerRole, readableCustomers, requireCustomer } from "../customers/access.ts";
import { getDb, type Prisma, type Tx } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { ZId } from "../ids.ts";
import { customerRoom, type PublishedEvent, userRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { getSetting } from "../settings/settings.ts";
import { addDays, dateOf, isIsoDate, isoOf, todayUtc } from "./dates.ts";
import { formatDuration, MAX_ENTRY_MINUTES, parseDuration } from "./duration.ts";

export const ZIsoDate = z.string().refine(isIsoDate, "a date like 2025-01-31");

/** Where an entry is booked. `contractId` left out: the customer's active contract; null: none. */
export const ENTRY_TARGET = {
  projectSlug: z.string().trim().min(1).max(191).nullish(),
  cardKey: z.string().trim().min(1).max(40).nullish(),
  customerSlug: z.string().trim().min(1).max(191).nullish(),
  contractId: ZId.nullish(),
};

const ENTRY_AMOUNT = {
  /** Whole minutes; or `duration` as people write it (`1:30`, `1.5h`, `90m`). */
  minutes: z.number().int("whole minutes").optional(),
  duration: z.string().max(32).optional(),
};

export const ZCreateEntry = z
  .object({
    date: ZIsoDate,
    ...ENTRY_AMOUNT,
    description: z.string().trim().max(5000).nullish(),
    ...ENTRY_TARGET,
    /** Default: the project's setting (billable without a project); never without a customer. */
    billable: z.boolean().optional(),
    /** Administrators may book for someone else. */
    username: z.string().trim().min(1).max(191).optional(),
  })
  .strict();

export const ZUpdateEntry = z
  .object({
    date: ZIsoDate,
    ...ENTRY_AMOUNT,
    description: z.string().trim().max(5000).nullable(),
    ...ENTRY_TARGET,
    billable: z.boolean(),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");

export type EntryTargetInput = {
  projectSlug?: string | null;
  cardKey?: string | null;
  customerSlug?: string | null;
  contractId?: number | null;
};
export type Target = { customerId: number | null; projectId: number | null; cardId: number | null; contractId: number | null };

export const ENTRY_SELECT = {
  id: true,
  date: true,
  minutes: true,
  description: true,
  createdAt: true,
  updatedAt: true,
  user: { select: { id: true, username: true } },
  customer: { select: { id: true, slug: true, name: true, color: true } },
  project: { select: { id: true, slug: true, key: true, name: true, color: true } },
  card: { select: { id: true, number: true, title: true } },
  contract: { select: { id: true, name: true } },
  billable: true,
  rateMinor: true,
  currency: true,
  amountMinor: true,
  invoiceId: true,
} as const;

type EntryRow = Prisma.TimeEntryGetPayload<{ select: typeof ENTRY_SELECT }>;

export function entryJson(row: EntryRow, cutoff: string | null) {
  const date = isoOf(row.date);
  return {
    id: row.id,
    date,
    minutes: row.minutes,
    description: row.description,
    user: row.user,
    customer: row.customer,
    project: row.project,
    card: row.card && row.project ? { key: `${row.project.key}-${row.card.number}`, title: row.card.title } : null,
    contract: row.contract,
    billable: row.billable,
    /** The hourly rate it was booked at, in minor units of `currency` (null: no rate applied). */
    rateMinor: row.rateMinor,
    currency: row.currency,
    /** Rate × minutes, rounded half up to a minor unit; billed only when `billable`. */
    amountMinor: Number(row.amountMinor),
    /** The invoice export it went out on: locked to all but administrators. */
    invoiceId: row.invoiceId,
    /** Before the locked period, or invoiced: only administrators may change it. */
    locked: (cutoff !== null && date < cutoff) || row.invoiceId !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type EntryJson = ReturnType<typeof entryJson>;

export function invalid(path: string, message: string): never {
  throw new AppError("validation", message, { fields: [{ path, message }] });
}

/** The entry's minutes from `minutes` or `duration` (exactly one), within 1 minute … 24 hours. */
export function entryMinutes(data: { minutes?: number; duration?: string }, options: { allowZero?: boolean } = {}): number {
  if ((data.minutes === undefined) === (data.duration === undefined)) {
    invalid("minutes", "Give the time as minutes or as a duration like 1:30, 1.5h or 90m.");
  }
  let minutes = data.minutes;
  if (data.duration !== undefined) {
    const parsed = parseDuration(data.duration);
    if (parsed === null) invalid("duration", `“${data.duration}” is not a duration: write it like 1:30, 1.5h or 90m.`);
    minutes = parsed;
  }
  const path = data.duration !== undefined ? "duration" : "minutes";
  if ((minutes as number) < (options.allowZero ? 0 : 1)) invalid(path, "An entry needs at least 1 minute.");
  if ((minutes as number) > MAX_ENTRY_MINUTES) invalid(path, "An entry can be at most 24 hours.");
  return minutes as number;
}

/** The first day that is not locked, or null when nothing is (setting `time_lock_days` = 0). */
export async function lockCutoff(today = todayUtc()): Promise<string | null> {
  const days = await getSetting("time_lock_days");
  return days > 0 ? addDays(today, -days) : null;
}

/** Refuses a change to (or into) a day before the cutoff, unless the actor is an administrator. */
export function checkLock(actor: Actor, cutoff: string | null, dates: string[]): void {
  if (cutoff === null || actor.isAdmin) return;
  const locked = dates.find((d) => d < cutoff);
  if (locked === undefined) return;
  throw new AppError(
    "forbidden",
    `Entries before ${cutoff} are locked; only administrators can change them (this one is dated ${locked}).`,
    { fields: [{ path: "date", message: "locked" }] },
  );
}

const isLockedChange = (actor: Actor, cutoff: string | null, dates: string[], invoiceId: number | null = null) =>
  actor.isAdmin && ((cutoff !== null && dates.some((d) => d < cutoff)) || invoiceId !== null);

/**
 * A no-op update: the row lock serialises one user's bookings on every engine (SQLite's
 * transactions are serial already), so a day's sum read after it cannot miss a concurrent booking.
 */
export async function lockUser(tx: Tx, userId: number): Promise<void> {
  await tx.$executeRaw`UPDATE users SET role = role WHERE id = ${userId}`;
}

/**
 * Takes the user's row lock and checks that the day stays within 24 hours with `minutes` added
 * (entries in `exclude` are being replaced). Call inside the writing transaction.
 */
export async function checkDayTotal(tx: Tx, userId: number, date: string, minutes: number, exclude: number[] = []) {
  await lockUser(tx, userId);
  const agg = await tx.timeEntry.aggregate({
    where: { userId, date: dateOf(date), ...(exclude.length ? { id: { notIn: exclude } } : {}) },
    _sum: { minutes: true },
  });
  const total = Number(agg._sum.minutes ?? 0) + minutes;
  if (total > MAX_ENTRY_MINUTES) {
    invalid("minutes", `That makes ${formatDuration(total)} on ${date}; a day holds at most 24:00.`);
  }
}

/** May the actor book for this customer? Named in the message, since the project shows it anyway. */
async function requireBookableCustomer(actor: Actor, customerId: number, projectSlug: string) {
  try {
    await requireCustomer(actor, { id: customerId }, "editor");
  } catch (e) {
    if (e instanceof AppError && (e.code === "not_found" || e.code === "forbidden")) {
      const c = await getDb().customer.findUnique({ where: { id: customerId }, select: { name: true } });
      throw new AppError(
        "forbidden",
        `Booking time on ${projectSlug} needs the editor role for its customer ${c?.name ?? ""}: ask one of its editors.`,
      );
    }
    throw e;
  }
}

/** Resolves where an entry (or the timer) books to, applying the rules at the top of this file. */
export async function resolveTarget(actor: Actor, t: EntryTargetInput, date: string): Promise<Target> {
  const db = getDb();
  if (t.cardKey && !t.projectSlug) invalid("cardKey", "A card key needs projectSlug: card keys are per project.");
  let projectId: number | null = null;
  let projectCustomerId: number | null = null;
  let cardId: number | null = null;
  if (t.projectSlug) {
    const { project } = await requireProject(actor, t.projectSlug, "member");
    projectId = project.id;
    const row = await db.project.findUniqueOrThrow({ where: { id: project.id }, select: { customerId: true } });
    projectCustomerId = row.customerId;
    if (t.cardKey) cardId = (await findCard(db as unknown as Tx, project, t.cardKey)).id;
  }
  let customerId = projectCustomerId;
  if (t.customerSlug) {
    const { customer } = await requireCustomer(actor, { slug: t.customerSlug }, "editor");
    if (projectId !== null && customer.id !== projectCustomerId) {
      invalid(
        "customerSlug",
        projectCustomerId === null
          ? `The project ${t.projectSlug} has no customer: leave the customer out, or give the project this customer first.`
          : `The project ${t.projectSlug} belongs to another customer.`,
      );
    }
    customerId = customer.id;
  } else if (customerId !== null) {
    await requireBookableCustomer(actor, customerId, String(t.projectSlug));
  }
  let contractId: number | null = null;
  if (t.contractId != null) {
    const c = await db.contract.findFirst({
      where: { id: t.contractId, deletedAt: null },
      select: { id: true, name: true, customerId: true, status: true, startDate: true, endDate: true },
    });
    const visible = c ? (await customerRole(actor, c.customerId)) !== null : false;
    if (!c || !visible) invalid("contractId", "No such contract.");
    if (customerId === null) {
      if (projectId !== null) invalid("contractId", `The project ${t.projectSlug} has no customer, so it has no contracts.`);
      await requireCustomer(actor, { id: c.customerId }, "editor");
      customerId = c.customerId;
    } else if (c.customerId !== customerId) {
      invalid("contractId", `The contract “${c.name}” belongs to another customer.`);
    }
    if (c.status !== "active") invalid("contractId", `The contract “${c.name}” is ${c.status}: book on an active contract.`);
    if (c.startDate && date < isoOf(c.startDate)) {
      invalid("contractId", `The contract “${c.name}” starts on ${isoOf(c.startDate)}.`);
    }
    if (c.endDate && date > isoOf(c.endDate)) invalid("contractId", `The contract “${c.name}” ended on ${isoOf(c.endDate)}.`);
    contractId = c.id;
  } else if (t.contractId === undefined && customerId !== null) {
    contractId = await defaultContractId(customerId, date);
  }
  return { customerId, projectId, cardId, contractId };
}

/** The customer's one active contract that covers the day, or null when there is none or several. */
export async function defaultContractId(customerId: number, date: string): Promise<number | null> {
  const day = dateOf(date);
  const rows = await getDb().contract.findMany({
    where: {
      customerId,
      deletedAt: null,
      status: "active",
      AND: [{ OR: [{ startDate: null }, { startDate: { lte: day } }] }, { OR: [{ endDate: null }, { endDate: { gte: day } }] }],
    },
    select: { id: true },
    take: 2,
  });
  return rows.length === 1 ? rows[0].id : null;
}

/** Who the entry is for: the actor, or (administrators only) the user named. */
export async function ownerOf(actor: Actor, username?: string): Promise<{ id: number; username: string }> {
  if (username === undefined || username === actor.username) return { id: actor.userId, username: actor.username };
  if (!actor.isAdmin || actor.apiKeyProjectId !== null) {
    throw new AppError("forbidden", "Only administrators can book time for someone else.");
  }
  const user = await getDb().user.findFirst({ where: { username, deletedAt: null }, select: { id: true, username: true } });
  if (!user) invalid("username", `No user named ${username}.`);
  return user;
}

/**
 * The entries the actor may read: their own; those on customers they can see; those without a
 * customer on projects they can read. Administrators read everything; a project-scoped key only
 * that project's.
 */
export async function entryScope(actor: Actor): Promise<Prisma.TimeEntryWhereInput> {
  if (actor.isAdmin && actor.apiKeyProjectId === null) return {};
  const [customers, projects] = await Promise.all([readableCustomers(actor), readableProjectIds(actor)]);
  const customerIds = customers === "all" ? undefined : [...customers.keys()];
  const visible: Prisma.TimeEntryWhereInput = {
    OR: [
      { userId: actor.userId },
      ...(customerIds === undefined ? [{ customerId: { not: null } }] : [{ customerId: { in: customerIds } }]),
      { customerId: null, projectId: projects === "all" ? { not: null } : { in: projects } },
    ],
  };
  if (actor.apiKeyProjectId !== null) return { AND: [{ projectId: actor.apiKeyProjectId }, visible] };
  return visible;
}

/** Writes one entry after the day-total check, inside `tx`. */
export async function insertEntry(
  tx: Tx,
  owner: { id: number },
  date: string,
  minutes: number,
  target: Target,
  description: string | null,
  billable?: boolean,
) {
  await checkDayTotal(tx, owner.id, date, minutes);
  const price = await priceEntry(tx, { userId: owner.id, date, minutes, target, billable });
  return tx.timeEntry.create({
    data: { userId: owner.id, date: dateOf(date), minutes, description, ...target, ...price },
    select: ENTRY_SELECT,
  });
}

/** Refuses a change to an invoiced entry, unless the actor is an administrator. */
export function checkInvoiced(actor: Actor, entries: { invoiceId: number | null }[]): void {
  if (actor.isAdmin && actor.apiKeyProjectId === null) return;
  if (entries.some((e) => e.invoiceId !== null)) {
    throw new AppError("forbidden", "This time went out on an invoice and is locked; only administrators can change it.", {
      fields: [{ path: "invoiceId", message: "invoiced" }],
    });
  }
}

type EntryEventType = "time_entry.created" | "time_entry.updated" | "time_entry.deleted";

/** An entry's change goes to its owner (the timer, the week view) and to its customer's room
 * (the customer page and reports that others follow); `formerCustomerId` when it changed customer. */
export function entryEvents(
  type: EntryEventType,
  entries: { userId: number; customerId: number | null; data: unknown }[],
  formerCustomerId: number | null = null,
): PublishedEvent[] {
  return entries.flatMap(({ userId, customerId, data }) =>
    [userRoom(userId), ...[...new Set([customerId, formerCustomerId])].flatMap((c) => (c === null ? [] : [customerRoom(c)]))].map(
      (room) => ({ room, type, data }),
    ),
  );
}

const eventOf = (e: EntryJson) => ({ userId: e.user.id, customerId: e.customer?.id ?? null, data: e });

function auditLocked(actor: Actor, action: string, entry: EntryJson, meta?: RequestMeta) {
  return recordAudit({
    actor,
    action,
    resourceType: "time_entry",
    resourceId: entry.id,
    details: {
      user: entry.user.username,
      date: entry.date,
      minutes: entry.minutes,
      lockedPeriod: true,
      invoiceId: entry.invoiceId,
    },
    meta,
  });
}

export async function createEntry(actor: Actor, input: unknown, meta?: RequestMeta): Promise<EntryJson> {
  const data = parseInput(ZCreateEntry, input);
  const minutes = entryMinutes(data);
  const owner = await ownerOf(actor, data.username);
  const cutoff = await lockCutoff();
  checkLock(actor, cutoff, [data.date]);
  const target = await resolveTarget(actor, data, data.date);
  const row = await getDb().$transaction((tx) =>
    insertEntry(tx, owner, data.date, minutes, target, data.description || null, data.billable),
  );
  const json = entryJson(row, cutoff);
  publish(entryEvents("time_entry.created", [eventOf(json)]));
  checkContractAlertsSoon([json.contract?.id]);
  if (isLockedChange(actor, cutoff, [json.date])) await auditLocked(actor, "time_entry.created", json, meta);
  return json;
}

/** An entry the actor may read, for a change: 404 when unreadable, 403 when not theirs (admins excepted). */
async function entryForChange(actor: Actor, rawId: string | number) {
  const id = Number(rawId);
  const scope = await entryScope(actor);
  const row =
    Number.isInteger(id) && id > 0 && id <= 2_147_483_647
      ? await getDb().timeEntry.findFirst({
          where: { AND: [scope, { id }] },
          select: { ...ENTRY_SELECT, contractId: true, customer: { select: { id: true, slug: true, name: true, color: true } } },
        })
      : null;
  if (!row) throw notFound("Time entry not found");
  if (row.user.id !== actor.userId && !(actor.isAdmin && actor.apiKeyProjectId === null)) {
    throw new AppError("forbidden", "Only the person who booked an entry, or an administrator, can change it.");
  }
  checkInvoiced(actor, [row]);
  return row;
}

export async function getEntry(actor: Actor, rawId: string | number): Promise<EntryJson> {
  const id = Number(rawId);
  const scope = await entryScope(actor);
  const row =
    Number.isInteger(id) && id > 0 && id <= 2_147_483_647
      ? await getDb().timeEntry.findFirst({ where: { AND: [scope, { id }] }, select: ENTRY_SELECT })
      : null;
  if (!row) throw notFound("Time entry not found");
  return entryJson(row, await lockCutoff());
}

/** The booking target of an existing entry, as input for resolveTarget. */
function targetInputOf(row: {
  project: { slug: string; key: string } | null;
  card: { number: number } | null;
  customer: { slug: string } | null;
  contractId: number | null;
}): EntryTargetInput {
  return {
    projectSlug: row.project?.slug ?? null,
    cardKey: row.project && row.card ? `${row.project.key}-${row.card.number}` : null,
    customerSlug: row.project ? undefined : (row.customer?.slug ?? null),
    contractId: row.contractId,
  };
}

export async function updateEntry(actor: Actor, rawId: string | number, input: unknown, meta?: RequestMeta) {
  const data = parseInput(ZUpdateEntry, input);
  const before = await entryForChange(actor, rawId);
  const cutoff = await lockCutoff();
  const oldDate = isoOf(before.date);
  const date = data.date ?? oldDate;
  checkLock(actor, cutoff, [oldDate, date]);
  const minutes =
    data.minutes !== undefined || data.duration !== undefined
      ? entryMinutes({ minutes: data.minutes, duration: data.duration })
      : before.minutes;
  const targetChanged = ["projectSlug", "cardKey", "customerSlug", "contractId"].some((k) => k in data);
  let target: Target | null = null;
  if (targetChanged || data.date !== undefined) {
    const old = targetInputOf(before);
    const projectChanged = "projectSlug" in data && data.projectSlug !== old.projectSlug;
    const merged: EntryTargetInput = {
      projectSlug: "projectSlug" in data ? data.projectSlug : old.projectSlug,
      cardKey: "cardKey" in data ? data.cardKey : projectChanged ? null : old.cardKey,
      customerSlug: "customerSlug" in data ? data.customerSlug : "projectSlug" in data ? undefined : old.customerSlug,
      // A new project or customer picks its own contract unless one is given.
      contractId: "contractId" in data ? data.contractId : targetChanged ? undefined : old.contractId,
    };
    target = await resolveTarget(actor, merged, date);
  } else if (before.customer) {
    await requireBookableCustomer(actor, before.customer.id, before.project?.slug ?? before.customer.slug);
  }
  const row = await getDb().$transaction(async (tx) => {
    if (minutes !== before.minutes || date !== oldDate) await checkDayTotal(tx, before.user.id, date, minutes, [before.id]);
    // A new day or target is priced again; new minutes keep the rate; the rest keeps the price.
    let price: Partial<Price> = {};
    const moved =
      target !== null &&
      (target.customerId !== (before.customer?.id ?? null) ||
        target.projectId !== (before.project?.id ?? null) ||
        target.contractId !== before.contractId);
    if (moved || date !== oldDate) {
      price = await priceEntry(tx, {
        userId: before.user.id,
        date,
        minutes,
        target: target ?? {
          customerId: before.customer?.id ?? null,
          projectId: before.project?.id ?? null,
          contractId: before.contractId,
        },
        billable: data.billable ?? before.billable,
      });
    } else if (minutes !== before.minutes) {
      price = { amountMinor: repriced(before.rateMinor, minutes) };
    }
    if (data.billable !== undefined)
      price.billable = (target?.customerId ?? before.customer?.id ?? null) !== null && data.billable;
    return tx.timeEntry.update({
      where: { id: before.id },
      data: {
        date: dateOf(date),
        minutes,
        ...(data.description !== undefined ? { description: data.description || null } : {}),
        ...(target ?? {}),
        ...price,
      },
      select: ENTRY_SELECT,
    });
  });
  const json = entryJson(row, cutoff);
  publish(entryEvents("time_entry.updated", [eventOf(json)], before.customer?.id ?? null));
  checkContractAlertsSoon([json.contract?.id]);
  if (isLockedChange(actor, cutoff, [oldDate, date], before.invoiceId))
    await auditLocked(actor, "time_entry.updated", json, meta);
  return json;
}

export async function deleteEntry(actor: Actor, rawId: string | number, meta?: RequestMeta): Promise<void> {
  const before = await entryForChange(actor, rawId);
  const cutoff = await lockCutoff();
  checkLock(actor, cutoff, [isoOf(before.date)]);
  if (before.customer) await requireBookableCustomer(actor, before.customer.id, before.project?.slug ?? before.customer.slug);
  await getDb().timeEntry.delete({ where: { id: before.id } });
  const { contractId: _c, ...row } = before;
  const json = entryJson(row, cutoff);
  publish(entryEvents("time_entry.deleted", [eventOf(json)]));
  if (isLockedChange(actor, cutoff, [json.date], before.invoiceId)) await auditLocked(actor, "time_entry.deleted", json, meta);
}

const ZListQuery = z
  .object({
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
    user: z.string().trim().min(1).max(191).optional(),
    customer: z.string().trim().min(1).max(191).optional(),
    project: z.string().trim().min(1).max(191).optional(),
    contract: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    limit: z.coerce.number().int().min(1).max(5000).default(500),
  })
  .strict();

/** Filters shared by the entry list and the reports: slugs and names to ids, all within what the actor may read. */
export async function entryFilter(
  actor: Actor,
  q: { from?: string; to?: string; user?: string; customer?: string; project?: string; contract?: number },
): Promise<Prisma.TimeEntryWhereInput> {
  const db = getDb();
  const and: Prisma.TimeEntryWhereInput[] = [await entryScope(actor)];
  if (q.from || q.to) {
    and.push({ date: { ...(q.from ? { gte: dateOf(q.from) } : {}), ...(q.to ? { lte: dateOf(q.to) } : {}) } });
  }
  if (q.user) {
    const user = await db.user.findFirst({ where: { username: q.user }, select: { id: true } });
    and.push({ userId: user?.id ?? -1 });
  }
  if (q.customer) and.push({ customerId: (await requireCustomer(actor, { slug: q.customer })).customer.id });
  if (q.project) and.push({ projectId: (await requireProject(actor, q.project)).project.id });
  if (q.contract !== undefined) and.push({ contractId: q.contract });
  return { AND: and };
}

export function queryObject(url: URL | URLSearchParams): Record<string, string> {
  const params = url instanceof URL ? url.searchParams : url;
  return Object.fromEntries([...params.entries()].filter(([, v]) => v !== ""));
}

/** Entries the actor may read, newest first, with their total (of the listed ones). */
export async function listEntries(actor: Actor, query: unknown) {
  const q = parseInput(ZListQuery, query);
  const where = await entryFilter(actor, q);
  const [rows, cutoff] = await Promise.all([
    getDb().timeEntry.findMany({
      where,
      select: ENTRY_SELECT,
      orderBy: [{ date: "desc" }, { id: "desc" }],
      take: q.limit + 1,
    }),
    lockCutoff(),
  ]);
  const entries = rows.slice(0, q.limit).map((r) => entryJson(r, cutoff));
  return {
    entries,
    totalMinutes: entries.reduce((sum, e) => sum + e.minutes, 0),
    truncated: rows.length > q.limit,
  };
}
