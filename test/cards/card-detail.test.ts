// The card detail through its REST routes on every configured engine: history of every editable
// field, reference symmetry, checklist order and progress, comments (own only), stale versions,
// viewers, archived projects, bad input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as checklistMove } from "../../app/api/v1/projects/[slug]/cards/[key]/checklist/[id]/move/route.ts";
import {
  DELETE as checklistDelete,
  PATCH as checklistPatch,
} from "../../app/api/v1/projects/[slug]/cards/[key]/checklist/[id]/route.ts";
import { GET as checklistGet, POST as checklistPost } from "../../app/api/v1/projects/[slug]/cards/[key]/checklist/route.ts";
import {
  DELETE as commentDelete,
  PATCH as commentPatch,
} from "../../app/api/v1/projects/[slug]/cards/[key]/comments/[id]/route.ts";
import { POST as commentPost, GET as commentsGet } from "../../app/api/v1/projects/[slug]/cards/[key]/comments/route.ts";
import { GET as historyGet } from "../../app/api/v1/projects/[slug]/cards/[key]/history/route.ts";
import {
  DELETE as refDelete,
  GET as refGet,
  POST as refPost,
} from "../../app/api/v1/projects/[slug]/cards/[key]/references/route.ts";
import { POST as restorePost } from "../../app/api/v1/projects/[slug]/cards/[key]/restore/route.ts";
import { DELETE as cardDelete, GET as cardGet, PATCH as cardPatch } from "../../app/api/v1/projects/[slug]/cards/[key]/route.ts";
import { DELETE as labelDelete, PATCH as labelPatch } from "../../app/api/v1/projects/[slug]/labels/[id]/route.ts";
import { POST as labelPost, GET as labelsGet } from "../../app/api/v1/projects/[slug]/labels/route.ts";
import { listDeletedCards } from "../../lib/boards/card-detail.ts";
import { createCard } from "../../lib/boards/cards.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getDb } from "../../lib/db/client.ts";
import { call, freshWorld, type Person, person, rowCounts } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

