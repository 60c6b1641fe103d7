// Contracts: a customer's budget of hours for a period. Usage is the sum of the minutes booked
// against the contract (integers, summed by the database); the burn and its forecast come from
// lib/time/forecast.ts. Contracts may renew (monthly, quarterly, yearly) with an hour or money budget
// per period and carry-over (lib/billing/periods.ts, lib/billing/budgets.ts): then the burn is the
// current period's. Owners (and the customer's editors) get its budget alerts (lib/billing/alerts.ts).
import { z } from "zod";
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { type Actor, actorForUser } from "../auth/actor.ts";
import { type BudgetPeriods, budgetPeriodsOf } from "../billing/budgets.ts";
import { MAX_RATE_MINOR, parseMoney } from "../billing/money.ts";
import { parseThresholds, RECURRENCES } from "../billing/periods.ts";
import { getDb } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { getSetting } from "../settings/settings.ts";
import { addDays, dateOf, isIsoDate, isoOf, todayUtc } from "../time/dates.ts";
import { type Burn, burnWindow, computeBurn } from "../time/forecast.ts";
import { requireCustomer } from "./access.ts";

export const CONTRACT_STATUSES = ["planned", "active", "closed"] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** Largest budget: 100 000 hours. */
const MAX_CONTRACT_MINUTES = 6_000_000;

const ZDate = z.string().refine(isIsoDate, "a date like 2025-01-31");

const CONTRACT_FIELDS = {
  name: z.string().trim().min(1, "Give the contract a name.").max(191),
  description: z.string().trim().max(20_000).nullish(),
  startDate: ZDate.nullish(),
  endDate: ZDate.nullish(),
  /** The budget in hours (decimals allowed, e.g. 12.5); stored as whole minutes. */
  hours: z
    .number()
    .min(0, "0 or more hours")
    .max(MAX_CONTRACT_MINUTES / 60),
  /** The budget in minutes, instead of `hours`. */
  contractedMinutes: z.number().int("whole minutes").min(0).max(MAX_CONTRACT_MINUTES),
  status: z.enum(CONTRACT_STATUSES),
  /** Renewal; the budget (hours or money) is then per period, from the start date on. */
  recurrence: z.enum(RECURRENCES),
  budgetKind: z.enum(["hours", "money"]),
  /** A money budget per period in the customer's currency, e.g. "5000.00"; or `budgetMinor`. */
  budget: z.string().trim().min(1).max(32),
  budgetMinor: z
    .number()
    .int()
    .min(0)
    .max(MAX_RATE_MINOR * 1000),
  /** Unused (or overdrawn) budget moves into the next period. */
  carryOver: z.boolean(),
  /** Percentages of a period's budget that raise an alert (default 80 and 100). */
  alertThresholds: z.array(z.number().int().min(1).max(1000)).max(6),
  /** Usernames told about alerts, beside the customer's editors. */
  owners: z.array(z.string().trim().min(1).max(191)).max(20),
};

const datesInOrder = (v: { startDate?: string | null; endDate?: string | null }) =>
  !v.startDate || !v.endDate || v.startDate <= v.endDate;
const DATES_MESSAGE = "The end date is before the start date.";

export const ZCreateContract = z
  .object({
    ...CONTRACT_FIELDS,
    hours: CONTRACT_FIELDS.hours.optional(),
    contractedMinutes: CONTRACT_FIELDS.contractedMinutes.optional(),
    status: CONTRACT_FIELDS.status.default("active"),
    recurrence: CONTRACT_FIELDS.recurrence.optional(),
    budgetKind: CONTRACT_FIELDS.budgetKind.optional(),
    budget: CONTRACT_FIELDS.budget.optional(),
    budgetMinor: CONTRACT_FIELDS.budgetMinor.optional(),
    carryOver: CONTRACT_FIELDS.carryOver.optional(),
    alertThresholds: CONTRACT_FIELDS.alertThresholds.optional(),
    owners: CONTRACT_FIELDS.owners.optional(),
  })
  .strict()
  .refine((v) => v.budgetKind === "money" || (v.hours === undefined) !== (v.contractedMinutes === undefined), {
    path: ["hours"],
    message: "Give the budget as hours (or as contractedMinutes), once.",
  })
  .refine((v) => v.budget === undefined || v.budgetMinor === undefined, {
    path: ["budget"],
    message: "Give the money budget as budget or budgetMinor, not both.",
  })
  .refine(datesInOrder, { path: ["endDate"], message: DATES_MESSAGE });

export const ZUpdateContract = z
  .object(CONTRACT_FIELDS)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change")
  .refine((v) => v.hours === undefined || v.contractedMinutes === undefined, {
    path: ["hours"],
    message: "Give the budget as hours or as contractedMinutes, not both.",
  });

