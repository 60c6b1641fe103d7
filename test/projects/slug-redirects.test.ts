// Renaming a project's slug keeps the old one working: REST calls with it reach the project (access
// still checked), pages answer a permanent redirect, and another project may take the old slug over.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as boardGet } from "../../app/api/v1/projects/[slug]/board/route.ts";
import { POST as cardPost } from "../../app/api/v1/projects/[slug]/cards/route.ts";
import { POST as membersPost } from "../../app/api/v1/projects/[slug]/members/route.ts";
import { GET as projectGet, PATCH as projectPatch } from "../../app/api/v1/projects/[slug]/route.ts";
import { POST as projectsPost } from "../../app/api/v1/projects/route.ts";
import { redirectRenamedProject } from "../../lib/boards/slug-redirect.ts";
import { getDb } from "../../lib/db/client.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

/** The location of Next's permanentRedirect, or null when the helper returned without redirecting. */
async function redirectTarget(run: Promise<void>): Promise<string | null> {
  try {
    await run;
    return null;
  } catch (e) {
    const digest = String((e as { digest?: string }).digest ?? "");
    const m = /^NEXT_REDIRECT;[^;]*;(.*);308;/.exec(digest);
    if (!m) throw e;
    return m[1];
  }
}

describe.each(availableEngines())("[PROJECTS] slug redirects on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Person;
  let viewer: Person;
  let outsider: Person;
  let projectId: number;

  const get = (slug: string, who: Person) => call(projectGet, { key: who.key, params: { slug } });
  const rename = (slug: string, to: string, who = owner) =>
    call(projectPatch, { method: "PATCH", key: who.key, params: { slug }, body: { slug: to } });
  const redirects = async () =>
    (await getDb().projectSlugRedirect.findMany({ select: { slug: true, projectId: true }, orderBy: { slug: "asc" } })).map(
      (r) => [r.slug, r.projectId],
    );

  beforeAll(async () => {
    world = await freshWorld(engine);
    owner = await person("slugowner");
    viewer = await person("slugviewer");
    outsider = await person("slugoutsider");
    const created = await call(projectsPost, { key: owner.key, body: { name: "Intranet", key: "INT", slug: "intranet" } });
    expect(created.status).toBe(201);
    projectId = created.json.id;
    await call(membersPost, {
      key: owner.key,
      params: { slug: "intranet" },
      body: { username: viewer.username, role: "viewer" },
    });
    await call(cardPost, { key: owner.key, params: { slug: "intranet" }, body: { title: "first" } });
  });
  afterAll(async () => world?.close());

  it("keeps the old slug working over REST after a rename, with access still checked", async () => {
    const renamed = await rename("intranet", "portal");
    expect(renamed.status).toBe(200);
    expect(renamed.json.slug).toBe("portal");
    expect(await redirects()).toEqual([["intranet", projectId]]);

    const viaOld = await get("intranet", viewer);
    expect(viaOld.status).toBe(200);
    expect(viaOld.json).toMatchObject({ id: projectId, slug: "portal", role: "viewer" });
    const board = await call(boardGet, { key: viewer.key, params: { slug: "intranet" } });
    expect(board.status).toBe(200);
    expect(board.json.project.slug).toBe("portal");
    expect(board.json.columns[0].cards.map((c: { key: string }) => c.key)).toEqual(["INT-1"]);
    // Writes through the old slug land in the project, with the same role checks.
    expect((await call(cardPost, { key: owner.key, params: { slug: "intranet" }, body: { title: "second" } })).status).toBe(201);
    expect((await call(cardPost, { key: viewer.key, params: { slug: "intranet" }, body: { title: "no" } })).status).toBe(403);
    // An outsider learns nothing: 404 through the old slug as through the new one.
    for (const slug of ["intranet", "portal"]) {
      const res = await get(slug, outsider);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.json)).not.toContain("portal");
    }
    expect((await get("nowhere", owner)).status).toBe(404);
  });

  it("follows a chain of renames; renaming back drops the project's own redirect", async () => {
    expect((await rename("intranet", "hub")).status).toBe(200);
    expect(await redirects()).toEqual([
      ["intranet", projectId],
      ["portal", projectId],
    ]);
    for (const slug of ["intranet", "portal", "hub"]) expect((await get(slug, viewer)).json.slug).toBe("hub");
    expect((await rename("hub", "intranet")).json.slug).toBe("intranet");
    expect(await redirects()).toEqual([
      ["hub", projectId],
      ["portal", projectId],
    ]);
    expect((await get("hub", viewer)).json.slug).toBe("intranet");
    // Saving the same slug again records nothing.
    expect((await rename("intranet", "intranet")).status).toBe(200);
    expect(await redirects()).toEqual([
      ["hub", projectId],
      ["portal", projectId],
    ]);
  });

  it("lets another project take an old slug over, by creating or by renaming", async () => {
    const other = await call(projectsPost, { key: outsider.key, body: { name: "Portal", key: "POR", slug: "portal" } });
    expect(other.status).toBe(201);
    expect(await redirects()).toEqual([["hub", projectId]]);
    const viaPortal = await get("portal", outsider);
    expect(viaPortal.json).toMatchObject({ id: other.json.id, slug: "portal" });
    // The renamed project is no longer reachable through the slug it gave up.
    expect((await get("portal", viewer)).status).toBe(404);

    expect((await rename("portal", "hub", outsider)).json.slug).toBe("hub");
    expect(await redirects()).toEqual([["portal", other.json.id]]);
    expect((await get("hub", outsider)).json.id).toBe(other.json.id);
    expect((await get("hub", viewer)).status).toBe(404);
    expect((await get("intranet", viewer)).json.id).toBe(projectId);
  });

  it("gives a project named like an old slug a fresh slug when none is asked for", async () => {
    expect((await rename("intranet", "wiki")).status).toBe(200);
    const named = await call(projectsPost, { key: owner.key, body: { name: "Intranet", key: "IN2" } });
    expect(named.status).toBe(201);
    expect(named.json.slug).toBe("intranet-2");
    expect((await get("intranet", viewer)).json.slug).toBe("wiki");
  });

  it("refuses a slug another live project uses and records no redirect", async () => {
    const before = await redirects();
    const taken = await rename("wiki", "intranet-2");
    expect(taken.status).toBe(409);
    expect(await redirects()).toEqual(before);
    expect((await get("wiki", owner)).status).toBe(200);
  });

  it("redirects pages permanently to the current slug, keeping path and query, for readers only", async () => {
    const target = await redirectTarget(
      redirectRenamedProject(viewer.actor, "intranet", "/cards/INT-1", { q: "a b", label: ["x", "y"] }),
    );
    expect(target).toBe("/wiki/cards/INT-1?q=a+b&label=x&label=y");
    expect(await redirectTarget(redirectRenamedProject(owner.actor, "portal-x"))).toBeNull();
    expect(await redirectTarget(redirectRenamedProject(owner.actor, "wiki", "/settings"))).toBeNull();
    expect(await redirectTarget(redirectRenamedProject(outsider.actor, "intranet"))).toBeNull();
    // A deleted project's old slugs lead nowhere.
    await getDb().project.update({ where: { id: projectId }, data: { deletedAt: new Date() } });
    expect(await redirectTarget(redirectRenamedProject(owner.actor, "intranet"))).toBeNull();
    expect((await get("intranet", owner)).status).toBe(404);
    await getDb().project.update({ where: { id: projectId }, data: { deletedAt: null } });
  });
});
