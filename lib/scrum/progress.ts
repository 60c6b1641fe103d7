// The burndown's record (sprint_changes) and the other small pieces that card code outside this
// module calls inside its own transactions: the done columns and a new card's backlog rank.
//
// Why a record of its own rather than replaying card_history or taking daily snapshots: history
// names columns by their name at the time (columns get renamed, and which columns count as done can
// change), and daily snapshots depend on a timer having run on each day. Here every change that
// moves the chart appends the card's new state in the transaction of the change, so a past day is
// exactly what it was; and the burndown's current day is computed from the live cards, so a change
// made by a path that does not call in here still shows today (and is recorded by the next call).
import { STEP } from "../boards/positions.ts";
import type { Db, Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";

export type CardState = { inSprint: boolean; points: number; isDone: boolean };
export type ChangeKind = "start" | "added" | "removed" | "estimate" | "done" | "reopened";

/** The project's done columns: those an admin marked, or (none marked) its last column. */
export async function doneColumnIds(db: Db | Tx, projectId: number): Promise<number[]> {
  const columns = await db.column.findMany({
    where: { projectId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, isDone: true },
  });
  const marked = columns.filter((c) => c.isDone).map((c) => c.id);
  if (marked.length > 0) return marked;
  const last = columns.at(-1);
  return last ? [last.id] : [];
}

/** The rank at the bottom of a project's backlog, after its highest rank (null: no cards yet). New cards go there. */
export function nextBacklogRank(maxRank: unknown): number {
  return (maxRank === null || maxRank === undefined ? 0 : Number(maxRank)) + STEP;
}

/**
 * The cards' state with respect to a sprint now: in it (a live member), points, done. Without
 * `cardIds`: every card that is or was in it during the sprint.
 */
export async function liveStates(
  db: Db | Tx,
  sprintId: number,
  projectId: number,
  cardIds?: number[],
): Promise<Map<number, CardState>> {
  // One statement after the other: inside a transaction they share one connection.
  const doneIds = await doneColumnIds(db, projectId);
  const members = await db.sprintCard.findMany({
    where: { sprintId, ...(cardIds ? { cardId: { in: cardIds } } : {}) },
    select: { cardId: true },
  });
  const logged = cardIds
    ? []
    : await db.sprintChange.findMany({ where: { sprintId }, distinct: ["cardId"], select: { cardId: true } });
  const ids = cardIds ?? [...new Set([...members.map((m) => m.cardId), ...logged.map((l) => l.cardId)])];
  if (ids.length === 0) return new Map();
  const memberIds = new Set(members.map((m) => m.cardId));
  const cards = await db.card.findMany({
    where: { id: { in: ids }, projectId },
    select: { id: true, storyPoints: true, columnId: true, deletedAt: true },
  });
  return new Map(
    cards.map((c) => [
      c.id,
      { inSprint: memberIds.has(c.id) && c.deletedAt === null, points: c.storyPoints, isDone: doneIds.includes(c.columnId) },
    ]),
  );
}

/** Each card's latest recorded state in the sprint. */
export async function recordedStates(db: Db | Tx, sprintId: number, cardIds?: number[]): Promise<Map<number, CardState>> {
  const rows = await db.sprintChange.findMany({
    where: { sprintId, ...(cardIds ? { cardId: { in: cardIds } } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { cardId: true, inSprint: true, points: true, isDone: true },
  });
  return new Map(rows.map((r) => [r.cardId, { inSprint: r.inSprint, points: r.points, isDone: r.isDone }]));
}

const NOT_IN: CardState = { inSprint: false, points: 0, isDone: false };

/** What changed between two states of a card, as the chart sees it (null: nothing it shows). */
export function changeKind(before: CardState | undefined, now: CardState): ChangeKind | null {
  const was = before ?? NOT_IN;
  if (!was.inSprint && !now.inSprint) return null;
  if (was.inSprint !== now.inSprint) return now.inSprint ? "added" : "removed";
  if (was.isDone !== now.isDone) return now.isDone ? "done" : "reopened";
  if (was.points !== now.points) return "estimate";
  return null;
}

/** The changes that bring the record from `recorded` to `live` (rows to append, or to replay). */
export function diffStates(recorded: Map<number, CardState>, live: Map<number, CardState>) {
  const rows: { cardId: number; kind: ChangeKind; state: CardState }[] = [];
  for (const [cardId, state] of live) {
    const kind = changeKind(recorded.get(cardId), state);
    if (kind) rows.push({ cardId, kind, state });
  }
  return rows;
}

/** Appends to a sprint's record what changed for these cards (all of the sprint's without ids). */
export async function syncSprintRecord(
  tx: Tx,
  sprint: { id: number; projectId: number },
  userId: number | null,
  at: Date,
  cardIds?: number[],
): Promise<void> {
  const live = await liveStates(tx, sprint.id, sprint.projectId, cardIds);
  const recorded = await recordedStates(tx, sprint.id, cardIds);
  const rows = diffStates(recorded, live);
  if (rows.length === 0) return;
  await tx.sprintChange.createMany({
    data: rows.map((r) => ({ createdAt: at, sprintId: sprint.id, cardId: r.cardId, userId, kind: r.kind, ...r.state })),
  });
}

/**
 * Called by card code after it changed cards of a project (moved, estimated, deleted, restored):
 * in a scrum project with an active sprint, the sprint's record follows. Nothing for kanban.
 */
export async function recordSprintProgress(
  tx: Tx,
  project: { id: number; type: string },
  cardIds: number[] | "all",
  userId: number | null,
  at: Date,
): Promise<void> {
  if (project.type !== "scrum" || (cardIds !== "all" && cardIds.length === 0)) return;
  const active = await tx.sprint.findUnique({ where: { activeProjectId: project.id }, select: { id: true } });
  if (!active) return;
  await syncSprintRecord(tx, { id: active.id, projectId: project.id }, userId, at, cardIds === "all" ? undefined : cardIds);
}

/**
 * A card created straight into a planned or active sprint (the board of a scrum project creates
 * into its active sprint): membership, a history row, and (active) the burndown's record.
 */
export async function putNewCardInSprint(
  tx: Tx,
  project: { id: number; type: string },
  cardId: number,
  sprintId: number,
  userId: number,
  at: Date,
): Promise<void> {
  const sprint =
    project.type === "scrum"
      ? await tx.sprint.findFirst({
          where: { id: sprintId, projectId: project.id, status: { not: "closed" } },
          select: { id: true, name: true, status: true },
        })
      : null;
  if (!sprint) {
    throw new AppError("validation", "Unknown sprint", {
      fields: [{ path: "sprintId", message: "not a planned or active sprint of this (scrum) project" }],
    });
  }
  await tx.sprintCard.create({ data: { sprintId: sprint.id, cardId } });
  await tx.cardHistory.create({
    data: { createdAt: at, cardId, userId, field: "sprint", oldValue: null, newValue: sprint.name },
  });
  if (sprint.status === "active") await syncSprintRecord(tx, { id: sprint.id, projectId: project.id }, userId, at, [cardId]);
}
