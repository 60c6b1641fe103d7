// Positions stay unique and ordered under concurrency on every engine (issue 22, item 1): 50
// concurrent writers per list (cards of a column, columns, the backlog, a checklist) all succeed,
// no two items share a position, and the order is the one the writers asked for. Card numbers stay
// unique and gap-free under 50 concurrent creators. On PostgreSQL and MySQL two placements used to
// read the same neighbours and write the same position; the list is now locked (lib/ordering/place.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCard, moveCard } from "../../lib/boards/cards.ts";
import { addChecklistItem, moveChecklistItem } from "../../lib/boards/checklist.ts";
import { createColumn, moveColumn } from "../../lib/boards/columns.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getDb } from "../../lib/db/client.ts";
import { placeInBacklog } from "../../lib/scrum/planning.ts";
import { freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

const WRITERS = 50;

/** Every promise settled: the failures' messages (there must be none), and the values. */
async function all<T>(work: Promise<T>[]): Promise<{ failures: string[]; values: T[] }> {
  const settled = await Promise.allSettled(work);
  return {
    failures: settled.flatMap((s) => (s.status === "rejected" ? [String(s.reason).slice(0, 300)] : [])),
    values: settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : [])),
  };
}

/** A list as stored, by (position, id): its positions must be distinct. */
function expectDistinct(list: { position: number }[]) {
  const positions = list.map((i) => i.position);
  expect(new Set(positions).size).toBe(positions.length);
  for (let i = 1; i < positions.length; i++) expect(positions[i]).toBeGreaterThan(positions[i - 1]);
}

