// Cards: create (atomic numbers), read, edit (optimistic `version`), delete (soft), move
// (between two neighbours), comment. Each writes in one transaction and publishes after commit.

import { z } from "zod";
import { softDeleteCardAttachments } from "../attachments/attachments.ts";
import { type ProjectRef, projectRoleOf, requireProject } from "../auth/access.ts";
import { type Actor, actorForUser } from "../auth/actor.ts";
import { getDb, Prisma, type Tx } from "../db/client.ts";
import { exec, inPrisma, insert, rows, run, type Step, transaction } from "../db/direct.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { ZId } from "../ids.ts";
import { notifyAssigned } from "../notifications/cards.ts";
import { place } from "../ordering/place.ts";
import { projectRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { nextBacklogRank, putNewCardInSprintStep, recordSprintProgress } from "../scrum/progress.ts";
import { cardJson, parseCardKey } from "./card-json.ts";
import { cardRows, loadCardRows } from "./card-rows.ts";
import { findCard } from "./find-card.ts";
import { LABEL_COLORS } from "./label-colors.ts";
import { cardList } from "./move-card.ts";

export const PRIORITIES = ["low", "medium", "high", "critical"] as const;

/** Ids and versions are 32-bit INT columns: larger numbers must be a 400, not a driver error. */

const ZUsernames = z.array(z.string().trim().min(1).max(191)).max(50);
const ZLabelNames = z.array(z.string().trim().min(1).max(64)).max(50);
export const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "not a date");

export const ZCreateCard = z.object({
  title: z.string().trim().min(1).max(191),
  description: z.string().max(100_000).nullish(),
  columnId: ZId.nullish(),
  /** Where in the column: at the bottom (default) or the top. */
  placement: z.enum(["top", "bottom"]).default("bottom"),
  priority: z.enum(PRIORITIES).default("medium"),
  type: z.string().trim().min(1).max(32).default("task"),
  dueDate: ZDate.nullish(),
  estimateHours: z.number().min(0).max(100_000).optional(),
  storyPoints: z.number().int().min(0).max(1000).nullish().describe("Scrum projects only (kanban: 400); null is 0, none"),
  assignees: ZUsernames.optional(),
  labels: ZLabelNames.optional(),
  parentKey: z.string().max(32).nullish(),
  sprintId: ZId.nullish().describe("Scrum projects only: create the card in this planned or active sprint"),
});

export const ZUpdateCard = z
  .object({
    title: z.string().trim().min(1).max(191),
    description: z.string().max(100_000).nullable(),
    priority: z.enum(PRIORITIES),
    type: z.string().trim().min(1).max(32),
    dueDate: ZDate.nullable(),
    estimateHours: z.number().min(0).max(100_000),
    storyPoints: z.number().int().min(0).max(1000).nullable().describe("Scrum projects only (kanban: 400); null or 0 clears"),
    assignees: ZUsernames,
    labels: ZLabelNames,
    parentKey: z.string().max(32).nullable(),
    version: ZId,
  })
  .partial()
  .strict();

export async function loadCardJson(tx: Tx, project: ProjectRef, id: number) {
  const [row] = await loadCardRows(tx, { cardIds: [id] }, { detail: true });
  if (!row) throw notFound("Card not found");
  return cardJson(project.key, row);
}

/** Ids of the given users, who must be active members (or otherwise readers) of the project. */
function* resolveAssignees(projectId: number, usernames: string[]): Step<number[]> {
  const unique = [...new Set(usernames)];
  if (unique.length === 0) return [];
  const users = yield* rows<{ id: unknown; username: string; role: string; language: string }>(Prisma.sql`
    SELECT id, username, role, language FROM users
    WHERE username IN (${Prisma.join(unique)}) AND deleted_at IS NULL AND is_active = ${true}`);
  const ids: number[] = [];
  const invalid: string[] = unique.filter((u) => !users.some((x) => x.username === u));
  for (const u of users) {
    const role = yield* projectRoleOf(actorForUser(u), projectId);
    if (role) ids.push(Number(u.id));
    else invalid.push(u.username);
  }
  if (invalid.length) {
    throw new AppError("validation", `Not members of this project: ${invalid.join(", ")}`, {
      fields: [{ path: "assignees", message: `not project members: ${invalid.join(", ")}` }],
    });
  }
  return ids;
}

