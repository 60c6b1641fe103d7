// Sprints of a scrum project: plan (create, edit, delete), start (one active sprint per project),
// complete (unfinished cards go to the backlog or the next sprint). Each writes in one transaction,
// records card history, and publishes after commit. A kanban project refuses all of it (409).
import { z } from "zod";
import { type ProjectRef, requireProject } from "../auth/access.ts";
import type { Actor, ProjectRole } from "../auth/actor.ts";
import { cardJson } from "../boards/card-json.ts";
import { loadCardRows } from "../boards/card-rows.ts";
import { ZDate } from "../boards/cards.ts";
import { type Db, getDb, type Tx } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { ZId } from "../ids.ts";
import { projectRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { doneColumnIds, liveStates, syncSprintRecord } from "./progress.ts";

export const SPRINT_STATUSES = ["planned", "active", "closed"] as const;
export type SprintStatus = (typeof SPRINT_STATUSES)[number];

const ZName = z.string().trim().min(1).max(191);
const ZGoal = z.string().trim().max(5000);

const endNotBeforeStart = (v: { startDate?: string | null; endDate?: string | null }) =>
  !v.startDate || !v.endDate || v.endDate >= v.startDate;
const END_MESSAGE = { message: "the end date is before the start date", path: ["endDate"] };

export const ZCreateSprint = z
  .object({
    name: ZName.optional().describe('Default: "<KEY> Sprint <n>"'),
    goal: ZGoal.nullish(),
    startDate: ZDate.nullish(),
    endDate: ZDate.nullish(),
  })
  .strict()
  .refine(endNotBeforeStart, END_MESSAGE);

export const ZUpdateSprint = z
  .object({ name: ZName, goal: ZGoal.nullable(), startDate: ZDate.nullable(), endDate: ZDate.nullable() })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change")
  .refine(endNotBeforeStart, END_MESSAGE);

export const ZStartSprint = z
  .object({
    name: ZName.optional(),
    goal: ZGoal.nullish(),
    startDate: ZDate.optional().describe("Default: the sprint's start date"),
    endDate: ZDate.optional().describe("Default: the sprint's end date"),
  })
  .strict()
  .refine(endNotBeforeStart, END_MESSAGE);

export const ZCompleteSprint = z
  .object({
    moveUnfinishedTo: z
      .union([z.literal("backlog"), z.literal("new"), ZId])
      .default("backlog")
      .describe('Where cards that are not done go: "backlog", "new" (a new planned sprint) or a planned sprint\'s id'),
  })
  .strict();

const SPRINT_SELECT = {
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
} as const;
export type SprintRow = {
  id: number;
  projectId: number;
  name: string;
  goal: string | null;
  status: string;
  startDate: Date | null;
  endDate: Date | null;
  startedAt: Date | null;
  completedAt: Date | null;
  committedPoints: number;
  completedPoints: number;
};
export type SprintStats = { cardCount: number; points: number; donePoints: number; doneCount: number };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const toDate = (s: string) => new Date(`${s}T00:00:00Z`);

export function sprintJson(s: SprintRow, stats: SprintStats) {
  return {
    id: s.id,
    name: s.name,
    goal: s.goal,
    status: s.status as SprintStatus,
    startDate: day(s.startDate),
    endDate: day(s.endDate),
    startedAt: s.startedAt?.toISOString() ?? null,
    completedAt: s.completedAt?.toISOString() ?? null,
    /** Planned: the points planned so far; active and closed: the points at the start. */
    committedPoints: s.status === "planned" ? stats.points : s.committedPoints,
    /** Closed: the points done at the completion; otherwise the points done so far. */
    completedPoints: s.status === "closed" ? s.completedPoints : stats.donePoints,
    ...stats,
  };
}
export type SprintJson = ReturnType<typeof sprintJson>;

/** Sprints and the rest of the backlog belong to scrum projects: a kanban project answers 409. */
export async function requireScrum(actor: Actor, slug: string, minRole: ProjectRole = "viewer") {
  const access = await requireProject(actor, slug, minRole);
  if (access.project.type !== "scrum") {
    throw new AppError(
      "conflict",
      `${access.project.name} is a kanban project: sprints, the backlog and their reports belong to scrum projects. A project admin can change the type in the project settings.`,
      { projectType: access.project.type },
    );
  }
  return access;
}

/** A sprint id from the URL: anything but a positive 32-bit integer is not found. */
export function parseSprintId(raw: string | number): number {
  const id = typeof raw === "number" ? raw : /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw notFound("Sprint not found");
  return id;
}

export async function findSprint(db: Db | Tx, projectId: number, id: number): Promise<SprintRow> {
  const sprint = await db.sprint.findFirst({ where: { id, projectId }, select: SPRINT_SELECT });
  if (!sprint) throw notFound("Sprint not found");
  return sprint;
}

/** Card count, points and done points of sprints, from their live (not deleted) cards. */
export async function sprintStats(db: Db | Tx, projectId: number, sprintIds: number[]): Promise<Map<number, SprintStats>> {
  const stats = new Map(sprintIds.map((id) => [id, { cardCount: 0, points: 0, donePoints: 0, doneCount: 0 }]));
  if (sprintIds.length === 0) return stats;
  const doneIds = await doneColumnIds(db, projectId);
  const rows = await db.sprintCard.findMany({
    where: { sprintId: { in: sprintIds }, card: { deletedAt: null } },
    select: { sprintId: true, card: { select: { storyPoints: true, columnId: true } } },
  });
  for (const r of rows) {
    const s = stats.get(r.sprintId) as SprintStats;
    s.cardCount += 1;
    s.points += r.card.storyPoints;
    if (doneIds.includes(r.card.columnId)) {
      s.donePoints += r.card.storyPoints;
      s.doneCount += 1;
    }
  }
  return stats;
}

async function sprintsJson(db: Db | Tx, projectId: number, rows: SprintRow[]) {
  const stats = await sprintStats(
    db,
    projectId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => sprintJson(r, stats.get(r.id) as SprintStats));
}

const STATUS_ORDER: Record<string, number> = { active: 0, planned: 1, closed: 2 };

/** The active sprint first, then the planned ones in the order they were made, then the closed ones, latest first. */
export function sortSprints<T extends { id: number; status: string; completedAt: Date | string | null }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => {
    const byStatus = (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3);
    if (byStatus !== 0) return byStatus;
    if (a.status === "closed") return String(b.completedAt).localeCompare(String(a.completedAt)) || b.id - a.id;
    return a.id - b.id;
  });
}

