// A contract's use per budget period (lib/billing/periods.ts): an hour budget counts every minute
// booked on the contract, a money budget the amounts of its billable entries (minor units). One
// grouped query per set of contracts reads the use per day; periods are summed from it.
import { getDb } from "../db/client.ts";
import { isoOf, todayUtc } from "../time/dates.ts";
import { forecastPeriod, type PeriodTerms, type PeriodUse, periodsThrough, periodUses, type Recurrence } from "./periods.ts";

export type BudgetRow = {
  id: number;
  startDate: Date | null;
  endDate: Date | null;
  createdAt: Date;
  contractedMinutes: number;
  recurrence: string;
  budgetKind: string;
  budgetMinor: bigint;
  carryOver: boolean;
};

export const termsOf = (c: BudgetRow): PeriodTerms => ({
  recurrence: c.recurrence as Recurrence,
  anchor: isoOf(c.startDate ?? c.createdAt),
  endDate: c.endDate ? isoOf(c.endDate) : null,
});

type Daily = { date: string; minutes: number; amount: bigint };

/** Use per day of each contract (all minutes; amounts of billable entries). */
export async function dailyUse(contractIds: number[]): Promise<Map<number, Daily[]>> {
  const out = new Map<number, Daily[]>();
  if (contractIds.length === 0) return out;
  const rows = await getDb().timeEntry.groupBy({
    by: ["contractId", "date", "billable"],
    where: { contractId: { in: contractIds } },
    _sum: { minutes: true, amountMinor: true },
  });
  for (const r of rows) {
    if (r.contractId === null) continue;
    const list = out.get(r.contractId) ?? [];
    list.push({
      date: isoOf(r.date),
      minutes: Number(r._sum.minutes ?? 0),
      amount: r.billable ? (r._sum.amountMinor ?? 0n) : 0n,
    });
    out.set(r.contractId, list);
  }
  return out;
}

export type BudgetPeriods = {
  kind: "hours" | "money";
  /** Every period up to today's (or the last one of an ended contract), oldest first. */
  periods: PeriodUse[];
  current: (PeriodUse & { forecast: ReturnType<typeof forecastPeriod> }) | null;
};

/** The periods of a contract with their use, budget, carry-over and the current one's forecast. */
export function budgetPeriods(c: BudgetRow, daily: Daily[], today = todayUtc()): BudgetPeriods {
  const kind = c.budgetKind === "money" ? "money" : "hours";
  const terms = termsOf(c);
  const periods = periodsThrough(terms, today);
  const inPeriod = (p: { start: string; end: string | null }) => (d: Daily) =>
    d.date >= p.start && (p.end === null || d.date <= p.end);
  const uses = periodUses(
    periods,
    (p) =>
      kind === "money"
        ? Number(daily.filter(inPeriod(p)).reduce((s, d) => s + d.amount, 0n))
        : daily.filter(inPeriod(p)).reduce((s, d) => s + d.minutes, 0),
    kind === "money" ? Number(c.budgetMinor) : c.contractedMinutes,
    c.carryOver,
  );
  const last = uses.at(-1);
  const isCurrent = last && last.start <= today && (last.end === null || today <= last.end);
  return { kind, periods: uses, current: isCurrent ? { ...last, forecast: forecastPeriod(last, today) } : null };
}

export async function budgetPeriodsOf(rows: BudgetRow[], today = todayUtc()): Promise<Map<number, BudgetPeriods>> {
  const daily = await dailyUse(rows.map((r) => r.id));
  return new Map(rows.map((r) => [r.id, budgetPeriods(r, daily.get(r.id) ?? [], today)]));
}
