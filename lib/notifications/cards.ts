// Notifications about cards: assignment, and comments on cards the user is assigned to or created.
import type { ProjectRef } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { excerpt, mentionedUsernames, usersNamed } from "../chat/shared.ts";
import { getDb } from "../db/client.ts";
import { translate } from "../i18n/index.ts";
import { notify } from "./notify.ts";
import { projectReaders } from "./readers.ts";

const cardUrl = (project: ProjectRef, key: string) => `/${project.slug}/cards/${key}`;

/** Tells newly assigned users (not the actor) about the card. */
export async function notifyAssigned(actor: Actor, project: ProjectRef, card: { key: string; title: string }, userIds: number[]) {
  await notify(
    userIds.map((userId) => ({
      userId,
      type: "assigned" as const,
      actorId: actor.userId,
      title: (language: string) => translate(language, "notifications.title.assigned", { user: actor.username, key: card.key }),
      text: card.title,
      url: cardUrl(project, card.key),
    })),
  );
}

/**
 * Tells the card's assignees and its creator (not the commenter) about a new comment, and every
 * reader of the project named with `@username` in it (once: a mentioned assignee gets the mention).
 */
export async function notifyCardComment(
  actor: Actor,
  project: ProjectRef,
  comment: { cardId: number; cardKey: string; body: string | null },
) {
  const card = await getDb().card.findUnique({
    where: { id: comment.cardId },
    select: { createdById: true, title: true, assignees: { select: { userId: true } } },
  });
  if (!card) return;
  const text = comment.body ?? "";
  const mentioned = await projectReaders(project, await usersNamed(mentionedUsernames(text)), actor.userId);
  const mentionedIds = new Set(mentioned.map((u) => u.id));
  const ids = [...new Set([...card.assignees.map((a) => a.userId), ...(card.createdById ? [card.createdById] : [])])].filter(
    (id) => !mentionedIds.has(id),
  );
  const url = cardUrl(project, comment.cardKey);
  await notify([
    ...mentioned.map((u) => ({
      userId: u.id,
      type: "mention" as const,
      actorId: actor.userId,
      title: (language: string) =>
        translate(language, "notifications.title.mentionCard", { user: actor.username, key: comment.cardKey }),
      text: excerpt(text),
      url,
    })),
    ...ids.map((userId) => ({
      userId,
      type: "comment" as const,
      actorId: actor.userId,
      title: (language: string) =>
        translate(language, "notifications.title.comment", { user: actor.username, key: comment.cardKey }),
      text: text.length > 200 ? `${text.slice(0, 199)}…` : text,
      url,
    })),
  ]);
}
