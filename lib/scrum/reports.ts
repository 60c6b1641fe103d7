// Reports of a scrum project: the burndown of a sprint (remaining points at the end of each day,
// the ideal line, scope changes) replayed from the sprint's record, and the velocity of the last
// completed sprints (committed vs completed points).
import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { type Db, getDb } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { addDays, daysBetween, isTimeZone, startOfDay } from "./days.ts";
import { type CardState, type ChangeKind, diffStates, liveStates } from "./progress.ts";
import { findSprint, parseSprintId, requireScrum, type SprintRow, sprintJson, sprintStats } from "./sprints.ts";

/** The average velocity is that of the last three completed sprints ("yesterday's weather"). */
export const AVERAGE_OVER = 3;

export const ZBurndownQuery = z.object({
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, "not a known IANA time zone")
    .default("UTC")
    .describe("The days are this zone's calendar days (e.g. Europe/Berlin)"),
});

export const ZVelocityQuery = z.object({
  count: z.coerce.number().int().min(1).max(50).default(7).describe("How many of the last completed sprints"),
});

export type RecordedChange = {
  at: Date;
  cardId: number;
  kind: ChangeKind | string;
  state: CardState;
  key: string;
  title: string;
};

const NOT_IN: CardState = { inSprint: false, points: 0, isDone: false };
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The burndown from a sprint's record. Point 0 is the start (what the sprint holds when it starts);
 * point i (1…N) is the end of the sprint's i-th calendar day in `timeZone`, or for today the state
 * at `now`; days after today (or after the completion) have no value. The ideal line falls evenly
 * from the start's remaining points to 0 at the end of the last day. Changes after the start that
 * alter the sprint's total (cards added or removed, estimates changed) are scope changes.
 */
export function computeBurndown(input: {
  startDate: string;
  endDate: string;
  startedAt: Date;
  completedAt: Date | null;
  changes: RecordedChange[];
  now: Date;
  timeZone: string;
}) {
  const { startedAt, changes, timeZone } = input;
  const dates = daysBetween(input.startDate, input.endDate);
  const n = dates.length;
  const stop = input.completedAt && input.completedAt < input.now ? input.completedAt : input.now;
  const states = new Map<number, CardState>();
  const totals = () => {
    let remaining = 0;
    let scope = 0;
    for (const s of states.values()) {
      if (!s.inSprint) continue;
      scope += s.points;
      if (!s.isDone) remaining += s.points;
    }
    return { remaining, scope };
  };
  let next = 0;
  while (next < changes.length && changes[next].at <= startedAt) {
    states.set(changes[next].cardId, changes[next].state);
    next++;
  }
  const start = totals();
  const days: {
    day: number;
    date: string;
    at: string;
    remaining: number | null;
    scope: number | null;
    ideal: number;
    added: number;
    removed: number;
    completed: number;
  }[] = [
    { day: 0, date: dates[0], at: startedAt.toISOString(), ...start, ideal: start.remaining, added: 0, removed: 0, completed: 0 },
  ];
  const scopeChanges: { at: string; day: number; date: string; key: string; title: string; kind: string; points: number }[] = [];
  for (let i = 1; i <= n; i++) {
    const date = dates[i - 1];
    const dayStart = startOfDay(date, timeZone);
    const dayEnd = startOfDay(addDays(date, 1), timeZone);
    const ideal = round2((start.remaining * (n - i)) / n);
    if (dayStart > stop) {
      days.push({
        day: i,
        date,
        at: dayEnd.toISOString(),
        remaining: null,
        scope: null,
        ideal,
        added: 0,
        removed: 0,
        completed: 0,
      });
      continue;
    }
    let added = 0;
    let removed = 0;
    let completed = 0;
    while (next < changes.length && changes[next].at < dayEnd && changes[next].at <= stop) {
      const c = changes[next++];
      const was = states.get(c.cardId) ?? NOT_IN;
      const now = c.state;
      const scopeDelta = (now.inSprint ? now.points : 0) - (was.inSprint ? was.points : 0);
      if (scopeDelta > 0) added += scopeDelta;
      if (scopeDelta < 0) removed -= scopeDelta;
      if (scopeDelta !== 0) {
        scopeChanges.push({ at: c.at.toISOString(), day: i, date, key: c.key, title: c.title, kind: c.kind, points: scopeDelta });
      }
      if (was.inSprint && now.inSprint && was.isDone !== now.isDone) completed += now.isDone ? now.points : -was.points;
      states.set(c.cardId, now);
    }
    days.push({ day: i, date, at: dayEnd.toISOString(), ...totals(), ideal, added, removed, completed });
  }
  return { days, scopeChanges };
}

