// Project chat: one channel per project. Readers of the project read it; members post; authors
// edit and (softly) delete their own messages; webhooks post bot messages (no user).
import { z } from "zod";
import { attachmentsOf, softDeleteWithOwner } from "../attachments/attachments.ts";
import { type ProjectRef, requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { getDb } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { translate } from "../i18n/index.ts";
import { notify } from "../notifications/notify.ts";
import { projectReaders } from "../notifications/readers.ts";
import { projectRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import {
  advanceMarker,
  baseMessageJson,
  excerpt,
  MAX_BODY,
  type MessageRow,
  markersOf,
  markRead,
  mentionedUsernames,
  pageWhere,
  toMessageId,
  USER_SELECT,
  usersNamed,
  ZMarkRead,
  ZMessageBody,
  ZPage,
  ZPostMessage,
} from "./shared.ts";

const SELECT = {
  id: true,
  projectId: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  isBot: true,
  botName: true,
  user: USER_SELECT,
} as const;

type Row = MessageRow & { projectId: number; isBot: boolean; botName: string | null };

function chatMessageJson(r: Row) {
  return { ...baseMessageJson(r), projectId: r.projectId, isBot: r.isBot, botName: r.isBot ? r.botName : null };
}
export type ChatMessageJson = ReturnType<typeof chatMessageJson>;

export const chatChannel = (projectId: number) => `project:${projectId}`;

/** A page of the project's chat, oldest first (newest last). `before` pages upwards, `after` catches up. */
export async function listChatMessages(actor: Actor, slug: string, query: unknown = {}) {
  const page = parseInput(ZPage, query);
  const { project } = await requireProject(actor, slug);
  const { id, newestFirst } = pageWhere(page);
  const rows = await getDb().chatMessage.findMany({
    where: { projectId: project.id, ...(id ? { id } : {}) },
    orderBy: { id: newestFirst ? "desc" : "asc" },
    take: page.limit,
    select: SELECT,
  });
  if (newestFirst) rows.reverse();
  const files = await attachmentsOf(
    "chat_message",
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...chatMessageJson(r), attachments: files.get(r.id) ?? [] }));
}

export async function postChatMessage(actor: Actor, slug: string, input: unknown) {
  const data = parseInput(ZPostMessage, input);
  const { project } = await requireProject(actor, slug, "member");
  const row = await getDb().chatMessage.create({
    data: { projectId: project.id, userId: actor.userId, body: data.body },
    select: SELECT,
  });
  const message = chatMessageJson(row);
  publish([{ room: projectRoom(project.id), type: "chat.message", data: message }]);
  // The author has read what they wrote.
  await advanceMarker(actor.userId, chatChannel(project.id), row.id);
  await notifyChatMentions(actor, project, row.id, data.body);
  return message;
}

/** Notifies the `@mentioned` users who can read the project (not the author). */
async function notifyChatMentions(actor: Actor, project: ProjectRef, messageId: number, body: string) {
  const readers = await projectReaders(project, await usersNamed(mentionedUsernames(body)), actor.userId);
  await notify(
    readers.map((u) => ({
      userId: u.id,
      type: "mention" as const,
      actorId: actor.userId,
      title: (language: string) =>
        translate(language, "notifications.title.mentionChat", { user: actor.username, project: project.name }),
      text: excerpt(body),
      url: `/${project.slug}/chat?m=${messageId}`,
    })),
  );
}

async function ownMessage(actor: Actor, projectId: number, id: string | number) {
  const row = await getDb().chatMessage.findFirst({
    where: { id: toMessageId(id), projectId, deletedAt: null },
    select: { id: true, userId: true, isBot: true },
  });
  if (!row) throw notFound("Message not found");
  if (row.isBot || row.userId !== actor.userId) throw new AppError("forbidden", "Only the author may change a message.");
  return row;
}

export async function updateChatMessage(actor: Actor, slug: string, id: string | number, input: unknown) {
  const data = parseInput(ZMessageBody, input);
  const { project } = await requireProject(actor, slug, "member");
  const row = await ownMessage(actor, project.id, id);
  const updated = await getDb().chatMessage.update({
    where: { id: row.id },
    data: { body: data.body, editedAt: new Date() },
    select: SELECT,
  });
  const message = chatMessageJson(updated);
  publish([{ room: projectRoom(project.id), type: "chat.updated", data: message }]);
  return message;
}

export async function deleteChatMessage(actor: Actor, slug: string, id: string | number) {
  const { project } = await requireProject(actor, slug, "member");
  const row = await ownMessage(actor, project.id, id);
  const at = new Date();
  const deleted = await getDb().$transaction(async (tx) => {
    await softDeleteWithOwner(tx, "chat_message", [row.id], at);
    return tx.chatMessage.update({ where: { id: row.id }, data: { deletedAt: at }, select: SELECT });
  });
  const message = { ...chatMessageJson(deleted), attachments: [] };
  publish([{ room: projectRoom(project.id), type: "chat.updated", data: message }]);
  return message;
}

export const ZBotMessage = z.object({
  name: z.string().trim().min(1).max(64),
  body: z.string().trim().min(1).max(MAX_BODY),
});

/** For integrations (webhooks): a message without a user, shown as the bot `name`. */
export async function postBotMessage(projectId: number, input: { name: string; body: string }) {
  const data = parseInput(ZBotMessage, input);
  const row = await getDb().chatMessage.create({
    data: { projectId, userId: null, isBot: true, botName: data.name, body: data.body },
    select: SELECT,
  });
  const message = chatMessageJson(row);
  publish([{ room: projectRoom(projectId), type: "chat.message", data: message }]);
  return message;
}

/** Moves the actor's read marker to `messageId` (default: the newest message). */
export async function markChatRead(actor: Actor, slug: string, input: unknown = {}) {
  const data = parseInput(ZMarkRead, input);
  const { project } = await requireProject(actor, slug);
  const db = getDb();
  return markRead(actor.userId, chatChannel(project.id), data.messageId, {
    newest: async () =>
      (await db.chatMessage.findFirst({ where: { projectId: project.id }, orderBy: { id: "desc" }, select: { id: true } }))?.id ??
      0,
    has: async (id) => !!(await db.chatMessage.findFirst({ where: { id, projectId: project.id }, select: { id: true } })),
    unreadAfter: (after) => countUnread(actor.userId, project.id, after),
  });
}

const countUnread = (userId: number, projectId: number, after: number) =>
  getDb().chatMessage.count({
    where: { projectId, id: { gt: after }, deletedAt: null, OR: [{ userId: null }, { userId: { not: userId } }] },
  });

/** Unread messages per project chat for the given (readable) projects. */
export async function chatUnreadCounts(userId: number, projectIds: number[]) {
  const markers = await markersOf(userId, projectIds.map(chatChannel));
  const out: { projectId: number; lastReadMessageId: number; unread: number }[] = [];
  for (const projectId of projectIds) {
    const last = markers.get(chatChannel(projectId)) ?? 0;
    out.push({ projectId, lastReadMessageId: last, unread: await countUnread(userId, projectId, last) });
  }
  return out;
}

export async function chatReadState(actor: Actor, slug: string) {
  const { project } = await requireProject(actor, slug);
  const [state] = await chatUnreadCounts(actor.userId, [project.id]);
  return state;
}
