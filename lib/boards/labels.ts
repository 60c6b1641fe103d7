// Project labels: list (with how many live cards carry each), create, rename, recolour, delete
// (removes it from every card). Members manage them: they also create labels on the fly from a card.
import { z } from "zod";
import { requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { getDb, type Tx } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { projectRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { LABEL_COLORS } from "./label-colors.ts";

const ZName = z.string().trim().min(1).max(64);
const ZColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "#rrggbb");

export const ZCreateLabel = z.object({ name: ZName, color: ZColor.optional() }).strict();
export const ZUpdateLabel = z
  .object({ name: ZName, color: ZColor })
  .partial()
  .strict()
  .refine((v) => v.name !== undefined || v.color !== undefined, "send name or color");

const SELECT = { id: true, name: true, color: true } as const;

const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/**
 * The project's labels by name, each with `cardCount`: the live (not deleted) cards that carry it.
 * Sorted here rather than in SQL: the engines' collations disagree about case ("Docs" vs "bug").
 */
export async function listLabels(actor: Actor, slug: string) {
  const { project } = await requireProject(actor, slug);
  const labels = await getDb().label.findMany({
    where: { projectId: project.id },
    orderBy: { id: "asc" },
    select: { ...SELECT, _count: { select: { cards: { where: { card: { deletedAt: null } } } } } },
  });
  return labels
    .map(({ _count, ...label }) => ({ ...label, cardCount: _count.cards }))
    .sort((a, b) => byName.compare(a.name, b.name) || a.id - b.id);
}

async function assertFree(tx: Tx, projectId: number, name: string, selfId?: number) {
  const same = await tx.label.findFirst({
    where: { projectId, name, ...(selfId ? { id: { not: selfId } } : {}) },
    select: { id: true },
  });
  if (same) throw new AppError("conflict", `A label “${name}” already exists.`);
}

export async function createLabel(actor: Actor, slug: string, input: unknown) {
  const data = parseInput(ZCreateLabel, input);
  const { project } = await requireProject(actor, slug, "member");
  const label = await getDb().$transaction(async (tx) => {
    await assertFree(tx, project.id, data.name);
    const count = await tx.label.count({ where: { projectId: project.id } });
    return tx.label.create({
      data: { projectId: project.id, name: data.name, color: data.color ?? LABEL_COLORS[count % LABEL_COLORS.length] },
      select: SELECT,
    });
  });
  publish([{ room: projectRoom(project.id), type: "label.created", data: label }]);
  return label;
}

async function findLabel(tx: Tx, projectId: number, id: string | number) {
  const n = Number(id);
  const label =
    Number.isInteger(n) && n > 0 && n <= 2_147_483_647
      ? await tx.label.findFirst({ where: { id: n, projectId }, select: SELECT })
      : null;
  if (!label) throw notFound("Label not found");
  return label;
}

export async function updateLabel(actor: Actor, slug: string, id: string | number, input: unknown) {
  const data = parseInput(ZUpdateLabel, input);
  const { project } = await requireProject(actor, slug, "member");
  const label = await getDb().$transaction(async (tx) => {
    const current = await findLabel(tx, project.id, id);
    if (data.name !== undefined) await assertFree(tx, project.id, data.name, current.id);
    return tx.label.update({ where: { id: current.id }, data, select: SELECT });
  });
  publish([{ room: projectRoom(project.id), type: "label.updated", data: label }]);
  return label;
}

export async function deleteLabel(actor: Actor, slug: string, id: string | number) {
  const { project } = await requireProject(actor, slug, "member");
  const label = await getDb().$transaction(async (tx) => {
    const current = await findLabel(tx, project.id, id);
    await tx.label.delete({ where: { id: current.id }, select: { id: true } });
    return current;
  });
  publish([{ room: projectRoom(project.id), type: "label.deleted", data: { id: label.id } }]);
  return { ...label, deleted: true };
}