describe.each(availableEngines())("concurrent positions on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Person;
  beforeAll(async () => {
    world = await freshWorld(engine);
    owner = await person("owner");
  });
  afterAll(async () => world?.close());

  const columnCards = (columnId: number) =>
    getDb().card.findMany({
      where: { columnId, deletedAt: null },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, number: true, position: true },
    });

  it(`${WRITERS} concurrent creators get numbers 1..${WRITERS} and distinct positions`, async () => {
    const project = await createProject(owner.actor, { name: "Create race", key: "CR" });
    const column = await createColumn(owner.actor, project.slug, { name: "Inbox", afterColumnId: 0 });
    const { failures, values } = await all(
      Array.from({ length: WRITERS }, (_, i) =>
        createCard(owner.actor, project.slug, {
          title: `card ${i}`,
          columnId: column.id,
          placement: i % 2 ? "top" : "bottom",
        }),
      ),
    );
    expect(failures).toEqual([]);
    expect(values.map((c) => c.number).sort((a, b) => a - b)).toEqual(Array.from({ length: WRITERS }, (_, i) => i + 1));
    const stored = await columnCards(column.id);
    expect(stored).toHaveLength(WRITERS);
    expectDistinct(stored);
  });

  it(`${WRITERS} concurrent card moves (and creates) into one column keep positions unique and ordered`, async () => {
    const project = await createProject(owner.actor, { name: "Move race", key: "MR" });
    const source = await createColumn(owner.actor, project.slug, { name: "Source" });
    const target = await createColumn(owner.actor, project.slug, { name: "Target" });
    const anchor = await createCard(owner.actor, project.slug, { title: "anchor", columnId: target.id });
    const tail = await createCard(owner.actor, project.slug, { title: "tail", columnId: target.id });
    const movers = [];
    for (let i = 0; i < WRITERS; i++)
      movers.push(await createCard(owner.actor, project.slug, { title: `m${i}`, columnId: source.id }));
    // Half of them right after the anchor (old and new field names), the other half to the end,
    // while more cards are created at the end of the same column.
    const { failures } = await all([
      ...movers.map((m, i) =>
        moveCard(
          owner.actor,
          project.slug,
          m.key,
          i % 2
            ? { columnId: target.id }
            : i % 4
              ? { columnId: target.id, after: anchor.key }
              : { columnId: target.id, afterKey: anchor.key },
        ),
      ),
      ...Array.from({ length: 10 }, (_, i) => createCard(owner.actor, project.slug, { title: `new ${i}`, columnId: target.id })),
    ]);
    expect(failures).toEqual([]);
    const stored = await columnCards(target.id);
    expect(stored).toHaveLength(WRITERS + 12);
    expectDistinct(stored);
    // The anchor first, then the cards placed right after it, then the tail, then the rest.
    const afterAnchor = new Set(movers.filter((_, i) => i % 2 === 0).map((m) => m.id));
    expect(stored[0].id).toBe(anchor.id);
    expect(new Set(stored.slice(1, 1 + afterAnchor.size).map((c) => c.id))).toEqual(afterAnchor);
    expect(stored[1 + afterAnchor.size].id).toBe(tail.id);
    // Moving between two neighbours that are no longer adjacent is refused, and changes nothing.
    await expect(
      moveCard(owner.actor, project.slug, movers[1].key, { columnId: target.id, after: anchor.key, before: tail.key }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await columnCards(target.id)).toEqual(stored);
  });

  it(`${WRITERS} concurrent column moves keep column positions unique and ordered`, async () => {
    const project = await createProject(owner.actor, { name: "Column race", key: "COL" });
    const first = await createColumn(owner.actor, project.slug, { name: "First", afterColumnId: 0 });
    const columns = [];
    for (let i = 0; i < WRITERS; i++) columns.push(await createColumn(owner.actor, project.slug, { name: `c${i}` }));
    const { failures } = await all(
      columns.map((c, i) =>
        moveColumn(owner.actor, project.slug, c.id, i % 2 ? { after: first.id } : { afterColumnId: first.id }),
      ),
    );
    expect(failures).toEqual([]);
    const stored = await getDb().column.findMany({
      where: { projectId: project.id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, position: true },
    });
    expectDistinct(stored);
    expect(stored[0].id).toBe(first.id);
    expect(new Set(stored.slice(1, 1 + WRITERS).map((c) => c.id))).toEqual(new Set(columns.map((c) => c.id)));
  });

  it(`${WRITERS} concurrent checklist moves and adds keep item positions unique and ordered`, async () => {
    const project = await createProject(owner.actor, { name: "Checklist race", key: "CHK" });
    const card = await createCard(owner.actor, project.slug, { title: "with a checklist" });
    const anchor = await addChecklistItem(owner.actor, project.slug, card.key, { text: "anchor" });
    const items = [];
    for (let i = 0; i < WRITERS; i++) items.push(await addChecklistItem(owner.actor, project.slug, card.key, { text: `i${i}` }));
    const { failures } = await all([
      ...items.map((item, i) =>
        moveChecklistItem(owner.actor, project.slug, card.key, item.id, i % 2 ? { after: anchor.id } : { afterId: anchor.id }),
      ),
      ...Array.from({ length: 10 }, (_, i) => addChecklistItem(owner.actor, project.slug, card.key, { text: `new ${i}` })),
    ]);
    expect(failures).toEqual([]);
    const stored = await getDb().cardChecklistItem.findMany({
      where: { cardId: card.id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, position: true },
    });
    expect(stored).toHaveLength(WRITERS + 11);
    expectDistinct(stored);
    expect(stored[0].id).toBe(anchor.id);
    expect(new Set(stored.slice(1, 1 + WRITERS).map((c) => c.id))).toEqual(new Set(items.map((c) => c.id)));
    // The checklist used to ignore `before` when `after` was given: now stale neighbours are a 409.
    await expect(
      moveChecklistItem(owner.actor, project.slug, card.key, items[0].id, { after: anchor.id, before: stored[5].id }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it(`${WRITERS} concurrent backlog placements keep ranks unique and ordered`, async () => {
    const project = await createProject(owner.actor, { name: "Backlog race", key: "BL", type: "scrum" });
    const anchor = await createCard(owner.actor, project.slug, { title: "anchor" });
    const cards = [];
    for (let i = 0; i < WRITERS; i++) cards.push(await createCard(owner.actor, project.slug, { title: `b${i}` }));
    const { failures } = await all(
      cards.map((c, i) =>
        placeInBacklog(
          owner.actor,
          project.slug,
          i % 2 ? { key: c.key, after: anchor.key } : { key: c.key, afterKey: anchor.key },
        ),
      ),
    );
    expect(failures).toEqual([]);
    const stored = (
      await getDb().card.findMany({
        where: { projectId: project.id, deletedAt: null },
        orderBy: [{ rank: "asc" }, { id: "asc" }],
        select: { id: true, rank: true },
      })
    ).map((c) => ({ id: c.id, position: c.rank }));
    expectDistinct(stored);
    expect(stored[0].id).toBe(anchor.id);
    expect(new Set(stored.slice(1, 1 + WRITERS).map((c) => c.id))).toEqual(new Set(cards.map((c) => c.id)));
  });
});
