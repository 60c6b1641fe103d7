// Moving a card: the busiest write of a board (every drag). It runs as a handful of indexed SQL
// statements in one transaction on the driver (lib/db/direct.ts): the card (locked), the two
// columns, the placement in the target column (lib/ordering/place.ts: the column locked, at most
// two neighbour reads, never the whole list unless the gap is exhausted and the column is
// renumbered), one update, the history row(s), then the card's JSON for the answer and the event.
import { z } from "zod";
import { requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { Prisma } from "../db/client.ts";
import { exec, rows, type Step, transaction } from "../db/direct.ts";
import { AppError, parseInput } from "../errors.ts";
import { forUpdate, lockList, type OrderedList, place, placementFields, placementOf } from "../ordering/place.ts";
import { projectRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { sprintProgressStep } from "../scrum/progress.ts";
import { cardJson, parseCardKey } from "./card-json.ts";
import { cardRows } from "./card-rows.ts";

const ZId = z.number().int().positive().max(2_147_483_647);
const ZCardRef = z.union([z.string().max(32), z.number().int()]);

export const ZMoveCard = z
  .object({
    columnId: ZId,
    ...placementFields(ZCardRef, { after: "afterKey", before: "beforeKey" }, "card (its key or number)"),
    version: ZId.optional(),
  })
  .strict();

type Placed = { id: number; columnId: number; position: number; version: number };
const placed = (r: Record<string, unknown>): Placed => ({
  id: Number(r.id),
  columnId: Number(r.column_id),
  position: Number(r.position),
  version: Number(r.version),
});

/**
 * Moves a card to a column, between two neighbours given by key (never by absolute position;
 * lib/ordering/place.ts). Without neighbours the card goes to the bottom of the column. Moving into
 * a column at its WIP limit is allowed and recorded in the card's history.
 */
export async function moveCard(actor: Actor, slug: string, key: string, input: unknown) {
  const data = parseInput(ZMoveCard, input);
  const placement = placementOf<string | number>(data, { after: "afterKey", before: "beforeKey" });
  const { project } = await requireProject(actor, slug, "member");
  const card = await transaction(function* () {
    // Locks in one order everywhere (list, then its items), so that a renumbering, which updates
    // every card of the list, never waits for a card whose mover waits for the list: the target
    // column first, then the card (a concurrent move or edit of it waits).
    yield* lockList("cards", data.columnId);
    const number = parseCardKey(project.key, key);
    const [found] =
      number === null
        ? []
        : yield* rows(Prisma.sql`
            SELECT id, column_id, position, version FROM cards
            WHERE project_id = ${project.id} AND number = ${number} AND deleted_at IS NULL${forUpdate()}`);
    if (!found) throw new AppError("not_found", `Card ${key} not found`);
    const current = placed(found);
    if (data.version !== undefined && data.version !== current.version) {
      throw new AppError("conflict", `Card ${key} was changed by someone else. Reload and try again.`);
    }
    const columns = yield* rows<ColumnRow>(Prisma.sql`
      SELECT id, name, wip_limit FROM columns WHERE project_id = ${project.id} AND id IN (${data.columnId}, ${current.columnId})`);
    const target = columns.find((c) => Number(c.id) === data.columnId);
    if (!target) {
      throw new AppError("validation", "Unknown column", {
        fields: [{ path: "columnId", message: "not a column of this project" }],
      });
    }
    const position = yield* place(cardList(project, data.columnId, current.id), placement);
    const now = new Date();
    yield* exec(Prisma.sql`
      UPDATE cards SET column_id = ${data.columnId}, position = ${position}, version = version + 1, updated_at = ${now}
      WHERE id = ${current.id}`);
    if (current.columnId !== data.columnId) {
      yield* recordColumnChange(actor, current, target, columns, now);
      yield* sprintProgressStep(project, [current.id], actor.userId, now);
    }
    const [row] = yield* cardRows({ cardIds: [current.id] }, { detail: true });
    return cardJson(project.key, row);
  });
  publish([{ room: projectRoom(project.id), type: "card.moved", data: card }]);
  return card;
}

/** The live cards of a column as an ordered list, neighbours named by card key or number. */
export function cardList(
  project: { id: number; key: string },
  columnId: number,
  item: number | null,
): OrderedList<string | number> {
  return {
    list: "cards",
    scopeId: columnId,
    item,
    refer: (ref) => {
      const number = parseCardKey(project.key, String(ref));
      return number === null ? Prisma.sql`1 = 0` : Prisma.sql`c.project_id = ${project.id} AND c.number = ${number}`;
    },
    noun: "card of the target column",
  };
}

type ColumnRow = { id: unknown; name: string; wip_limit: unknown };

function* recordColumnChange(
  actor: Actor,
  card: Placed,
  target: ColumnRow,
  columns: { id: unknown; name: string }[],
  now: Date,
): Step<void> {
  const from = columns.find((c) => Number(c.id) === card.columnId)?.name ?? null;
  yield* exec(Prisma.sql`
    INSERT INTO card_history (created_at, card_id, user_id, field, old_value, new_value)
    VALUES (${now}, ${card.id}, ${actor.userId}, ${"column"}, ${from}, ${target.name})`);
  const limit = Number(target.wip_limit);
  if (limit <= 0) return;
  const [{ n }] = yield* rows<{ n: unknown }>(Prisma.sql`
    SELECT COUNT(*) AS n FROM cards WHERE column_id = ${Number(target.id)} AND deleted_at IS NULL`);
  if (Number(n) > limit) {
    yield* exec(Prisma.sql`
      INSERT INTO card_history (created_at, card_id, user_id, field, old_value, new_value)
      VALUES (${now}, ${card.id}, ${actor.userId}, ${"wip_limit_exceeded"}, ${String(limit)}, ${String(n)})`);
  }
}
