// Contracts: a customer's budget of hours for a period. Usage is the sum of the minutes booked
// against the contract (integers, summed by the database); the burn and its forecast come from
// lib/time/forecast.ts.
import { z } from "zod";
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import type { Actor } from "../auth/actor.ts";
import { getDb } from "../db/client.ts";
import { AppError, parseInput } from "../errors.ts";
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
  })
  .strict()
  .refine((v) => (v.hours === undefined) !== (v.contractedMinutes === undefined), {
    path: ["hours"],
    message: "Give the budget as hours (or as contractedMinutes), once.",
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
};

const budgetMinutes = (v: { hours?: number; contractedMinutes?: number }) =>
  v.contractedMinutes ?? (v.hours === undefined ? undefined : Math.round(v.hours * 60));

export function contractJson(row: ContractRow, burn: Burn) {
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
  const { used, recent } = await usageOf(rows, today);
  return rows.map((row) =>
    contractJson(
      row,
      computeBurn({
        contractedMinutes: row.contractedMinutes,
        usedMinutes: used.get(row.id) ?? 0,
        windowMinutes: recent.get(row.id) ?? 0,
        today,
        startDate: row.startDate ? isoOf(row.startDate) : null,
        endDate: row.endDate ? isoOf(row.endDate) : null,
      }),
    ),
  );
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
  if (!row) throw new AppError("not_found", "Contract not found");
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
  const row = await getDb().contract.update({
    where: { id: before.id },
    data: {
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.description !== undefined ? { description: data.description || null } : {}),
      ...(data.startDate !== undefined ? { startDate: data.startDate ? dateOf(data.startDate) : null } : {}),
      ...(data.endDate !== undefined ? { endDate: data.endDate ? dateOf(data.endDate) : null } : {}),
      ...(minutes !== undefined ? { contractedMinutes: minutes } : {}),
      ...(data.status !== undefined ? { status: data.status } : {}),
    },
    select: CONTRACT_SELECT,
  });
  await auditContract(actor, "contract.updated", customer.slug, row, meta);
  return (await contractsWithBurn([row]))[0];
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