export const ZListSprints = z.object({ status: z.array(z.enum(SPRINT_STATUSES)).optional() });

export async function listSprints(actor: Actor, slug: string, input: { status?: string[] } = {}) {
  const filter = parseInput(ZListSprints, input);
  const { project } = await requireScrum(actor, slug);
  const db = getDb();
  const rows = await db.sprint.findMany({
    where: { projectId: project.id, ...(filter.status?.length ? { status: { in: filter.status } } : {}) },
    select: SPRINT_SELECT,
    take: 1000,
  });
  return sprintsJson(db, project.id, sortSprints(rows));
}

/** One sprint with its cards (card JSON, in backlog rank order). */
export async function getSprint(actor: Actor, slug: string, sprintId: string | number) {
  const id = parseSprintId(sprintId);
  const { project } = await requireScrum(actor, slug);
  const db = getDb();
  const sprint = await findSprint(db, project.id, id);
  const [json] = await sprintsJson(db, project.id, [sprint]);
  const rows = await loadCardRows(db, { projectId: project.id, sprintId: id });
  const cards = rows.sort((a, b) => a.rank - b.rank || a.id - b.id).map((r) => cardJson(project.key, r));
  return { ...json, cards };
}

async function defaultSprintName(tx: Tx, project: ProjectRef): Promise<string> {
  const count = await tx.sprint.count({ where: { projectId: project.id } });
  return `${project.key} Sprint ${count + 1}`;
}

const event = (project: ProjectRef, type: "sprint.created" | "sprint.updated" | "sprint.deleted", data: unknown) => ({
  room: projectRoom(project.id),
  type,
  data,
});

export async function createSprint(actor: Actor, slug: string, input: unknown) {
  const data = parseInput(ZCreateSprint, input);
  const { project } = await requireScrum(actor, slug, "member");
  const sprint = await getDb().$transaction(async (tx) => {
    const row = await tx.sprint.create({
      data: {
        projectId: project.id,
        name: data.name ?? (await defaultSprintName(tx, project)),
        goal: data.goal || null,
        startDate: data.startDate ? toDate(data.startDate) : null,
        endDate: data.endDate ? toDate(data.endDate) : null,
      },
      select: SPRINT_SELECT,
    });
    return (await sprintsJson(tx, project.id, [row]))[0];
  });
  publish([event(project, "sprint.created", sprint)]);
  return sprint;
}

