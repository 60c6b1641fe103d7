// Project settings, members and group access through the REST routes on every engine: role
// resolution (direct vs group, highest wins), last-admin protection, archive/restore, viewers
// refused on every write, slug/key validation and conflicts; rejected requests change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as archivePost } from "../../app/api/v1/projects/[slug]/archive/route.ts";
import { GET as boardGet } from "../../app/api/v1/projects/[slug]/board/route.ts";
import { POST as movePost } from "../../app/api/v1/projects/[slug]/cards/[key]/move/route.ts";
import { DELETE as cardDelete, GET as cardGet, PATCH as cardPatch } from "../../app/api/v1/projects/[slug]/cards/[key]/route.ts";
import { POST as cardPost } from "../../app/api/v1/projects/[slug]/cards/route.ts";
import { POST as archiveCardsPost } from "../../app/api/v1/projects/[slug]/columns/[id]/archive-cards/route.ts";
import { POST as columnMovePost } from "../../app/api/v1/projects/[slug]/columns/[id]/move/route.ts";
import { DELETE as columnDelete, PATCH as columnPatch } from "../../app/api/v1/projects/[slug]/columns/[id]/route.ts";
import { POST as columnPost } from "../../app/api/v1/projects/[slug]/columns/route.ts";
import { DELETE as groupDelete } from "../../app/api/v1/projects/[slug]/groups/[groupId]/route.ts";
import { GET as groupsGet, POST as groupsPost } from "../../app/api/v1/projects/[slug]/groups/route.ts";
import { DELETE as memberDelete, PATCH as memberPatch } from "../../app/api/v1/projects/[slug]/members/[username]/route.ts";
import { GET as membersGet, POST as membersPost } from "../../app/api/v1/projects/[slug]/members/route.ts";
import { POST as restorePost } from "../../app/api/v1/projects/[slug]/restore/route.ts";
import { GET as projectGet, PATCH as projectPatch } from "../../app/api/v1/projects/[slug]/route.ts";
import { GET as projectsGet, POST as projectsPost } from "../../app/api/v1/projects/route.ts";
import { projectRole } from "../../lib/auth/access.ts";
import { getDb } from "../../lib/db/client.ts";
import { openApiDocument } from "../../lib/openapi/spec.ts";
import { call, freshWorld, type Person, person, rowCounts } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