describe.each(availableEngines())("card detail on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Person;
  let member: Person;
  let viewer: Person;
  let outsider: Person;
  const slug = "detail";
  let projectId: number;

  const patch = (who: Person, key: string, body: unknown) =>
    call(cardPatch, { method: "PATCH", key: who.key, params: { slug, key }, body });
  const history = async (key: string) =>
    (await call(historyGet, { key: owner.key, params: { slug, key } })).json as {
      field: string;
      oldValue: string | null;
      newValue: string | null;
      user: { username: string } | null;
    }[];

  beforeAll(async () => {
    world = await freshWorld(engine);
    owner = await person("owner");
    member = await person("member");
    viewer = await person("viewer");
    outsider = await person("outsider");
    // Scrum: story points are among the editable fields (kanban projects refuse them).
    const project = await createProject(owner.actor, { name: "Detail", key: "DET", slug, type: "scrum" });
    projectId = project.id;
    await getDb().projectMember.createMany({
      data: [
        { projectId, userId: member.id, role: "member" },
        { projectId, userId: viewer.id, role: "viewer" },
      ],
    });
    for (const title of ["one", "two", "three", "four"]) await createCard(owner.actor, slug, { title });
  });
  afterAll(async () => world?.close());

  it("records every editable field with its old and new value", async () => {
    const start = (await call(cardGet, { key: owner.key, params: { slug, key: "DET-1" } })).json;
    const edits: [Record<string, unknown>, string, string | null, string | null][] = [
      [{ title: "One, renamed" }, "title", "one", "One, renamed"],
      [{ description: "Some *text*" }, "description", null, "Some *text*"],
      [{ priority: "high" }, "priority", "medium", "high"],
      [{ type: "bug" }, "type", "task", "bug"],
      [{ dueDate: "2027-01-31" }, "dueDate", null, "2027-01-31"],
      [{ estimateHours: 2.5 }, "estimateHours", "0", "2.5"],
      [{ storyPoints: 5 }, "storyPoints", "0", "5"],
      [{ assignees: ["member", "owner"] }, "assignees", null, "member, owner"],
      [{ assignees: ["member"] }, "assignees", "member, owner", "member"],
      [{ labels: ["ui", "bug"] }, "labels", null, "bug, ui"],
      [{ labels: [] }, "labels", "bug, ui", null],
      [{ parentKey: "DET-2" }, "parent", null, "DET-2"],
      [{ parentKey: null }, "parent", "DET-2", null],
      [{ dueDate: null }, "dueDate", "2027-01-31", null],
    ];
    let version = start.version;
    for (const [body, field, oldValue, newValue] of edits) {
      const res = await patch(member, "DET-1", { ...body, version });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      expect(res.json.version).toBe(version + 1);
      version = res.json.version;
      const [latest] = await history("DET-1");
      expect(latest).toMatchObject({ field, oldValue, newValue, user: { username: "member" } });
    }
    // An edit that changes nothing writes no history.
    const before = (await history("DET-1")).length;
    await patch(member, "DET-1", { title: "One, renamed", assignees: ["member"] });
    expect((await history("DET-1")).length).toBe(before);
  });

  it("answers 409 with the newer card on a stale version and changes nothing", async () => {
    const card = (await call(cardGet, { key: owner.key, params: { slug, key: "DET-2" } })).json;
    expect((await patch(owner, "DET-2", { title: "first", version: card.version })).status).toBe(200);
    const counts = await rowCounts();
    const stale = await patch(member, "DET-2", { title: "second", version: card.version });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("conflict");
    expect(stale.json.error.details.current).toMatchObject({ key: "DET-2", title: "first", version: card.version + 1 });
    expect(await rowCounts()).toEqual(counts);
  });

  it("keeps references symmetric, without duplicates or self-references", async () => {
    const add = (key: string, body: unknown) => call(refPost, { key: member.key, params: { slug, key }, body });
    const refs = async (key: string) =>
      ((await call(refGet, { key: owner.key, params: { slug, key } })).json as { type: string; key: string }[]).map(
        (r) => `${r.type} ${r.key}`,
      );
    expect((await add("DET-1", { type: "blocks", key: "DET-2" })).status).toBe(201);
    expect((await add("DET-3", { type: "relates_to", key: "DET-1" })).status).toBe(201);
    expect((await add("DET-4", { type: "is_blocked_by", key: "DET-1" })).status).toBe(201);
    expect(await refs("DET-1")).toEqual(["blocks DET-2", "blocks DET-4", "relates_to DET-3"]);
    expect(await refs("DET-2")).toEqual(["is_blocked_by DET-1"]);
    expect(await refs("DET-3")).toEqual(["relates_to DET-1"]);
    expect(await refs("DET-4")).toEqual(["is_blocked_by DET-1"]);
    const counts = await rowCounts();
    const refCount = await getDb().cardReference.count();
    // The same reference again, from either side: 409.
    expect((await add("DET-1", { type: "blocks", key: "DET-2" })).status).toBe(409);
    expect((await add("DET-2", { type: "is_blocked_by", key: "DET-1" })).status).toBe(409);
    expect((await add("DET-1", { type: "relates_to", key: "DET-3" })).status).toBe(409);
    // Itself, unknown cards and types: 400.
    expect((await add("DET-1", { type: "blocks", key: "DET-1" })).status).toBe(400);
    expect((await add("DET-1", { type: "blocks", key: "1" })).status).toBe(400);
    expect((await add("DET-1", { type: "blocks", key: "DET-99" })).status).toBe(400);
    expect((await add("DET-1", { type: "duplicates", key: "DET-2" })).status).toBe(400);
    expect(await getDb().cardReference.count()).toBe(refCount);
    expect(await rowCounts()).toEqual(counts);
    // Deleting from the other side removes both.
    const removed = await call(refDelete, {
      method: "DELETE",
      key: member.key,
      params: { slug, key: "DET-2" },
      body: { type: "is_blocked_by", key: "DET-1" },
    });
    expect(removed.status).toBe(200);
    expect(await refs("DET-1")).toEqual(["blocks DET-4", "relates_to DET-3"]);
    expect(await refs("DET-2")).toEqual([]);
    const viaQuery = await call(refDelete, {
      method: "DELETE",
      key: member.key,
      params: { slug, key: "DET-1" },
      path: "/api/v1/projects/detail/cards/DET-1/references?type=relates_to&key=DET-3",
    });
    expect(viaQuery.status).toBe(200);
    expect(await refs("DET-3")).toEqual([]);
    const again = await call(refDelete, {
      method: "DELETE",
      key: member.key,
      params: { slug, key: "DET-2" },
      body: { type: "is_blocked_by", key: "DET-1" },
    });
    expect(again.status).toBe(404);
    expect(await getDb().cardReference.count()).toBe(2);
    expect((await history("DET-2")).slice(0, 2).map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
      ["reference_is_blocked_by", "DET-1", null],
      ["reference_is_blocked_by", null, "DET-1"],
    ]);
  });

  it("keeps the checklist in order and counts progress", async () => {
    const add = (text: string) => call(checklistPost, { key: member.key, params: { slug, key: "DET-3" }, body: { text } });
    const ids: number[] = [];
    for (const text of ["a", "b", "c", "d", "e"]) {
      const res = await add(text);
      expect(res.status).toBe(201);
      ids.push(res.json.id);
    }
    const texts = async () =>
      (await call(checklistGet, { key: viewer.key, params: { slug, key: "DET-3" } })).json as {
        items: { text: string }[];
        done: number;
        total: number;
      };
    const move = (id: number, body: unknown) =>
      call(checklistMove, { key: member.key, params: { slug, key: "DET-3", id: String(id) }, body });
    expect((await move(ids[4], { beforeId: ids[0] })).status).toBe(200);
    expect((await move(ids[0], { afterId: ids[2] })).status).toBe(200);
    expect((await texts()).items.map((i) => i.text)).toEqual(["e", "b", "c", "a", "d"]);
    // Many moves into the same gap force a renumbering; the order stays right.
    for (let i = 0; i < 60; i++) await move(i % 2 ? ids[1] : ids[3], { afterId: ids[4] });
    expect((await texts()).items.map((i) => i.text)).toEqual(["e", "b", "d", "c", "a"]);
    for (const id of [ids[1], ids[2], ids[4]]) {
      const res = await call(checklistPatch, {
        method: "PATCH",
        key: member.key,
        params: { slug, key: "DET-3", id: String(id) },
        body: { done: true },
      });
      expect(res.status).toBe(200);
    }
    expect(await texts()).toMatchObject({ done: 3, total: 5 });
    const card = await call(cardGet, { key: owner.key, params: { slug, key: "DET-3" }, path: "/x?detail=1" });
    expect(card.json.card.checklist).toEqual({ done: 3, total: 5 });
    expect(card.json.checklistItems.map((i: { text: string }) => i.text)).toEqual(["e", "b", "d", "c", "a"]);
    const renamed = await call(checklistPatch, {
      method: "PATCH",
      key: member.key,
      params: { slug, key: "DET-3", id: String(ids[0]) },
      body: { text: "A!" },
    });
    expect(renamed.json).toMatchObject({ text: "A!", done: false });
    const del = await call(checklistDelete, {
      method: "DELETE",
      key: member.key,
      params: { slug, key: "DET-3", id: String(ids[2]) },
    });
    expect(del.status).toBe(200);
    expect(await texts()).toMatchObject({ done: 2, total: 4 });
    await world.flush();
    const event = world.events.filter((e) => e.type === "checklist.updated").at(-1);
    expect(event?.data).toMatchObject({ key: "DET-3", checklist: { done: 2, total: 4 } });
    // Items of another card are not found through this one; bad neighbours are 400.
    expect((await move(ids[0], { afterId: ids[0] })).status).toBe(400);
    expect((await move(ids[0], { afterId: 999999 })).status).toBe(400);
    expect((await move(ids[0], {})).status).toBe(400);
    const other = await call(checklistPatch, {
      method: "PATCH",
      key: member.key,
      params: { slug, key: "DET-4", id: String(ids[0]) },
      body: { done: true },
    });
    expect(other.status).toBe(404);
  });

  it("lists children with progress and the parent", async () => {
    const columns = await getDb().column.findMany({ where: { projectId }, orderBy: { position: "asc" } });
    const done = columns.at(-1)?.id as number;
    const a = await createCard(member.actor, slug, { title: "child a", parentKey: "DET-4" });
    await createCard(member.actor, slug, { title: "child b", parentKey: "DET-4", columnId: done });
    const detail = (await call(cardGet, { key: viewer.key, params: { slug, key: "DET-4" }, path: "/x?detail" })).json;
    expect(detail.childProgress).toEqual({ done: 1, total: 2 });
    expect(detail.children.map((c: { title: string; done: boolean }) => [c.title, c.done])).toEqual([
      ["child a", false],
      ["child b", true],
    ]);
    const child = (await call(cardGet, { key: viewer.key, params: { slug, key: a.key }, path: "/x?detail" })).json;
    expect(child.parent).toEqual({ key: "DET-4", title: "four" });
    expect(child.canEdit).toBe(false);
    expect((await call(cardGet, { key: member.key, params: { slug, key: a.key }, path: "/x?detail" })).json.canEdit).toBe(true);
  });

  it("lets authors edit and delete only their own comments, soft", async () => {
    const post = (who: Person, body: string) =>
      call(commentPost, { key: who.key, params: { slug, key: "DET-2" }, body: { body } });
    const mine = await post(member, "first");
    const theirs = await post(owner, "second");
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    const edit = (who: Person, id: number, body: unknown) =>
      call(commentPatch, { method: "PATCH", key: who.key, params: { slug, key: "DET-2", id: String(id) }, body });
    const remove = (who: Person, id: number, key = "DET-2") =>
      call(commentDelete, { method: "DELETE", key: who.key, params: { slug, key, id: String(id) } });
    expect((await edit(member, mine.json.id, { body: "first, edited" })).json).toMatchObject({ body: "first, edited" });
    expect((await edit(member, theirs.json.id, { body: "hijack" })).status).toBe(403);
    expect((await remove(member, theirs.json.id)).status).toBe(403);
    expect((await edit(outsider, mine.json.id, { body: "x" })).status).toBe(404);
    expect((await remove(outsider, mine.json.id)).status).toBe(404);
    expect((await remove(member, mine.json.id, "DET-1")).status).toBe(404);
    expect((await edit(member, mine.json.id, { body: "" })).status).toBe(400);
    expect((await remove(member, mine.json.id)).json).toMatchObject({ deleted: true, body: null });
    expect((await remove(member, mine.json.id)).status).toBe(404);
    expect((await edit(member, mine.json.id, { body: "zombie" })).status).toBe(404);
    const list = (await call(commentsGet, { key: viewer.key, params: { slug, key: "DET-2" } })).json;
    expect(list.map((c: { body: string | null; deleted: boolean }) => [c.body, c.deleted])).toEqual([
      [null, true],
      ["second", false],
    ]);
    expect((await call(cardGet, { key: owner.key, params: { slug, key: "DET-2" } })).json.commentCount).toBe(1);
  });

  it("manages project labels", async () => {
    const created = await call(labelPost, { key: member.key, params: { slug }, body: { name: "backend", color: "#112233" } });
    expect(created.status).toBe(201);
    expect((await call(labelPost, { key: member.key, params: { slug }, body: { name: "backend" } })).status).toBe(409);
    expect((await call(labelPost, { key: member.key, params: { slug }, body: { name: "x", color: "red" } })).status).toBe(400);
    const id = String(created.json.id);
    const renamed = await call(labelPatch, {
      method: "PATCH",
      key: member.key,
      params: { slug, id },
      body: { name: "server", color: "#445566" },
    });
    expect(renamed.json).toMatchObject({ name: "server", color: "#445566" });
    await patch(member, "DET-2", { labels: ["server"] });
    expect((await call(labelsGet, { key: viewer.key, params: { slug } })).json.map((l: { name: string }) => l.name)).toContain(
      "server",
    );
    expect((await call(labelDelete, { method: "DELETE", key: member.key, params: { slug, id } })).status).toBe(200);
    expect((await call(cardGet, { key: owner.key, params: { slug, key: "DET-2" } })).json.labels).toEqual([]);
    expect((await call(labelDelete, { method: "DELETE", key: member.key, params: { slug, id } })).status).toBe(404);
  });

  it("deletes softly and restores", async () => {
    expect((await call(cardDelete, { method: "DELETE", key: member.key, params: { slug, key: "DET-4" } })).status).toBe(200);
    expect((await call(cardGet, { key: owner.key, params: { slug, key: "DET-4" } })).status).toBe(404);
    const detail = (await call(cardGet, { key: owner.key, params: { slug, key: "DET-4" }, path: "/x?detail" })).json;
    expect(detail.card.deletedAt).not.toBeNull();
    expect((await listDeletedCards(viewer.actor, slug)).map((c) => c.key)).toEqual(["DET-4"]);
    expect((await call(restorePost, { key: viewer.key, params: { slug, key: "DET-4" } })).status).toBe(403);
    const restored = await call(restorePost, { key: member.key, params: { slug, key: "DET-4" } });
    expect(restored.status).toBe(200);
    expect(restored.json).toMatchObject({ key: "DET-4", title: "four" });
    expect((await call(restorePost, { key: member.key, params: { slug, key: "DET-4" } })).status).toBe(409);
    expect((await listDeletedCards(viewer.actor, slug)).length).toBe(0);
    expect((await history("DET-4")).slice(0, 2).map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
      ["deleted", "true", "false"],
      ["deleted", null, "true"],
    ]);
  });

  /** Every write of the card detail, as a given person. */
  const writes = async (who: Person) => {
    const item = await getDb().cardChecklistItem.findFirstOrThrow({ select: { id: true } });
    const comment = await getDb().cardComment.findFirstOrThrow({ where: { deletedAt: null }, select: { id: true } });
    const label = await getDb().label.findFirstOrThrow({ select: { id: true } });
    const p = (key: string, id = 0) => ({ slug, key, id: String(id) });
    return [
      await call(cardPatch, { method: "PATCH", key: who.key, params: p("DET-1"), body: { title: "nope" } }),
      await call(cardDelete, { method: "DELETE", key: who.key, params: p("DET-1") }),
      await call(restorePost, { key: who.key, params: p("DET-1") }),
      await call(checklistPost, { key: who.key, params: p("DET-3"), body: { text: "nope" } }),
      await call(checklistPatch, { method: "PATCH", key: who.key, params: p("DET-3", item.id), body: { done: true } }),
      await call(checklistDelete, { method: "DELETE", key: who.key, params: p("DET-3", item.id) }),
      await call(checklistMove, { key: who.key, params: p("DET-3", item.id), body: { afterId: item.id } }),
      await call(commentPost, { key: who.key, params: p("DET-2"), body: { body: "nope" } }),
      await call(commentPatch, { method: "PATCH", key: who.key, params: p("DET-2", comment.id), body: { body: "nope" } }),
      await call(commentDelete, { method: "DELETE", key: who.key, params: p("DET-2", comment.id) }),
      await call(refPost, { key: who.key, params: p("DET-2"), body: { type: "blocks", key: "DET-3" } }),
      await call(refDelete, { method: "DELETE", key: who.key, params: p("DET-1"), body: { type: "blocks", key: "DET-4" } }),
      await call(labelPost, { key: who.key, params: { slug }, body: { name: "nope" } }),
      await call(labelPatch, { method: "PATCH", key: who.key, params: { slug, id: String(label.id) }, body: { name: "n" } }),
      await call(labelDelete, { method: "DELETE", key: who.key, params: { slug, id: String(label.id) } }),
    ];
  };

  it("refuses every write of a viewer with 403 and of an outsider with 404, changing nothing", async () => {
    await call(labelPost, { key: member.key, params: { slug }, body: { name: "keep" } });
    const counts = await rowCounts();
    const refs = await getDb().cardReference.count();
    const items = await getDb().cardChecklistItem.findMany({ orderBy: { id: "asc" } });
    const asViewer = await writes(viewer);
    expect(asViewer.map((r) => r.status)).toEqual(asViewer.map(() => 403));
    const asOutsider = await writes(outsider);
    expect(asOutsider.map((r) => r.status)).toEqual(asOutsider.map(() => 404));
    expect(await rowCounts()).toEqual(counts);
    expect(await getDb().cardReference.count()).toBe(refs);
    expect(await getDb().cardChecklistItem.findMany({ orderBy: { id: "asc" } })).toEqual(items);
    const detail = (await call(cardGet, { key: viewer.key, params: { slug, key: "DET-1" }, path: "/x?detail" })).json;
    expect(detail.canEdit).toBe(false);
  });

  it("refuses bad input with 4xx and changes nothing", async () => {
    const counts = await rowCounts();
    const item = await getDb().cardChecklistItem.findFirstOrThrow({ select: { id: true } });
    const bad = [
      await patch(member, "DET-1", { title: "" }),
      await patch(member, "DET-1", { priority: "urgent" }),
      await patch(member, "DET-1", { dueDate: "2027-02-30x" }),
      await patch(member, "DET-1", { estimateHours: -1 }),
      await patch(member, "DET-1", { assignees: ["outsider"] }),
      await patch(member, "DET-1", { parentKey: "DET-1" }),
      await patch(member, "DET-1", { bogus: 1 }),
      await call(checklistPost, { key: member.key, params: { slug, key: "DET-3" }, body: { text: " " } }),
      await call(checklistPost, {
        key: member.key,
        params: { slug, key: "DET-3" },
        rawBody: "{",
        contentType: "application/json",
      }),
      await call(checklistPatch, {
        method: "PATCH",
        key: member.key,
        params: { slug, key: "DET-3", id: String(item.id) },
        body: { done: "yes" },
      }),
      await call(checklistPatch, {
        method: "PATCH",
        key: member.key,
        params: { slug, key: "DET-3", id: "abc" },
        body: { done: true },
      }),
      await call(commentPost, { key: member.key, params: { slug, key: "DET-2" }, body: { body: "" } }),
      await call(refPost, { key: member.key, params: { slug, key: "DET-2" }, body: {} }),
      await call(labelPost, { key: member.key, params: { slug }, body: { name: "x".repeat(65) } }),
      await call(checklistPost, { key: member.key, params: { slug, key: "DET-999" }, body: { text: "x" } }),
    ];
    for (const r of bad) {
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.json.error.code).toBeTruthy();
    }
    expect(await rowCounts()).toEqual(counts);
  });

  it("refuses writes in an archived project (409) but still reads", async () => {
    await getDb().project.update({ where: { id: projectId }, data: { isArchived: true } });
    const counts = await rowCounts();
    const res = await writes(owner);
    expect(res.map((r) => r.status)).toEqual(res.map(() => 409));
    expect(await rowCounts()).toEqual(counts);
    expect((await call(historyGet, { key: viewer.key, params: { slug, key: "DET-1" } })).status).toBe(200);
    const detail = (await call(cardGet, { key: owner.key, params: { slug, key: "DET-1" }, path: "/x?detail" })).json;
    expect(detail.canEdit).toBe(false);
    await getDb().project.update({ where: { id: projectId }, data: { isArchived: false } });
  });
});
