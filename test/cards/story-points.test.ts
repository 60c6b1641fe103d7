// Story points belong to scrum projects: on a kanban project the server refuses them (400 naming
// `storyPoints`) when creating and editing cards, and changes nothing; null and 0 mean "none".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as cardGet, PATCH as cardPatch } from "../../app/api/v1/projects/[slug]/cards/[key]/route.ts";
import { POST as cardPost } from "../../app/api/v1/projects/[slug]/cards/route.ts";
import { PATCH as projectPatch } from "../../app/api/v1/projects/[slug]/route.ts";
import { POST as projectsPost } from "../../app/api/v1/projects/route.ts";
import { call, freshWorld, type Person, person, rowCounts } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

describe.each(availableEngines())("[CARDS] story points on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Person;

  const create = (slug: string, body: unknown) => call(cardPost, { key: owner.key, params: { slug }, body });
  const patch = (slug: string, key: string, body: unknown) =>
    call(cardPatch, { method: "PATCH", key: owner.key, params: { slug, key }, body });

  beforeAll(async () => {
    world = await freshWorld(engine);
    owner = await person("pointsowner");
    expect((await call(projectsPost, { key: owner.key, body: { name: "Flow", key: "FLO", slug: "flow" } })).json.type).toBe(
      "kanban",
    );
    expect(
      (await call(projectsPost, { key: owner.key, body: { name: "Sprints", key: "SPR", slug: "sprints", type: "scrum" } })).json
        .type,
    ).toBe("scrum");
  });
  afterAll(async () => world?.close());

  it("refuses story points on a kanban project's new and edited cards, naming the field", async () => {
    expect((await create("flow", { title: "plain" })).status).toBe(201);
    const before = await rowCounts();
    const refused = [
      await create("flow", { title: "pointed", storyPoints: 3 }),
      await patch("flow", "FLO-1", { storyPoints: 5 }),
      await patch("flow", "FLO-1", { title: "renamed too", storyPoints: 1, version: 1 }),
    ];
    for (const res of refused) {
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("validation");
      expect(res.json.error.message).toContain("storyPoints");
      expect(res.json.error.details.fields.map((f: { path: string }) => f.path)).toEqual(["storyPoints"]);
    }
    expect(await rowCounts()).toEqual(before);
    expect((await call(cardGet, { key: owner.key, params: { slug: "flow", key: "FLO-1" } })).json).toMatchObject({
      title: "plain",
      storyPoints: 0,
      version: 1,
    });
  });

  it("accepts none (null or 0) on a kanban project", async () => {
    const created = await create("flow", { title: "zero", storyPoints: 0 });
    expect(created.status).toBe(201);
    expect(created.json.storyPoints).toBe(0);
    expect((await create("flow", { title: "null", storyPoints: null })).json.storyPoints).toBe(0);
    const edited = await patch("flow", created.json.key, { storyPoints: null, title: "still zero" });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ storyPoints: 0, title: "still zero" });
  });

  it("keeps story points on scrum projects, and null clears them", async () => {
    const created = await create("sprints", { title: "pointed", storyPoints: 8 });
    expect(created.status).toBe(201);
    expect(created.json.storyPoints).toBe(8);
    expect((await patch("sprints", "SPR-1", { storyPoints: 13 })).json.storyPoints).toBe(13);
    expect((await patch("sprints", "SPR-1", { storyPoints: null })).json.storyPoints).toBe(0);
    expect((await patch("sprints", "SPR-1", { storyPoints: -1 })).status).toBe(400);
  });

  it("follows the project's type when it changes", async () => {
    expect(
      (await call(projectPatch, { method: "PATCH", key: owner.key, params: { slug: "flow" }, body: { type: "scrum" } })).status,
    ).toBe(200);
    expect((await patch("flow", "FLO-1", { storyPoints: 5 })).json.storyPoints).toBe(5);
    expect(
      (await call(projectPatch, { method: "PATCH", key: owner.key, params: { slug: "flow" }, body: { type: "kanban" } })).status,
    ).toBe(200);
    // Points set while it was scrum may be cleared, not changed.
    expect((await patch("flow", "FLO-1", { storyPoints: 3 })).status).toBe(400);
    expect((await patch("flow", "FLO-1", { storyPoints: 0 })).json.storyPoints).toBe(0);
  });
});
