// Budget alerts: when a contract's current period crosses one of its thresholds (80 % and 100 % by
// default), its owners and the customer's editors get a notification (and its email, per their
// setting) in their own language, once per threshold and period. The claim is the insert of the
// contract_alerts row (unique per contract, period start and threshold): several instances checking
// at once, or a check after every booking plus the periodic one, still send each alert once. A
// booking that jumps past several thresholds claims them all and sends one alert, for the highest.
import { getDb } from "../db/client.ts";
import { translate } from "../i18n/index.ts";
import { notify } from "../notifications/notify.ts";
import { dateOf, todayUtc } from "../time/dates.ts";
import { formatDuration } from "../time/duration.ts";
import { budgetPeriodsOf } from "./budgets.ts";
import { formatMoney } from "./money.ts";
import { parseThresholds } from "./periods.ts";

const SELECT = {
  id: true,
  name: true,
  customerId: true,
  startDate: true,
  endDate: true,
  createdAt: true,
  contractedMinutes: true,
  recurrence: true,
  budgetKind: true,
  budgetMinor: true,
  carryOver: true,
  alertThresholds: true,
  customer: { select: { slug: true, name: true, currency: true } },
  owners: { select: { userId: true } },
} as const;

export type AlertSent = { contractId: number; periodStart: string; threshold: number; recipients: number };

/** Listeners told about each alert sent (outbound webhooks are queued before them). */
type AlertListener = (
  alert: AlertSent & { contract: { id: number; name: string; customer: string }; percentUsed: number },
) => void;
const listeners: AlertListener[] = [];
export const onContractAlert = (l: AlertListener) => {
  if (!listeners.includes(l)) listeners.push(l);
};

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === "P2002";

/** Checks active contracts (or the ones given) and sends the alerts due; returns those sent. */
export async function checkContractAlerts(options: { contractIds?: number[]; today?: string } = {}): Promise<AlertSent[]> {
  const today = options.today ?? todayUtc();
  const db = getDb();
  const rows = await db.contract.findMany({
    where: {
      deletedAt: null,
      status: "active",
      customer: { deletedAt: null },
      ...(options.contractIds ? { id: { in: options.contractIds } } : {}),
    },
    select: SELECT,
  });
  if (rows.length === 0) return [];
  const budgets = await budgetPeriodsOf(rows, today);
  const sent: AlertSent[] = [];
  for (const c of rows) {
    const period = budgets.get(c.id)?.current;
    if (!period || period.available <= 0) continue;
    const crossed = parseThresholds(c.alertThresholds).filter((t) => period.used * 100 >= period.available * t);
    if (crossed.length === 0) continue;
    const claimed: number[] = [];
    for (const threshold of crossed) {
      try {
        await db.contractAlert.create({
          data: { contractId: c.id, periodStart: dateOf(period.start), threshold },
          select: { id: true },
        });
        claimed.push(threshold);
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
      }
    }
    if (claimed.length === 0) continue;
    const threshold = Math.max(...claimed);
    const recipients = await recipientsOf(
      c.customerId,
      c.owners.map((o) => o.userId),
    );
    const money = c.budgetKind === "money";
    const amount = (v: number, language: string) => (money ? formatMoney(v, c.customer.currency, language) : formatDuration(v));
    const created = await notify(
      recipients.map((userId) => ({
        userId,
        type: "budget" as const,
        actorId: null,
        title: (language: string) =>
          translate(language, threshold >= 100 ? "billing.alert.exceeded" : "billing.alert.title", {
            contract: c.name,
            customer: c.customer.name,
            threshold,
          }),
        text: (language: string) =>
          translate(language, "billing.alert.text", {
            used: amount(period.used, language),
            available: amount(period.available, language),
            percent: period.percentUsed,
            start: period.start,
            end: period.end ?? "…",
          }),
        url: `/customers/${c.customer.slug}/contracts/${c.id}`,
      })),
    );
    const alert = { contractId: c.id, periodStart: period.start, threshold, recipients: created.length };
    sent.push(alert);
    const detail = {
      ...alert,
      contract: { id: c.id, name: c.name, customer: c.customer.slug },
      percentUsed: period.percentUsed,
    };
    // Outbound webhooks (contract.threshold_crossed): queued in the database, sent in the background.
    try {
      const { queueContractAlert } = await import("../webhooks/outbound.ts");
      await queueContractAlert({ ...detail, customerId: c.customerId, periodEnd: period.end ?? null });
    } catch (e) {
      console.error("queueing contract alert webhooks failed", (e as Error).message);
    }
    for (const l of listeners) {
      try {
        l(detail);
      } catch (e) {
        console.error("contract alert listener failed", (e as Error).message);
      }
    }
  }
  return sent;
}

/** The contract's owners and the customer's editors (directly or through a group), active users. */
async function recipientsOf(customerId: number, owners: number[]): Promise<number[]> {
  const db = getDb();
  const [direct, groups] = await Promise.all([
    db.customerAccess.findMany({ where: { customerId, role: "editor" }, select: { userId: true } }),
    db.groupMember.findMany({
      where: { group: { customerAccess: { some: { customerId, role: "editor" } } } },
      select: { userId: true },
    }),
  ]);
  return [...new Set([...owners, ...direct.map((d) => d.userId), ...groups.map((g) => g.userId)])];
}

/**
 * After a booking changed a contract's use: check it now, in the background (the booking's answer
 * never waits for alerts or their email). The periodic job catches whatever this misses.
 */
export function checkContractAlertsSoon(contractIds: (number | null | undefined)[]): void {
  const ids = [...new Set(contractIds.filter((id): id is number => typeof id === "number"))];
  if (ids.length === 0) return;
  const p = checkContractAlerts({ contractIds: ids })
    .catch((e) => console.error("contract alert check failed", (e as Error).message))
    .finally(() => pending.delete(p));
  pending.add(p);
}

const pending = new Set<Promise<unknown>>();

/** Tests wait here for background checks. */
export async function flushContractAlerts(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}