/** Name, goal and dates; a closed sprint is history and stays as it was (409). */
export async function updateSprint(actor: Actor, slug: string, sprintId: string | number, input: unknown) {
  const data = parseInput(ZUpdateSprint, input);
  const id = parseSprintId(sprintId);
  const { project } = await requireScrum(actor, slug, "member");
  const sprint = await getDb().$transaction(async (tx) => {
    const current = await findSprint(tx, project.id, id);
    if (current.status === "closed") throw new AppError("conflict", `${current.name} is completed and can no longer change.`);
    const startDate = data.startDate !== undefined ? data.startDate : day(current.startDate);
    const endDate = data.endDate !== undefined ? data.endDate : day(current.endDate);
    if (current.status === "active" && (!startDate || !endDate)) {
      throw new AppError("validation", "An active sprint keeps its start and end dates.", {
        fields: [{ path: startDate ? "endDate" : "startDate", message: "required while the sprint is active" }],
      });
    }
    if (startDate && endDate && endDate < startDate) {
      throw new AppError("validation", "The end date is before the start date.", {
        fields: [{ path: "endDate", message: "before the start date" }],
      });
    }
    const row = await tx.sprint.update({
      where: { id },
      data: {
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.goal !== undefined ? { goal: data.goal || null } : {}),
        ...(data.startDate !== undefined ? { startDate: data.startDate ? toDate(data.startDate) : null } : {}),
        ...(data.endDate !== undefined ? { endDate: data.endDate ? toDate(data.endDate) : null } : {}),
      },
      select: SPRINT_SELECT,
    });
    return (await sprintsJson(tx, project.id, [row]))[0];
  });
  publish([event(project, "sprint.updated", sprint)]);
  return sprint;
}

/** Deletes a planned sprint; its cards go back to the backlog (each with a history row). */
export async function deleteSprint(actor: Actor, slug: string, sprintId: string | number) {
  const id = parseSprintId(sprintId);
  const { project } = await requireScrum(actor, slug, "member");
  const result = await getDb().$transaction(async (tx) => {
    const current = await findSprint(tx, project.id, id);
    if (current.status !== "planned") {
      throw new AppError("conflict", `Only a planned sprint can be deleted; ${current.name} is ${current.status}.`);
    }
    const members = await tx.sprintCard.findMany({ where: { sprintId: id }, select: { cardId: true } });
    const cardIds = members.map((m) => m.cardId);
    if (cardIds.length > 0) {
      await tx.card.updateMany({ where: { id: { in: cardIds } }, data: { version: { increment: 1 } } });
      await tx.cardHistory.createMany({
        data: cardIds.map((cardId) => ({
          cardId,
          userId: actor.userId,
          field: "sprint",
          oldValue: current.name,
          newValue: null,
        })),
      });
    }
    await tx.sprint.delete({ where: { id } });
    return { id, cardIds };
  });
  publish([event(project, "sprint.deleted", result)]);
  return result;
}

/**
 * Locks the project's row for the rest of the transaction: starts and completions of one project
 * run one after the other (a second start then sees the first one's active sprint), on every engine.
 * Must be the transaction's first statement (MySQL reads from a snapshot taken at the first read).
 */
async function lockProject(tx: Tx, projectId: number) {
  await tx.$executeRaw`UPDATE projects SET card_counter = card_counter WHERE id = ${projectId}`;
}

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === "P2002";

/**
 * Starts a planned sprint: it needs a start and an end date (given here or set before) and no other
 * active sprint in the project. Its points now are the commitment; the burndown's record begins.
 */
export async function startSprint(actor: Actor, slug: string, sprintId: string | number, input: unknown) {
  const data = parseInput(ZStartSprint, input);
  const id = parseSprintId(sprintId);
  const { project } = await requireScrum(actor, slug, "member");
  let sprint: SprintJson;
  try {
    sprint = await getDb().$transaction(async (tx) => {
      await lockProject(tx, project.id);
      const current = await findSprint(tx, project.id, id);
      if (current.status !== "planned") {
        throw new AppError("conflict", `${current.name} is ${current.status === "active" ? "already active" : "completed"}.`);
      }
      await refuseSecondActive(tx, project.id);
      const startDate = data.startDate ?? day(current.startDate);
      const endDate = data.endDate ?? day(current.endDate);
      if (!startDate || !endDate) {
        throw new AppError("validation", "A sprint needs a start and an end date to start.", {
          fields: [{ path: startDate ? "endDate" : "startDate", message: "required to start the sprint" }],
        });
      }
      if (endDate < startDate) {
        throw new AppError("validation", "The end date is before the start date.", {
          fields: [{ path: "endDate", message: "before the start date" }],
        });
      }
      const now = new Date();
      const states = await liveStates(tx, id, project.id);
      const members = [...states].filter(([, s]) => s.inSprint);
      const row = await tx.sprint.update({
        where: { id },
        data: {
          status: "active",
          activeProjectId: project.id,
          startedAt: now,
          committedPoints: members.reduce((n, [, s]) => n + s.points, 0),
          startDate: toDate(startDate),
          endDate: toDate(endDate),
          ...(data.name !== undefined ? { name: data.name } : {}),
          ...(data.goal !== undefined ? { goal: data.goal || null } : {}),
        },
        select: SPRINT_SELECT,
      });
      if (members.length > 0) {
        await tx.sprintChange.createMany({
          data: members.map(([cardId, s]) => ({
            createdAt: now,
            sprintId: id,
            cardId,
            userId: actor.userId,
            kind: "start",
            ...s,
          })),
        });
        await tx.cardHistory.createMany({
          data: members.map(([cardId]) => ({
            createdAt: now,
            cardId,
            userId: actor.userId,
            field: "sprint_started",
            newValue: row.name,
          })),
        });
      }
      return (await sprintsJson(tx, project.id, [row]))[0];
    });
  } catch (e) {
    // The unique index on active_project_id: another start won on an engine that let both through.
    if (isUniqueViolation(e)) throw new AppError("conflict", "Another sprint of this project was started at the same time.");
    throw e;
  }
  publish([{ room: projectRoom(project.id), type: "sprint.started", data: sprint }]);
  return sprint;
}

