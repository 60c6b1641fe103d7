// User groups through the admin REST routes on every engine: create/edit/delete, members, project
// access that yields the effective role (highest of direct and group roles wins), customer access,
// the same grant seen from the project's side, and audit rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DELETE as groupCustomerDelete,
  PUT as groupCustomerPut,
} from "../../app/api/v1/admin/groups/[id]/customers/[slug]/route.ts";
import { DELETE as groupMemberDelete } from "../../app/api/v1/admin/groups/[id]/members/[userId]/route.ts";
import { POST as groupMembersPost } from "../../app/api/v1/admin/groups/[id]/members/route.ts";
import {
  DELETE as groupProjectDelete,
  PUT as groupProjectPut,
} from "../../app/api/v1/admin/groups/[id]/projects/[slug]/route.ts";
import { DELETE as groupDelete, GET as groupGet, PATCH as groupPatch } from "../../app/api/v1/admin/groups/[id]/route.ts";
import { GET as groupsGet, POST as groupsPost } from "../../app/api/v1/admin/groups/route.ts";
import { GET as projectGroupsGet } from "../../app/api/v1/projects/[slug]/groups/route.ts";
import { POST as membersPost } from "../../app/api/v1/projects/[slug]/members/route.ts";
import { POST as projectsPost } from "../../app/api/v1/projects/route.ts";
import { projectRole } from "../../lib/auth/access.ts";
import { getDb } from "../../lib/db/client.ts";
import { openApiDocument } from "../../lib/openapi/spec.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

