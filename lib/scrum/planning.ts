// Sprint planning: the backlog (cards in no planned or active sprint and not done, by rank), and
// putting a card into a sprint or back into the backlog between two neighbours (ranks are
// fractional and project-wide, like positions), plus the project's done columns.
import { z } from "zod";
import { requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { cardJson, parseCardKey } from "../boards/card-json.ts";
import { loadCardRows } from "../boards/card-rows.ts";
import { PROJECT_SELECT, projectJson } from "../boards/projects.ts";
import { getDb, Prisma, type Tx } from "../db/client.ts";
import { AppError, parseInput } from "../errors.ts";
import { lockListInPrisma, type Placement, placeInPrisma, placementFields, placementOf } from "../ordering/place.ts";
import { projectRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { doneColumnIds, recordSprintProgress, syncSprintRecord } from "./progress.ts";
import { velocityOf } from "./reports.ts";
import { findSprint, parseSprintId, requireScrum, type SprintRow, sortSprints, sprintJson, sprintStats } from "./sprints.ts";

const ZId = z.number().int().positive().max(2_147_483_647);
const ZCardRef = z.union([z.string().max(32), z.number().int()]);

const KEY_ALIASES = { after: "afterKey", before: "beforeKey" } as const;

export const ZPlaceInBacklog = z
  .object({ key: ZCardRef, ...placementFields(ZCardRef, KEY_ALIASES, "card of the backlog") })
  .strict();

export const ZAddToSprint = z
  .object({
    key: ZCardRef.optional().describe("One card, placed between after and before (default: at the end)"),
    keys: z.array(ZCardRef).min(1).max(100).optional().describe("Several cards, appended in this order"),
    ...placementFields(ZCardRef, KEY_ALIASES, "card of the sprint"),
  })
  .strict()
  .refine((v) => (v.key !== undefined) !== (v.keys !== undefined), { message: "send key or keys", path: ["key"] })
  .refine((v) => v.keys === undefined || (v.after == null && v.before == null && v.afterKey == null && v.beforeKey == null), {
    message: "neighbours go with a single key",
    path: ["after"],
  });

type Ctx = { tx: Tx; project: { id: number; key: string; type: string }; actor: Actor; now: Date; doneIds: number[] };
type Target = Pick<SprintRow, "id" | "name" | "status" | "projectId"> | null;
type Ref = string | number;

/** The SQL condition "card c is in this list": a sprint's cards, or the backlog (no open sprint, not done). */
function inList(ctx: Ctx, target: Target) {
  if (target) return Prisma.sql`c.id IN (SELECT sc.card_id FROM sprint_cards sc WHERE sc.sprint_id = ${target.id})`;
  const notDone = ctx.doneIds.length ? Prisma.sql`c.column_id NOT IN (${Prisma.join(ctx.doneIds)})` : Prisma.sql`1 = 1`;
  return Prisma.sql`c.id NOT IN (SELECT sc.card_id FROM sprint_cards sc JOIN sprints s ON s.id = sc.sprint_id
    WHERE s.project_id = ${ctx.project.id} AND s.status <> ${"closed"}) AND ${notDone}`;
}

/**
 * Puts one card into a list (a planned or active sprint, or the backlog) between two neighbours of
 * that list (lib/ordering/place.ts), at its end, or (`top`) at its start. A change of sprint is recorded in the card's
 * history and, for an active sprint, in its burndown record. Returns the card's id.
 */
async function place(ctx: Ctx, key: Ref, target: Target, placement: Placement<Ref> = {}, top = false) {
  const { tx, project, now } = ctx;
  const number = parseCardKey(project.key, String(key));
  // First statement, and a lock: two placements of one card run one after the other (the second
  // sees the first one's sprint), also on MySQL, whose reads come from a snapshot taken at the first read.
  // The backlog first (the project's row), then the card: the order of every placement, so a
  // renumbering of the backlog (which updates every card) never waits for a card whose placement
  // waits for the backlog.
  await lockListInPrisma(tx, "backlog", project.id);
  const locked =
    number === null
      ? 0
      : await tx.$executeRaw`UPDATE cards SET version = version + 1, updated_at = ${now}
          WHERE project_id = ${project.id} AND number = ${number} AND deleted_at IS NULL`;
  if (locked === 0) throw new AppError("not_found", `Card ${key} not found`);
  const card = await tx.card.findFirstOrThrow({
    where: { projectId: project.id, number: number as number, deletedAt: null },
    select: { id: true },
  });
  const rank = await placeInPrisma(
    tx,
    {
      list: "backlog",
      scopeId: project.id,
      where: inList(ctx, target),
      item: card.id,
      refer: (ref) => {
        const n = parseCardKey(project.key, String(ref));
        return n === null ? Prisma.sql`1 = 0` : Prisma.sql`c.number = ${n}`;
      },
      noun: `card of ${target ? target.name : "the backlog"}`,
    },
    placement,
    top ? "start" : "end",
  );
  await tx.$executeRaw`UPDATE cards SET backlog_rank = ${rank} WHERE id = ${card.id}`;

  const membership = await tx.sprintCard.findFirst({
    where: { cardId: card.id, sprint: { status: { not: "closed" } } },
    select: { id: true, sprint: { select: { id: true, name: true, status: true, projectId: true } } },
  });
  const from = membership?.sprint ?? null;
  if ((from?.id ?? null) !== (target?.id ?? null)) {
    if (membership) await tx.sprintCard.delete({ where: { id: membership.id } });
    if (target) await tx.sprintCard.create({ data: { sprintId: target.id, cardId: card.id } });
    await tx.cardHistory.create({
      data: {
        createdAt: now,
        cardId: card.id,
        userId: ctx.actor.userId,
        field: "sprint",
        oldValue: from?.name ?? null,
        newValue: target?.name ?? null,
      },
    });
    for (const s of [from, target]) {
      if (s?.status === "active") await syncSprintRecord(tx, s, ctx.actor.userId, now, [card.id]);
    }
  }
  return card.id;
}

async function planningContext(tx: Tx, project: Ctx["project"], actor: Actor): Promise<Ctx> {
  return { tx, project, actor, now: new Date(), doneIds: await doneColumnIds(tx, project.id) };
}

async function cardsJson(tx: Tx, projectKey: string, ids: number[]) {
  const rows = await loadCardRows(tx, { cardIds: ids }, { detail: true });
  const byId = new Map(rows.map((r) => [r.id, cardJson(projectKey, r)]));
  return ids.map((id) => byId.get(id)).filter((c) => c !== undefined);
}

function publishPlanned(projectId: number, cards: ReturnType<typeof cardJson>[]) {
  publish(cards.map((card) => ({ room: projectRoom(projectId), type: "card.planned" as const, data: card })));
}

/** Open (planned or active) sprint of the project, for a planning move: closed ones are history (409). */
async function openSprint(tx: Tx, projectId: number, id: number) {
  const sprint = await findSprint(tx, projectId, id);
  if (sprint.status === "closed") throw new AppError("conflict", `${sprint.name} is completed: its cards can no longer change.`);
  return sprint;
}

/** Puts cards into a planned or active sprint (from the backlog or another sprint), or reorders them there. */
export async function addToSprint(actor: Actor, slug: string, sprintId: string | number, input: unknown) {
  const data = parseInput(ZAddToSprint, input);
  const id = parseSprintId(sprintId);
  const { project } = await requireScrum(actor, slug, "member");
  const cards = await getDb().$transaction(async (tx) => {
    const ctx = await planningContext(tx, project, actor);
    const target = await openSprint(tx, project.id, id);
    const ids: number[] = [];
    if (data.key !== undefined) ids.push(await place(ctx, data.key, target, placementOf(data, KEY_ALIASES)));
    for (const key of data.keys ?? []) ids.push(await place(ctx, key, target));
    return cardsJson(tx, project.key, ids);
  });
  publishPlanned(project.id, cards);
  return cards.length === 1 && data.key !== undefined ? cards[0] : cards;
}

/** Takes a card out of a sprint: it goes to the top of the backlog. */
export async function removeFromSprint(actor: Actor, slug: string, sprintId: string | number, key: string) {
  const id = parseSprintId(sprintId);
  const { project } = await requireScrum(actor, slug, "member");
  const [card] = await getDb().$transaction(async (tx) => {
    const ctx = await planningContext(tx, project, actor);
    const sprint = await openSprint(tx, project.id, id);
    const number = parseCardKey(project.key, key);
    const member =
      number === null
        ? null
        : await tx.sprintCard.findFirst({
            where: { sprintId: sprint.id, card: { projectId: project.id, number, deletedAt: null } },
            select: { id: true },
          });
    if (!member) throw new AppError("not_found", `Card ${key} is not in ${sprint.name}`);
    return cardsJson(tx, project.key, [await place(ctx, key, null, {}, true)]);
  });
  publishPlanned(project.id, [card]);
  return card;
}

/** Puts a card into the backlog between two of its cards (reorders it, or takes it out of its sprint). */
export async function placeInBacklog(actor: Actor, slug: string, input: unknown) {
  const data = parseInput(ZPlaceInBacklog, input);
  const { project } = await requireScrum(actor, slug, "member");
  const [card] = await getDb().$transaction(async (tx) => {
    const ctx = await planningContext(tx, project, actor);
    return cardsJson(tx, project.key, [await place(ctx, data.key, null, placementOf(data, KEY_ALIASES))]);
  });
  publishPlanned(project.id, [card]);
  return card;
}

const byRank = (a: { rank: number; id: number }, b: { rank: number; id: number }) => a.rank - b.rank || a.id - b.id;

/**
 * What the backlog page shows, in a fixed number of queries: the active and planned sprints with
 * their cards, the backlog (not done, in no open sprint) by rank, and the average velocity.
 */
export async function getBacklog(actor: Actor, slug: string) {
  const { project: ref, role } = await requireScrum(actor, slug);
  const db = getDb();
  const [project, doneIds, columns, sprints, rows, velocity] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: ref.id }, select: PROJECT_SELECT }),
    doneColumnIds(db, ref.id),
    db.column.findMany({
      where: { projectId: ref.id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
    }),
    db.sprint.findMany({
      where: { projectId: ref.id, status: { in: ["planned", "active"] } },
      select: {
        id: true,
        projectId: true,
        name: true,
        goal: true,
        status: true,
        startDate: true,
        endDate: true,
        startedAt: true,
        completedAt: true,
        committedPoints: true,
        completedPoints: true,
      },
    }),
    loadCardRows(db, { projectId: ref.id }),
    velocityOf(db, ref.id),
  ]);
  const stats = await sprintStats(
    db,
    ref.id,
    sprints.map((s) => s.id),
  );
  const cards = rows.sort(byRank).map((r) => cardJson(ref.key, r));
  const backlog = cards.filter((c) => c.sprintId === null && !doneIds.includes(c.columnId));
  return {
    project: { ...projectJson(project), role },
    canEdit: role !== "viewer" && !ref.isArchived,
    doneColumnIds: doneIds,
    columns,
    averageVelocity: velocity.averageVelocity,
    sprints: sortSprints(sprints).map((s) => ({
      ...sprintJson(s, stats.get(s.id) ?? { cardCount: 0, points: 0, donePoints: 0, doneCount: 0 }),
      cards: cards.filter((c) => c.sprintId === s.id),
    })),
    backlog: { cards: backlog, points: backlog.reduce((n, c) => n + c.storyPoints, 0) },
  };
}
export type Backlog = Awaited<ReturnType<typeof getBacklog>>;