async function refuseSecondActive(tx: Tx, projectId: number) {
  const active = await tx.sprint.findUnique({ where: { activeProjectId: projectId }, select: { name: true } });
  if (active) {
    throw new AppError("conflict", `${active.name} is active: complete it before starting another sprint.`, {
      activeSprint: active.name,
    });
  }
}

/**
 * Completes the active sprint. Cards in a done column count as completed (their points are the
 * velocity); the others go to the backlog, to a planned sprint, or to a new one.
 */
export async function completeSprint(actor: Actor, slug: string, sprintId: string | number, input: unknown) {
  const data = parseInput(ZCompleteSprint, input ?? {});
  const id = parseSprintId(sprintId);
  const { project } = await requireScrum(actor, slug, "member");
  const events: { type: "sprint.created" | "sprint.completed"; data: unknown }[] = [];
  const result = await getDb().$transaction(async (tx) => {
    await lockProject(tx, project.id);
    const current = await findSprint(tx, project.id, id);
    if (current.status !== "active") {
      throw new AppError("conflict", `Only the active sprint can be completed; ${current.name} is ${current.status}.`);
    }
    let target: SprintRow | null = null;
    if (typeof data.moveUnfinishedTo === "number") {
      target = await tx.sprint.findFirst({
        where: { id: data.moveUnfinishedTo, projectId: project.id, status: "planned" },
        select: SPRINT_SELECT,
      });
      if (!target) {
        throw new AppError("validation", "Unfinished cards can go to the backlog or a planned sprint of this project.", {
          fields: [{ path: "moveUnfinishedTo", message: "not a planned sprint of this project" }],
        });
      }
    }
    const now = new Date();
    // Locks the sprint's cards (a concurrent planning move of one of them waits, then sees it closed).
    await tx.$executeRaw`
      UPDATE cards SET version = version + 1, updated_at = ${now}
      WHERE deleted_at IS NULL AND id IN (SELECT sc.card_id FROM sprint_cards sc WHERE sc.sprint_id = ${id})`;
    await syncSprintRecord(tx, current, actor.userId, now);
    const states = [...(await liveStates(tx, id, project.id))].filter(([, s]) => s.inSprint);
    const done = states.filter(([, s]) => s.isDone);
    const unfinished = states.filter(([, s]) => !s.isDone).map(([cardId]) => cardId);
    if (data.moveUnfinishedTo === "new") {
      target = await tx.sprint.create({
        data: { projectId: project.id, name: await defaultSprintName(tx, project) },
        select: SPRINT_SELECT,
      });
    }
    if (target && unfinished.length > 0) {
      await tx.sprintCard.createMany({ data: unfinished.map((cardId) => ({ sprintId: (target as SprintRow).id, cardId })) });
    }
    await tx.cardHistory.createMany({
      data: [
        ...states.map(([cardId]) => ({
          createdAt: now,
          cardId,
          userId: actor.userId,
          field: "sprint_completed",
          newValue: current.name,
        })),
        ...unfinished.map((cardId) => ({
          createdAt: now,
          cardId,
          userId: actor.userId,
          field: "sprint",
          oldValue: current.name,
          newValue: target?.name ?? null,
        })),
      ],
    });
    const row = await tx.sprint.update({
      where: { id },
      data: {
        status: "closed",
        activeProjectId: null,
        completedAt: now,
        completedPoints: done.reduce((n, [, s]) => n + s.points, 0),
      },
      select: SPRINT_SELECT,
    });
    const [closed, next] = await sprintsJson(tx, project.id, target ? [row, target] : [row]);
    if (data.moveUnfinishedTo === "new") events.push({ type: "sprint.created", data: next });
    const answer = {
      sprint: closed,
      doneCardIds: done.map(([cardId]) => cardId),
      unfinishedCardIds: unfinished,
      movedTo: next ? { sprint: next } : ("backlog" as const),
    };
    events.push({ type: "sprint.completed", data: answer });
    return answer;
  });
  publish(events.map((e) => ({ room: projectRoom(project.id), ...e })));
  return result;
}