async function sprintForReport(db: Db, projectId: number, sprintId: string | number): Promise<SprintRow> {
  if (sprintId === "active") {
    const active = await db.sprint.findUnique({ where: { activeProjectId: projectId }, select: { id: true } });
    if (!active) throw notFound("The project has no active sprint.");
    return findSprint(db, projectId, active.id);
  }
  return findSprint(db, projectId, parseSprintId(sprintId));
}

/** The burndown of a sprint (`"active"`: the active one); a planned sprint has none yet (409). */
export async function getBurndown(actor: Actor, slug: string, sprintId: string | number, query: unknown = {}) {
  const { timeZone } = parseInput(ZBurndownQuery, query);
  const { project } = await requireScrum(actor, slug);
  const db = getDb();
  const sprint = await sprintForReport(db, project.id, sprintId);
  if (sprint.status === "planned" || !sprint.startedAt || !sprint.startDate || !sprint.endDate) {
    throw new AppError("conflict", `${sprint.name} has not started: it has no burndown yet.`);
  }
  const now = new Date();
  const rows = await db.sprintChange.findMany({
    where: { sprintId: sprint.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      createdAt: true,
      cardId: true,
      kind: true,
      inSprint: true,
      points: true,
      isDone: true,
      card: { select: { number: true, title: true } },
    },
  });
  const cardOf = new Map(rows.map((r) => [r.cardId, r.card]));
  const changes: RecordedChange[] = rows.map((r) => ({
    at: r.createdAt,
    cardId: r.cardId,
    kind: r.kind,
    state: { inSprint: r.inSprint, points: r.points, isDone: r.isDone },
    key: `${project.key}-${r.card.number}`,
    title: r.card.title,
  }));
  if (sprint.status === "active") {
    // Today is what the cards are now, also if a change reached them by a path that records nothing.
    const recorded = new Map(changes.map((c) => [c.cardId, c.state]));
    const live = await liveStates(db, sprint.id, project.id);
    const missing = diffStates(recorded, live);
    if (missing.length > 0) {
      const cards = await db.card.findMany({
        where: { id: { in: missing.map((m) => m.cardId) } },
        select: { id: true, number: true, title: true },
      });
      for (const c of cards) cardOf.set(c.id, c);
      for (const m of missing) {
        const card = cardOf.get(m.cardId);
        changes.push({ at: now, ...m, key: `${project.key}-${card?.number}`, title: card?.title ?? "" });
      }
    }
  }
  const stats = await sprintStats(db, project.id, [sprint.id]);
  const chart = computeBurndown({
    startDate: sprint.startDate.toISOString().slice(0, 10),
    endDate: sprint.endDate.toISOString().slice(0, 10),
    startedAt: sprint.startedAt,
    completedAt: sprint.completedAt,
    changes,
    now,
    timeZone,
  });
  return {
    sprint: sprintJson(sprint, stats.get(sprint.id) ?? { cardCount: 0, points: 0, donePoints: 0, doneCount: 0 }),
    timeZone,
    ...chart,
  };
}

/** The last `count` completed sprints, oldest first, and the average of the last three's completed points. */
export async function velocityOf(db: Db, projectId: number, count = 7) {
  const rows = await db.sprint.findMany({
    where: { projectId, status: "closed" },
    orderBy: [{ completedAt: "desc" }, { id: "desc" }],
    take: count,
    select: {
      id: true,
      name: true,
      startDate: true,
      endDate: true,
      completedAt: true,
      committedPoints: true,
      completedPoints: true,
    },
  });
  const sprints = rows.reverse().map((s) => ({
    id: s.id,
    name: s.name,
    startDate: s.startDate?.toISOString().slice(0, 10) ?? null,
    endDate: s.endDate?.toISOString().slice(0, 10) ?? null,
    completedAt: s.completedAt?.toISOString() ?? null,
    committed: s.committedPoints,
    completed: s.completedPoints,
  }));
  const recent = sprints.slice(-AVERAGE_OVER);
  const averageVelocity = recent.length
    ? Math.round((recent.reduce((sum, s) => sum + s.completed, 0) / recent.length) * 10) / 10
    : null;
  return { sprints, averageVelocity, averageOver: recent.length };
}

export async function getVelocity(actor: Actor, slug: string, query: unknown = {}) {
  const { count } = parseInput(ZVelocityQuery, query);
  const { project } = await requireScrum(actor, slug);
  return velocityOf(getDb(), project.id, count);
}
