// Notifications about topics: a reply tells everyone who took part in the topic (its author and
// those who replied), an `@username` in it tells that user; all only if they can read the project.
import type { ProjectRef } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { excerpt, mentionedUsernames, usersNamed } from "../chat/shared.ts";
import { translate } from "../i18n/index.ts";
import { notify } from "./notify.ts";
import { activeUsers, projectReaders } from "./readers.ts";

export async function notifyTopicReply(
  actor: Actor,
  project: ProjectRef,
  topic: { id: number; title: string },
  reply: { id: number; body: string },
  participantIds: number[],
) {
  const [participants, mentioned] = await Promise.all([
    projectReaders(project, await activeUsers(participantIds), actor.userId),
    projectReaders(project, await usersNamed(mentionedUsernames(reply.body)), actor.userId),
  ]);
  const told = new Set(participants.map((u) => u.id));
  const url = `/${project.slug}/topics/${topic.id}#reply-${reply.id}`;
  await notify([
    ...participants.map((u) => ({
      userId: u.id,
      type: "reply" as const,
      actorId: actor.userId,
      title: (language: string) => translate(language, "notifications.title.reply", { user: actor.username, topic: topic.title }),
      text: excerpt(reply.body),
      url,
    })),
    ...mentioned
      .filter((u) => !told.has(u.id))
      .map((u) => ({
        userId: u.id,
        type: "mention" as const,
        actorId: actor.userId,
        title: (language: string) =>
          translate(language, "notifications.title.mentionTopic", { user: actor.username, topic: topic.title }),
        text: excerpt(reply.body),
        url,
      })),
  ]);
}
