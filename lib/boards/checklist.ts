// A card's checklist: add, edit, tick, delete, reorder between two neighbours (fractional
// positions, renumbered when the gap runs out). Progress is `{ done, total }`.
import { z } from "zod";
import { requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { getDb, type Tx } from "../db/client.ts";
import { AppError, parseInput } from "../errors.ts";
import { byId, type OrderedList, placeInPrisma, placementFields, placementOf } from "../ordering/place.ts";
import { projectRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { findCard } from "./find-card.ts";

const ZId = z.number().int().positive().max(2_147_483_647);
const ZText = z.string().trim().min(1).max(1000);

export const ZCreateChecklistItem = z.object({ text: ZText, done: z.boolean().optional() }).strict();
export const ZUpdateChecklistItem = z
  .object({ text: ZText, done: z.boolean() })
  .partial()
  .strict()
  .refine((v) => v.text !== undefined || v.done !== undefined, "send text or done");
const ITEM_ALIASES = { after: "afterId", before: "beforeId" } as const;
export const ZMoveChecklistItem = z
  .object({ ...placementFields(ZId, ITEM_ALIASES, "item") })
  .strict()
  .refine((v) => v.after != null || v.before != null || v.afterId != null || v.beforeId != null, "send after or before");

/** A card's checklist as an ordered list, neighbours named by id. */
const itemList = (cardId: number, item: number | null): OrderedList<number> => ({
  list: "card_checklist_items",
  scopeId: cardId,
  item,
  refer: byId,
  noun: "item of this checklist",
});

const ITEM_SELECT = { id: true, text: true, done: true, position: true } as const;

/** `{ done, total }` per card id, in one grouped query (cards without items are absent). */
export async function checklistCounts(tx: Tx, cardIds: number[]): Promise<Map<number, { done: number; total: number }>> {
  const counts = new Map<number, { done: number; total: number }>();
  if (cardIds.length === 0) return counts;
  const groups = await tx.cardChecklistItem.groupBy({
    by: ["cardId", "done"],
    where: { cardId: { in: cardIds } },
    _count: { _all: true },
  });
  for (const g of groups) {
    const c = counts.get(g.cardId) ?? { done: 0, total: 0 };
    c.total += g._count._all;
    if (g.done) c.done += g._count._all;
    counts.set(g.cardId, c);
  }
  return counts;
}

export function listChecklist(tx: Tx, cardId: number) {
  return tx.cardChecklistItem.findMany({
    where: { cardId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: ITEM_SELECT,
  });
}

export async function getChecklist(actor: Actor, slug: string, key: string) {
  const { project } = await requireProject(actor, slug);
  const db = getDb() as unknown as Tx;
  const card = await findCard(db, project, key);
  const items = await listChecklist(db, card.id);
  return { items, done: items.filter((i) => i.done).length, total: items.length };
}

/** Runs one checklist change in a transaction and publishes the whole new checklist after commit. */
async function change<T>(actor: Actor, slug: string, key: string, fn: (tx: Tx, card: { id: number }) => Promise<T>): Promise<T> {
  const { project } = await requireProject(actor, slug, "member");
  const { result, event } = await getDb().$transaction(async (tx) => {
    const card = await findCard(tx, project, key);
    const result = await fn(tx, card);
    const items = await listChecklist(tx, card.id);
    const done = items.filter((i) => i.done).length;
    return {
      result,
      event: { cardId: card.id, key: `${project.key}-${card.number}`, items, checklist: { done, total: items.length } },
    };
  });
  publish([{ room: projectRoom(project.id), type: "checklist.updated", data: event }]);
  return result;
}

async function findItem(tx: Tx, cardId: number, id: number | string) {
  const n = Number(id);
  const item =
    Number.isInteger(n) && n > 0 && n <= 2_147_483_647
      ? await tx.cardChecklistItem.findFirst({ where: { id: n, cardId }, select: ITEM_SELECT })
      : null;
  if (!item) throw new AppError("not_found", "Checklist item not found");
  return item;
}

export async function addChecklistItem(actor: Actor, slug: string, key: string, input: unknown) {
  const data = parseInput(ZCreateChecklistItem, input);
  return change(actor, slug, key, async (tx, card) => {
    const position = await placeInPrisma(tx, itemList(card.id, null), {});
    const item = await tx.cardChecklistItem.create({
      data: {
        cardId: card.id,
        text: data.text,
        done: data.done ?? false,
        position,
      },
      select: ITEM_SELECT,
    });
    await tx.cardHistory.create({
      data: { cardId: card.id, userId: actor.userId, field: "checklist_added", newValue: data.text },
    });
    return item;
  });
}

export async function updateChecklistItem(actor: Actor, slug: string, key: string, id: string | number, input: unknown) {
  const data = parseInput(ZUpdateChecklistItem, input);
  return change(actor, slug, key, async (tx, card) => {
    const before = await findItem(tx, card.id, id);
    const item = await tx.cardChecklistItem.update({ where: { id: before.id }, data, select: ITEM_SELECT });
    const history = [];
    if (data.text !== undefined && data.text !== before.text)
      history.push({ field: "checklist_text", oldValue: before.text, newValue: data.text });
    if (data.done !== undefined && data.done !== before.done)
      history.push({ field: data.done ? "checklist_done" : "checklist_undone", oldValue: null, newValue: item.text });
    if (history.length)
      await tx.cardHistory.createMany({ data: history.map((h) => ({ ...h, cardId: card.id, userId: actor.userId })) });
    return item;
  });
}

export async function deleteChecklistItem(actor: Actor, slug: string, key: string, id: string | number) {
  return change(actor, slug, key, async (tx, card) => {
    const item = await findItem(tx, card.id, id);
    await tx.cardChecklistItem.delete({ where: { id: item.id }, select: { id: true } });
    await tx.cardHistory.create({
      data: { cardId: card.id, userId: actor.userId, field: "checklist_removed", oldValue: item.text },
    });
    return { id: item.id, deleted: true };
  });
}

/** Moves an item between two neighbours given by id (lib/ordering/place.ts). */
export async function moveChecklistItem(actor: Actor, slug: string, key: string, id: string | number, input: unknown) {
  const data = parseInput(ZMoveChecklistItem, input);
  return change(actor, slug, key, async (tx, card) => {
    const item = await findItem(tx, card.id, id);
    const position = await placeInPrisma(tx, itemList(card.id, item.id), placementOf<number>(data, ITEM_ALIASES));
    return tx.cardChecklistItem.update({ where: { id: item.id }, data: { position }, select: ITEM_SELECT });
  });
}
