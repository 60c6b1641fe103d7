// Column management through the REST routes on every engine: rename, colour, WIP limit, moves
// (order stays correct), delete with and without a target, archiving a column's cards, and bad
// input that must change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as boardGet } from "../../app/api/v1/projects/[slug]/board/route.ts";
import { POST as cardPost } from "../../app/api/v1/projects/[slug]/cards/route.ts";
import { POST as archiveCardsPost } from "../../app/api/v1/projects/[slug]/columns/[id]/archive-cards/route.ts";
import { POST as columnMovePost } from "../../app/api/v1/projects/[slug]/columns/[id]/move/route.ts";
import { DELETE as columnDelete, PATCH as columnPatch } from "../../app/api/v1/projects/[slug]/columns/[id]/route.ts";
import { POST as columnPost } from "../../app/api/v1/projects/[slug]/columns/route.ts";
import { POST as membersPost } from "../../app/api/v1/projects/[slug]/members/route.ts";
import { POST as projectsPost } from "../../app/api/v1/projects/route.ts";
import { getDb } from "../../lib/db/client.ts";
import { call, freshWorld, type Person, person, rowCounts } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

type Col = { id: number; name: string; position: number; wipLimit: number; color: string | null; cards: { key: string }[] };

describe.each(availableEngines())("columns on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Person;
  let viewer: Person;
  let outsider: Person;
  const slug = "cols";

  const board = async (): Promise<Col[]> => (await call(boardGet, { key: owner.key, params: { slug } })).json.columns;
  const names = async () => (await board()).map((c) => c.name);
  const move = (id: number, body: unknown, key = owner.key) =>
    call(columnMovePost, { key, params: { slug, id: String(id) }, body });

  beforeAll(async () => {
    world = await freshWorld(engine);
    owner = await person("colowner");
    viewer = await person("colviewer");
    outsider = await person("coloutsider");
    expect((await call(projectsPost, { key: owner.key, body: { name: "Cols", key: "COL", slug } })).status).toBe(201);
    expect(
      (await call(membersPost, { key: owner.key, params: { slug }, body: { username: "colviewer", role: "viewer" } })).status,
    ).toBe(201);
  });
  afterAll(async () => world?.close());

  it("renames, recolours and sets the WIP limit", async () => {
    const [todo] = await board();
    const res = await call(columnPatch, {
      method: "PATCH",
      key: owner.key,
      params: { slug, id: String(todo.id) },
      body: { name: "Backlog", color: "#16a34a", wipLimit: 3 },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: todo.id, name: "Backlog", color: "#16a34a", wipLimit: 3 });
    await world.flush();
    expect(world.events.at(-1)).toMatchObject({ type: "column.updated", data: { id: todo.id, name: "Backlog" } });
    const cleared = await call(columnPatch, {
      method: "PATCH",
      key: owner.key,
      params: { slug, id: String(todo.id) },
      body: { color: null, wipLimit: 0 },
    });
    expect(cleared.json).toMatchObject({ name: "Backlog", color: null, wipLimit: 0 });
    expect((await board())[0]).toMatchObject({ name: "Backlog", color: null, wipLimit: 0 });
  });

  it("moves columns between neighbours and keeps the order", async () => {
    let cols = await board();
    expect(cols.map((c) => c.name)).toEqual(["Backlog", "In progress", "Done"]);
    const [backlog, progress, done] = cols;
    // Done to the start.
    expect((await move(done.id, { afterColumnId: null })).status).toBe(200);
    expect(await names()).toEqual(["Done", "Backlog", "In progress"]);
    // Done between Backlog and In progress, with both neighbours given.
    expect((await move(done.id, { afterColumnId: backlog.id, beforeColumnId: progress.id })).status).toBe(200);
    expect(await names()).toEqual(["Backlog", "Done", "In progress"]);
    // Backlog to the end.
    const moved = await move(backlog.id, {});
    expect(moved.status).toBe(200);
    await world.flush();
    expect(world.events.at(-1)).toMatchObject({ type: "column.moved", data: { id: backlog.id } });
    expect(await names()).toEqual(["Done", "In progress", "Backlog"]);
    // Before a neighbour.
    expect((await move(backlog.id, { beforeColumnId: done.id })).status).toBe(200);
    expect(await names()).toEqual(["Backlog", "Done", "In progress"]);
    // Many moves into the same gap force a renumbering; the order stays right and distinct.
    await call(columnPost, { key: owner.key, params: { slug }, body: { name: "Review" } });
    // The third column always goes between the first two: the gap halves each time until the
    // list is renumbered in the same transaction.
    for (let i = 0; i < 60; i++) {
      cols = await board();
      const res = await move(cols[2].id, { afterColumnId: cols[0].id, beforeColumnId: cols[1].id });
      expect(res.status).toBe(200);
    }
    cols = await board();
    const positions = cols.map((c) => c.position);
    expect(new Set(positions).size).toBe(positions.length);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    expect(cols.map((c) => c.name).sort()).toEqual(["Backlog", "Done", "In progress", "Review"]);
  });

  it("refuses stale neighbours, unknown columns and bad bodies without changing anything", async () => {
    const cols = await board();
    const before = await rowCounts();
    const positions = cols.map((c) => c.position);
    // Not adjacent any more.
    expect((await move(cols[0].id, { afterColumnId: cols[1].id, beforeColumnId: cols[3].id })).status).toBe(409);
    expect((await move(cols[0].id, { afterColumnId: cols[0].id })).status).toBe(400);
    expect((await move(cols[0].id, { afterColumnId: 999999 })).status).toBe(400);
    expect((await move(cols[0].id, { afterColumnId: "x" })).status).toBe(400);
    expect((await move(cols[0].id, { position: 5 })).status).toBe(400);
    expect((await move(999999, {})).status).toBe(404);
    expect((await call(columnMovePost, { key: owner.key, params: { slug, id: "abc" }, body: {} })).status).toBe(404);
    expect((await call(columnMovePost, { key: owner.key, params: { slug, id: "99999999999" }, body: {} })).status).toBe(404);
    const patch = (body: unknown, id = cols[0].id) =>
      call(columnPatch, { method: "PATCH", key: owner.key, params: { slug, id: String(id) }, body });
    expect((await patch({})).status).toBe(400);
    expect((await patch({ name: "  " })).status).toBe(400);
    expect((await patch({ color: "red" })).status).toBe(400);
    expect((await patch({ wipLimit: -1 })).status).toBe(400);
    expect((await patch({ wipLimit: 1.5 })).status).toBe(400);
    expect((await patch({ position: 1 })).status).toBe(400);
    expect((await patch({ name: "x" }, 999999)).status).toBe(404);
    // Viewers read but may not change; outsiders do not see the project.
    expect((await move(cols[0].id, {}, viewer.key)).status).toBe(403);
    expect((await move(cols[0].id, {}, outsider.key)).status).toBe(404);
    expect(
      (
        await call(columnPatch, {
          method: "PATCH",
          key: viewer.key,
          params: { slug, id: String(cols[0].id) },
          body: { name: "v" },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(columnDelete, { method: "DELETE", key: viewer.key, params: { slug, id: String(cols[0].id) } })).status,
    ).toBe(403);
    expect(
      (await call(archiveCardsPost, { method: "POST", key: viewer.key, params: { slug, id: String(cols[0].id) } })).status,
    ).toBe(403);
    expect(await rowCounts()).toEqual(before);
    expect((await board()).map((c) => c.position)).toEqual(positions);
  });

  it("deletes a column: refused with cards and no target, moves cards to a target with history", async () => {
    const cols = await board();
    const [from, to] = cols;
    const keys: string[] = [];
    for (const title of ["one", "two"]) {
      keys.push((await call(cardPost, { key: owner.key, params: { slug }, body: { title, columnId: from.id } })).json.key);
    }
    await call(cardPost, { key: owner.key, params: { slug }, body: { title: "already there", columnId: to.id } });
    const del = (query: string, id = from.id) =>
      call(columnDelete, { method: "DELETE", key: owner.key, params: { slug, id: String(id) }, path: `/api/v1/x${query}` });
    const before = await rowCounts();
    const refused = await del("");
    expect(refused.status).toBe(409);
    expect((await del(`?moveCardsTo=${from.id}`)).status).toBe(400);
    expect((await del("?moveCardsTo=999999")).status).toBe(400);
    expect((await del("?moveCardsTo=abc")).status).toBe(400);
    expect(await rowCounts()).toEqual(before);

    const ok = await del(`?moveCardsTo=${to.id}`);
    expect(ok.status).toBe(204);
    expect(ok.json).toBeNull();
    await world.flush();
    const event = world.events.at(-1);
    expect(event?.type).toBe("column.deleted");
    expect(event?.data).toMatchObject({ id: from.id, movedCardsTo: to.id });
    const after = await board();
    expect(after.map((c) => c.id)).not.toContain(from.id);
    const target = after.find((c) => c.id === to.id) as Col;
    expect(target.cards.map((c) => c.key)).toEqual(["COL-3", ...keys]);
    const history = await getDb().cardHistory.findMany({
      where: { field: "column", card: { number: { in: [1, 2] } } },
      select: { oldValue: true, newValue: true, userId: true },
    });
    expect(history).toEqual([
      { oldValue: from.name, newValue: to.name, userId: owner.id },
      { oldValue: from.name, newValue: to.name, userId: owner.id },
    ]);
  });

  it("deletes an empty column without a target, but never the last one", async () => {
    let cols = await board();
    const empty = cols.find((c) => c.cards.length === 0) as Col;
    expect((await call(columnDelete, { method: "DELETE", key: owner.key, params: { slug, id: String(empty.id) } })).status).toBe(
      204,
    );
    cols = await board();
    // Empty all the others and delete them down to one.
    for (const c of cols.slice(1)) {
      await call(columnDelete, {
        method: "DELETE",
        key: owner.key,
        params: { slug, id: String(c.id) },
        path: `/api/v1/x?moveCardsTo=${cols[0].id}`,
      });
    }
    cols = await board();
    expect(cols).toHaveLength(1);
    const last = await call(columnDelete, {
      method: "DELETE",
      key: owner.key,
      params: { slug, id: String(cols[0].id) },
      path: `/api/v1/x?moveCardsTo=${cols[0].id}`,
    });
    expect(last.status).toBe(400);
    const archived = await call(archiveCardsPost, { key: owner.key, params: { slug, id: String(cols[0].id) } });
    expect(archived.status).toBe(200);
    expect(archived.json).toEqual({ archived: 3 });
    const lastEmpty = await call(columnDelete, { method: "DELETE", key: owner.key, params: { slug, id: String(cols[0].id) } });
    expect(lastEmpty.status).toBe(409);
  });

  it("archives a column's cards with history rows, and a second time finds nothing", async () => {
    const col = (await call(columnPost, { key: owner.key, params: { slug }, body: { name: "Archive me" } })).json;
    for (const title of ["a", "b"]) await call(cardPost, { key: owner.key, params: { slug }, body: { title, columnId: col.id } });
    const res = await call(archiveCardsPost, { key: owner.key, params: { slug, id: String(col.id) } });
    expect(res).toEqual({ status: 200, json: { archived: 2 } });
    await world.flush();
    expect(world.events.at(-1)).toMatchObject({ type: "column.cards_archived", data: { columnId: col.id } });
    expect((world.events.at(-1)?.data as { cardIds: number[] } | undefined)?.cardIds).toHaveLength(2);
    const rows = await getDb().card.findMany({
      where: { columnId: col.id },
      select: { deletedAt: true, version: true, id: true },
    });
    expect(rows.every((r) => r.deletedAt !== null && r.version === 2)).toBe(true);
    const history = await getDb().cardHistory.count({ where: { cardId: { in: rows.map((r) => r.id) }, field: "deleted" } });
    expect(history).toBe(2);
    expect((await board()).find((c) => c.id === col.id)?.cards).toEqual([]);
    expect((await call(archiveCardsPost, { key: owner.key, params: { slug, id: String(col.id) } })).json).toEqual({
      archived: 0,
    });
    // Soft-deleted cards follow the column's deletion to another column instead of vanishing.
    expect((await call(columnDelete, { method: "DELETE", key: owner.key, params: { slug, id: String(col.id) } })).status).toBe(
      204,
    );
    expect(await getDb().card.count({ where: { id: { in: rows.map((r) => r.id) } } })).toBe(2);
  });
});
