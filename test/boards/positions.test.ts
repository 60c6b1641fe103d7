// Fractional positions through the real move path: inserting again and again at one spot keeps a
// strict order (the list is renumbered when the gap runs out), and "between A and B" is exact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBoard } from "../../lib/boards/board.ts";
import { createCard, moveCard } from "../../lib/boards/cards.ts";
import { createColumn } from "../../lib/boards/columns.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getDb } from "../../lib/db/client.ts";
import type { Engine } from "../../lib/db/engine.ts";
import { freshWorld, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

/**
 * A column of `cards` rows (bulk-created with raw positions), then `moves` real moveCard calls that
 * all insert at the same spot (right after the first card). Each move halves the gap there, so the
 * 10,000-row column is renumbered again and again (about every 30 moves). On SQLite these are the
 * issue's 10,000 inserts at one spot (about a minute); the server engines do fewer over the network
 * (POSITION_MOVES overrides the SQLite count).
 */
const SIZE: Record<Engine, { cards: number; moves: number }> = {
  sqlite: { cards: 10_000, moves: Number(process.env.POSITION_MOVES ?? 10_000) },
  postgresql: { cards: 1_000, moves: 150 },
  mysql: { cards: 1_000, moves: 150 },
};

describe.each(availableEngines())("positions on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  beforeAll(async () => {
    world = await freshWorld(engine);
  });
  afterAll(async () => world?.close());

  const { cards: n, moves: m } = SIZE[engine];
  it(`${m} moves into the same spot of a ${n}-card column keep a strict order`, async () => {
    const owner = await person("owner");
    const project = await createProject(owner.actor, { name: "Positions", key: "POS" });
    const target = await createColumn(owner.actor, project.slug, { name: "Target" });
    const a = await createCard(owner.actor, project.slug, { title: "A", columnId: target.id });
    const b = await createCard(owner.actor, project.slug, { title: "B", columnId: target.id });
    expect(b.position).toBeGreaterThan(a.position);
    // Cards 1..n (numbers 3..n+2) below B, in bulk.
    const db = getDb();
    const batch = 1000;
    for (let start = 0; start < n; start += batch) {
      const rows = Array.from({ length: Math.min(batch, n - start) }, (_, i) => {
        const k = start + i + 1;
        return {
          projectId: project.id,
          columnId: target.id,
          number: k + 2,
          title: `card ${k}`,
          position: b.position + k * 1024,
          createdById: owner.id,
        };
      });
      await db.card.createMany({ data: rows });
    }
    await db.project.update({ where: { id: project.id }, data: { cardCounter: n + 2 } });
    const key = (k: number) => `POS-${k + 2}`;

    // Move cards n, n-1, …, n-m+1 (from the bottom), each to right after A.
    let renumbered = 0;
    let previous = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= m; j++) {
      const moved = await moveCard(owner.actor, project.slug, key(n - j + 1), { columnId: target.id, afterKey: a.key });
      expect(moved.key).toBe(key(n - j + 1));
      // Without a renumber each new position lies left of the previous one.
      if (moved.position >= previous) renumbered++;
      previous = moved.position;
    }
    expect(renumbered).toBeGreaterThanOrEqual(Math.floor(m / 40));

    const board = await getBoard(owner.actor, project.slug);
    const column = board.columns.find((c) => c.id === target.id);
    const keys = column?.cards.map((c) => c.key) ?? [];
    const expected = [
      a.key,
      ...Array.from({ length: m }, (_, i) => key(n - m + 1 + i)),
      b.key,
      ...Array.from({ length: n - m }, (_, i) => key(i + 1)),
    ];
    expect(keys.length).toBe(expected.length);
    expect(keys).toEqual(expected);
    const positions = column?.cards.map((c) => c.position) ?? [];
    const notIncreasing = positions.filter((p, i) => i > 0 && !(p > positions[i - 1])).length;
    expect(notIncreasing).toBe(0);
  }, 900_000);
});
