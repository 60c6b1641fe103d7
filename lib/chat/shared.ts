// What project chat and conversations share: the message body, cursor pages, read markers and
// mentions. A page is ordered by id (auto-increment), so concurrent inserts only ever land after
// the newest message and paging upwards with `before` returns each message exactly once.
import { z } from "zod";
import { getDb } from "../db/client.ts";
import { notFound } from "../errors.ts";

export const MAX_BODY = 20_000;
export const ZMessageBody = z.object({ body: z.string().trim().min(1).max(MAX_BODY) }).strict();
export const ZPostMessage = z.object({ body: z.string().trim().min(1).max(MAX_BODY) });
export const ZPage = z.object({
  before: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  after: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZMarkRead = z.object({ messageId: z.number().int().positive().max(2_147_483_647).optional() }).strict();

export type MessageRow = {
  id: number;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  user: { id: number; username: string; deletedAt: Date | null } | null;
};

export const USER_SELECT = { select: { id: true, username: true, deletedAt: true } } as const;

/** A deleted message keeps its place but not its text. */
export function baseMessageJson(r: MessageRow) {
  return {
    id: r.id,
    body: r.deletedAt ? null : r.body,
    user: r.user ? { id: r.user.id, username: r.user.username, former: r.user.deletedAt !== null } : null,
    createdAt: r.createdAt.toISOString(),
    editedAt: r.editedAt && !r.deletedAt ? r.editedAt.toISOString() : null,
    deleted: r.deletedAt !== null,
  };
}

/** The where-clause on `id` of one page, and whether to read it newest-first (then reversed). */
export function pageWhere(page: z.infer<typeof ZPage>) {
  if (page.after !== undefined) return { id: { gt: page.after }, newestFirst: false };
  return { id: page.before ? { lt: page.before } : undefined, newestFirst: true };
}

export const toMessageId = (id: string | number) => {
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0 || n > 2_147_483_647) throw notFound("Message not found");
  return n;
};

const MENTION = /(?:^|[^\w@.-])@([a-zA-Z0-9][a-zA-Z0-9._-]{1,31})/g;

/** Usernames mentioned as `@name` (a trailing dot is punctuation, not part of the name). */
export function mentionedUsernames(body: string): string[] {
  const names = new Set<string>();
  for (const m of body.matchAll(MENTION)) names.add(m[1].replace(/[.]+$/, ""));
  return [...names];
}

/** Active users by username (case-sensitive, as stored). */
export async function usersNamed(names: string[]) {
  if (!names.length) return [];
  return getDb().user.findMany({
    where: { username: { in: names }, isActive: true, deletedAt: null },
    select: { id: true, username: true, role: true },
  });
}

/** Moves the user's marker forward (never back) to `messageId`. */
export async function advanceMarker(userId: number, channel: string, messageId: number) {
  const db = getDb();
  const current = await db.readMarker.findUnique({ where: { userId_channel: { userId, channel } } });
  if (current && current.lastReadMessageId >= messageId) return current.lastReadMessageId;
  try {
    if (current) {
      await db.readMarker.updateMany({
        where: { id: current.id, lastReadMessageId: { lt: messageId } },
        data: { lastReadMessageId: messageId },
      });
    } else {
      await db.readMarker.create({ data: { userId, channel, lastReadMessageId: messageId } });
    }
  } catch (e) {
    // Another device created the marker at the same moment: move that one forward.
    if ((e as { code?: string }).code !== "P2002") throw e;
    await db.readMarker.updateMany({
      where: { userId, channel, lastReadMessageId: { lt: messageId } },
      data: { lastReadMessageId: messageId },
    });
  }
  return messageId;
}

/** A channel's messages as read markers see them. */
export type MarkedChannel = {
  newest: () => Promise<number>;
  has: (messageId: number) => Promise<boolean>;
  unreadAfter: (messageId: number) => Promise<number>;
};

/** Moves the user's marker in `channel` to `messageId` (default: the newest message); answers it and what is still unread. */
export async function markRead(userId: number, channel: string, messageId: number | undefined, messages: MarkedChannel) {
  let target = messageId;
  if (target === undefined) target = await messages.newest();
  else if (!(await messages.has(target))) throw notFound("Message not found");
  const lastReadMessageId = target ? await advanceMarker(userId, channel, target) : 0;
  return { lastReadMessageId, unread: await messages.unreadAfter(lastReadMessageId) };
}

export async function markersOf(userId: number, channels: string[]) {
  if (!channels.length) return new Map<string, number>();
  const rows = await getDb().readMarker.findMany({
    where: { userId, channel: { in: channels } },
    select: { channel: true, lastReadMessageId: true },
  });
  return new Map(rows.map((r) => [r.channel, r.lastReadMessageId]));
}

export const excerpt = (body: string) => (body.length > 200 ? `${body.slice(0, 199)}…` : body);
