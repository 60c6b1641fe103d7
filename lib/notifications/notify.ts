// In-app notifications and their email. `notify()` is the one entry point for every kind (mentions,
// assignment, comments, replies, DMs): it stores the rows, tells each recipient's own room, and
// mails those who chose immediate email. Digest and email failures never fail the caller's write.

import { z } from "zod";
import { type Actor, requireBrowser } from "../auth/actor.ts";
import { getConfig } from "../config.ts";
import { getDb } from "../db/client.ts";
import { notFound, parseInput } from "../errors.ts";
import { sendMail } from "../mail/mailer.ts";
import { countJob } from "../metrics/metrics.ts";
import { userRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { getSettings, isSmtpConfigured } from "../settings/settings.ts";
import { digestEmail, notificationEmail } from "./email.ts";

export const NOTIFICATION_TYPES = ["mention", "assigned", "comment", "reply", "dm", "budget", "reminder"] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
export const EMAIL_PREFERENCES = ["immediate", "digest", "off"] as const;

export type NotifyInput = {
  userId: number;
  type: NotificationType;
  /** Who caused it; never notified about their own action. */
  actorId: number | null;
  /** A text, or one rendered in the recipient's language. */
  title: string | ((language: string) => string);
  text: string | ((language: string) => string);
  /** An app path such as `/projects/alpha/chat?m=12`. */
  url: string;
};

const SELECT = {
  id: true,
  type: true,
  title: true,
  text: true,
  url: true,
  readAt: true,
  createdAt: true,
  actor: { select: { id: true, username: true } },
} as const;

type Row = {
  id: number;
  type: string;
  title: string;
  text: string;
  url: string;
  readAt: Date | null;
  createdAt: Date;
  actor: { id: number; username: string } | null;
};

function notificationJson(r: Row) {
  return {
    id: r.id,
    type: r.type as NotificationType,
    title: r.title,
    text: r.text,
    url: r.url,
    actor: r.actor,
    read: r.readAt !== null,
    createdAt: r.createdAt.toISOString(),
  };
}
export type NotificationJson = ReturnType<typeof notificationJson>;

const pendingMail = new Set<Promise<void>>();

/** Tests wait here for the emails that notify() sent in the background. */
export async function flushNotificationEmails(): Promise<void> {
  while (pendingMail.size) await Promise.all([...pendingMail]);
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Creates notifications (after the change that caused them committed). Self-notifications,
 * duplicates of one recipient in one call and inactive or deleted users are dropped.
 */
export async function notify(inputs: NotifyInput[]): Promise<NotificationJson[]> {
  const seen = new Set<number>();
  const wanted = inputs.filter((n) => {
    if (n.userId === n.actorId || seen.has(n.userId)) return false;
    seen.add(n.userId);
    return true;
  });
  if (!wanted.length) return [];
  const db = getDb();
  const users = await db.user.findMany({
    where: { id: { in: wanted.map((n) => n.userId) }, isActive: true, deletedAt: null },
    select: { id: true, email: true, language: true, notifyEmail: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  const created: NotificationJson[] = [];
  const mailNow: MailItem[] = [];
  for (const n of wanted) {
    const user = byId.get(n.userId);
    if (!user) continue;
    const row = await db.notification.create({
      data: {
        userId: n.userId,
        type: n.type,
        actorId: n.actorId,
        title: clip(typeof n.title === "function" ? n.title(user.language) : n.title, 180),
        text: clip(typeof n.text === "function" ? n.text(user.language) : n.text, 2000),
        url: clip(n.url, 180),
      },
      select: SELECT,
    });
    const json = notificationJson(row);
    created.push(json);
    publish([{ room: userRoom(n.userId), type: "notification.created", data: json }]);
    if (user.notifyEmail === "immediate")
      mailNow.push({ id: row.id, email: user.email, language: user.language, title: json.title, text: json.text, url: json.url });
  }
  if (mailNow.length) {
    const p = mailImmediately(mailNow)
      .catch((e) => console.error("notification email failed", (e as Error).message))
      .finally(() => pendingMail.delete(p));
    pendingMail.add(p);
  }
  return created;
}

const absolute = (url: string) => `${getConfig().appUrl ?? ""}${url}`;

type MailItem = { id: number; email: string; language: string; title: string; text: string; url: string };

async function mailImmediately(items: MailItem[]) {
  const settings = await getSettings();
  if (!isSmtpConfigured(settings)) return;
  const brand = { instanceName: settings.instance_name, accentColor: settings.accent_color };
  for (const item of items) {
    const mail = notificationEmail(item.language, brand, { ...item, link: absolute(item.url) });
    const result = await sendMail({ to: item.email, ...mail }, settings);
    if (result.ok) await getDb().notification.update({ where: { id: item.id }, data: { emailedAt: new Date() } });
    else console.error(`notification email ${item.id} failed: ${result.code ?? ""} ${result.message}`);
  }
}

/**
 * The daily digest: every user who chose `digest` gets one email with their unread notifications
 * not mailed yet (older than nothing; a run is the "day"). Returns how many emails were sent.
 */
export async function sendDigests(now = new Date()): Promise<{ sent: number }> {
  const settings = await getSettings();
  if (!isSmtpConfigured(settings)) return { sent: 0 };
  const brand = { instanceName: settings.instance_name, accentColor: settings.accent_color };
  const db = getDb();
  const users = await db.user.findMany({
    where: {
      notifyEmail: "digest",
      isActive: true,
      deletedAt: null,
      notifications: { some: { emailedAt: null, readAt: null } },
    },
    select: { id: true, email: true, language: true },
  });
  let sent = 0;
  for (const user of users) {
    const rows = await db.notification.findMany({
      where: { userId: user.id, emailedAt: null, readAt: null, createdAt: { lte: now } },
      orderBy: { id: "asc" },
      take: 100,
      select: { id: true, title: true, text: true, url: true },
    });
    if (!rows.length) continue;
    const mail = digestEmail(
      user.language,
      brand,
      rows.map((r) => ({ ...r, link: absolute(r.url) })),
    );
    // Claim the rows first: another instance running the digest at the same time skips them.
    const ids = rows.map((r) => r.id);
    const claimed = await db.notification.updateMany({ where: { id: { in: ids }, emailedAt: null }, data: { emailedAt: now } });
    if (claimed.count !== ids.length) continue;
    const result = await sendMail({ to: user.email, ...mail }, settings);
    if (!result.ok) {
      console.error(`digest email to user ${user.id} failed: ${result.code ?? ""} ${result.message}`);
      await db.notification.updateMany({ where: { id: { in: ids }, emailedAt: now }, data: { emailedAt: null } });
      continue;
    }
    sent++;
  }
  return { sent };
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Runs the digest once a day in a long-running process (the web server). Returns a stop function. */
export function startDigestSchedule(intervalMs = DAY_MS): () => void {
  const timer = setInterval(() => {
    countJob("digests", () => sendDigests()).catch((e) => console.error("digest run failed", (e as Error).message));
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}

export const ZListNotifications = z.object({
  before: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  unread: z.enum(["true", "false"]).optional(),
});

export async function listNotifications(actor: Actor, query: unknown) {
  const q = parseInput(ZListNotifications, query);
  const db = getDb();
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: {
        userId: actor.userId,
        ...(q.before ? { id: { lt: q.before } } : {}),
        ...(q.unread === "true" ? { readAt: null } : {}),
      },
      orderBy: { id: "desc" },
      take: q.limit,
      select: SELECT,
    }),
    db.notification.count({ where: { userId: actor.userId, readAt: null } }),
  ]);
  return { notifications: rows.map(notificationJson), unread };
}

export const unreadNotificationCount = (userId: number) => getDb().notification.count({ where: { userId, readAt: null } });

const toId = (id: string | number) => {
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0 || n > 2_147_483_647) throw notFound("Notification not found");
  return n;
};

export async function markNotificationRead(actor: Actor, id: string | number) {
  const n = toId(id);
  const db = getDb();
  const row = await db.notification.findFirst({ where: { id: n, userId: actor.userId }, select: { id: true, readAt: true } });
  if (!row) throw notFound("Notification not found");
  const updated = await db.notification.update({
    where: { id: row.id },
    data: { readAt: row.readAt ?? new Date() },
    select: SELECT,
  });
  publish([{ room: userRoom(actor.userId), type: "notification.read", data: { ids: [row.id] } }]);
  return notificationJson(updated);
}

export async function markAllNotificationsRead(actor: Actor) {
  const { count } = await getDb().notification.updateMany({
    where: { userId: actor.userId, readAt: null },
    data: { readAt: new Date() },
  });
  publish([{ room: userRoom(actor.userId), type: "notification.read", data: { all: true } }]);
  return { updated: count };
}

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const DUE_REMINDER_DAYS = [-1, 0, 1, 2, 3, 7] as const;

export const ZNotificationPreferences = z
  .object({
    email: z.enum(EMAIL_PREFERENCES),
    /** Days before a card's due date to remind its assignees: 0 on the day, -1 never (overdue reminders too). */
    dueReminderDays: z
      .number()
      .int()
      .refine((n) => (DUE_REMINDER_DAYS as readonly number[]).includes(n), "one of -1, 0, 1, 2, 3, 7"),
    /** IANA time zone of the user's calendar (reminders and calendar feeds), e.g. Europe/Berlin. */
    timeZone: z.string().max(64).refine(isTimeZone, "an IANA time zone like Europe/Berlin"),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");

export async function getNotificationPreferences(actor: Actor) {
  const user = await getDb().user.findUnique({
    where: { id: actor.userId },
    select: { notifyEmail: true, dueReminderDays: true, timeZone: true },
  });
  return {
    email: (user?.notifyEmail ?? "immediate") as (typeof EMAIL_PREFERENCES)[number],
    dueReminderDays: user?.dueReminderDays ?? 1,
    timeZone: user?.timeZone ?? "UTC",
  };
}

export async function setNotificationPreferences(actor: Actor, input: unknown) {
  requireBrowser(actor, "Notification preferences");
  const data = parseInput(ZNotificationPreferences, input);
  await getDb().user.update({
    where: { id: actor.userId },
    data: {
      ...(data.email !== undefined ? { notifyEmail: data.email } : {}),
      ...(data.dueReminderDays !== undefined ? { dueReminderDays: data.dueReminderDays } : {}),
      ...(data.timeZone !== undefined ? { timeZone: data.timeZone } : {}),
    },
  });
  return getNotificationPreferences(actor);
}
