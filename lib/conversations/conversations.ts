// Direct messages (two users, unique per pair through dm_key) and named group conversations.
// Only current members read a conversation; anyone else, and a member who left, gets 404.
import { z } from "zod";
import { attachmentsOf, softDeleteWithOwner } from "../attachments/attachments.ts";
import { readableProjectIds } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
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
  ZMarkRead,
  ZMessageBody,
  ZPage,
  ZPostMessage,
} from "../chat/shared.ts";
import { getDb } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { translate } from "../i18n/index.ts";
import { notify } from "../notifications/notify.ts";
import { conversationRoom, userRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";

export const ZCreateConversation = z
  .object({
    userIds: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(50),
    name: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

const MESSAGE_SELECT = {
  id: true,
  conversationId: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  user: USER_SELECT,
} as const;

type Row = MessageRow & { conversationId: number };
function conversationMessageJson(r: Row) {
  return { ...baseMessageJson(r), conversationId: r.conversationId };
}
export type ConversationMessageJson = ReturnType<typeof conversationMessageJson>;

export const conversationChannel = (id: number) => `conversation:${id}`;
export const dmKeyOf = (a: number, b: number) => `${Math.min(a, b)}:${Math.max(a, b)}`;

const toConversationId = (id: string | number) => {
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0 || n > 2_147_483_647) throw notFound("Conversation not found");
  return n;
};

/** The conversation if the actor is a current member; otherwise not found. API keys limited to a project see none. */
async function requireMember(actor: Actor, id: string | number) {
  const conversationId = toConversationId(id);
  if (actor.apiKeyProjectId !== null) throw notFound("Conversation not found");
  const conversation = await getDb().conversation.findFirst({
    where: { id: conversationId, members: { some: { userId: actor.userId, leftAt: null } } },
    select: { id: true, name: true, isGroup: true },
  });
  if (!conversation) throw notFound("Conversation not found");
  return conversation;
}

async function conversationJson(actor: Actor, id: number) {
  const db = getDb();
  const c = await db.conversation.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      name: true,
      isGroup: true,
      createdAt: true,
      members: {
        where: { leftAt: null },
        select: { user: { select: { id: true, username: true } } },
        orderBy: { userId: "asc" },
      },
      messages: { orderBy: { id: "desc" }, take: 1, select: MESSAGE_SELECT },
    },
  });
  const marker = (await markersOf(actor.userId, [conversationChannel(id)])).get(conversationChannel(id)) ?? 0;
  const unread = await countUnread(actor.userId, id, marker);
  const last = c.messages[0];
  return {
    id: c.id,
    name: c.name,
    isGroup: c.isGroup,
    members: c.members.map((m) => m.user),
    lastMessage: last ? conversationMessageJson(last) : null,
    lastReadMessageId: marker,
    unread,
    createdAt: c.createdAt.toISOString(),
  };
}
export type ConversationJson = Awaited<ReturnType<typeof conversationJson>>;

const countUnread = (userId: number, conversationId: number, after: number) =>
  getDb().conversationMessage.count({
    where: { conversationId, id: { gt: after }, deletedAt: null, userId: { not: userId } },
  });

/** The actor's conversations, the most recently active first, each with its unread count. */
export async function listConversations(actor: Actor) {
  if (actor.apiKeyProjectId !== null) return [];
  const db = getDb();
  const memberships = await db.conversationMember.findMany({
    where: { userId: actor.userId, leftAt: null },
    select: { conversationId: true },
  });
  const list = await Promise.all(memberships.map((m) => conversationJson(actor, m.conversationId)));
  const activity = (c: ConversationJson) => c.lastMessage?.id ?? 0;
  return list.sort((a, b) => activity(b) - activity(a) || b.id - a.id);
}