/** Ids of the project's labels with these names; names it does not have yet become new labels. */
function* resolveLabels(projectId: number, names: string[]): Step<number[]> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return [];
  const existing = yield* rows<{ id: unknown; name: string }>(Prisma.sql`
    SELECT id, name FROM labels WHERE project_id = ${projectId} AND name IN (${Prisma.join(unique)})`);
  const ids = existing.map((l) => Number(l.id));
  const missing = unique.filter((n) => !existing.some((l) => l.name === n));
  if (missing.length === 0) return ids;
  // New labels take the palette in turn, as createLabel does: the next colour after the project's last.
  const [{ n }] = yield* rows<{ n: unknown }>(Prisma.sql`SELECT COUNT(*) AS n FROM labels WHERE project_id = ${projectId}`);
  let i = Number(n);
  for (const name of missing) {
    const color = LABEL_COLORS[i++ % LABEL_COLORS.length];
    ids.push(yield* insert(Prisma.sql`INSERT INTO labels (project_id, name, color) VALUES (${projectId}, ${name}, ${color})`));
  }
  return ids;
}

/** Story points belong to scrum projects: a kanban project's cards may only have none (null or 0). */
function refuseKanbanStoryPoints(project: ProjectRef, storyPoints: number | null | undefined) {
  if (project.type === "kanban" && storyPoints) {
    throw new AppError("validation", "Story points (storyPoints) belong to scrum projects; this is a kanban project.", {
      fields: [{ path: "storyPoints", message: "not available in a kanban project (send null or 0)" }],
    });
  }
}

function* resolveParent(project: ProjectRef, parentKey: string | null | undefined, selfId?: number): Step<number | null> {
  if (!parentKey) return null;
  const number = parseCardKey(project.key, parentKey);
  const [parent] =
    number === null
      ? []
      : yield* rows<{ id: unknown }>(Prisma.sql`
          SELECT id FROM cards WHERE project_id = ${project.id} AND number = ${number} AND deleted_at IS NULL`);
  if (!parent || Number(parent.id) === selfId) {
    throw new AppError("validation", "Invalid parent card", {
      fields: [{ path: "parentKey", message: "no such card in this project" }],
    });
  }
  return Number(parent.id);
}

