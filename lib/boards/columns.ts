import { z } from "zod";
import { softDeleteCardAttachments } from "../attachments/attachments.ts";
import { requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { getDb, type Tx } from "../db/client.ts";
import { AppError, parseInput } from "../errors.ts";
import { byId, lockListInPrisma, type OrderedList, placeInPrisma, placementFields, placementOf } from "../ordering/place.ts";
import { STEP } from "../ordering/positions.ts";
import { projectRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { recordSprintProgress } from "../scrum/progress.ts";

export const ZCreateColumn = z.object({
  name: z.string().trim().min(1).max(191),
  wipLimit: z.number().int().min(0).max(10_000).default(0),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .nullish(),
  /** Insert after this column; omitted: at the end. `0`: at the start. */
  afterColumnId: z.number().int().min(0).max(2_147_483_647).nullish(),
});

const COLUMN_SELECT = { id: true, name: true, position: true, wipLimit: true, color: true } as const;

export async function createColumn(actor: Actor, slug: string, input: z.input<typeof ZCreateColumn>) {
  const data = parseInput(ZCreateColumn, input);
  const { project } = await requireProject(actor, slug, "member");
  const column = await getDb().$transaction(async (tx) => {
    const position = await placeInPrisma(
      tx,
      columnList(project.id, null),
      data.afterColumnId ? { after: data.afterColumnId, paths: { after: "afterColumnId", before: "before" } } : {},
      data.afterColumnId === 0 ? "start" : "end",
    );
    return tx.column.create({
      data: { projectId: project.id, name: data.name, wipLimit: data.wipLimit, color: data.color ?? null, position },
      select: COLUMN_SELECT,
    });
  });
  const json = { ...column, cards: [] };
  publish([{ room: projectRoom(project.id), type: "column.created", data: json }]);
  return json;
}

/** Ids are 32-bit INT columns: larger numbers must be a 400, not a driver error. */
const ZColumnId = z.number().int().positive().max(2_147_483_647);

export const ZUpdateColumn = z
  .object({
    name: z.string().trim().min(1).max(191),
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .nullable(),
    wipLimit: z.number().int().min(0).max(10_000),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");

const COLUMN_ALIASES = { after: "afterColumnId", before: "beforeColumnId" } as const;
export const ZMoveColumn = z.object({ ...placementFields(ZColumnId, COLUMN_ALIASES, "column") }).strict();

/** The columns of a project as an ordered list, neighbours named by id. */
const columnList = (projectId: number, item: number | null): OrderedList<number> => ({
  list: "columns",
  scopeId: projectId,
  item,
  refer: byId,
  noun: "column of this project",
});

export const ZDeleteColumn = z.object({ moveCardsTo: ZColumnId.nullish() }).strict();

/** A column id from the URL: anything but a positive 32-bit integer is not found. */
function parseColumnId(raw: string | number): number {
  const id = typeof raw === "number" ? raw : /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw new AppError("not_found", "Column not found");
  return id;
}

async function findColumn(tx: Tx, projectId: number, id: number) {
  const column = await tx.column.findFirst({ where: { id, projectId }, select: { ...COLUMN_SELECT } });
  if (!column) throw new AppError("not_found", "Column not found");
  return column;
}

export async function updateColumn(actor: Actor, slug: string, columnId: string | number, input: unknown) {
  const data = parseInput(ZUpdateColumn, input);
  const id = parseColumnId(columnId);
  const { project } = await requireProject(actor, slug, "member");
  const column = await getDb().$transaction(async (tx) => {
    await findColumn(tx, project.id, id);
    return tx.column.update({ where: { id }, data, select: COLUMN_SELECT });
  });
  publish([{ room: projectRoom(project.id), type: "column.updated", data: column }]);
  return column;
}

/** Moves a column between two neighbours given by id (never by absolute position; lib/ordering/place.ts). */
export async function moveColumn(actor: Actor, slug: string, columnId: string | number, input: unknown) {
  const data = parseInput(ZMoveColumn, input);
  const id = parseColumnId(columnId);
  const { project } = await requireProject(actor, slug, "member");
  const column = await getDb().$transaction(async (tx) => {
    await findColumn(tx, project.id, id);
    const position = await placeInPrisma(tx, columnList(project.id, id), placementOf<number>(data, COLUMN_ALIASES));
    return tx.column.update({ where: { id }, data: { position }, select: COLUMN_SELECT });
  });
  publish([{ room: projectRoom(project.id), type: "column.moved", data: column }]);
  return column;
}

/**
 * Deletes a column. Its live cards go to the bottom of `moveCardsTo` (another column of the
 * project), each with a history row; without a target a column with live cards is refused (409).
 * Soft-deleted cards go along to the target (or the first remaining column) so they can still be
 * restored. The last column cannot be deleted: cards need a column.
 */
export async function deleteColumn(actor: Actor, slug: string, columnId: string | number, input: unknown) {
  const data = parseInput(ZDeleteColumn, input);
  const id = parseColumnId(columnId);
  const { project } = await requireProject(actor, slug, "member");
  const result = await getDb().$transaction(async (tx) => {
    const column = await findColumn(tx, project.id, id);
    let target: { id: number; name: string } | null = null;
    if (data.moveCardsTo != null) {
      target =
        data.moveCardsTo === id
          ? null
          : await tx.column.findFirst({
              where: { id: data.moveCardsTo, projectId: project.id },
              select: { id: true, name: true },
            });
      if (!target)
        throw new AppError("validation", "Invalid target column", {
          fields: [{ path: "moveCardsTo", message: "not another column of this project" }],
        });
    }
    const cards = await tx.card.findMany({
      where: { columnId: id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, deletedAt: true },
    });
    const live = cards.filter((c) => c.deletedAt === null);
    if (live.length > 0 && !target) {
      throw new AppError("conflict", `The column still has ${live.length} card(s): choose a column to move them to.`, {
        cards: live.length,
      });
    }
    if (!target) {
      target = await tx.column.findFirst({
        where: { projectId: project.id, id: { not: id } },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { id: true, name: true },
      });
      if (!target) throw new AppError("conflict", "The last column of a project cannot be deleted.");
    }
    if (cards.length > 0) {
      // The target's list is locked: a concurrent move into it waits (distinct positions).
      await lockListInPrisma(tx, "cards", target.id);
      const last = await tx.card.findFirst({
        where: { columnId: target.id },
        orderBy: [{ position: "desc" }, { id: "desc" }],
        select: { position: true },
      });
      const base = last?.position ?? 0;
      for (const [i, c] of cards.entries()) {
        await tx.card.update({
          where: { id: c.id },
          data: { columnId: target.id, position: base + (i + 1) * STEP, ...(c.deletedAt ? {} : { version: { increment: 1 } }) },
          select: { id: true },
        });
      }
      if (live.length > 0) {
        await tx.cardHistory.createMany({
          data: live.map((c) => ({
            cardId: c.id,
            userId: actor.userId,
            field: "column",
            oldValue: column.name,
            newValue: (target as { name: string }).name,
          })),
        });
      }
    }
    await tx.column.delete({ where: { id } });
    await recordSprintProgress(tx, project, "all", actor.userId, new Date());
    return { id, movedCardsTo: live.length > 0 ? target.id : null, movedCardIds: live.map((c) => c.id) };
  });
  publish([{ room: projectRoom(project.id), type: "column.deleted", data: result }]);
  return result;
}

/** Soft-deletes every live card of a column (each gets a history row). */
export async function archiveColumnCards(actor: Actor, slug: string, columnId: string | number) {
  const id = parseColumnId(columnId);
  const { project } = await requireProject(actor, slug, "member");
  const cards = await getDb().$transaction(async (tx) => {
    await findColumn(tx, project.id, id);
    const live = await tx.card.findMany({ where: { columnId: id, deletedAt: null }, select: { id: true, number: true } });
    if (live.length === 0) return live;
    const deletedAt = new Date();
    await softDeleteCardAttachments(
      tx,
      live.map((c) => c.id),
      deletedAt,
    );
    await tx.card.updateMany({
      where: { id: { in: live.map((c) => c.id) } },
      data: { deletedAt, version: { increment: 1 } },
    });
    await tx.cardHistory.createMany({
      data: live.map((c) => ({ cardId: c.id, userId: actor.userId, field: "deleted", newValue: "true" })),
    });
    await recordSprintProgress(
      tx,
      project,
      live.map((c) => c.id),
      actor.userId,
      new Date(),
    );
    return live;
  });
  if (cards.length > 0) {
    publish([
      {
        room: projectRoom(project.id),
        type: "column.cards_archived",
        data: { columnId: id, cardIds: cards.map((c) => c.id), keys: cards.map((c) => `${project.key}-${c.number}`) },
      },
    ]);
  }
  return { archived: cards.length };
}