/** Starts a DM (one other user; the existing DM when there is one) or a group (several users, or a name). */
export async function startConversation(actor: Actor, input: unknown) {
  const data = parseInput(ZCreateConversation, input);
  if (actor.apiKeyProjectId !== null) throw new AppError("forbidden", "A key limited to one project cannot start conversations.");
  const others = [...new Set(data.userIds)].filter((id) => id !== actor.userId);
  if (!others.length) {
    throw new AppError("validation", "Name at least one other user.", {
      fields: [{ path: "userIds", message: "only yourself" }],
    });
  }
  const db = getDb();
  const found = await db.user.findMany({
    where: { id: { in: others }, isActive: true, deletedAt: null },
    select: { id: true },
  });
  const missing = others.filter((id) => !found.some((u) => u.id === id));
  if (missing.length) {
    throw new AppError("validation", "Unknown or inactive users", {
      fields: [{ path: "userIds", message: `not active users: ${missing.join(", ")}` }],
    });
  }
  const isGroup = others.length > 1 || data.name !== undefined;
  if (!isGroup) {
    const dmKey = dmKeyOf(actor.userId, others[0]);
    const existing = await db.conversation.findUnique({ where: { dmKey }, select: { id: true } });
    if (existing) return { conversation: await conversationJson(actor, existing.id), created: false };
    try {
      const c = await db.conversation.create({
        data: { dmKey, isGroup: false, members: { create: [{ userId: actor.userId }, { userId: others[0] }] } },
        select: { id: true },
      });
      publish([{ room: userRoom(others[0]), type: "conversation.updated", data: { id: c.id } }]);
      return { conversation: await conversationJson(actor, c.id), created: true };
    } catch (e) {
      // The other user started the same DM at the same moment: theirs is the one.
      if ((e as { code?: string }).code !== "P2002") throw e;
      const again = await db.conversation.findUniqueOrThrow({ where: { dmKey }, select: { id: true } });
      return { conversation: await conversationJson(actor, again.id), created: false };
    }
  }
  const c = await db.conversation.create({
    data: {
      isGroup: true,
      name: data.name ?? null,
      members: { create: [actor.userId, ...others].map((userId) => ({ userId })) },
    },
    select: { id: true },
  });
  publish(others.map((id) => ({ room: userRoom(id), type: "conversation.updated" as const, data: { id: c.id } })));
  return { conversation: await conversationJson(actor, c.id), created: true };
}

export async function getConversation(actor: Actor, id: string | number) {
  const c = await requireMember(actor, id);
  return conversationJson(actor, c.id);
}

export async function listConversationMessages(actor: Actor, id: string | number, query: unknown = {}) {
  const page = parseInput(ZPage, query);
  const c = await requireMember(actor, id);
  const where = pageWhere(page);
  const rows = await getDb().conversationMessage.findMany({
    where: { conversationId: c.id, ...(where.id ? { id: where.id } : {}) },
    orderBy: { id: where.newestFirst ? "desc" : "asc" },
    take: page.limit,
    select: MESSAGE_SELECT,
  });
  if (where.newestFirst) rows.reverse();
  const files = await attachmentsOf(
    "conv_message",
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...conversationMessageJson(r), attachments: files.get(r.id) ?? [] }));
}

export async function postConversationMessage(actor: Actor, id: string | number, input: unknown) {
  const data = parseInput(ZPostMessage, input);
  const c = await requireMember(actor, id);
  const db = getDb();
  const row = await db.conversationMessage.create({
    data: { conversationId: c.id, userId: actor.userId, body: data.body },
    select: MESSAGE_SELECT,
  });
  await db.conversation.update({ where: { id: c.id }, data: { updatedAt: new Date() } });
  const message = conversationMessageJson(row);
  const members = await db.conversationMember.findMany({
    where: { conversationId: c.id, leftAt: null },
    select: { user: { select: { id: true, username: true } } },
  });
  publish([
    { room: conversationRoom(c.id), type: "dm.message", data: message },
    // Members not looking at the conversation update their lists and badges from their own room.
    ...members
      .filter((m) => m.user.id !== actor.userId)
      .map((m) => ({ room: userRoom(m.user.id), type: "dm.message" as const, data: message })),
  ]);
  await advanceMarker(actor.userId, conversationChannel(c.id), row.id);
  const mentioned = new Set(mentionedUsernames(data.body));
  const place = c.isGroup ? (c.name ?? "") : "";
  await notify(
    members
      .filter((m) => m.user.id !== actor.userId && (!c.isGroup || mentioned.has(m.user.username)))
      .map((m) => ({
        userId: m.user.id,
        type: c.isGroup ? ("mention" as const) : ("dm" as const),
        actorId: actor.userId,
        title: (language: string) =>
          c.isGroup
            ? translate(language, "notifications.title.mentionGroup", { user: actor.username, name: place })
            : translate(language, "notifications.title.dm", { user: actor.username }),
        text: excerpt(data.body),
        url: `/chat/${c.id}?m=${row.id}`,
      })),
  );
  return message;
}

async function ownMessage(actor: Actor, conversationId: number, id: string | number) {
  const row = await getDb().conversationMessage.findFirst({
    where: { id: toMessageId(id), conversationId, deletedAt: null },
    select: { id: true, userId: true },
  });
  if (!row) throw notFound("Message not found");
  if (row.userId !== actor.userId) throw new AppError("forbidden", "Only the author may change a message.");
  return row;
}

