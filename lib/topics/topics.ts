// Discussion topics per project: a markdown body and replies. Pinned topics come first, then the
// latest activity (a new topic or its latest reply). Authors edit and (softly) delete their own
// topics; project admins pin and lock them. Viewers read; what an actor may not read is 404.
import { z } from "zod";
import { type ProjectRef, requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { getDb, type Tx } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { projectRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";

export const ZCreateTopic = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(50_000),
});
export const ZUpdateTopic = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    body: z.string().trim().min(1).max(50_000).optional(),
    pinned: z.boolean().optional(),
    locked: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Send at least one of title, body, pinned, locked.");
export const ZListTopics = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const TOPIC_SELECT = {
  id: true,
  projectId: true,
  title: true,
  body: true,
  pinned: true,
  locked: true,
  replyCount: true,
  lastActivityAt: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  user: { select: { id: true, username: true, deletedAt: true } },
} as const;

type TopicRow = {
  id: number;
  projectId: number;
  title: string;
  body: string;
  pinned: boolean;
  locked: boolean;
  replyCount: number;
  lastActivityAt: Date;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  user: { id: number; username: string; deletedAt: Date | null };
};

export const authorJson = (u: { id: number; username: string; deletedAt: Date | null }) => ({
  id: u.id,
  username: u.username,
  former: u.deletedAt !== null,
});

/** A deleted topic keeps its id (for live updates) but not its text. */
export function topicJson(r: TopicRow) {
  return {
    id: r.id,
    projectId: r.projectId,
    title: r.deletedAt ? null : r.title,
    body: r.deletedAt ? null : r.body,
    pinned: r.pinned,
    locked: r.locked,
    replyCount: r.replyCount,
    lastActivityAt: r.lastActivityAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    editedAt: r.editedAt?.toISOString() ?? null,
    deleted: r.deletedAt !== null,
    user: authorJson(r.user),
  };
}
export type TopicJson = ReturnType<typeof topicJson>;

export function parseId(raw: string | number, what: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 2_147_483_647) throw notFound(`${what} not found`);
  return n;
}

/** A live topic of this project (for reading or writing), else 404. */
export async function findTopic(tx: Tx, project: ProjectRef, id: string | number) {
  const row = await tx.topic.findFirst({
    where: { id: parseId(id, "Topic"), projectId: project.id, deletedAt: null },
    select: TOPIC_SELECT,
  });
  if (!row) throw notFound("Topic not found");
  return row;
}

export async function listTopics(actor: Actor, slug: string, query: unknown = {}) {
  const { page, limit } = parseInput(ZListTopics, query);
  const { project, role } = await requireProject(actor, slug);
  const db = getDb();
  const where = { projectId: project.id, deletedAt: null };
  const [rows, total] = await Promise.all([
    db.topic.findMany({
      where,
      orderBy: [{ pinned: "desc" }, { lastActivityAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * limit,
      take: limit,
      select: TOPIC_SELECT,
    }),
    db.topic.count({ where }),
  ]);
  return {
    topics: rows.map((r) => ({ ...topicJson(r), body: undefined, excerpt: r.body.slice(0, 200) })),
    page,
    limit,
    total,
    canPost: role !== "viewer" && !project.isArchived,
    canModerate: role === "admin" && !project.isArchived,
  };
}

export async function getTopic(actor: Actor, slug: string, id: string | number) {
  const { project, role } = await requireProject(actor, slug);
  const row = await findTopic(getDb() as unknown as Tx, project, id);
  const writable = role !== "viewer" && !project.isArchived;
  return {
    topic: topicJson(row),
    project: { id: project.id, slug: project.slug, key: project.key, name: project.name },
    canWrite: writable,
    canReply: writable && !row.locked,
    canModerate: role === "admin" && !project.isArchived,
    canEdit: writable && row.user.id === actor.userId,
  };
}

export async function createTopic(actor: Actor, slug: string, input: unknown) {
  const data = parseInput(ZCreateTopic, input);
  const { project } = await requireProject(actor, slug, "member");
  const now = new Date();
  const row = await getDb().topic.create({
    data: { projectId: project.id, userId: actor.userId, title: data.title, body: data.body, lastActivityAt: now },
    select: TOPIC_SELECT,
  });
  const topic = topicJson(row);
  publish([{ room: projectRoom(project.id), type: "topic.created", data: topic }]);
  return topic;
}

/**
 * Title and body: the author only. Pinned and locked: project admins only. Anyone else who may read
 * the topic gets 403 with the reason.
 */
export async function updateTopic(actor: Actor, slug: string, id: string | number, input: unknown) {
  const data = parseInput(ZUpdateTopic, input);
  const { project, role } = await requireProject(actor, slug, "member");
  const topic = await getDb().$transaction(async (tx) => {
    const row = await findTopic(tx, project, id);
    const editsText = data.title !== undefined || data.body !== undefined;
    if (editsText && row.user.id !== actor.userId) throw new AppError("forbidden", "Only the author may edit a topic.");
    if ((data.pinned !== undefined || data.locked !== undefined) && role !== "admin") {
      throw new AppError("forbidden", "Only project admins may pin or lock a topic.");
    }
    const updated = await tx.topic.update({
      where: { id: row.id },
      data: { ...data, ...(editsText ? { editedAt: new Date() } : {}) },
      select: TOPIC_SELECT,
    });
    return topicJson(updated);
  });
  publish([{ room: projectRoom(project.id), type: "topic.updated", data: topic }]);
  return topic;
}

export async function deleteTopic(actor: Actor, slug: string, id: string | number) {
  const { project } = await requireProject(actor, slug, "member");
  const topic = await getDb().$transaction(async (tx) => {
    const row = await findTopic(tx, project, id);
    if (row.user.id !== actor.userId) throw new AppError("forbidden", "Only the author may delete a topic.");
    const deleted = await tx.topic.update({ where: { id: row.id }, data: { deletedAt: new Date() }, select: TOPIC_SELECT });
    return topicJson(deleted);
  });
  publish([{ room: projectRoom(project.id), type: "topic.deleted", data: { id: topic.id, projectId: topic.projectId } }]);
  return topic;
}
