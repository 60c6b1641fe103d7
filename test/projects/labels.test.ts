// Project labels as the settings page uses them, on every engine: the list counts the live cards
// carrying each label; members and admins manage them; viewers are refused every write (also
// labels created on the fly from a card), outsiders learn nothing, an archived project refuses all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as archivePost } from "../../app/api/v1/projects/[slug]/archive/route.ts";
import { DELETE as cardDelete, PATCH as cardPatch } from "../../app/api/v1/projects/[slug]/cards/[key]/route.ts";
import { POST as cardPost } from "../../app/api/v1/projects/[slug]/cards/route.ts";
import { DELETE as labelDelete, PATCH as labelPatch } from "../../app/api/v1/projects/[slug]/labels/[id]/route.ts";
import { POST as labelPost, GET as labelsGet } from "../../app/api/v1/projects/[slug]/labels/route.ts";
import { POST as membersPost } from "../../app/api/v1/projects/[slug]/members/route.ts";
import { POST as restorePost } from "../../app/api/v1/projects/[slug]/restore/route.ts";
import { POST as projectsPost } from "../../app/api/v1/projects/route.ts";
import { LABEL_COLORS } from "../../lib/boards/label-colors.ts";
import { call, freshWorld, type Person, person, rowCounts } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

describe.each(availableEngines())("[LABELS] project labels on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let admin: Person;
  let member: Person;
  let viewer: Person;
  let outsider: Person;
  const slug = "tags";

  const list = async (who: Person = member) =>
    (await call(labelsGet, { key: who.key, params: { slug } })).json as {
      id: number;
      name: string;
      color: string;
      cardCount: number;
    }[];
  const writes = async (who: Person, id: number) => [
    await call(labelPost, { key: who.key, params: { slug }, body: { name: "new" } }),
    await call(labelPatch, { method: "PATCH", key: who.key, params: { slug, id: String(id) }, body: { name: "renamed" } }),
    await call(labelPatch, { method: "PATCH", key: who.key, params: { slug, id: String(id) }, body: { color: "#000000" } }),
    await call(labelDelete, { method: "DELETE", key: who.key, params: { slug, id: String(id) } }),
    await call(cardPost, { key: who.key, params: { slug }, body: { title: "x", labels: ["on the fly"] } }),
    await call(cardPatch, { method: "PATCH", key: who.key, params: { slug, key: "TAG-1" }, body: { labels: ["on the fly"] } }),
  ];

  beforeAll(async () => {
    world = await freshWorld(engine);
    admin = await person("tagadmin");
    member = await person("tagmember");
    viewer = await person("tagviewer");
    outsider = await person("tagoutsider");
    expect((await call(projectsPost, { key: admin.key, body: { name: "Tags", key: "TAG", slug } })).status).toBe(201);
    for (const [who, role] of [
      [member, "member"],
      [viewer, "viewer"],
    ] as const) {
      await call(membersPost, { key: admin.key, params: { slug }, body: { username: who.username, role } });
    }
  });
  afterAll(async () => world?.close());

  it("counts the live cards that carry each label, by name", async () => {
    await call(cardPost, { key: member.key, params: { slug }, body: { title: "one", labels: ["bug", "ui"] } });
    await call(cardPost, { key: member.key, params: { slug }, body: { title: "two", labels: ["bug"] } });
    await call(cardPost, { key: member.key, params: { slug }, body: { title: "three", labels: ["bug"] } });
    const unused = await call(labelPost, { key: member.key, params: { slug }, body: { name: "Docs" } });
    expect(unused.status).toBe(201);
    // New labels take the palette in turn, whether made on the fly from a card or here.
    expect((await list()).map((l) => [l.name, l.color])).toEqual([
      ["bug", LABEL_COLORS[0]],
      ["Docs", LABEL_COLORS[2]],
      ["ui", LABEL_COLORS[1]],
    ]);
    expect((await list()).map((l) => [l.name, l.cardCount])).toEqual([
      ["bug", 3],
      ["Docs", 0],
      ["ui", 1],
    ]);
    // Deleted cards do not count; restoring would bring them back.
    expect((await call(cardDelete, { method: "DELETE", key: member.key, params: { slug, key: "TAG-3" } })).status).toBe(200);
    expect((await list(viewer)).find((l) => l.name === "bug")?.cardCount).toBe(2);
  });

  it("lets members and admins rename, recolour and delete; deleting takes the label off its cards", async () => {
    const [bug] = await list();
    const renamed = await call(labelPatch, {
      method: "PATCH",
      key: admin.key,
      params: { slug, id: String(bug.id) },
      body: { name: "defect", color: "#0F766E" },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ id: bug.id, name: "defect", color: "#0F766E" });
    expect(
      (await call(labelPatch, { method: "PATCH", key: member.key, params: { slug, id: String(bug.id) }, body: { name: "ui" } }))
        .status,
    ).toBe(409);
    const deleted = await call(labelDelete, { method: "DELETE", key: member.key, params: { slug, id: String(bug.id) } });
    expect(deleted.json).toMatchObject({ id: bug.id, deleted: true });
    expect((await list()).map((l) => l.name)).toEqual(["Docs", "ui"]);
  });

  it("refuses every label write of a viewer (403) and an outsider (404), changing nothing", async () => {
    const [docs] = await list();
    const before = await rowCounts();
    const asViewer = await writes(viewer, docs.id);
    expect(asViewer.map((r) => r.status)).toEqual(asViewer.map(() => 403));
    const asOutsider = await writes(outsider, docs.id);
    expect(asOutsider.map((r) => r.status)).toEqual(asOutsider.map(() => 404));
    expect((await call(labelsGet, { key: outsider.key, params: { slug } })).status).toBe(404);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses every label write in an archived project (409) but still lists them", async () => {
    const [docs] = await list();
    expect((await call(archivePost, { key: admin.key, params: { slug } })).status).toBe(200);
    const before = await rowCounts();
    for (const who of [admin, member]) {
      const res = await writes(who, docs.id);
      expect(res.map((r) => r.status)).toEqual(res.map(() => 409));
    }
    expect(await rowCounts()).toEqual(before);
    expect((await list(viewer)).map((l) => l.name)).toEqual(["Docs", "ui"]);
    expect((await call(restorePost, { key: admin.key, params: { slug } })).status).toBe(200);
    expect((await call(labelPost, { key: member.key, params: { slug }, body: { name: "after restore" } })).status).toBe(201);
  });
});