describe.each(availableEngines())("projects, members and groups on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Person;
  let viewer: Person;
  let grouped: Person;
  let outsider: Person;
  let projectId: number;
  let slug = "settings";

  const patch = (body: unknown, key = owner.key, s = slug) =>
    call(projectPatch, { method: "PATCH", key, params: { slug: s }, body });
  const role = (p: Person) => projectRole(p.actor, projectId);

  beforeAll(async () => {
    world = await freshWorld(engine);
    owner = await person("setowner");
    viewer = await person("setviewer");
    grouped = await person("setgrouped");
    outsider = await person("setoutsider");
    const created = await call(projectsPost, { key: owner.key, body: { name: "Settings", key: "SET", slug } });
    expect(created.status).toBe(201);
    projectId = created.json.id;
    await call(cardPost, { key: owner.key, params: { slug }, body: { title: "first" } });
  });
  afterAll(async () => world?.close());

  it("edits name, description, type, colour; a new key renames card keys, numbers stay", async () => {
    const res = await patch({ name: "Settings 2", description: "About", type: "scrum", color: "#dc2626", key: "st2" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: "Settings 2", description: "About", type: "scrum", color: "#dc2626", key: "ST2" });
    await world.flush();
    expect(world.events.at(-1)).toMatchObject({ type: "project.updated", room: `project:${projectId}` });
    // A scrum board shows the active sprint only (none yet): the card is read by its new key.
    const renamed = await call(cardGet, { key: owner.key, params: { slug, key: "ST2-1" } });
    expect(renamed.json).toMatchObject({ key: "ST2-1", number: 1, title: "first" });
    const next = await call(cardPost, { key: owner.key, params: { slug }, body: { title: "second" } });
    expect(next.json.key).toBe("ST2-2");
    // Back to kanban (the tests below use the board): every card is on it again, under the new key.
    expect((await patch({ description: null, color: null, type: "kanban" })).json).toMatchObject({
      description: null,
      color: null,
      type: "kanban",
    });
    const board = await call(boardGet, { key: owner.key, params: { slug } });
    expect(board.json.columns[0].cards.map((c: { key: string }) => c.key)).toEqual(["ST2-1", "ST2-2"]);
  });

  it("changes the slug (unique, URL-safe): 409 on conflict, 400 on bad input, nothing changed", async () => {
    await call(projectsPost, { key: owner.key, body: { name: "Other", key: "OTH", slug: "other" } });
    const before = await rowCounts();
    const project = (await call(projectGet, { key: owner.key, params: { slug } })).json;
    const taken = await patch({ slug: "other" });
    expect(taken.status).toBe(409);
    expect(taken.json.error.details.fields[0].path).toBe("slug");
    for (const bad of [
      { slug: "Has Spaces" },
      { slug: "-x" },
      { slug: "a" },
      { slug: "ü-umlaut" },
      { key: "1AB" },
      { key: "A" },
      { key: "TOOLONGKEY1" },
      { key: "A-B" },
      { name: " " },
      { type: "waterfall" },
      { color: "blue" },
      { customerSlug: "nobody" },
      { cardCounter: 99 },
      {},
    ]) {
      const res = await patch(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.json.error.code).toBe("validation");
    }
    expect(await rowCounts()).toEqual(before);
    expect((await call(projectGet, { key: owner.key, params: { slug } })).json).toEqual(project);
    const moved = await patch({ slug: "Settings-Renamed" });
    expect(moved.status).toBe(200);
    expect(moved.json.slug).toBe("settings-renamed");
    // The old slug keeps leading to the project (see slug-redirects.test.ts).
    expect((await call(projectGet, { key: owner.key, params: { slug } })).json.slug).toBe("settings-renamed");
    slug = "settings-renamed";
    expect((await call(projectGet, { key: owner.key, params: { slug } })).status).toBe(200);
  });

  it("sets and clears the customer by slug; a customer the admin cannot see is unknown", async () => {
    const hidden = await getDb().customer.create({ data: { name: "Hidden", slug: "hidden" }, select: { id: true } });
    const refused = await patch({ customerSlug: "hidden" });
    expect(refused.status).toBe(400);
    expect(refused.json.error.details.fields).toEqual([expect.objectContaining({ path: "customerSlug" })]);
    await getDb().customerAccess.create({ data: { userId: owner.id, customerId: hidden.id, role: "viewer" } });
    const customer = await getDb().customer.create({ data: { name: "ACME", slug: "acme" }, select: { id: true } });
    await getDb().customerAccess.create({ data: { userId: owner.id, customerId: customer.id, role: "viewer" } });
    expect((await patch({ customerSlug: "acme" })).json.customer).toMatchObject({ id: customer.id, slug: "acme" });
    expect((await patch({ customerSlug: null })).json.customer).toBeNull();
  });

  it("adds members, changes roles, removes them; the last admin is protected", async () => {
    const add = await call(membersPost, { key: owner.key, params: { slug }, body: { username: "setviewer", role: "viewer" } });
    expect(add.status).toBe(201);
    expect(add.json).toMatchObject({ username: "setviewer", role: "viewer" });
    expect(await role(viewer)).toBe("viewer");
    const list = await call(membersGet, { key: viewer.key, params: { slug } });
    expect(list.json.map((m: { username: string; role: string }) => [m.username, m.role])).toEqual([
      ["setowner", "admin"],
      ["setviewer", "viewer"],
    ]);
    expect(JSON.stringify(list.json)).not.toMatch(/password|email/i);
    const before = await rowCounts();
    const member = (username: string, body?: unknown, key = owner.key) =>
      body === undefined
        ? call(memberDelete, { method: "DELETE", key, params: { slug, username } })
        : call(memberPatch, { method: "PATCH", key, params: { slug, username }, body });
    // The only admin may not demote or remove themselves.
    expect((await member("setowner", { role: "member" })).status).toBe(409);
    expect((await member("setowner")).status).toBe(409);
    expect(
      (await call(membersPost, { key: owner.key, params: { slug }, body: { username: "setowner", role: "viewer" } })).status,
    ).toBe(409);
    // Bad input and unknown people.
    expect((await member("setviewer", { role: "owner" })).status).toBe(400);
    expect((await member("setviewer", {})).status).toBe(400);
    expect((await member("nobody", { role: "member" })).status).toBe(404);
    expect((await member("setoutsider", { role: "member" })).status).toBe(404);
    expect((await member("setoutsider")).status).toBe(404);
    expect((await call(membersPost, { key: owner.key, params: { slug }, body: { username: "nobody" } })).status).toBe(400);
    expect((await call(membersPost, { key: owner.key, params: { slug }, body: { username: "x", role: "god" } })).status).toBe(
      400,
    );
    // Viewers and outsiders.
    expect((await member("setviewer", { role: "admin" }, viewer.key)).status).toBe(403);
    expect((await member("setowner", undefined, viewer.key)).status).toBe(403);
    expect((await member("setviewer", { role: "admin" }, outsider.key)).status).toBe(404);
    expect(await rowCounts()).toEqual(before);

    // With a second admin the first may step down.
    expect((await member("setviewer", { role: "admin" })).json).toMatchObject({ role: "admin" });
    expect((await member("setowner", { role: "member" }, viewer.key)).status).toBe(200);
    expect(await role(owner)).toBe("member");
    expect((await member("setowner", { role: "admin" }, viewer.key)).status).toBe(200);
    expect((await member("setviewer", { role: "viewer" })).status).toBe(200);

    // Removal: the removed user loses access and their user room hears about it.
    await call(membersPost, { key: owner.key, params: { slug }, body: { username: "setoutsider", role: "member" } });
    expect(await role(outsider)).toBe("member");
    await world.flush();
    const seen = world.events.length;
    const removed = await member("setoutsider");
    expect(removed.status).toBe(204);
    expect(await role(outsider)).toBeNull();
    await world.flush();
    const fresh = world.events.slice(seen);
    expect(fresh).toContainEqual(
      expect.objectContaining({
        room: `user:${outsider.id}`,
        type: "project.access_removed",
        data: expect.objectContaining({ projectId }),
      }),
    );
    expect(fresh).toContainEqual(expect.objectContaining({ room: `project:${projectId}`, type: "project.updated" }));
    expect((await call(projectGet, { key: outsider.key, params: { slug } })).status).toBe(404);
  });

  it("resolves the effective role from direct membership and groups: the highest wins", async () => {
    const db = getDb();
    const readers = await db.userGroup.create({ data: { name: "Readers" }, select: { id: true } });
    const leads = await db.userGroup.create({ data: { name: "Leads" }, select: { id: true } });
    await db.groupMember.createMany({
      data: [
        { groupId: readers.id, userId: grouped.id },
        { groupId: leads.id, userId: grouped.id },
        { groupId: readers.id, userId: viewer.id },
      ],
    });
    expect(await role(grouped)).toBeNull();
    const grant = await call(groupsPost, { key: owner.key, params: { slug }, body: { group: "Readers", role: "viewer" } });
    expect(grant.status).toBe(201);
    expect(grant.json).toEqual({ id: readers.id, name: "Readers", role: "viewer", memberCount: 2 });
    expect(await role(grouped)).toBe("viewer");
    // Two groups: the higher role wins.
    expect((await call(groupsPost, { key: owner.key, params: { slug }, body: { group: leads.id, role: "member" } })).status).toBe(
      201,
    );
    expect(await role(grouped)).toBe("member");
    // Direct viewer + group member: member. Direct admin beats a group viewer.
    await call(groupsPost, { key: owner.key, params: { slug }, body: { group: "Readers", role: "member" } });
    expect(await role(viewer)).toBe("member");
    await call(groupsPost, { key: owner.key, params: { slug }, body: { group: "Readers", role: "viewer" } });
    expect(await role(viewer)).toBe("viewer");
    const groups = await call(groupsGet, { key: viewer.key, params: { slug } });
    expect(groups.json.map((g: { name: string; role: string }) => [g.name, g.role])).toEqual([
      ["Leads", "member"],
      ["Readers", "viewer"],
    ]);
    // Grouped users see the project in their list, after the ones they are direct members of.
    const list = await call(projectsGet, { key: grouped.key });
    expect(list.json.map((p: { slug: string; isMember: boolean }) => [p.slug, p.isMember])).toEqual([[slug, false]]);
    // Bad input, unknown groups, non-admins.
    const before = await rowCounts();
    expect((await call(groupsPost, { key: owner.key, params: { slug }, body: { group: "Nope" } })).status).toBe(400);
    expect((await call(groupsPost, { key: owner.key, params: { slug }, body: { group: "Leads", role: "x" } })).status).toBe(400);
    expect((await call(groupsPost, { key: owner.key, params: { slug }, body: {} })).status).toBe(400);
    expect((await call(groupsPost, { key: grouped.key, params: { slug }, body: { group: "Leads", role: "admin" } })).status).toBe(
      403,
    );
    expect(
      (await call(groupDelete, { method: "DELETE", key: grouped.key, params: { slug, groupId: String(leads.id) } })).status,
    ).toBe(403);
    expect((await call(groupDelete, { method: "DELETE", key: owner.key, params: { slug, groupId: "abc" } })).status).toBe(404);
    expect((await call(groupDelete, { method: "DELETE", key: owner.key, params: { slug, groupId: "999999" } })).status).toBe(404);
    expect(await rowCounts()).toEqual(before);
    // Revoking one group leaves the other; revoking both removes access and tells the user.
    expect(
      (await call(groupDelete, { method: "DELETE", key: owner.key, params: { slug, groupId: String(leads.id) } })).status,
    ).toBe(204);
    expect(await role(grouped)).toBe("viewer");
    await world.flush();
    const seen = world.events.length;
    await call(groupDelete, { method: "DELETE", key: owner.key, params: { slug, groupId: String(readers.id) } });
    expect(await role(grouped)).toBeNull();
    expect(await role(viewer)).toBe("viewer");
    await world.flush();
    const removedFor = world.events
      .slice(seen)
      .filter((e) => e.type === "project.access_removed")
      .map((e) => e.room);
    expect(removedFor).toEqual([`user:${grouped.id}`]);
  });

  it("refuses every write from a viewer (403)", async () => {
    const board = (await call(boardGet, { key: owner.key, params: { slug } })).json;
    const col = String(board.columns[0].id);
    const card = board.columns[0].cards[0].key;
    const before = await rowCounts();
    const v = viewer.key;
    const attempts = [
      await patch({ name: "x" }, v),
      await call(archivePost, { key: v, params: { slug } }),
      await call(restorePost, { key: v, params: { slug } }),
      await call(membersPost, { key: v, params: { slug }, body: { username: "setgrouped" } }),
      await call(groupsPost, { key: v, params: { slug }, body: { group: "Leads" } }),
      await call(columnPost, { key: v, params: { slug }, body: { name: "x" } }),
      await call(columnPatch, { method: "PATCH", key: v, params: { slug, id: col }, body: { name: "x" } }),
      await call(columnMovePost, { key: v, params: { slug, id: col }, body: {} }),
      await call(columnDelete, { method: "DELETE", key: v, params: { slug, id: col } }),
      await call(archiveCardsPost, { key: v, params: { slug, id: col } }),
      await call(cardPost, { key: v, params: { slug }, body: { title: "x" } }),
      await call(cardPatch, { method: "PATCH", key: v, params: { slug, key: card }, body: { title: "x" } }),
      await call(movePost, { key: v, params: { slug, key: card }, body: { columnId: Number(col) } }),
      await call(cardDelete, { method: "DELETE", key: v, params: { slug, key: card } }),
    ];
    expect(attempts.map((a) => a.status)).toEqual(attempts.map(() => 403));
    expect(await rowCounts()).toEqual(before);
  });

  it("archives: every write answers 409, hidden from the default list; restore re-enables", async () => {
    // Members may not archive; admins may.
    await call(membersPost, { key: owner.key, params: { slug }, body: { username: "setgrouped", role: "member" } });
    expect((await call(archivePost, { key: grouped.key, params: { slug } })).status).toBe(403);
    const archived = await call(archivePost, { key: owner.key, params: { slug } });
    expect(archived.status).toBe(200);
    expect(archived.json.isArchived).toBe(true);
    const listed = (await call(projectsGet, { key: owner.key })).json.map((p: { slug: string }) => p.slug);
    expect(listed).not.toContain(slug);
    const all = (await call(projectsGet, { key: owner.key, path: "/api/v1/projects?archived=1" })).json;
    expect(all.find((p: { slug: string }) => p.slug === slug)).toMatchObject({ isArchived: true });
    // Still readable.
    const board = await call(boardGet, { key: grouped.key, params: { slug } });
    expect(board.status).toBe(200);
    const col = String(board.json.columns[0].id);
    const card = board.json.columns[0].cards[0].key;
    const before = await rowCounts();
    const o = owner.key;
    const attempts = [
      await patch({ name: "x" }),
      await call(archivePost, { key: o, params: { slug } }),
      await call(membersPost, { key: o, params: { slug }, body: { username: "setoutsider" } }),
      await call(memberPatch, { method: "PATCH", key: o, params: { slug, username: "setgrouped" }, body: { role: "viewer" } }),
      await call(memberDelete, { method: "DELETE", key: o, params: { slug, username: "setgrouped" } }),
      await call(groupsPost, { key: o, params: { slug }, body: { group: "Leads" } }),
      await call(columnPost, { key: o, params: { slug }, body: { name: "x" } }),
      await call(columnPatch, { method: "PATCH", key: o, params: { slug, id: col }, body: { name: "x" } }),
      await call(columnMovePost, { key: o, params: { slug, id: col }, body: {} }),
      await call(columnDelete, { method: "DELETE", key: o, params: { slug, id: col } }),
      await call(archiveCardsPost, { key: o, params: { slug, id: col } }),
      await call(cardPost, { key: grouped.key, params: { slug }, body: { title: "x" } }),
      await call(cardPatch, { method: "PATCH", key: o, params: { slug, key: card }, body: { title: "x" } }),
      await call(movePost, { key: o, params: { slug, key: card }, body: { columnId: Number(col) } }),
      await call(cardDelete, { method: "DELETE", key: o, params: { slug, key: card } }),
    ];
    expect(attempts.map((a) => a.status)).toEqual(attempts.map(() => 409));
    expect(await rowCounts()).toEqual(before);
    // Only admins restore.
    expect((await call(restorePost, { key: grouped.key, params: { slug } })).status).toBe(403);
    expect((await call(restorePost, { key: outsider.key, params: { slug } })).status).toBe(404);
    const restored = await call(restorePost, { key: owner.key, params: { slug } });
    expect(restored.json.isArchived).toBe(false);
    expect((await call(cardPost, { key: grouped.key, params: { slug }, body: { title: "after restore" } })).status).toBe(201);
    expect((await patch({ name: "Settings 3" })).status).toBe(200);
  });

  it("lists the caller's own projects first, then the others they can read", async () => {
    const db = getDb();
    const a = await call(projectsPost, { key: grouped.key, body: { name: "Zeta own", key: "ZET" } });
    expect(a.status).toBe(201);
    const group = await db.userGroup.create({ data: { name: "Alpha readers" }, select: { id: true } });
    await db.groupMember.create({ data: { groupId: group.id, userId: grouped.id } });
    await call(projectsPost, { key: owner.key, body: { name: "Alpha shared", key: "ALP", slug: "alpha" } });
    await call(groupsPost, { key: owner.key, params: { slug: "alpha" }, body: { group: group.id, role: "viewer" } });
    const list = (await call(projectsGet, { key: grouped.key })).json;
    expect(list.map((p: { name: string; isMember: boolean }) => [p.name, p.isMember])).toEqual([
      ["Settings 3", true],
      ["Zeta own", true],
      ["Alpha shared", false],
    ]);
  });
});

