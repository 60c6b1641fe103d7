// References between cards of one project, always stored in both directions:
// A blocks B ⇔ B is_blocked_by A; A relates_to B ⇔ B relates_to A. Removing either side removes both.
import { z } from "zod";
import { type ProjectRef, requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { getDb, type Tx } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { projectRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { findCard } from "./find-card.ts";

export const REFERENCE_TYPES = ["blocks", "is_blocked_by", "relates_to"] as const;
export type ReferenceType = (typeof REFERENCE_TYPES)[number];

/** The type seen from the other card. */
export const inverseReference = (type: ReferenceType): ReferenceType =>
  type === "blocks" ? "is_blocked_by" : type === "is_blocked_by" ? "blocks" : "relates_to";

export const ZReference = z.object({ type: z.enum(REFERENCE_TYPES), key: z.string().trim().min(1).max(32) }).strict();

export async function referencesOf(tx: Tx, project: ProjectRef, cardId: number) {
  const rows = await tx.cardReference.findMany({
    where: { cardId, refCard: { deletedAt: null } },
    orderBy: [{ type: "asc" }, { id: "asc" }],
    select: { id: true, type: true, createdAt: true, refCard: { select: { number: true, title: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    type: r.type as ReferenceType,
    key: `${project.key}-${r.refCard.number}`,
    title: r.refCard.title,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listReferences(actor: Actor, slug: string, key: string) {
  const { project } = await requireProject(actor, slug);
  const db = getDb() as unknown as Tx;
  const card = await findCard(db, project, key);
  return referencesOf(db, project, card.id);
}

async function pair(tx: Tx, project: ProjectRef, key: string, input: unknown) {
  const data = parseInput(ZReference, input);
  const card = await findCard(tx, project, key);
  const other = await findCard(tx, project, data.key).catch(() => {
    throw new AppError("validation", `No card ${data.key} in this project`, {
      fields: [{ path: "key", message: "no such card in this project" }],
    });
  });
  if (other.id === card.id) {
    throw new AppError("validation", "A card cannot reference itself", {
      fields: [{ path: "key", message: "the card itself" }],
    });
  }
  return { card, other, type: data.type, cardKey: `${project.key}-${card.number}`, otherKey: `${project.key}-${other.number}` };
}

function event(projectId: number, p: { card: { id: number }; other: { id: number }; cardKey: string; otherKey: string }) {
  return {
    room: projectRoom(projectId),
    type: "references.updated" as const,
    data: {
      cards: [
        { id: p.card.id, key: p.cardKey },
        { id: p.other.id, key: p.otherKey },
      ],
    },
  };
}

export async function addReference(actor: Actor, slug: string, key: string, input: unknown) {
  const { project } = await requireProject(actor, slug, "member");
  const p = await getDb().$transaction(async (tx) => {
    const p = await pair(tx, project, key, input);
    const exists = await tx.cardReference.findFirst({
      where: { cardId: p.card.id, refCardId: p.other.id, type: p.type },
      select: { id: true },
    });
    if (exists) throw new AppError("conflict", `${p.cardKey} already ${p.type} ${p.otherKey}.`);
    const inverse = inverseReference(p.type);
    await tx.cardReference.createMany({
      data: [
        { cardId: p.card.id, refCardId: p.other.id, type: p.type },
        { cardId: p.other.id, refCardId: p.card.id, type: inverse },
      ],
    });
    await tx.cardHistory.createMany({
      data: [
        { cardId: p.card.id, userId: actor.userId, field: `reference_${p.type}`, newValue: p.otherKey },
        { cardId: p.other.id, userId: actor.userId, field: `reference_${inverse}`, newValue: p.cardKey },
      ],
    });
    return p;
  });
  publish([event(project.id, p)]);
  const refs = await referencesOf(getDb() as unknown as Tx, project, p.card.id);
  return refs.find((r) => r.key === p.otherKey && r.type === p.type);
}

export async function removeReference(actor: Actor, slug: string, key: string, input: unknown) {
  const { project } = await requireProject(actor, slug, "member");
  const p = await getDb().$transaction(async (tx) => {
    const p = await pair(tx, project, key, input);
    const inverse = inverseReference(p.type);
    const removed = await tx.cardReference.deleteMany({
      where: {
        OR: [
          { cardId: p.card.id, refCardId: p.other.id, type: p.type },
          { cardId: p.other.id, refCardId: p.card.id, type: inverse },
        ],
      },
    });
    if (removed.count === 0) throw notFound(`${p.cardKey} does not ${p.type} ${p.otherKey}.`);
    await tx.cardHistory.createMany({
      data: [
        { cardId: p.card.id, userId: actor.userId, field: `reference_${p.type}`, oldValue: p.otherKey },
        { cardId: p.other.id, userId: actor.userId, field: `reference_${inverse}`, oldValue: p.cardKey },
      ],
    });
    return p;
  });
  publish([event(project.id, p)]);
  return { deleted: true, type: p.type, key: p.otherKey };
}
