// The burndown's record (sprint_changes) and the other small pieces that card code outside this
// module calls inside its own transactions: the done columns and a new card's backlog rank.
//
// Why a record of its own rather than replaying card_history or taking daily snapshots: history
// names columns by their name at the time (columns get renamed, and which columns count as done can
// change), and daily snapshots depend on a timer having run on each day. Here every change that
// moves the chart appends the card's new state in the transaction of the change, so a past day is
// exactly what it was; and the burndown's current day is computed from the live cards, so a change
// made by a path that does not call in here still shows today (and is recorded by the next call).
//
// The SQL is written once, as units of work for lib/db/direct.ts (the card hot paths run on the
// driver); the async wrappers run the same units inside Prisma transactions.

import { type Db, Prisma, type Tx } from "../db/client.ts";
import { exec, inPrisma, rows, type Step } from "../db/direct.ts";
import { AppError } from "../errors.ts";
import { STEP } from "../ordering/positions.ts";

export type CardState = { inSprint: boolean; points: number; isDone: boolean };
export type ChangeKind = "start" | "added" | "removed" | "estimate" | "done" | "reopened";

const bool = (v: unknown) => v === true || Number(v) === 1;

/**
 * The project's done columns: exactly those marked (a new project marks its "Done" column; an
 * admin changes it in the settings). Explicit on purpose: a column added after "Done" never takes
 * over (issue 21). None marked: no card counts as done, and the settings say so.
 */
export function* doneColumnIdsStep(projectId: number): Step<number[]> {
  const columns = yield* rows<{ id: unknown }>(
    Prisma.sql`SELECT id FROM columns WHERE project_id = ${projectId} AND is_done = ${true} ORDER BY position, id`,
  );
  return columns.map((c) => Number(c.id));
}

/** Marks a project's last column as done when none is (imported boards that carry no done state). */
export function* ensureDoneColumnStep(projectId: number): Step<void> {
  const columns = yield* rows<{ id: unknown; is_done: unknown }>(
    Prisma.sql`SELECT id, is_done FROM columns WHERE project_id = ${projectId} ORDER BY position, id`,
  );
  const last = columns.at(-1);
  if (last && !columns.some((c) => bool(c.is_done))) {
    yield* exec(Prisma.sql`UPDATE columns SET is_done = ${true} WHERE id = ${Number(last.id)}`);
  }
}
export const doneColumnIds = (db: Db | Tx, projectId: number) => inPrisma(db, () => doneColumnIdsStep(projectId));

/** The rank at the bottom of a project's backlog, after its highest rank (null: no cards yet). New cards go there. */
export function nextBacklogRank(maxRank: unknown): number {
  return (maxRank === null || maxRank === undefined ? 0 : Number(maxRank)) + STEP;
}

/**
 * The cards' state with respect to a sprint now: in it (a live member), points, done. Without
 * `cardIds`: every card that is or was in it during the sprint.
 */
export function* liveStatesStep(sprintId: number, projectId: number, cardIds?: number[]): Step<Map<number, CardState>> {
  if (cardIds && cardIds.length === 0) return new Map();
  const doneIds = yield* doneColumnIdsStep(projectId);
  const which = cardIds
    ? Prisma.sql`c.id IN (${Prisma.join(cardIds)})`
    : Prisma.sql`(c.id IN (SELECT card_id FROM sprint_cards WHERE sprint_id = ${sprintId})
        OR c.id IN (SELECT card_id FROM sprint_changes WHERE sprint_id = ${sprintId}))`;
  const cards = yield* rows<{ id: unknown; story_points: unknown; column_id: unknown; deleted_at: unknown; member: unknown }>(
    Prisma.sql`SELECT c.id, c.story_points, c.column_id, c.deleted_at,
        (SELECT COUNT(*) FROM sprint_cards sc WHERE sc.sprint_id = ${sprintId} AND sc.card_id = c.id) AS member
      FROM cards c WHERE c.project_id = ${projectId} AND ${which}`,
  );
  return new Map(
    cards.map((c) => [
      Number(c.id),
      {
        inSprint: Number(c.member) > 0 && c.deleted_at === null,
        points: Number(c.story_points),
        isDone: doneIds.includes(Number(c.column_id)),
      },
    ]),
  );
}
export const liveStates = (db: Db | Tx, sprintId: number, projectId: number, cardIds?: number[]) =>
  inPrisma(db, () => liveStatesStep(sprintId, projectId, cardIds));

