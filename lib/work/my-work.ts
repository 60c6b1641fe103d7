// "My work": every open card assigned to the user across the projects they can read (not in a done
// column, not archived, project not archived), grouped by due date (overdue first) or by project
// (projects with overdue cards first), with the running timer and the unread mentions. One call
// for the page and for `GET /api/v1/me/work`; the page follows the rooms `workRooms` lists.
import { z } from "zod";
import { readableProjectIds } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { type CardJson, cardJson } from "../boards/card-json.ts";
import { loadCardRows } from "../boards/card-rows.ts";
import { getDb } from "../db/client.ts";
import { parseInput } from "../errors.ts";
import { localDate } from "../notifications/reminders.ts";
import { projectRoom, userRoom } from "../realtime/events.ts";
import { addDays } from "../time/dates.ts";
import { getTimer } from "../time/timer.ts";

export const WORK_GROUPINGS = ["due", "project"] as const;
export const DUE_BUCKETS = ["overdue", "today", "week", "later", "none"] as const;
export type DueBucket = (typeof DUE_BUCKETS)[number];

export const ZMyWorkQuery = z
  .object({
    groupBy: z.enum(WORK_GROUPINGS).default("due"),
    /** Cards in done columns too (default: open work only). */
    done: z.enum(["true", "false"]).default("false"),
  })
  .strict();

/** At most this many cards come back (soonest due first); `truncated` says when there were more. */
export const MY_WORK_LIMIT = 1000;

const PRIORITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

export type WorkProject = { id: number; slug: string; key: string; name: string; color: string | null };
export type WorkCard = CardJson & { project: WorkProject; column: { id: number; name: string }; bucket: DueBucket };
export type WorkGroup = { key: string; bucket?: DueBucket; project?: WorkProject; cards: WorkCard[] };

/** Where a due date falls, seen from `today` (the user's date in their time zone). */
export function dueBucket(due: string | null, today: string): DueBucket {
  if (due === null) return "none";
  if (due < today) return "overdue";
  if (due === today) return "today";
  if (due <= addDays(today, 7)) return "week";
  return "later";
}

/** Soonest due first (no date last), then priority, project, number. */
function byUrgency(a: WorkCard, b: WorkCard): number {
  const da = a.dueDate ?? "9999-99-99";
  const db = b.dueDate ?? "9999-99-99";
  if (da !== db) return da < db ? -1 : 1;
  const pa = PRIORITY_RANK[a.priority] ?? 9;
  const pb = PRIORITY_RANK[b.priority] ?? 9;
  if (pa !== pb) return pa - pb;
  if (a.project.name !== b.project.name) return a.project.name.localeCompare(b.project.name);
  return a.number - b.number;
}

/** Groups already sorted cards; empty groups are left out. */
export function groupWork(cards: WorkCard[], groupBy: (typeof WORK_GROUPINGS)[number]): WorkGroup[] {
  if (groupBy === "due") {
    return DUE_BUCKETS.map((bucket) => ({ key: bucket, bucket, cards: cards.filter((c) => c.bucket === bucket) })).filter(
      (g) => g.cards.length > 0,
    );
  }
  const byProject = new Map<number, WorkGroup>();
  for (const c of cards) {
    const group = byProject.get(c.project.id) ?? { key: c.project.slug, project: c.project, cards: [] };
    group.cards.push(c);
    byProject.set(c.project.id, group);
  }
  const overdue = (g: WorkGroup) => (g.cards.some((c) => c.bucket === "overdue") ? 0 : 1);
  return [...byProject.values()].sort(
    (a, b) => overdue(a) - overdue(b) || (a.project?.name ?? "").localeCompare(b.project?.name ?? ""),
  );
}

