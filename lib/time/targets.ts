// What the actor can book on, for the pickers (week view rows, manual entry, timer, a card's
// "Log time"): live projects where they are at least a member whose customer (if any) they may book
// for, and customers they edit, each with its active contracts. The actor's favourite customers and
// their projects come first, as everywhere.
import { readableProjectIds } from "../auth/access.ts";
import { type Actor, roleRank } from "../auth/actor.ts";
import { readableCustomers } from "../customers/access.ts";
import { getDb } from "../db/client.ts";
import { isoOf } from "./dates.ts";

export async function bookingTargets(actor: Actor) {
  const db = getDb();
  const [projectIds, customers] = await Promise.all([readableProjectIds(actor), readableCustomers(actor)]);
  const everything = actor.isAdmin;
  const [projects, members, groups, customerRows, favorites] = await Promise.all([
    db.project.findMany({
      where: { deletedAt: null, isArchived: false, ...(projectIds === "all" ? {} : { id: { in: projectIds } }) },
      select: {
        id: true,
        slug: true,
        key: true,
        name: true,
        color: true,
        customer: { select: { id: true, slug: true, name: true, color: true, isArchived: true, deletedAt: true } },
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    everything ? [] : db.projectMember.findMany({ where: { userId: actor.userId }, select: { projectId: true, role: true } }),
    everything
      ? []
      : db.groupProjectAccess.findMany({
          where: { group: { members: { some: { userId: actor.userId } } } },
          select: { projectId: true, role: true },
        }),
    db.customer.findMany({
      where: { deletedAt: null, isArchived: false, ...(customers === "all" ? {} : { id: { in: [...customers.keys()] } }) },
      select: {
        id: true,
        slug: true,
        name: true,
        color: true,
        contracts: {
          where: { deletedAt: null, status: "active" },
          select: { id: true, name: true, startDate: true, endDate: true },
          orderBy: [{ startDate: "desc" }, { id: "desc" }],
        },
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    db.customerFavorite.findMany({ where: { userId: actor.userId }, select: { customerId: true } }),
  ]);
  const starred = new Set(favorites.map((f) => f.customerId));
  const first = (customerId: number | undefined) => (customerId !== undefined && starred.has(customerId) ? 0 : 1);
  projects.sort((a, b) => first(a.customer?.id) - first(b.customer?.id));
  customerRows.sort((a, b) => first(a.id) - first(b.id));
  const best = new Map<number, number>();
  for (const m of [...members, ...groups]) best.set(m.projectId, Math.max(best.get(m.projectId) ?? -1, roleRank(m.role)));
  const editable = (id: number) => customers === "all" || customers.get(id) === "editor";
  const bookableCustomers = customerRows.filter((c) => editable(c.id));
  return {
    projects: projects
      .filter((p) => everything || (best.get(p.id) ?? -1) >= roleRank("member"))
      .filter((p) => !p.customer || (!p.customer.deletedAt && !p.customer.isArchived && editable(p.customer.id)))
      .map((p) => ({
        id: p.id,
        slug: p.slug,
        key: p.key,
        name: p.name,
        color: p.color,
        customer: p.customer
          ? { id: p.customer.id, slug: p.customer.slug, name: p.customer.name, color: p.customer.color }
          : null,
      })),
    customers: bookableCustomers.map((c) => ({
      id: c.id,
      slug: c.slug,
      name: c.name,
      color: c.color,
      contracts: c.contracts.map((k) => ({
        id: k.id,
        name: k.name,
        startDate: k.startDate ? isoOf(k.startDate) : null,
        endDate: k.endDate ? isoOf(k.endDate) : null,
      })),
    })),
  };
}
export type BookingTargets = Awaited<ReturnType<typeof bookingTargets>>;
