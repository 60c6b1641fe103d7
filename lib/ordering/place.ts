// The one placement of an item in an ordered list (cards of a column, columns of a project, the
// backlog, a card's checklist), as a unit of work (lib/db/direct.ts) that runs on the direct driver
// or inside a Prisma transaction (inPrisma). The request shape is `{ after?, before? }`: the
// neighbours the client saw, never an absolute position.
//
// - `after` given: right after it; with `before` as well, the two must still be adjacent (409 if
//   not); with `before: null`, `after` must still be the last item (409 if not).
// - `before` given: right before it; with `after: null`, `before` must still be the first (409).
// - neither: at the end (or the start when the caller says so); `after: null` alone means "first".
// - a neighbour that is not another item of the list: 400 naming the field the client sent.
//
// Concurrency: the list's parent row (the column, the project, the card) is locked first
// (SELECT … FOR UPDATE on PostgreSQL and MySQL; SQLite has one writer at a time), so two placements
// in one list never read the same neighbours: positions stay unique and ordered. When the gap is
// too small to halve, the list is renumbered (STEP, 2·STEP, …) in the same transaction.
import type { z } from "zod";
import { currentEngine, Prisma, type Tx } from "../db/client.ts";
import { exec, inPrisma, rows, type Step } from "../db/direct.ts";
import type { Engine } from "../db/engine.ts";
import { AppError } from "../errors.ts";
import { positionBetween, STEP } from "./positions.ts";

