// Who may read and change the attachments of an owner: one small checker per owner type. Card and
// card comment attachments follow the project (read: any role; write: member or above in a live,
// unarchived project; moderate: project admin). The chat work registers checkers for chat_message
// and conv_message with `registerOwnerAccess`; until then those owners are "not found".
import { projectRole } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { getDb } from "../db/client.ts";
import { projectRoom } from "../realtime/events.ts";

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

const checkers = new Map<OwnerType, OwnerAccessCheck>([
  ["card", cardAccess],
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

/** Lets another domain (e.g. chat) decide access to its attachments. */
export function registerOwnerAccess(type: OwnerType, check: OwnerAccessCheck): void {
  checkers.set(type, check);
}

export async function ownerAccess(actor: Actor, type: string, ownerId: number): Promise<OwnerAccess | null> {
  const check = checkers.get(type as OwnerType);
  return check ? check(actor, ownerId) : null;
}