export const CONTRACT_SELECT = {
  id: true,
  customerId: true,
  name: true,
  description: true,
  startDate: true,
  endDate: true,
  contractedMinutes: true,
  status: true,
  createdAt: true,
  recurrence: true,
  budgetKind: true,
  budgetMinor: true,
  carryOver: true,
  alertThresholds: true,
  owners: { select: { user: { select: { id: true, username: true } } } },
  customer: { select: { currency: true } },
} as const;

type ContractRow = {
  id: number;
  customerId: number;
  name: string;
  description: string | null;
  startDate: Date | null;
  endDate: Date | null;
  contractedMinutes: number;
  status: string;
  createdAt: Date;
  recurrence: string;
  budgetKind: string;
  budgetMinor: bigint;
  carryOver: boolean;
  alertThresholds: string;
  owners: { user: { id: number; username: string } }[];
  customer: { currency: string };
};

const budgetMinutes = (v: { hours?: number; contractedMinutes?: number }) =>
  v.contractedMinutes ?? (v.hours === undefined ? undefined : Math.round(v.hours * 60));

export function contractJson(row: ContractRow, burn: Burn, budget?: BudgetPeriods) {
  return {
    id: row.id,
    customerId: row.customerId,
    name: row.name,
    description: row.description,
    startDate: row.startDate ? isoOf(row.startDate) : null,
    endDate: row.endDate ? isoOf(row.endDate) : null,
    status: row.status as ContractStatus,
    /** The budget in hours, for reading; `contractedMinutes` is the exact value. */
    hours: row.contractedMinutes / 60,
    ...burn,
    recurrence: row.recurrence as (typeof RECURRENCES)[number],
    budgetKind: row.budgetKind as "hours" | "money",
    /** A money budget per period in minor units of `currency`. */
    budgetMinor: Number(row.budgetMinor),
    currency: row.customer.currency,
    carryOver: row.carryOver,
    alertThresholds: parseThresholds(row.alertThresholds),
    owners: row.owners.map((o) => o.user.username).sort(),
    /** The budget period holding today: its budget, carry-in, use (minutes or minor units) and forecast. */
    currentPeriod: budget?.current ?? null,
  };
}
export type ContractJson = ReturnType<typeof contractJson>;

/**
 * Used minutes (all time) and minutes inside each contract's burn window, for many contracts in
 * two grouped queries.
 */
async function usageOf(rows: ContractRow[], today: string) {
  const ids = rows.map((r) => r.id);
  const used = new Map<number, number>();
  const recent = new Map<number, number>();
  if (ids.length === 0) return { used, recent };
  const db = getDb();
  const [totals, days] = await Promise.all([
    db.timeEntry.groupBy({ by: ["contractId"], where: { contractId: { in: ids } }, _sum: { minutes: true } }),
    db.timeEntry.groupBy({
      by: ["contractId", "date"],
      where: { contractId: { in: ids }, date: { gte: dateOf(addDays(today, -27)), lte: dateOf(today) } },
      _sum: { minutes: true },
    }),
  ]);
  for (const t of totals) if (t.contractId !== null) used.set(t.contractId, Number(t._sum.minutes ?? 0));
  const windows = new Map(rows.map((r) => [r.id, burnWindow(today, r.startDate ? isoOf(r.startDate) : null).from]));
  for (const d of days) {
    if (d.contractId === null || isoOf(d.date) < (windows.get(d.contractId) ?? today)) continue;
    recent.set(d.contractId, (recent.get(d.contractId) ?? 0) + Number(d._sum.minutes ?? 0));
  }
  return { used, recent };
}

export async function contractsWithBurn(rows: ContractRow[], today = todayUtc()) {
  const [{ used, recent }, budgets] = await Promise.all([usageOf(rows, today), budgetPeriodsOf(rows, today)]);
  return rows.map((row) => {
    const budget = budgets.get(row.id);
    // A renewing hour budget burns per period: the current one's budget (with carry-in) and use.
    const period = row.recurrence !== "none" && row.budgetKind === "hours" ? budget?.current : null;
    return contractJson(
      row,
      computeBurn({
        contractedMinutes: period ? period.available : row.contractedMinutes,
        usedMinutes: period ? period.used : (used.get(row.id) ?? 0),
        windowMinutes: recent.get(row.id) ?? 0,
        today,
        startDate: period ? period.start : row.startDate ? isoOf(row.startDate) : null,
        endDate: period ? period.end : row.endDate ? isoOf(row.endDate) : null,
      }),
      budget,
    );
  });
}

