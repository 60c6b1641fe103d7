// An entry's price when it is booked or its target, day or minutes change: billable or not (the
// project's default unless the booking says), the rate in effect (lib/billing/rates.ts), and the
// amount (lib/billing/money.ts). An entry without a customer has no one to bill: not billable, no rate.
import type { Tx } from "../db/client.ts";
import { amountFor } from "./money.ts";
import { resolveRate } from "./rates.ts";

export type Price = { billable: boolean; rateMinor: number | null; currency: string | null; amountMinor: bigint };

export type PriceInput = {
  userId: number;
  date: string;
  minutes: number;
  target: { customerId: number | null; projectId: number | null; contractId: number | null };
  /** As booked; undefined: the project's default (billable without a project). */
  billable?: boolean;
};

export async function priceEntry(tx: Tx, input: PriceInput): Promise<Price> {
  const { customerId, projectId, contractId } = input.target;
  if (customerId === null) return { billable: false, rateMinor: null, currency: null, amountMinor: 0n };
  const [customer, project] = await Promise.all([
    tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { currency: true } }),
    projectId !== null ? tx.project.findUnique({ where: { id: projectId }, select: { billableDefault: true } }) : null,
  ]);
  const billable = input.billable ?? project?.billableDefault ?? true;
  const rate = await resolveRate(tx, {
    userId: input.userId,
    customerId,
    contractId,
    projectId,
    date: input.date,
    currency: customer.currency,
  });
  return {
    billable,
    rateMinor: rate?.rateMinor ?? null,
    currency: customer.currency,
    amountMinor: rate ? amountFor(rate.rateMinor, input.minutes) : 0n,
  };
}

/** The amount of an entry whose minutes changed but whose rate stays. */
export const repriced = (rateMinor: number | null, minutes: number): bigint =>
  rateMinor === null ? 0n : amountFor(rateMinor, minutes);