// --- done columns -----------------------------------------------------------------------------------

export const ZDoneColumns = z.object({ columnIds: z.array(ZId).max(100).describe("Empty: no column counts as done") }).strict();

export async function getDoneColumns(actor: Actor, slug: string) {
  const { project } = await requireProject(actor, slug);
  const db = getDb();
  const [columns, doneIds] = await Promise.all([
    db.column.findMany({
      where: { projectId: project.id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, name: true, isDone: true },
    }),
    doneColumnIds(db, project.id),
  ]);
  return {
    columnIds: doneIds,
    /** False while no column is marked (then no card counts as done). */
    isChosen: columns.some((c) => c.isDone),
    columns: columns.map((c) => ({ id: c.id, name: c.name, isDone: doneIds.includes(c.id) })),
  };
}

/** A project admin chooses which columns count as done (for every project type: child progress uses it too). */
export async function setDoneColumns(actor: Actor, slug: string, input: unknown) {
  const data = parseInput(ZDoneColumns, input);
  const { project } = await requireProject(actor, slug, "admin");
  await getDb().$transaction(async (tx) => {
    const ids = [...new Set(data.columnIds)];
    const found = await tx.column.count({ where: { projectId: project.id, id: { in: ids } } });
    if (found !== ids.length) {
      throw new AppError("validation", "Unknown column", {
        fields: [{ path: "columnIds", message: "not all are columns of this project" }],
      });
    }
    await tx.column.updateMany({ where: { projectId: project.id, id: { notIn: ids } }, data: { isDone: false } });
    if (ids.length) await tx.column.updateMany({ where: { projectId: project.id, id: { in: ids } }, data: { isDone: true } });
    await recordSprintProgress(tx, project, "all", actor.userId, new Date());
  });
  const result = await getDoneColumns(actor, slug);
  publish([{ room: projectRoom(project.id), type: "project.done_columns_updated", data: { columnIds: result.columnIds } }]);
  return result;
}