describe("OpenAPI for project settings and columns", () => {
  it("documents every route of this slice with its schema", () => {
    const doc = openApiDocument() as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { required?: string[]; additionalProperties?: boolean }> };
    };
    const methods = (p: string) => Object.keys(doc.paths[p] ?? {}).sort();
    expect(methods("/api/v1/projects/{slug}")).toEqual(["get", "patch"]);
    expect(methods("/api/v1/projects/{slug}/archive")).toEqual(["post"]);
    expect(methods("/api/v1/projects/{slug}/restore")).toEqual(["post"]);
    expect(methods("/api/v1/projects/{slug}/members")).toEqual(["get", "post"]);
    expect(methods("/api/v1/projects/{slug}/members/{username}")).toEqual(["delete", "patch"]);
    expect(methods("/api/v1/projects/{slug}/groups")).toEqual(["get", "post"]);
    expect(methods("/api/v1/projects/{slug}/groups/{groupId}")).toEqual(["delete"]);
    expect(methods("/api/v1/projects/{slug}/columns/{id}")).toEqual(["delete", "patch"]);
    expect(methods("/api/v1/projects/{slug}/columns/{id}/move")).toEqual(["post"]);
    expect(methods("/api/v1/projects/{slug}/columns/{id}/archive-cards")).toEqual(["post"]);
    expect(doc.components.schemas.UpdateProject.additionalProperties).toBe(false);
    expect(doc.components.schemas.AddMember.required).toEqual(["username"]);
    expect(doc.components.schemas.ChangeRole.required).toEqual(["role"]);
    expect(doc.components.schemas.MoveColumn.additionalProperties).toBe(false);
  });
});

describe.each(availableEngines())("member routes with odd usernames on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  beforeAll(async () => {
    world = await freshWorld(engine);
  });
  afterAll(async () => world?.close());

  it("answers 404, never 500, for malformed or unknown usernames in the path", async () => {
    const owner = await person("oddowner");
    await call(projectsPost, { key: owner.key, body: { name: "Odd", key: "ODD", slug: "odd" } });
    for (const username of ["%", "%E0%A4%A", "no%20body", "x".repeat(300)]) {
      const del = await call(memberDelete, { method: "DELETE", key: owner.key, params: { slug: "odd", username } });
      expect(del.status, username).toBe(404);
      const patchRes = await call(memberPatch, {
        method: "PATCH",
        key: owner.key,
        params: { slug: "odd", username },
        body: { role: "viewer" },
      });
      expect(patchRes.status, username).toBe(404);
    }
  });
});