/** Active first, then planned, then closed; within each the latest start first. */
const STATUS_ORDER = { active: 0, planned: 1, closed: 2 } as Record<string, number>;

export async function listContracts(actor: Actor, slug: string, options: { today?: string } = {}) {
  const { customer } = await requireCustomer(actor, { slug });
  const rows = await getDb().contract.findMany({
    where: { customerId: customer.id, deletedAt: null },
    select: CONTRACT_SELECT,
    orderBy: [{ startDate: "desc" }, { id: "desc" }],
  });
  rows.sort((a, b) => (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3));
  return contractsWithBurn(rows, options.today);
}

async function requireContract(customerId: number, rawId: string | number) {
  const id = Number(rawId);
  const row =
    Number.isInteger(id) && id > 0 && id <= 2_147_483_647
      ? await getDb().contract.findFirst({ where: { id, customerId, deletedAt: null }, select: CONTRACT_SELECT })
      : null;
  if (!row) throw notFound("Contract not found");
  return row;
}

export async function getContract(actor: Actor, slug: string, id: string | number, options: { today?: string } = {}) {
  const { customer } = await requireCustomer(actor, { slug });
  const [json] = await contractsWithBurn([await requireContract(customer.id, id)], options.today);
  return json;
}

function auditContract(actor: Actor, action: string, slug: string, row: { id: number; name: string }, meta?: RequestMeta) {
  return recordAudit({
    actor,
    action,
    resourceType: "contract",
    resourceId: row.id,
    details: { customer: slug, name: row.name },
    meta,
  });
}

export async function createContract(actor: Actor, slug: string, input: unknown, meta?: RequestMeta) {
  const data = parseInput(ZCreateContract, input);
  const { customer } = await requireCustomer(actor, { slug }, "editor");
  const row = await getDb().contract.create({
    data: {
      customerId: customer.id,
      name: data.name,
      description: data.description || null,
      startDate: data.startDate ? dateOf(data.startDate) : null,
      endDate: data.endDate ? dateOf(data.endDate) : null,
      contractedMinutes: budgetMinutes(data) ?? 0,
      status: data.status,
      ...(await budgetFields(customer.id, data)),
      ...(data.owners ? { owners: { create: (await ownerIds(customer.id, data.owners)).map((userId) => ({ userId })) } } : {}),
    },
    select: CONTRACT_SELECT,
  });
  await auditContract(actor, "contract.created", customer.slug, row, meta);
  return (await contractsWithBurn([row]))[0];
}

export async function updateContract(actor: Actor, slug: string, id: string | number, input: unknown, meta?: RequestMeta) {
  const data = parseInput(ZUpdateContract, input);
  const { customer } = await requireCustomer(actor, { slug }, "editor");
  const before = await requireContract(customer.id, id);
  const startDate = data.startDate !== undefined ? data.startDate : before.startDate ? isoOf(before.startDate) : null;
  const endDate = data.endDate !== undefined ? data.endDate : before.endDate ? isoOf(before.endDate) : null;
  if (!datesInOrder({ startDate, endDate })) {
    throw new AppError("validation", DATES_MESSAGE, { fields: [{ path: "endDate", message: DATES_MESSAGE }] });
  }
  const minutes = budgetMinutes(data);
  const owners = data.owners ? await ownerIds(customer.id, data.owners) : null;
  const budget = await budgetFields(customer.id, data);
  const row = await getDb().contract.update({
    where: { id: before.id },
    data: {
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.description !== undefined ? { description: data.description || null } : {}),
      ...(data.startDate !== undefined ? { startDate: data.startDate ? dateOf(data.startDate) : null } : {}),
      ...(data.endDate !== undefined ? { endDate: data.endDate ? dateOf(data.endDate) : null } : {}),
      ...(minutes !== undefined ? { contractedMinutes: minutes } : {}),
      ...(data.status !== undefined ? { status: data.status } : {}),
      ...budget,
      ...(owners ? { owners: { deleteMany: {}, create: owners.map((userId) => ({ userId })) } } : {}),
    },
    select: CONTRACT_SELECT,
  });
  await auditContract(actor, "contract.updated", customer.slug, row, meta);
  return (await contractsWithBurn([row]))[0];
}

