// The week view: one user's week as days × rows (a row is a project, or a customer without a
// project, or neither), and setting a cell's total, which is how the grid books. A cell may hold
// several entries (e.g. one per card); a new total grows the newest of them or shrinks them newest
// first, deleting those that reach zero, in one transaction under the user's lock.
import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { checkContractAlertsSoon } from "../billing/alerts.ts";
import { priceEntry, repriced } from "../billing/pricing.ts";
import { getDb, type Prisma } from "../db/client.ts";
import { notFound, parseInput } from "../errors.ts";
import { publish } from "../realtime/publish.ts";
import { addDays, dateOf, isIsoDate, todayUtc, weekStart } from "./dates.ts";
import {
  checkDayTotal,
  checkInvoiced,
  checkLock,
  ENTRY_SELECT,
  type EntryJson,
  entryEvents,
  entryJson,
  entryMinutes,
  entryScope,
  invalid,
  lockCutoff,
  lockUser,
  ownerOf,
  resolveTarget,
  ZIsoDate,
} from "./entries.ts";

export const ZSetCell = z
  .object({
    date: ZIsoDate,
    projectSlug: z.string().trim().min(1).max(191).nullish(),
    customerSlug: z.string().trim().min(1).max(191).nullish(),
    minutes: z.number().int("whole minutes").optional(),
    duration: z.string().max(32).optional(),
    username: z.string().trim().min(1).max(191).optional(),
  })
  .strict();

/** A row of the grid: `p<id>` (a project), `c<id>` (a customer without project) or `none`. */
export function rowKey(e: { project: { id: number } | null; customer: { id: number } | null }): string {
  if (e.project) return `p${e.project.id}`;
  if (e.customer) return `c${e.customer.id}`;
  return "none";
}

/** One user's week (Monday to Sunday) with the rows of the week before, so a new week starts with them. */
export async function getWeek(actor: Actor, input: { date?: string; user?: string } = {}) {
  const start = weekStart(input.date && isIsoDate(input.date) ? input.date : todayUtc());
  const end = addDays(start, 6);
  const db = getDb();
  const owner =
    input.user && input.user !== actor.username
      ? await db.user.findFirst({ where: { username: input.user, deletedAt: null }, select: { id: true, username: true } })
      : { id: actor.userId, username: actor.username };
  if (!owner) throw notFound(`No user named ${input.user}`);
  const scope = await entryScope(actor);
  const [rows, previous, cutoff] = await Promise.all([
    db.timeEntry.findMany({
      where: { AND: [scope, { userId: owner.id, date: { gte: dateOf(start), lte: dateOf(end) } }] },
      select: ENTRY_SELECT,
      orderBy: [{ date: "asc" }, { id: "asc" }],
    }),
    db.timeEntry.findMany({
      where: { AND: [scope, { userId: owner.id, date: { gte: dateOf(addDays(start, -7)), lt: dateOf(start) } }] },
      select: { project: ENTRY_SELECT.project, customer: ENTRY_SELECT.customer },
      distinct: ["projectId", "customerId"],
    }),
    lockCutoff(),
  ]);
  return {
    user: owner,
    start,
    end,
    /** Only the owner and administrators book in someone's week. */
    canEdit: owner.id === actor.userId || (actor.isAdmin && actor.apiKeyProjectId === null),
    lockCutoff: cutoff,
    entries: rows.map((r) => entryJson(r, cutoff)),
    previousRows: previous.map((p) => ({ key: rowKey(p), project: p.project, customer: p.customer })),
  };
}

/** Sets the total of one cell (user × day × row) to the minutes given; 0 empties it. */
export async function setCellTotal(actor: Actor, input: unknown) {
  const data = parseInput(ZSetCell, input);
  const target = entryMinutes(data, { allowZero: true });
  const owner = await ownerOf(actor, data.username);
  const cutoff = await lockCutoff();
  checkLock(actor, cutoff, [data.date]);
  if (data.projectSlug && data.customerSlug) {
    invalid("customerSlug", "A project row has its project's customer: give projectSlug or customerSlug, not both.");
  }
  // Booking rights on the row (editor of its customer, member of its project); the contract of a new entry.
  const resolved = await resolveTarget(actor, { projectSlug: data.projectSlug, customerSlug: data.customerSlug }, data.date);
  const where: Prisma.TimeEntryWhereInput = resolved.projectId
    ? { projectId: resolved.projectId }
    : { projectId: null, customerId: resolved.customerId };
  const result = await getDb().$transaction(async (tx) => {
    await lockUser(tx, owner.id);
    const cell = await tx.timeEntry.findMany({
      where: { userId: owner.id, date: dateOf(data.date), ...where },
      select: { id: true, minutes: true, rateMinor: true, invoiceId: true },
      orderBy: { id: "desc" },
    });
    const current = cell.reduce((sum, e) => sum + e.minutes, 0);
    if (target === current) return { created: [], updated: [], deleted: [] as number[] };
    checkInvoiced(actor, cell);
    await checkDayTotal(
      tx,
      owner.id,
      data.date,
      target,
      cell.map((e) => e.id),
    );
    const created: number[] = [];
    const updated: number[] = [];
    const deleted: number[] = [];
    if (target > current) {
      if (cell.length > 0) {
        const minutes = cell[0].minutes + target - current;
        await tx.timeEntry.update({
          where: { id: cell[0].id },
          data: { minutes, amountMinor: repriced(cell[0].rateMinor, minutes) },
        });
        updated.push(cell[0].id);
      } else {
        const price = await priceEntry(tx, { userId: owner.id, date: data.date, minutes: target, target: resolved });
        const row = await tx.timeEntry.create({
          data: { userId: owner.id, date: dateOf(data.date), minutes: target, ...resolved, ...price },
          select: { id: true },
        });
        created.push(row.id);
      }
    } else {
      let cut = current - target;
      for (const e of cell) {
        if (cut === 0) break;
        const take = Math.min(cut, e.minutes);
        cut -= take;
        if (take === e.minutes) {
          await tx.timeEntry.delete({ where: { id: e.id } });
          deleted.push(e.id);
        } else {
          await tx.timeEntry.update({
            where: { id: e.id },
            data: { minutes: e.minutes - take, amountMinor: repriced(e.rateMinor, e.minutes - take) },
          });
          updated.push(e.id);
        }
      }
    }
    return { created, updated, deleted };
  });
  const changed = await getDb().timeEntry.findMany({
    where: { id: { in: [...result.created, ...result.updated] } },
    select: ENTRY_SELECT,
  });
  const json = new Map(changed.map((r) => [r.id, entryJson(r, cutoff)]));
  const of = (data: unknown) => ({ userId: owner.id, customerId: resolved.customerId, data });
  publish([
    ...entryEvents(
      "time_entry.created",
      result.created.map((id) => of(json.get(id))),
    ),
    ...entryEvents(
      "time_entry.updated",
      result.updated.map((id) => of(json.get(id))),
    ),
    ...entryEvents(
      "time_entry.deleted",
      result.deleted.map((id) => of({ id })),
    ),
  ]);
  checkContractAlertsSoon([resolved.contractId, ...changed.map((r) => r.contract?.id)]);
  const cell = await getDb().timeEntry.findMany({
    where: { userId: owner.id, date: dateOf(data.date), ...where },
    select: ENTRY_SELECT,
    orderBy: { id: "asc" },
  });
  return {
    date: data.date,
    minutes: target,
    entries: cell.map((r): EntryJson => entryJson(r, cutoff)),
    deleted: result.deleted,
  };
}