/** Each card's latest recorded state in the sprint. */
function* recordedStatesStep(sprintId: number, cardIds?: number[]): Step<Map<number, CardState>> {
  const changes = yield* rows<{ card_id: unknown; in_sprint: unknown; points: unknown; is_done: unknown }>(
    Prisma.sql`SELECT card_id, in_sprint, points, is_done FROM sprint_changes
      WHERE sprint_id = ${sprintId} ${cardIds?.length ? Prisma.sql`AND card_id IN (${Prisma.join(cardIds)})` : Prisma.empty}
      ORDER BY created_at, id`,
  );
  return new Map(
    changes.map((r) => [Number(r.card_id), { inSprint: bool(r.in_sprint), points: Number(r.points), isDone: bool(r.is_done) }]),
  );
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
  const changes: { cardId: number; kind: ChangeKind; state: CardState }[] = [];
  for (const [cardId, state] of live) {
    const kind = changeKind(recorded.get(cardId), state);
    if (kind) changes.push({ cardId, kind, state });
  }
  return changes;
}

/** Appends rows to a sprint's record, each the card's state from `at` on. */
export function* appendChangesStep(
  sprintId: number,
  userId: number | null,
  at: Date,
  changes: { cardId: number; kind: ChangeKind; state: CardState }[],
): Step<void> {
  for (const c of changes) {
    yield* exec(Prisma.sql`
      INSERT INTO sprint_changes (created_at, sprint_id, card_id, user_id, kind, in_sprint, points, is_done)
      VALUES (${at}, ${sprintId}, ${c.cardId}, ${userId}, ${c.kind}, ${c.state.inSprint}, ${c.state.points}, ${c.state.isDone})`);
  }
}

/** Appends to a sprint's record what changed for these cards (all of the sprint's without ids). */
export function* syncSprintRecordStep(
  sprint: { id: number; projectId: number },
  userId: number | null,
  at: Date,
  cardIds?: number[],
): Step<void> {
  const live = yield* liveStatesStep(sprint.id, sprint.projectId, cardIds);
  const recorded = yield* recordedStatesStep(sprint.id, cardIds);
  yield* appendChangesStep(sprint.id, userId, at, diffStates(recorded, live));
}
export const syncSprintRecord = (
  tx: Tx,
  sprint: { id: number; projectId: number },
  userId: number | null,
  at: Date,
  cardIds?: number[],
) => inPrisma(tx, () => syncSprintRecordStep(sprint, userId, at, cardIds));

/**
 * Called by card code after it changed cards of a project (moved, estimated, deleted, restored):
 * in a scrum project with an active sprint, the sprint's record follows. Nothing for kanban.
 */
export function* sprintProgressStep(
  project: { id: number; type: string },
  cardIds: number[] | "all",
  userId: number | null,
  at: Date,
): Step<void> {
  if (project.type !== "scrum" || (cardIds !== "all" && cardIds.length === 0)) return;
  const [active] = yield* rows<{ id: unknown }>(Prisma.sql`SELECT id FROM sprints WHERE active_project_id = ${project.id}`);
  if (!active) return;
  yield* syncSprintRecordStep(
    { id: Number(active.id), projectId: project.id },
    userId,
    at,
    cardIds === "all" ? undefined : cardIds,
  );
}
export const recordSprintProgress = (
  tx: Tx,
  project: { id: number; type: string },
  cardIds: number[] | "all",
  userId: number | null,
  at: Date,
) => inPrisma(tx, () => sprintProgressStep(project, cardIds, userId, at));

/**
 * A card created straight into a planned or active sprint (the board of a scrum project creates
 * into its active sprint): membership, a history row, and (active) the burndown's record.
 */
export function* putNewCardInSprintStep(
  project: { id: number; type: string },
  cardId: number,
  sprintId: number,
  userId: number,
  at: Date,
): Step<void> {
  const [sprint] =
    project.type === "scrum"
      ? yield* rows<{ id: unknown; name: string; status: string }>(
          Prisma.sql`SELECT id, name, status FROM sprints WHERE id = ${sprintId} AND project_id = ${project.id} AND status <> ${"closed"}`,
        )
      : [];
  if (!sprint) {
    throw new AppError("validation", "Unknown sprint", {
      fields: [{ path: "sprintId", message: "not a planned or active sprint of this (scrum) project" }],
    });
  }
  yield* exec(Prisma.sql`INSERT INTO sprint_cards (sprint_id, card_id) VALUES (${sprintId}, ${cardId})`);
  yield* exec(Prisma.sql`
    INSERT INTO card_history (created_at, card_id, user_id, field, old_value, new_value)
    VALUES (${at}, ${cardId}, ${userId}, ${"sprint"}, ${null}, ${sprint.name})`);
  if (sprint.status === "active") yield* syncSprintRecordStep({ id: sprintId, projectId: project.id }, userId, at, [cardId]);
}
