// Due-date reminders: each assignee of a card with a due date gets a notification (and its email,
// per their email setting) the chosen number of days before the due date (preference
// `dueReminderDays`; 0 on the day, -1 never), and one more once it is overdue, each decided on the
// calendar date in the assignee's own time zone. Cards in a done column, deleted cards, archived
// projects and assignees who can no longer read the project are skipped. Each reminder is claimed by
// inserting its card_reminders row (unique per card, user, kind and due date) before it is sent, so
// any number of instances send it once; a moved due date earns new reminders. Overdue reminders
// reach back a week, so that switching them on does not flood anyone with old cards.
import { getDb } from "../db/client.ts";
import { translate } from "../i18n/index.ts";
import { doneColumnIds } from "../scrum/progress.ts";
import { addDays, dateOf, isoOf } from "../time/dates.ts";
import { notify } from "./notify.ts";
import { projectReaders } from "./readers.ts";

const MAX_LEAD_DAYS = 7;
const OVERDUE_REACH_DAYS = 7;

/** The calendar date of `now` in a time zone (UTC when the zone is unknown). */
export function localDate(now: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  } catch {
    return isoOf(now);
  }
}

export type ReminderSent = { cardId: number; userId: number; kind: "before" | "overdue"; dueDate: string };

export async function sendDueReminders(now = new Date()): Promise<ReminderSent[]> {
  const db = getDb();
  // Time zones run from UTC−12 to UTC+14: a day either side covers every user's today.
  const utcToday = isoOf(now);
  const cards = await db.card.findMany({
    where: {
      deletedAt: null,
      dueDate: { gte: dateOf(addDays(utcToday, -OVERDUE_REACH_DAYS - 1)), lte: dateOf(addDays(utcToday, MAX_LEAD_DAYS + 1)) },
      project: { deletedAt: null, isArchived: false },
      assignees: { some: {} },
    },
    select: {
      id: true,
      number: true,
      title: true,
      dueDate: true,
      columnId: true,
      projectId: true,
      project: { select: { id: true, slug: true, key: true, name: true, type: true, isArchived: true } },
      assignees: {
        select: {
          user: {
            select: {
              id: true,
              username: true,
              role: true,
              dueReminderDays: true,
              timeZone: true,
              isActive: true,
              deletedAt: true,
            },
          },
        },
      },
    },
    orderBy: { id: "asc" },
    take: 5000,
  });
  const done = new Map<number, number[]>();
  const sent: ReminderSent[] = [];
  for (const card of cards) {
    if (!done.has(card.projectId)) done.set(card.projectId, await doneColumnIds(db, card.projectId));
    if (done.get(card.projectId)?.includes(card.columnId)) continue;
    const due = isoOf(card.dueDate as Date);
    const key = `${card.project.key}-${card.number}`;
    const people = card.assignees.map((a) => a.user).filter((u) => u.isActive && u.deletedAt === null && u.dueReminderDays >= 0);
    const readers = await projectReaders(card.project, people, 0);
    for (const user of readers) {
      const today = localDate(now, user.timeZone);
      const kind = today > due ? "overdue" : today >= addDays(due, -user.dueReminderDays) ? "before" : null;
      if (!kind || (kind === "overdue" && today > addDays(due, OVERDUE_REACH_DAYS))) continue;
      try {
        await db.cardReminder.create({
          data: { cardId: card.id, userId: user.id, kind, dueDate: dateOf(due) },
          select: { id: true },
        });
      } catch (e) {
        if ((e as { code?: string }).code === "P2002") continue;
        throw e;
      }
      await notify([
        {
          userId: user.id,
          type: "reminder",
          actorId: null,
          title: (language: string) =>
            translate(language, kind === "overdue" ? "billing.reminder.overdue" : "billing.reminder.before", {
              key,
              date: new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" }).format(dateOf(due)),
            }),
          text: card.title,
          url: `/${card.project.slug}/cards/${key}`,
        },
      ]);
      sent.push({ cardId: card.id, userId: user.id, kind, dueDate: due });
    }
  }
  return sent;
}
