// Replies to a topic, oldest first. A locked topic refuses new replies and edits (409, with the
// reason); authors edit and (softly) delete their own replies. Each write keeps the topic's reply
// count and latest activity in step, in the same transaction.
import { z } from "zod";
import { requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { getDb, type Tx } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { notifyTopicReply } from "../notifications/topics.ts";
import { projectRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { authorJson, findTopic, parseId } from "./topics.ts";

export const ZCreateReply = z.object({ body: z.string().trim().min(1).max(50_000) });
export const ZUpdateReply = z.object({ body: z.string().trim().min(1).max(50_000) }).strict();
export const ZListReplies = z.object({
  after: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

const LOCKED_MESSAGE = "This topic is locked: it does not accept new replies.";

const REPLY_SELECT = {
  id: true,
  topicId: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  user: { select: { id: true, username: true, deletedAt: true } },
} as const;

type ReplyRow = {
  id: number;
  topicId: number;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  user: { id: number; username: string; deletedAt: Date | null };
};

/** A deleted reply keeps its place but not its text. */
function replyJson(r: ReplyRow) {
  return {
    id: r.id,
    topicId: r.topicId,
    body: r.deletedAt ? null : r.body,
    createdAt: r.createdAt.toISOString(),
    editedAt: r.editedAt?.toISOString() ?? null,
    deleted: r.deletedAt !== null,
    user: authorJson(r.user),
  };
}
export type ReplyJson = ReturnType<typeof replyJson>;

/** Replies after the cursor (a reply id), oldest first; `nextAfter` is null on the last page. */
export async function listReplies(actor: Actor, slug: string, topicId: string | number, query: unknown = {}) {
  const { after, limit } = parseInput(ZListReplies, query);
  const { project } = await requireProject(actor, slug);
  const db = getDb() as unknown as Tx;
  const topic = await findTopic(db, project, topicId);
  const rows = await db.topicReply.findMany({
    where: { topicId: topic.id, id: { gt: after } },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: REPLY_SELECT,
  });
  const page = rows.slice(0, limit);
  return { replies: page.map(replyJson), nextAfter: rows.length > limit ? page[page.length - 1].id : null };
}

export async function addReply(actor: Actor, slug: string, topicId: string | number, input: unknown) {
  const data = parseInput(ZCreateReply, input);
  const { project } = await requireProject(actor, slug, "member");
  const result = await getDb().$transaction(async (tx) => {
    const topic = await findTopic(tx, project, topicId);
    if (topic.locked) throw new AppError("conflict", LOCKED_MESSAGE);
    const row = await tx.topicReply.create({
      data: { topicId: topic.id, userId: actor.userId, body: data.body },
      select: REPLY_SELECT,
    });
    const updated = await tx.topic.update({
      where: { id: topic.id },
      data: { replyCount: { increment: 1 }, lastActivityAt: row.createdAt },
      select: { replyCount: true, lastActivityAt: true },
    });
    return {
      topic: { id: topic.id, title: topic.title },
      event: { reply: replyJson(row), replyCount: updated.replyCount, lastActivityAt: updated.lastActivityAt.toISOString() },
    };
  });
  const { topic, event } = result;
  publish([{ room: projectRoom(project.id), type: "reply.created", data: { projectId: project.id, ...event } }]);
  await notifyTopicReply(actor, project, topic, { id: event.reply.id, body: data.body }, await topicParticipants(topic.id));
  return event.reply;
}

/** Who took part in a topic (its author and everyone with a live reply): for reply notifications. */
export async function topicParticipants(topicId: number): Promise<number[]> {
  const db = getDb();
  const [topic, replies] = await Promise.all([
    db.topic.findUnique({ where: { id: topicId }, select: { userId: true } }),
    db.topicReply.findMany({ where: { topicId, deletedAt: null }, select: { userId: true }, distinct: ["userId"] }),
  ]);
  return [...new Set([...(topic ? [topic.userId] : []), ...replies.map((r) => r.userId)])];
}

/** The actor's own live reply in this topic: others' are 403, unknown or deleted ones 404. */
async function ownReply(tx: Tx, actor: Actor, topicId: number, id: string | number) {
  const row = await tx.topicReply.findFirst({
    where: { id: parseId(id, "Reply"), topicId, deletedAt: null },
    select: { id: true, userId: true },
  });
  if (!row) throw notFound("Reply not found");
  if (row.userId !== actor.userId) throw new AppError("forbidden", "Only the author may change a reply.");
  return row;
}

export async function updateReply(actor: Actor, slug: string, topicId: string | number, id: string | number, input: unknown) {
  const data = parseInput(ZUpdateReply, input);
  const { project } = await requireProject(actor, slug, "member");
  const reply = await getDb().$transaction(async (tx) => {
    const topic = await findTopic(tx, project, topicId);
    const row = await ownReply(tx, actor, topic.id, id);
    if (topic.locked) throw new AppError("conflict", "This topic is locked: its replies can no longer be edited.");
    const updated = await tx.topicReply.update({
      where: { id: row.id },
      data: { body: data.body, editedAt: new Date() },
      select: REPLY_SELECT,
    });
    return replyJson(updated);
  });
  publish([{ room: projectRoom(project.id), type: "reply.updated", data: { projectId: project.id, reply } }]);
  return reply;
}

export async function deleteReply(actor: Actor, slug: string, topicId: string | number, id: string | number) {
  const { project } = await requireProject(actor, slug, "member");
  const result = await getDb().$transaction(async (tx) => {
    const topic = await findTopic(tx, project, topicId);
    const row = await ownReply(tx, actor, topic.id, id);
    const deleted = await tx.topicReply.update({ where: { id: row.id }, data: { deletedAt: new Date() }, select: REPLY_SELECT });
    const updated = await tx.topic.update({
      where: { id: topic.id },
      data: { replyCount: { decrement: 1 } },
      select: { replyCount: true },
    });
    return { reply: replyJson(deleted), replyCount: updated.replyCount };
  });
  publish([{ room: projectRoom(project.id), type: "reply.deleted", data: { projectId: project.id, ...result } }]);
  return result.reply;
}