export async function createCard(actor: Actor, slug: string, input: z.input<typeof ZCreateCard>) {
  const data = parseInput(ZCreateCard, input);
  const { project } = await requireProject(actor, slug, "member");
  refuseKanbanStoryPoints(project, data.storyPoints);
  // On the driver (lib/db/direct.ts): creating is the other busy write of a board.
  const id = await transaction(function* () {
    // First statement: the counter row stays locked by this update until commit, so concurrent
    // creates serialise here; each gets the next number, and reads the column's edge after the
    // previous create committed (distinct positions), on every engine.
    yield* exec(Prisma.sql`UPDATE projects SET card_counter = card_counter + 1 WHERE id = ${project.id}`);
    // The backlog rank (the bottom of the backlog) comes along, so the create takes no extra round trip.
    const [{ card_counter, max_rank }] = yield* rows<{ card_counter: unknown; max_rank: unknown }>(
      Prisma.sql`SELECT card_counter, (SELECT MAX(backlog_rank) FROM cards WHERE project_id = ${project.id}) AS max_rank
        FROM projects WHERE id = ${project.id}`,
    );
    const number = Number(card_counter);
    const [column] = yield* rows<{ id: unknown }>(Prisma.sql`
      SELECT id FROM columns WHERE project_id = ${project.id} ${data.columnId ? Prisma.sql`AND id = ${data.columnId}` : Prisma.empty}
      ORDER BY position, id LIMIT 1`);
    if (!column) {
      throw new AppError("validation", data.columnId ? "Unknown column" : "The project has no columns", {
        fields: [{ path: "columnId", message: "not a column of this project" }],
      });
    }
    const columnId = Number(column.id);
    const assigneeIds = yield* resolveAssignees(project.id, data.assignees ?? []);
    const parentCardId = yield* resolveParent(project, data.parentKey);
    const labelIds = yield* resolveLabels(project.id, data.labels ?? []);
    // The column is locked by the placement: a concurrent move into it waits (distinct positions).
    const position = yield* place(cardList(project, columnId, null), {}, data.placement === "top" ? "start" : "end");
    const rank = nextBacklogRank(max_rank);
    const now = new Date();
    const id = yield* insert(Prisma.sql`
      INSERT INTO cards (created_at, updated_at, column_id, project_id, title, description, position, priority, type,
        due_date, estimate_hours, number, story_points, parent_card_id, created_by, version, backlog_rank)
      VALUES (${now}, ${now}, ${columnId}, ${project.id}, ${data.title}, ${data.description ?? null}, ${position},
        ${data.priority}, ${data.type}, ${data.dueDate ? new Date(`${data.dueDate}T00:00:00Z`) : null},
        ${data.estimateHours ?? 0}, ${number}, ${data.storyPoints ?? 0}, ${parentCardId}, ${actor.userId}, 1, ${rank})`);
    for (const userId of assigneeIds) {
      yield* exec(Prisma.sql`INSERT INTO card_assignees (card_id, user_id) VALUES (${id}, ${userId})`);
    }
    for (const labelId of labelIds) {
      yield* exec(Prisma.sql`INSERT INTO card_labels (card_id, label_id) VALUES (${id}, ${labelId})`);
    }
    yield* exec(Prisma.sql`
      INSERT INTO card_history (created_at, card_id, user_id, field, old_value, new_value)
      VALUES (${now}, ${id}, ${actor.userId}, ${"created"}, ${null}, ${data.title})`);
    if (data.sprintId) yield* putNewCardInSprintStep(project, id, data.sprintId, actor.userId, now);
    return id;
  });
  // Read after commit: the counter row is locked until then, so the transaction stays short.
  const [row] = await run(() => cardRows({ cardIds: [id] }, { detail: true }));
  if (!row) throw notFound("The card was deleted right after it was created.");
  const card = cardJson(project.key, row);
  publish([{ room: projectRoom(project.id), type: "card.created", data: card }]);
  await notifyAssigned(
    actor,
    project,
    card,
    card.assignees.map((a) => a.id),
  );
  return card;
}

export async function getCard(actor: Actor, slug: string, key: string) {
  const { project } = await requireProject(actor, slug);
  const db = getDb();
  const { id } = await findCard(db as unknown as Tx, project, key);
  return loadCardJson(db as unknown as Tx, project, id);
}