const LISTS = {
  cards: { table: "cards", scope: "column_id", column: "position", live: true, parent: "columns" },
  columns: { table: "columns", scope: "project_id", column: "position", live: false, parent: "projects" },
  card_checklist_items: { table: "card_checklist_items", scope: "card_id", column: "position", live: false, parent: "cards" },
  /** A scrum project's backlog order: one rank per card, project-wide. */
  backlog: { table: "cards", scope: "project_id", column: "backlog_rank", live: true, parent: "projects" },
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

/**
 * Locks a list for the rest of the transaction: its parent row, FOR UPDATE (PostgreSQL, MySQL).
 * On SQLite the transaction already holds the database's write lock.
 */
export function* lockList(list: PositionedList, scopeId: number): Step<void> {
  if (currentEngine() === "sqlite") return;
  yield* rows(Prisma.raw(`SELECT id FROM ${LISTS[list].parent} WHERE id = ${Number(scopeId)} FOR UPDATE`));
}

/** Where to put an item: the neighbours the client saw, and the field names it sent them under. */
export type Placement<R> = { after?: R | null; before?: R | null; paths?: { after: string; before: string } };

/**
 * The request fields of a placement: `after` and `before`, plus the older names kept as deprecated
 * aliases (the OpenAPI document marks them so). Read them back with `placementOf`.
 */
export function placementFields<R extends z.ZodType, A extends string, B extends string>(
  ref: R,
  aliases: { after: A; before: B },
  noun: string,
) {
  const deprecated = (of: string) =>
    ref.nullish().meta({ deprecated: true, description: `Deprecated alias of \`${of}\` (still accepted).` });
  return {
    after: ref.nullish().describe(`Place it right after this ${noun} (the one that will precede it).`),
    before: ref.nullish().describe(`Place it right before this ${noun} (the one that will follow it).`),
    ...({ [aliases.after]: deprecated("after") } as Record<A, ReturnType<typeof deprecated>>),
    ...({ [aliases.before]: deprecated("before") } as Record<B, ReturnType<typeof deprecated>>),
  };
}

/** The placement in parsed input: `after`/`before`, or their deprecated aliases (not both). */
export function placementOf<R>(data: Record<string, unknown>, aliases: { after: string; before: string }): Placement<R> {
  const paths = { after: "after", before: "before" };
  const out: Placement<R> = { paths };
  for (const side of ["after", "before"] as const) {
    const alias = aliases[side];
    if (data[side] !== undefined && data[alias] !== undefined) {
      throw new AppError("validation", `Send ${side} or ${alias}, not both`, {
        fields: [{ path: alias, message: `deprecated alias of ${side}: send only ${side}` }],
      });
    }
    if (data[alias] !== undefined) {
      out[side] = data[alias] as R | null;
      paths[side] = alias;
    } else if (data[side] !== undefined) out[side] = data[side] as R | null;
  }
  return out;
}

/** One list, as `place` sees it. */
export interface OrderedList<R> {
  list: PositionedList;
  /** The column, project or card whose items these are. */
  scopeId: number;
  /** Membership beyond the scope, as SQL over the alias `c` (the backlog: "in no open sprint"). */
  where?: Prisma.Sql;
  /** The item being moved (never its own neighbour); null for a new item. */
  item: number | null;
  /** A neighbour reference as a SQL condition over the alias `c` (an unreadable one: `1 = 0`). */
  refer: (ref: R) => Prisma.Sql;
  /** What the neighbours are, for messages: "card of the target column". */
  noun: string;
}

const conflict = (message: string) => new AppError("conflict", `${message}: the list changed. Reload and try again.`);

/** Locks the list and answers the position for the item (renumbering the list if the gap ran out). */
export function* place<R>(l: OrderedList<R>, p: Placement<R>, at: "start" | "end" = "end"): Step<number> {
  yield* lockList(l.list, l.scopeId);
  const paths = p.paths ?? { after: "after", before: "before" };
  const { table, scope, column, live } = LISTS[l.list];
  const base = Prisma.join(
    [
      Prisma.sql`c.${Prisma.raw(scope)} = ${l.scopeId}`,
      ...(live ? [Prisma.sql`c.deleted_at IS NULL`] : []),
      ...(l.item !== null ? [Prisma.sql`c.id <> ${l.item}`] : []),
      ...(l.where ? [l.where] : []),
    ],
    " AND ",
  );
  const from = Prisma.raw(`SELECT c.id, c.${column} AS pos FROM ${table} c`);
  type Pos = { id: number; pos: number };
  const read = (found: Record<string, unknown>[]): Pos | null =>
    found[0] ? { id: Number(found[0].id), pos: Number(found[0].pos) } : null;
  function* neighbour(ref: R, path: string): Step<Pos> {
    const found = read(yield* rows(Prisma.sql`${from} WHERE ${base} AND ${l.refer(ref)}`));
    if (!found) {
      throw new AppError("validation", "Invalid neighbour", { fields: [{ path, message: `not another ${l.noun}` }] });
    }
    return found;
  }
  function* edge(condition: Prisma.Sql, order: "asc" | "desc"): Step<Pos | null> {
    const by = Prisma.raw(order === "asc" ? `c.${column}, c.id` : `c.${column} DESC, c.id DESC`);
    return read(yield* rows(Prisma.sql`${from} WHERE ${base} AND ${condition} ORDER BY ${by} LIMIT 1`));
  }
  const col = Prisma.raw(`c.${column}`);
  function* bounds(): Step<[number | null, number | null]> {
    if (p.after != null) {
      const a = yield* neighbour(p.after, paths.after);
      const next = yield* edge(Prisma.sql`(${col} > ${a.pos} OR (${col} = ${a.pos} AND c.id > ${a.id}))`, "asc");
      if (p.before != null) {
        const b = yield* neighbour(p.before, paths.before);
        if (next?.id !== b.id) throw conflict("The neighbours are no longer adjacent");
      } else if (p.before === null && next) {
        throw conflict(`The ${paths.after} item is no longer the last one`);
      }
      return [a.pos, next?.pos ?? null];
    }
    if (p.before != null) {
      const b = yield* neighbour(p.before, paths.before);
      const prev = yield* edge(Prisma.sql`(${col} < ${b.pos} OR (${col} = ${b.pos} AND c.id < ${b.id}))`, "desc");
      if (p.after === null && prev) throw conflict(`The ${paths.before} item is no longer the first one`);
      return [prev?.pos ?? null, b.pos];
    }
    if (at === "start" || (p.after === null && p.before === undefined)) {
      return [null, (yield* edge(Prisma.sql`1 = 1`, "asc"))?.pos ?? null];
    }
    return [(yield* edge(Prisma.sql`1 = 1`, "desc"))?.pos ?? null, null];
  }
  let position = positionBetween(...(yield* bounds()));
  if (position === null) {
    yield* renumberList(currentEngine(), l.list, l.scopeId);
    position = positionBetween(...(yield* bounds())) as number;
  }
  return position;
}

/** `place` inside a Prisma transaction. */
export function placeInPrisma<R>(tx: Tx, l: OrderedList<R>, p: Placement<R>, at: "start" | "end" = "end"): Promise<number> {
  return inPrisma(tx, () => place(l, p, at));
}

/** `lockList` inside a Prisma transaction. */
export function lockListInPrisma(tx: Tx, list: PositionedList, scopeId: number): Promise<void> {
  return inPrisma(tx, () => lockList(list, scopeId));
}

/** A reference to a row by id: anything but a positive 32-bit integer matches nothing. */
export const byId = (ref: number | string): Prisma.Sql => {
  const n = Number(ref);
  return Number.isInteger(n) && n > 0 && n <= 2_147_483_647 ? Prisma.sql`c.id = ${n}` : Prisma.sql`1 = 0`;
};

/** ` FOR UPDATE` where the engine has row locks (a SELECT's suffix); nothing on SQLite. */
export const forUpdate = (): Prisma.Sql => (currentEngine() === "sqlite" ? Prisma.empty : Prisma.sql` FOR UPDATE`);