/** The renewal and budget columns of a create or edit (only those given). */
async function budgetFields(
  customerId: number,
  data: {
    recurrence?: string;
    budgetKind?: string;
    budget?: string;
    budgetMinor?: number;
    carryOver?: boolean;
    alertThresholds?: number[];
  },
) {
  let budgetMinor: bigint | undefined = data.budgetMinor === undefined ? undefined : BigInt(data.budgetMinor);
  if (data.budget !== undefined) {
    const { currency } = await getDb().customer.findUniqueOrThrow({ where: { id: customerId }, select: { currency: true } });
    const parsed = parseMoney(data.budget, currency);
    if (parsed === null) {
      throw new AppError("validation", `“${data.budget}” is not an amount in ${currency}: write it like 5000.00.`, {
        fields: [{ path: "budget", message: "not an amount" }],
      });
    }
    budgetMinor = parsed;
  }
  return {
    ...(data.recurrence !== undefined ? { recurrence: data.recurrence } : {}),
    ...(data.budgetKind !== undefined ? { budgetKind: data.budgetKind } : {}),
    ...(budgetMinor !== undefined ? { budgetMinor } : {}),
    ...(data.carryOver !== undefined ? { carryOver: data.carryOver } : {}),
    ...(data.alertThresholds !== undefined
      ? { alertThresholds: [...new Set(data.alertThresholds)].sort((a, b) => a - b).join(",") }
      : {}),
  };
}

/** Owners must see the customer (an alert about a customer they cannot open would tell them nothing). */
async function ownerIds(customerId: number, usernames: string[]): Promise<number[]> {
  const { customerRole } = await import("./access.ts");
  const users = await getDb().user.findMany({
    where: { username: { in: usernames }, deletedAt: null },
    select: { id: true, username: true, role: true, language: true },
  });
  const ids: number[] = [];
  for (const name of new Set(usernames)) {
    const u = users.find((x) => x.username === name);
    const role = u ? await customerRole(actorForUser(u), customerId) : null;
    if (!u || !role) {
      throw new AppError("validation", `${name} cannot see this customer; give them access first.`, {
        fields: [{ path: "owners", message: `${name}: no access` }],
      });
    }
    ids.push(u.id);
  }
  return ids;
}

/** Every budget period of a contract up to today with its use, and the current one's forecast. */
export async function contractPeriods(actor: Actor, slug: string, id: string | number, options: { today?: string } = {}) {
  const { customer } = await requireCustomer(actor, { slug });
  const row = await requireContract(customer.id, id);
  const today = options.today ?? todayUtc();
  const budgets = await budgetPeriodsOf([row], today);
  const [contract] = await contractsWithBurn([row], today);
  const b = budgets.get(row.id) as BudgetPeriods;
  return { contract, kind: b.kind, periods: [...b.periods].reverse(), current: b.current };
}

/**
 * Deletes a contract (softly; editors). Its entries stay booked on the customer without a
 * contract, so the customer's totals do not change. Entries in a locked period keep it unless an
 * administrator deletes.
 */
export async function deleteContract(actor: Actor, slug: string, id: string | number, meta?: RequestMeta) {
  const { customer } = await requireCustomer(actor, { slug }, "editor");
  const row = await requireContract(customer.id, id);
  const lockDays = await getSetting("time_lock_days");
  if (lockDays > 0 && !actor.isAdmin) {
    const locked = await getDb().timeEntry.count({
      where: { contractId: row.id, date: { lt: dateOf(addDays(todayUtc(), -lockDays)) } },
    });
    if (locked > 0) {
      throw new AppError(
        "conflict",
        `${locked} entries on this contract are in the locked period; only administrators can delete it.`,
      );
    }
  }
  await getDb().$transaction([
    getDb().timeEntry.updateMany({ where: { contractId: row.id }, data: { contractId: null } }),
    getDb().runningTimer.updateMany({ where: { contractId: row.id }, data: { contractId: null } }),
    getDb().contract.update({ where: { id: row.id }, data: { deletedAt: new Date() } }),
  ]);
  await auditContract(actor, "contract.deleted", customer.slug, row, meta);
}

/**
 * The burn-down of a contract: minutes used per day (cumulative), the budget, and the forecast
 * line from today's usage to the run-out date.
 */
export async function contractBurndown(actor: Actor, slug: string, id: string | number, options: { today?: string } = {}) {
  const { customer } = await requireCustomer(actor, { slug });
  const row = await requireContract(customer.id, id);
  const today = options.today ?? todayUtc();
  const [contract] = await contractsWithBurn([row], today);
  const days = await getDb().timeEntry.groupBy({
    by: ["date"],
    where: { contractId: row.id },
    _sum: { minutes: true },
    orderBy: { date: "asc" },
  });
  let total = 0;
  const points = days.map((d) => {
    total += Number(d._sum.minutes ?? 0);
    return { date: isoOf(d.date), usedMinutes: total };
  });
  const runOut = contract.forecast.runOutDate;
  const forecast = runOut
    ? [
        { date: today, usedMinutes: contract.usedMinutes },
        { date: runOut, usedMinutes: contract.contractedMinutes },
      ]
    : [];
  return { contract, points, forecast };
}
