// Project slugs are the first path segment of every project page, so the segments of WarmDesk's own
// pages (/admin, /profile, /sign-in, …) cannot be slugs: given explicitly they are refused (400);
// derived from a name they get a suffix. The list must name every top-level route under app/.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as projectGet, PATCH as projectPatch } from "../../app/api/v1/projects/[slug]/route.ts";
import { POST as projectsPost } from "../../app/api/v1/projects/route.ts";
import { RESERVED_SLUGS } from "../../lib/boards/projects.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

/** The first URL segments the app itself serves: folders of app/ and its route groups, but not [slug]. */
function topLevelRoutes(): string[] {
  const app = join(import.meta.dirname, "../../app");
  const segments: string[] = [];
  for (const entry of readdirSync(app, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    if (/^\(.+\)$/.test(entry.name)) {
      for (const inner of readdirSync(join(app, entry.name), { withFileTypes: true })) {
        if (inner.isDirectory() && !inner.name.startsWith("[")) segments.push(inner.name);
      }
    } else segments.push(entry.name);
  }
  return segments;
}

describe("[PROJECTS] reserved slugs", () => {
  it("lists every top-level route of the app", () => {
    const routes = topLevelRoutes();
    expect(routes).toEqual(expect.arrayContaining(["admin", "profile", "sign-in", "api"]));
    expect(routes.filter((r) => !RESERVED_SLUGS.has(r))).toEqual([]);
  });
});

describe.each(availableEngines())("[PROJECTS] reserved slugs on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Person;

  beforeAll(async () => {
    world = await freshWorld(engine);
    owner = await person("reserver");
  });
  afterAll(() => world.close());

  it("refuses a reserved slug given explicitly, on create and on rename", async () => {
    const created = await call(projectsPost, { key: owner.key, body: { name: "Admin tools", key: "ADM", slug: "admin" } });
    expect(created.status).toBe(400);
    expect(created.json.error.details.fields).toEqual([expect.objectContaining({ path: "slug" })]);
    const ok = await call(projectsPost, { key: owner.key, body: { name: "Ops", key: "OPS", slug: "ops" } });
    expect(ok.status).toBe(201);
    const renamed = await call(projectPatch, {
      method: "PATCH",
      key: owner.key,
      params: { slug: "ops" },
      body: { slug: "profile" },
    });
    expect(renamed.status).toBe(400);
    const still = await call(projectGet, { key: owner.key, params: { slug: "ops" } });
    expect(still.status).toBe(200);
    expect(JSON.stringify(still.json)).toContain('"slug":"ops"');
  });

  it("gives a project named like a page a suffixed slug", async () => {
    const res = await call(projectsPost, { key: owner.key, body: { name: "Time", key: "TIME" } });
    expect(res.status).toBe(201);
    expect(res.json.slug).toBe("time-2");
  });
});