export async function updateCard(actor: Actor, slug: string, key: string, input: unknown) {
  const data = parseInput(ZUpdateCard, input);
  if (Object.keys(data).every((k) => k === "version")) {
    throw new AppError("validation", "Nothing to change: send at least one editable field.", {
      fields: [{ path: "body", message: "no editable field" }],
    });
  }
  const { project } = await requireProject(actor, slug, "member");
  refuseKanbanStoryPoints(project, data.storyPoints);
  let newlyAssigned: number[] = [];
  const card = await getDb().$transaction(async (tx) => {
    const current = await findCard(tx, project, key);
    const before = await tx.card.findUniqueOrThrow({
      where: { id: current.id },
      select: {
        title: true,
        description: true,
        priority: true,
        type: true,
        dueDate: true,
        estimateHours: true,
        storyPoints: true,
        parentCardId: true,
      },
    });
    const fields: Record<string, unknown> = {};
    for (const f of ["title", "description", "priority", "type", "estimateHours"] as const) {
      if (data[f] !== undefined) fields[f] = data[f];
    }
    if (data.storyPoints !== undefined) fields.storyPoints = data.storyPoints ?? 0;
    if (data.dueDate !== undefined) fields.dueDate = data.dueDate ? new Date(`${data.dueDate}T00:00:00Z`) : null;
    if (data.parentKey !== undefined)
      fields.parentCardId = await inPrisma(tx, () => resolveParent(project, data.parentKey, current.id));
    const updated = await tx.card.updateMany({
      where: { id: current.id, ...(data.version !== undefined ? { version: data.version } : {}) },
      data: { ...fields, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      // The newer card travels with the 409, so a client can show it and let the user re-apply.
      throw new AppError(
        "conflict",
        `Card ${key} was changed by someone else (your version ${data.version}, now ${current.version}). Reload it and try again.`,
        { current: await loadCardJson(tx, project, current.id) },
      );
    }
    const history: { field: string; oldValue: string | null; newValue: string | null }[] = [];
    const show = (v: unknown) =>
      v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    const parentKey = async (id: unknown) => {
      if (typeof id !== "number") return null;
      const p = await tx.card.findUnique({ where: { id }, select: { number: true } });
      return p ? `${project.key}-${p.number}` : null;
    };
    for (const [field, value] of Object.entries(fields)) {
      const old = before[field as keyof typeof before];
      if (show(old) === show(value)) continue;
      if (field === "parentCardId")
        history.push({ field: "parent", oldValue: await parentKey(old), newValue: await parentKey(value) });
      else history.push({ field, oldValue: show(old), newValue: show(value) });
    }
    if (data.assignees !== undefined) {
      const ids = await inPrisma(tx, () => resolveAssignees(project.id, data.assignees ?? []));
      const was = await tx.cardAssignee.findMany({
        where: { cardId: current.id },
        select: { user: { select: { username: true } } },
      });
      const oldNames = was
        .map((a) => a.user.username)
        .sort()
        .join(", ");
      const newNames = [...new Set(data.assignees)].sort().join(", ");
      if (oldNames !== newNames) history.push({ field: "assignees", oldValue: oldNames || null, newValue: newNames || null });
      await tx.cardAssignee.deleteMany({ where: { cardId: current.id, userId: { notIn: ids } } });
      const have = await tx.cardAssignee.findMany({ where: { cardId: current.id }, select: { userId: true } });
      const add = ids.filter((id) => !have.some((h) => h.userId === id));
      if (add.length) await tx.cardAssignee.createMany({ data: add.map((userId) => ({ cardId: current.id, userId })) });
      newlyAssigned = add;
    }
    if (data.labels !== undefined) {
      const ids = await inPrisma(tx, () => resolveLabels(project.id, data.labels ?? []));
      const was = await tx.cardLabel.findMany({ where: { cardId: current.id }, select: { label: { select: { name: true } } } });
      const oldNames = was
        .map((l) => l.label.name)
        .sort()
        .join(", ");
      const newNames = [...new Set(data.labels)].sort().join(", ");
      if (oldNames !== newNames) history.push({ field: "labels", oldValue: oldNames || null, newValue: newNames || null });
      await tx.cardLabel.deleteMany({ where: { cardId: current.id, labelId: { notIn: ids } } });
      const have = await tx.cardLabel.findMany({ where: { cardId: current.id }, select: { labelId: true } });
      const add = ids.filter((id) => !have.some((h) => h.labelId === id));
      if (add.length) await tx.cardLabel.createMany({ data: add.map((labelId) => ({ cardId: current.id, labelId })) });
    }
    if (history.length)
      await tx.cardHistory.createMany({ data: history.map((h) => ({ ...h, cardId: current.id, userId: actor.userId })) });
    if (history.some((h) => h.field === "storyPoints"))
      await recordSprintProgress(tx, project, [current.id], actor.userId, new Date());
    return loadCardJson(tx, project, current.id);
  });
  publish([{ room: projectRoom(project.id), type: "card.updated", data: card }]);
  await notifyAssigned(actor, project, card, newlyAssigned);
  return card;
}

export async function deleteCard(actor: Actor, slug: string, key: string) {
  const { project } = await requireProject(actor, slug, "member");
  const card = await getDb().$transaction(async (tx) => {
    const current = await findCard(tx, project, key);
    const deletedAt = new Date();
    await softDeleteCardAttachments(tx, [current.id], deletedAt);
    await tx.card.update({
      where: { id: current.id },
      data: { deletedAt, version: { increment: 1 } },
      select: { id: true },
    });
    await tx.cardHistory.create({ data: { cardId: current.id, userId: actor.userId, field: "deleted", newValue: "true" } });
    await recordSprintProgress(tx, project, [current.id], actor.userId, new Date());
    return loadCardJson(tx, project, current.id);
  });
  publish([
    { room: projectRoom(project.id), type: "card.deleted", data: { id: card.id, key: card.key, columnId: card.columnId } },
  ]);
  return card;
}

export { moveCard, ZMoveCard } from "./move-card.ts";