describe.each(availableEngines())("[ADMIN] groups on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let root: Person;
  let ann: Person;
  let ben: Person;
  let projectId: number;
  let groupId: string;

  beforeAll(async () => {
    world = await freshWorld(engine);
    root = await person("groot", { admin: true });
    ann = await person("ann");
    ben = await person("ben");
    const project = await call(projectsPost, { key: root.key, body: { name: "Grouped", key: "GRP", slug: "grouped" } });
    projectId = project.json.id;
    await getDb().customer.create({ data: { name: "Acme", slug: "acme" } });
  });
  afterAll(async () => world?.close());

  const audit = (action: string) =>
    getDb().auditLog.findMany({
      where: { action },
      select: { userId: true, resourceId: true, details: true },
      orderBy: { id: "asc" },
    });

  it("creates, renames and lists groups; names are unique (409) and validated (400)", async () => {
    const created = await call(groupsPost, { key: root.key, body: { name: "Designers", description: "UI people" } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "Designers", description: "UI people", memberCount: 0, projectCount: 0 });
    groupId = String(created.json.id);
    expect((await call(groupsPost, { key: root.key, body: { name: "Designers" } })).status).toBe(409);
    expect((await call(groupsPost, { key: root.key, body: { name: "" } })).status).toBe(400);
    expect((await call(groupsPost, { key: root.key, body: { name: "x", extra: 1 } })).status).toBe(400);
    const renamed = await call(groupPatch, {
      method: "PATCH",
      key: root.key,
      params: { id: groupId },
      body: { name: "Design", description: null },
    });
    expect(renamed.json).toMatchObject({ name: "Design", description: null });
    const list = await call(groupsGet, { key: root.key });
    expect(list.json.map((g: { name: string }) => g.name)).toEqual(["Design"]);
    expect((await call(groupGet, { key: root.key, params: { id: "12345" } })).status).toBe(404);
    expect((await audit("group.created")).at(-1)).toMatchObject({ userId: root.id, resourceId: groupId });
    expect((await audit("group.updated")).at(-1)?.details).toContain("Design");
  });

  it("adds and removes members by id or username", async () => {
    const byId = await call(groupMembersPost, { key: root.key, params: { id: groupId }, body: { userId: ann.id } });
    expect(byId.status).toBe(201);
    expect(byId.json).toMatchObject({ id: ann.id, username: "ann" });
    const byName = await call(groupMembersPost, { key: root.key, params: { id: groupId }, body: { username: "ben" } });
    expect(byName.status).toBe(201);
    // Adding again changes nothing and writes no second audit row.
    await call(groupMembersPost, { key: root.key, params: { id: groupId }, body: { userId: ann.id } });
    expect((await audit("group.member_added")).length).toBe(2);
    expect((await call(groupMembersPost, { key: root.key, params: { id: groupId }, body: { username: "nobody" } })).status).toBe(
      400,
    );
    expect((await call(groupMembersPost, { key: root.key, params: { id: groupId }, body: {} })).status).toBe(400);
    const group = await call(groupGet, { key: root.key, params: { id: groupId } });
    expect(group.json.members.map((m: { username: string }) => m.username)).toEqual(["ann", "ben"]);
    const removed = await call(groupMemberDelete, {
      method: "DELETE",
      key: root.key,
      params: { id: groupId, userId: String(ben.id) },
    });
    expect(removed.status).toBe(204);
    expect(
      (await call(groupMemberDelete, { method: "DELETE", key: root.key, params: { id: groupId, userId: String(ben.id) } }))
        .status,
    ).toBe(404);
    expect((await audit("group.member_removed")).at(-1)?.details).toContain('"username":"ben"');
  });

  it("grants project access: the effective role is the highest of direct and group roles", async () => {
    expect(await projectRole(ann.actor, projectId)).toBeNull();
    const put = (role: string) =>
      call(groupProjectPut, { method: "PUT", key: root.key, params: { id: groupId, slug: "grouped" }, body: { role } });
    const granted = await put("viewer");
    expect(granted.status).toBe(200);
    expect(granted.json).toMatchObject({ slug: "grouped", role: "viewer" });
    expect(await projectRole(ann.actor, projectId)).toBe("viewer");
    // A direct member role above the group's wins …
    await call(membersPost, { key: root.key, params: { slug: "grouped" }, body: { username: "ann", role: "member" } });
    expect(await projectRole(ann.actor, projectId)).toBe("member");
    // … and a group role above the direct one wins too.
    expect((await put("admin")).status).toBe(200);
    expect(await projectRole(ann.actor, projectId)).toBe("admin");
    expect((await put("owner")).status).toBe(400);
    expect(
      (
        await call(groupProjectPut, {
          method: "PUT",
          key: root.key,
          params: { id: groupId, slug: "nope" },
          body: { role: "viewer" },
        })
      ).status,
    ).toBe(404);
    // The project's settings show the same grant.
    const fromProject = await call(projectGroupsGet, { key: root.key, params: { slug: "grouped" } });
    expect(fromProject.json).toEqual([{ id: Number(groupId), name: "Design", role: "admin", memberCount: 1 }]);
    const group = await call(groupGet, { key: root.key, params: { id: groupId } });
    expect(group.json.projects).toEqual([expect.objectContaining({ slug: "grouped", role: "admin" })]);

    const revoked = await call(groupProjectDelete, { method: "DELETE", key: root.key, params: { id: groupId, slug: "grouped" } });
    expect(revoked.status).toBe(204);
    expect(await projectRole(ann.actor, projectId)).toBe("member");
    const changes = await audit("group.access_changed");
    expect(changes.map((c) => JSON.parse(c.details ?? "{}").role)).toEqual(["viewer", "admin", null]);
  });

  it("removing a member or deleting the group takes away what only the group gave", async () => {
    await call(groupProjectPut, {
      method: "PUT",
      key: root.key,
      params: { id: groupId, slug: "grouped" },
      body: { role: "member" },
    });
    await call(groupMembersPost, { key: root.key, params: { id: groupId }, body: { userId: ben.id } });
    expect(await projectRole(ben.actor, projectId)).toBe("member");
    world.events.length = 0;
    await call(groupMemberDelete, { method: "DELETE", key: root.key, params: { id: groupId, userId: String(ben.id) } });
    expect(await projectRole(ben.actor, projectId)).toBeNull();
    await world.flush();
    expect(world.events).toContainEqual(expect.objectContaining({ room: `user:${ben.id}`, type: "project.access_removed" }));
    await call(groupMembersPost, { key: root.key, params: { id: groupId }, body: { userId: ben.id } });
    expect(await projectRole(ben.actor, projectId)).toBe("member");
    const deleted = await call(groupDelete, { method: "DELETE", key: root.key, params: { id: groupId } });
    expect(deleted.status).toBe(204);
    expect(await projectRole(ben.actor, projectId)).toBeNull();
    expect(await projectRole(ann.actor, projectId)).toBe("member");
    expect(await getDb().groupMember.count()).toBe(0);
    expect((await call(groupGet, { key: root.key, params: { id: groupId } })).status).toBe(404);
    expect((await audit("group.deleted")).at(-1)?.resourceId).toBe(groupId);
  });

  it("grants customer access with viewer or editor", async () => {
    const g = await call(groupsPost, { key: root.key, body: { name: "Accounting" } });
    const id = String(g.json.id);
    const put = (role: string, slug = "acme") =>
      call(groupCustomerPut, { method: "PUT", key: root.key, params: { id, slug }, body: { role } });
    expect((await put("viewer")).json).toMatchObject({ slug: "acme", name: "Acme", role: "viewer" });
    expect((await put("editor")).json.role).toBe("editor");
    expect((await put("admin")).status).toBe(400);
    expect((await put("viewer", "unknown")).status).toBe(404);
    const group = await call(groupGet, { key: root.key, params: { id } });
    expect(group.json.customers).toEqual([expect.objectContaining({ slug: "acme", role: "editor" })]);
    expect(await getDb().groupCustomerAccess.count({ where: { groupId: Number(id) } })).toBe(1);
    expect((await call(groupCustomerDelete, { method: "DELETE", key: root.key, params: { id, slug: "acme" } })).status).toBe(204);
    expect((await call(groupCustomerDelete, { method: "DELETE", key: root.key, params: { id, slug: "acme" } })).status).toBe(404);
    expect((await audit("group.access_changed")).at(-1)?.details).toContain('"customer":"acme"');
  });

  it("documents every admin group route in OpenAPI", () => {
    const paths = openApiDocument().paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths["/api/v1/admin/groups"])).toEqual(["get", "post"]);
    expect(Object.keys(paths["/api/v1/admin/groups/{id}"])).toEqual(["get", "patch", "delete"]);
    expect(Object.keys(paths["/api/v1/admin/groups/{id}/members"])).toEqual(["post"]);
    expect(Object.keys(paths["/api/v1/admin/groups/{id}/members/{userId}"])).toEqual(["delete"]);
    expect(Object.keys(paths["/api/v1/admin/groups/{id}/projects/{slug}"])).toEqual(["put", "delete"]);
    expect(Object.keys(paths["/api/v1/admin/groups/{id}/customers/{slug}"])).toEqual(["put", "delete"]);
  });
});
