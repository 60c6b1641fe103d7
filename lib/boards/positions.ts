// Fractional positions: a new item goes to the midpoint of its neighbours, or a step beyond the
// last/first. When the gap gets too small to halve, the list is renumbered (STEP, 2·STEP, …) in the
// same transaction. Lists are ordered by (position, id), so equal positions still sort the same way.
import { Prisma, type Tx } from "../db/client.ts";
import { exec, inPrisma, type Step } from "../db/direct.ts";
import type { Engine } from "../db/engine.ts";

export const STEP = 1024;
/** Below this gap a midpoint would lose precision within a few more halvings. */
export const MIN_GAP = 1e-6;

/** The position between two neighbours (null = no neighbour on that side), or null if there is no room. */
export function positionBetween(before: number | null, after: number | null): number | null {
  if (before === null && after === null) return STEP;
  if (before === null) return (after as number) - STEP;
  if (after === null) return before + STEP;
  if (after - before < MIN_GAP) return null;
  return before + (after - before) / 2;
}

const LISTS = {
  cards: { table: "cards", scope: "column_id", column: "position" },
  columns: { table: "columns", scope: "project_id", column: "position" },
  card_checklist_items: { table: "card_checklist_items", scope: "card_id", column: "position" },
  /** A scrum project's backlog order: one rank per card, project-wide. */
  backlog: { table: "cards", scope: "project_id", column: "backlog_rank" },
} as const;
export type PositionedList = keyof typeof LISTS;

/** Renumbers one list to STEP, 2·STEP, … in its current (position, id) order, in one statement. */
export function* renumberList(engine: Engine, list: PositionedList, scopeId: number): Step<number> {
  const { table, scope, column } = LISTS[list];
  const ranked = `SELECT id, ROW_NUMBER() OVER (ORDER BY ${column}, id) AS rn FROM ${table} WHERE ${scope} = ${Number(scopeId)}`;
  return yield* exec(
    Prisma.raw(
      engine === "mysql"
        ? `UPDATE ${table} t JOIN (${ranked}) r ON t.id = r.id SET t.${column} = r.rn * ${STEP}`
        : `UPDATE ${table} SET ${column} = r.rn * ${STEP} FROM (${ranked}) AS r WHERE ${table}.id = r.id`,
    ),
  );
}

/** `renumberList` inside a Prisma transaction. */
export async function renumber(tx: Tx, engine: Engine, table: PositionedList, scopeId: number): Promise<void> {
  await inPrisma(tx, () => renumberList(engine, table, scopeId));
}