async function assignedCardIds(actor: Actor, includeDone: boolean) {
  const db = getDb();
  const readable = await readableProjectIds(actor);
  const cards = await db.card.findMany({
    where: {
      deletedAt: null,
      assignees: { some: { userId: actor.userId } },
      project: { deletedAt: null, isArchived: false, ...(readable === "all" ? {} : { id: { in: readable } }) },
    },
    select: { id: true, projectId: true, columnId: true, dueDate: true },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
  });
  const projectIds = [...new Set(cards.map((c) => c.projectId))];
  const columns = projectIds.length
    ? await db.column.findMany({
        where: { projectId: { in: projectIds } },
        select: { id: true, name: true, projectId: true, isDone: true, position: true },
        orderBy: [{ position: "asc" }, { id: "asc" }],
      })
    : [];
  // Done columns as the burndown sees them: the marked ones, or the last column when none is.
  const done = new Set<number>();
  for (const projectId of projectIds) {
    const own = columns.filter((c) => c.projectId === projectId);
    const marked = own.filter((c) => c.isDone);
    for (const c of marked.length ? marked : own.slice(-1)) done.add(c.id);
  }
  const open = includeDone ? cards : cards.filter((c) => !done.has(c.columnId));
  // Null due dates sort first on some engines: soonest due first, undated last, before the cap.
  const dated = [...open.filter((c) => c.dueDate !== null), ...open.filter((c) => c.dueDate === null)];
  return { cards: dated, columns: new Map(columns.map((c) => [c.id, c])) };
}

export async function myWork(actor: Actor, query: unknown = {}) {
  const q = parseInput(ZMyWorkQuery, query);
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { timeZone: true } });
  const now = new Date();
  const today = localDate(now, user.timeZone);
  const { cards: ids, columns } = await assignedCardIds(actor, q.done === "true");
  const chosen = ids.slice(0, MY_WORK_LIMIT);
  const [rows, projects, timer, mentions, unreadMentions] = await Promise.all([
    loadCardRows(db, { cardIds: chosen.map((c) => c.id) }),
    db.project.findMany({
      where: { id: { in: [...new Set(chosen.map((c) => c.projectId))] } },
      select: { id: true, slug: true, key: true, name: true, color: true },
    }),
    getTimer(actor),
    db.notification.findMany({
      where: { userId: actor.userId, type: "mention", readAt: null },
      orderBy: { id: "desc" },
      take: 20,
      select: { id: true, title: true, text: true, url: true, createdAt: true, actor: { select: { id: true, username: true } } },
    }),
    db.notification.count({ where: { userId: actor.userId, type: "mention", readAt: null } }),
  ]);
  const projectById = new Map(projects.map((p) => [p.id, p]));
  const projectOf = new Map(chosen.map((c) => [c.id, c.projectId]));
  const cards: WorkCard[] = rows.flatMap((row) => {
    const project = projectById.get(projectOf.get(row.id) ?? -1);
    if (!project) return [];
    const json = cardJson(project.key, row);
    const column = columns.get(json.columnId);
    return [
      {
        ...json,
        project,
        column: { id: json.columnId, name: column?.name ?? "" },
        bucket: dueBucket(json.dueDate, today),
      },
    ];
  });
  cards.sort(byUrgency);
  return {
    groupBy: q.groupBy,
    today,
    total: ids.length,
    overdue: cards.filter((c) => c.bucket === "overdue").length,
    truncated: ids.length > chosen.length,
    groups: groupWork(cards, q.groupBy),
    timer: timer.timer,
    now: timer.now,
    mentions: {
      unread: unreadMentions,
      latest: mentions.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
    },
  };
}
export type MyWork = Awaited<ReturnType<typeof myWork>>;

/**
 * The rooms the page follows: the user's own (timer, notifications, assignments by others) and the
 * project of every card on it and every project the user is a member of (new cards assigned there).
 */
export async function workRooms(actor: Actor, work: MyWork): Promise<[string, ...string[]]> {
  const member = await getDb().projectMember.findMany({
    where: { userId: actor.userId, project: { deletedAt: null, isArchived: false } },
    select: { projectId: true },
  });
  const ids = new Set([...member.map((m) => m.projectId), ...work.groups.flatMap((g) => g.cards.map((c) => c.project.id))]);
  return [userRoom(actor.userId), ...[...ids].sort((a, b) => a - b).map(projectRoom)];
}
