// Unread counts for the navigation badges: every readable project chat, every conversation, and
// unread notifications, in one answer.
import { readableProjectIds } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { chatUnreadCounts } from "../chat/chat.ts";
import { getDb } from "../db/client.ts";
import { unreadNotificationCount } from "../notifications/notify.ts";
import { listConversations } from "./conversations.ts";

export async function unreadSummary(actor: Actor) {
  const readable = await readableProjectIds(actor);
  const ids =
    readable === "all"
      ? (await getDb().project.findMany({ where: { deletedAt: null }, select: { id: true } })).map((p) => p.id)
      : readable;
  const projects = await getDb().project.findMany({
    where: { id: { in: ids }, deletedAt: null },
    select: { id: true, slug: true },
  });
  const counts = await chatUnreadCounts(
    actor.userId,
    projects.map((p) => p.id),
  );
  const conversations = await listConversations(actor);
  return {
    projects: counts.map((c) => ({ ...c, slug: projects.find((p) => p.id === c.projectId)?.slug ?? "" })),
    conversations: conversations.map((c) => ({ id: c.id, unread: c.unread })),
    directUnread: conversations.reduce((n, c) => n + c.unread, 0),
    notifications: await unreadNotificationCount(actor.userId),
  };
}
