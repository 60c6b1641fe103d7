// Everything the customer page shows, in one call: the customer, its contracts with burn and
// forecast, its projects, recent entries and the team (who has access, who booked lately).
import type { Actor } from "../auth/actor.ts";
import { getDb } from "../db/client.ts";
import { addDays, dateOf, todayUtc } from "../time/dates.ts";
import { listEntries } from "../time/entries.ts";
import { requireCustomer } from "./access.ts";
import { contractBurndown, listContracts } from "./contracts.ts";
import { customerProjects, customerTeam, getCustomer } from "./customers.ts";

export async function getCustomerOverview(actor: Actor, slug: string) {
  const { customer } = await requireCustomer(actor, { slug });
  const since = addDays(todayUtc(), -29);
  const [json, contracts, projects, recent, team, booked] = await Promise.all([
    getCustomer(actor, slug),
    listContracts(actor, slug),
    customerProjects(actor, customer.id),
    listEntries(actor, { customer: slug, limit: "20" }),
    customerTeam(customer),
    getDb().timeEntry.groupBy({
      by: ["userId"],
      where: { customerId: customer.id, date: { gte: dateOf(since) } },
      _sum: { minutes: true },
    }),
  ]);
  const minutes = new Map(booked.map((b) => [b.userId, Number(b._sum.minutes ?? 0)]));
  const known = new Set(team.people.map((p) => p.id));
  const others = await getDb().user.findMany({
    where: { id: { in: [...minutes.keys()].filter((id) => !known.has(id)) } },
    select: { id: true, username: true, avatar: true, isActive: true },
  });
  const people = [
    ...team.people.map((p) => ({ ...p, minutes30: minutes.get(p.id) ?? 0 })),
    // Administrators (and people since removed) who booked: shown without a role here.
    ...others.map((u) => ({
      id: u.id,
      username: u.username,
      hasAvatar: !!u.avatar,
      isActive: u.isActive,
      role: null,
      directRole: null,
      groups: [] as string[],
      minutes30: minutes.get(u.id) ?? 0,
    })),
  ];
  // The burn-down of the contract the page shows first (the first active one), so that it renders at once.
  const shown = contracts.find((c) => c.status === "active") ?? contracts[0];
  const burndown = shown ? await contractBurndown(actor, slug, shown.id) : null;
  return { customer: json, contracts, projects, recentEntries: recent.entries, team: { people, groups: team.groups }, burndown };
}
export type CustomerOverview = Awaited<ReturnType<typeof getCustomerOverview>>;
