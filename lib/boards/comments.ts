// Comments on a card: markdown bodies, oldest first; authors edit and (softly) delete their own.

import { z } from "zod";
import { softDeleteWithOwner } from "../attachments/attachments.ts";
import { type ProjectRef, requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { getDb, type Tx } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { notifyCardComment } from "../notifications/cards.ts";
import { projectRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { findCard } from "./find-card.ts";

export const ZCreateComment = z.object({ body: z.string().trim().min(1).max(50_000) });
export const ZUpdateComment = z.object({ body: z.string().trim().min(1).max(50_000) }).strict();

const COMMENT_SELECT = {
  id: true,
  body: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
  cardId: true,
  user: { select: { id: true, username: true, deletedAt: true } },
} as const;

type Row = {
  id: number;
  body: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  cardId: number;
  user: { id: number; username: string; deletedAt: Date | null };
};

/** A deleted comment keeps its place but not its text. */
function commentJson(cardKey: string, r: Row) {
  return {
    id: r.id,
    cardId: r.cardId,
    cardKey,
    body: r.deletedAt ? null : r.body,
    // A deleted (former) user's comments stay, marked so that the page can say so.
    user: { id: r.user.id, username: r.user.username, former: r.user.deletedAt !== null },
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    edited: !r.deletedAt && r.updatedAt.getTime() - r.createdAt.getTime() > 1000,
    deleted: r.deletedAt !== null,
  };
}
export type CommentJson = ReturnType<typeof commentJson>;

export async function listComments(actor: Actor, slug: string, key: string) {
  const { project } = await requireProject(actor, slug);
  const db = getDb() as unknown as Tx;
  const card = await findCard(db, project, key);
  const rows = await db.cardComment.findMany({
    where: { cardId: card.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 2000,
    select: COMMENT_SELECT,
  });
  return rows.map((r) => commentJson(`${project.key}-${card.number}`, r));
}

export async function addComment(actor: Actor, slug: string, key: string, input: unknown) {
  const data = parseInput(ZCreateComment, input);
  const { project } = await requireProject(actor, slug, "member");
  const comment = await getDb().$transaction(async (tx) => {
    const card = await findCard(tx, project, key);
    const row = await tx.cardComment.create({
      data: { cardId: card.id, userId: actor.userId, body: data.body },
      select: COMMENT_SELECT,
    });
    return commentJson(`${project.key}-${card.number}`, row);
  });
  publish([{ room: projectRoom(project.id), type: "comment.created", data: comment }]);
  await notifyCardComment(actor, project, comment);
  return comment;
}

/** The actor's own, live comment on this card: others' are 403, unknown or deleted ones 404. */
async function ownComment(tx: Tx, project: ProjectRef, actor: Actor, key: string, id: string | number) {
  const card = await findCard(tx, project, key);
  const n = Number(id);
  const row =
    Number.isInteger(n) && n > 0 && n <= 2_147_483_647
      ? await tx.cardComment.findFirst({ where: { id: n, cardId: card.id, deletedAt: null }, select: { id: true, userId: true } })
      : null;
  if (!row) throw notFound("Comment not found");
  if (row.userId !== actor.userId) throw new AppError("forbidden", "Only the author may change a comment.");
  return { card, row };
}

export async function updateComment(actor: Actor, slug: string, key: string, id: string | number, input: unknown) {
  const data = parseInput(ZUpdateComment, input);
  const { project } = await requireProject(actor, slug, "member");
  const comment = await getDb().$transaction(async (tx) => {
    const { card, row } = await ownComment(tx, project, actor, key, id);
    const updated = await tx.cardComment.update({ where: { id: row.id }, data: { body: data.body }, select: COMMENT_SELECT });
    return commentJson(`${project.key}-${card.number}`, updated);
  });
  publish([{ room: projectRoom(project.id), type: "comment.updated", data: comment }]);
  return comment;
}

export async function deleteComment(actor: Actor, slug: string, key: string, id: string | number) {
  const { project } = await requireProject(actor, slug, "member");
  const comment = await getDb().$transaction(async (tx) => {
    const { card, row } = await ownComment(tx, project, actor, key, id);
    const deletedAt = new Date();
    await softDeleteWithOwner(tx, "card_comment", [row.id], deletedAt);
    const deleted = await tx.cardComment.update({
      where: { id: row.id },
      data: { deletedAt },
      select: COMMENT_SELECT,
    });
    return commentJson(`${project.key}-${card.number}`, deleted);
  });
  publish([{ room: projectRoom(project.id), type: "comment.deleted", data: comment }]);
  return comment;
}