export async function updateConversationMessage(actor: Actor, id: string | number, messageId: string | number, input: unknown) {
  const data = parseInput(ZMessageBody, input);
  const c = await requireMember(actor, id);
  const row = await ownMessage(actor, c.id, messageId);
  const updated = await getDb().conversationMessage.update({
    where: { id: row.id },
    data: { body: data.body, editedAt: new Date() },
    select: MESSAGE_SELECT,
  });
  const message = conversationMessageJson(updated);
  publish([{ room: conversationRoom(c.id), type: "dm.updated", data: message }]);
  return message;
}

export async function deleteConversationMessage(actor: Actor, id: string | number, messageId: string | number) {
  const c = await requireMember(actor, id);
  const row = await ownMessage(actor, c.id, messageId);
  const at = new Date();
  const deleted = await getDb().$transaction(async (tx) => {
    await softDeleteWithOwner(tx, "conv_message", [row.id], at);
    return tx.conversationMessage.update({ where: { id: row.id }, data: { deletedAt: at }, select: MESSAGE_SELECT });
  });
  const message = { ...conversationMessageJson(deleted), attachments: [] };
  publish([{ room: conversationRoom(c.id), type: "dm.updated", data: message }]);
  return message;
}

/** Leaves a group (a DM cannot be left: it is the pair's one channel). */
export async function leaveConversation(actor: Actor, id: string | number) {
  const c = await requireMember(actor, id);
  if (!c.isGroup) throw new AppError("validation", "A direct conversation cannot be left.");
  await getDb().conversationMember.updateMany({
    where: { conversationId: c.id, userId: actor.userId, leftAt: null },
    data: { leftAt: new Date() },
  });
  publish([{ room: conversationRoom(c.id), type: "conversation.updated", data: { id: c.id, left: actor.userId } }]);
  return { left: true };
}

export async function markConversationRead(actor: Actor, id: string | number, input: unknown = {}) {
  const data = parseInput(ZMarkRead, input);
  const c = await requireMember(actor, id);
  const db = getDb();
  const result = await markRead(actor.userId, conversationChannel(c.id), data.messageId, {
    newest: async () =>
      (await db.conversationMessage.findFirst({ where: { conversationId: c.id }, orderBy: { id: "desc" }, select: { id: true } }))
        ?.id ?? 0,
    has: async (messageId) =>
      !!(await db.conversationMessage.findFirst({ where: { id: messageId, conversationId: c.id }, select: { id: true } })),
    unreadAfter: (after) => countUnread(actor.userId, c.id, after),
  });
  await readMessageNotifications(actor.userId, c.id, result.lastReadMessageId);
  return result;
}

/**
 * The notifications of messages the user has now read (a DM, a mention in a group) are read too:
 * the chat badge and the bell never count the same message twice. Their url says which message.
 */
async function readMessageNotifications(userId: number, conversationId: number, lastReadMessageId: number) {
  if (!lastReadMessageId) return;
  const db = getDb();
  const prefix = `/chat/${conversationId}?m=`;
  const rows = await db.notification.findMany({
    where: { userId, readAt: null, url: { startsWith: prefix } },
    select: { id: true, url: true },
  });
  const ids = rows.filter((r) => Number(r.url.slice(prefix.length)) <= lastReadMessageId).map((r) => r.id);
  if (!ids.length) return;
  await db.notification.updateMany({ where: { id: { in: ids }, readAt: null }, data: { readAt: new Date() } });
  publish([{ room: userRoom(userId), type: "notification.read", data: { ids } }]);
}

/**
 * Active users to start a conversation with (by username prefix). Privacy: the picker lists only
 * people who share a project with the actor (as members or through a group) and the system
 * administrators (whom everyone may need to reach); an administrator sees everyone. The rest of
 * the instance stays out of sight (docs/chat.md).
 */
export const ZUserSearch = z.object({ q: z.string().trim().max(32).default("") });
export async function searchUsers(actor: Actor, query: unknown) {
  const { q } = parseInput(ZUserSearch, query);
  const projects = await readableProjectIds(actor);
  const sharing =
    projects === "all"
      ? {}
      : {
          OR: [
            { role: "admin" },
            { memberships: { some: { projectId: { in: projects } } } },
            { groupMemberships: { some: { group: { projectAccess: { some: { projectId: { in: projects } } } } } } },
          ],
        };
  return getDb().user.findMany({
    where: {
      isActive: true,
      deletedAt: null,
      id: { not: actor.userId },
      ...(q ? { username: { startsWith: q } } : {}),
      ...sharing,
    },
    orderBy: { username: "asc" },
    take: 20,
    select: { id: true, username: true },
  });
}

export { MAX_BODY };
