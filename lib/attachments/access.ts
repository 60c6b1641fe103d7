// Who may read and change the attachments of an owner: one small checker per owner type. Card and
// card comment attachments follow the project (read: any role; write: member or above in a live,
// unarchived project; moderate: project admin). Chat and conversation messages: their readers read,
// their author adds files.
import { projectRole } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { getDb } from "../db/client.ts";
import { conversationRoom, projectRoom } from "../realtime/events.ts";

export const OWNER_TYPES = ["card", "card_comment", "chat_message", "conv_message"] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];

export type OwnerAccess = {
  /** The realtime room where attachment events of this owner are published. */
  room: string;
  /** May add attachments, and delete their own. */
  canWrite: boolean;
  /** May delete anyone's attachments of this owner. */
  canModerate: boolean;
  /** The card the attachment belongs to (directly or through a comment), when there is one. */
  cardId?: number;
  /** Its key (`PRJ-42`), which the card view's live updates match on. */
  cardKey?: string;
};

/** Null when the actor may not read the owner, or it is deleted or unknown. */
export type OwnerAccessCheck = (actor: Actor, ownerId: number) => Promise<OwnerAccess | null>;

async function cardAccess(actor: Actor, cardId: number): Promise<OwnerAccess | null> {
  const card = await getDb().card.findFirst({
    where: { id: cardId, deletedAt: null, project: { deletedAt: null } },
    select: { id: true, number: true, projectId: true, project: { select: { isArchived: true, key: true } } },
  });
  if (!card) return null;
  const role = await projectRole(actor, card.projectId);
  if (!role) return null;
  const writable = !card.project.isArchived;
  return {
    room: projectRoom(card.projectId),
    canWrite: writable && role !== "viewer",
    canModerate: writable && role === "admin",
    cardId: card.id,
    cardKey: `${card.project.key}-${card.number}`,
  };
}

/** A project chat message: readers of the project read; its author adds files; project admins moderate. */
async function chatMessageAccess(actor: Actor, messageId: number): Promise<OwnerAccess | null> {
  const message = await getDb().chatMessage.findFirst({
    where: { id: messageId, deletedAt: null, project: { deletedAt: null } },
    select: { projectId: true, userId: true, project: { select: { isArchived: true } } },
  });
  if (!message) return null;
  const role = await projectRole(actor, message.projectId);
  if (!role) return null;
  const writable = !message.project.isArchived;
  return {
    room: projectRoom(message.projectId),
    canWrite: writable && role !== "viewer" && message.userId === actor.userId,
    canModerate: writable && role === "admin",
  };
}

/** A direct or group message: only current members read; its author adds files. */
async function conversationMessageAccess(actor: Actor, messageId: number): Promise<OwnerAccess | null> {
  if (actor.apiKeyProjectId !== null) return null;
  const message = await getDb().conversationMessage.findFirst({
    where: { id: messageId, deletedAt: null },
    select: { conversationId: true, userId: true },
  });
  if (!message) return null;
  const member = await getDb().conversationMember.findFirst({
    where: { conversationId: message.conversationId, userId: actor.userId, leftAt: null },
    select: { id: true },
  });
  if (!member) return null;
  return { room: conversationRoom(message.conversationId), canWrite: message.userId === actor.userId, canModerate: false };
}

const checkers = new Map<OwnerType, OwnerAccessCheck>([
  ["card", cardAccess],
  ["chat_message", chatMessageAccess],
  ["conv_message", conversationMessageAccess],
  [
    "card_comment",
    async (actor, commentId) => {
      const comment = await getDb().cardComment.findFirst({
        where: { id: commentId, deletedAt: null },
        select: { cardId: true },
      });
      return comment ? cardAccess(actor, comment.cardId) : null;
    },
  ],
]);

export async function ownerAccess(actor: Actor, type: string, ownerId: number): Promise<OwnerAccess | null> {
  const check = checkers.get(type as OwnerType);
  return check ? check(actor, ownerId) : null;
}
