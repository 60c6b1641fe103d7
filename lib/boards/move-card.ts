// Moving a card: the busiest write of a board (every drag). It runs as a handful of indexed SQL
// statements in one transaction on the driver (lib/db/direct.ts): the card, the two columns, at most two neighbour reads (never the
// whole list, unless the gap is exhausted and the column is renumbered), one update, the history
// row(s), then the card's JSON for the answer and the event.
import { z } from "zod";
import { requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { currentEngine, Prisma } from "../db/client.ts";
import { exec, rows, type Step, transaction } from "../db/direct.ts";
import { AppError, parseInput } from "../errors.ts";
import { projectRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { sprintProgressStep } from "../scrum/progress.ts";
import { cardJson, parseCardKey } from "./card-json.ts";
import { cardRows } from "./card-rows.ts";
import { positionBetween, renumberList } from "./positions.ts";

const ZId = z.number().int().positive().max(2_147_483_647);
const ZCardRef = z.union([z.string().max(32), z.number().int()]);

export const ZMoveCard = z
  .object({
    columnId: ZId,
    /** Place the card right before this card (the one that will follow it). */
    beforeKey: ZCardRef.nullish(),
    /** Place the card right after this card (the one that will precede it). */
    afterKey: ZCardRef.nullish(),
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
 * Moves a card to a column, between two neighbours given by key (never by absolute position).
 * Without neighbours the card goes to the bottom of the column. Moving into a column at its WIP
 * limit is allowed and recorded in the card's history.
 */
export async function moveCard(actor: Actor, slug: string, key: string, input: unknown) {
  const data = parseInput(ZMoveCard, input);
  const { project } = await requireProject(actor, slug, "member");
  const engine = currentEngine();
  const card = await transaction(function* () {
    function* find(ref: string | number): Step<Placed | null> {
      const number = parseCardKey(project.key, String(ref));
      if (number === null) return null;
      const [row] = yield* rows(Prisma.sql`
        SELECT id, column_id, position, version FROM cards
        WHERE project_id = ${project.id} AND number = ${number} AND deleted_at IS NULL`);
      return row ? placed(row) : null;
    }
    const found = yield* find(key);
    if (!found) throw new AppError("not_found", `Card ${key} not found`);
    const current = found;
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
    function* neighbour(ref: string | number, path: string): Step<Placed> {
      const n = yield* find(ref);
      if (!n || n.columnId !== data.columnId || n.id === current.id) {
        throw new AppError("validation", "Invalid neighbour card", {
          fields: [{ path, message: "not another card of the target column" }],
        });
      }
      return n;
    }
    function* edge(condition: Prisma.Sql, order: "asc" | "desc"): Step<Placed | null> {
      const [row] = yield* rows(Prisma.sql`
        SELECT id, column_id, position, version FROM cards
        WHERE column_id = ${data.columnId} AND deleted_at IS NULL AND id <> ${current.id} AND ${condition}
        ORDER BY ${order === "asc" ? Prisma.raw("position, id") : Prisma.raw("position DESC, id DESC")} LIMIT 1`);
      return row ? placed(row) : null;
    }
    function* bounds(): Step<[number | null, number | null]> {
      if (data.afterKey != null) {
        const a = yield* neighbour(data.afterKey, "afterKey");
        const next = yield* edge(Prisma.sql`(position > ${a.position} OR (position = ${a.position} AND id > ${a.id}))`, "asc");
        if (data.beforeKey != null) {
          const b = yield* neighbour(data.beforeKey, "beforeKey");
          if (next?.id !== b.id) {
            throw new AppError("conflict", "The neighbours are no longer adjacent: the board changed. Reload and try again.");
          }
        }
        return [a.position, next?.position ?? null];
      }
      if (data.beforeKey != null) {
        const b = yield* neighbour(data.beforeKey, "beforeKey");
        const prev = yield* edge(Prisma.sql`(position < ${b.position} OR (position = ${b.position} AND id < ${b.id}))`, "desc");
        return [prev?.position ?? null, b.position];
      }
      const last = yield* edge(Prisma.sql`1 = 1`, "desc");
      return [last?.position ?? null, null];
    }
    let position = positionBetween(...(yield* bounds()));
    if (position === null) {
      yield* renumberList(engine, "cards", data.columnId);
      position = positionBetween(...(yield* bounds())) as number;
    }
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
