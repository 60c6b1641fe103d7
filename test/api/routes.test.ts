// The REST API through its route handlers, called as functions with real Requests, real API keys
// and a real database per engine.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "../../app/api/health/route.ts";
import { POST as realtimeToken } from "../../app/api/realtime/token/route.ts";
import { GET as setupGet, POST as setupPost } from "../../app/api/setup/route.ts";
import { GET as unknownRoute } from "../../app/api/v1/[...rest]/route.ts";
import { GET as boardGet } from "../../app/api/v1/projects/[slug]/board/route.ts";
import { POST as commentPost } from "../../app/api/v1/projects/[slug]/cards/[key]/comments/route.ts";
import { POST as movePost } from "../../app/api/v1/projects/[slug]/cards/[key]/move/route.ts";
import { DELETE as cardDelete, GET as cardGet, PATCH as cardPatch } from "../../app/api/v1/projects/[slug]/cards/[key]/route.ts";
import { POST as cardPost } from "../../app/api/v1/projects/[slug]/cards/route.ts";
import { POST as columnPost } from "../../app/api/v1/projects/[slug]/columns/route.ts";
import { GET as membersGet, POST as membersPost } from "../../app/api/v1/projects/[slug]/members/route.ts";
import { GET as projectGet } from "../../app/api/v1/projects/[slug]/route.ts";
import { DELETE as projectsDelete, GET as projectsGet, POST as projectsPost } from "../../app/api/v1/projects/route.ts";
import { getConfig } from "../../lib/config.ts";
import { verifyRealtimeToken } from "../../lib/realtime/token.ts";
import { VERSION } from "../../lib/version.ts";
import { availableEngines } from "../helpers/db.ts";
import { call, freshWorld, keyFor, type Person, person } from "./helpers.ts";

describe.each(availableEngines())("REST API on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Person;
  let viewer: Person;
  let outsider: Person;
  let slug: string;
  let projectId: number;
  let columns: { id: number; name: string }[];

  beforeAll(async () => {
    world = await freshWorld(engine);
  });
  afterAll(async () => world?.close());

  it("first-run setup creates one admin, then refuses", async () => {
    expect((await call(setupGet)).json).toEqual({ needed: true });
    const bad = await call(setupPost, { body: { email: "not-an-email", username: "x", password: "short" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("validation");
    const ok = await call(setupPost, {
      body: { email: "Root@Example.test", username: "root", password: "a long enough password" },
    });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ email: "root@example.test", username: "root", role: "admin" });
    expect(JSON.stringify(ok.json)).not.toMatch(/password/i);
    expect((await call(setupGet)).json).toEqual({ needed: false });
    const again = await call(setupPost, {
      body: { email: "b@example.test", username: "other", password: "a long enough password" },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("conflict");
  });

  it("health names the engine", async () => {
    const res = await health();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: engine, version: VERSION });
  });

  it("creates a project with default columns and lists it for its members only", async () => {
    owner = await person("owner");
    viewer = await person("viewer");
    outsider = await person("outsider");
    const created = await call(projectsPost, { key: owner.key, body: { name: "Website Relaunch", key: "web" } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "Website Relaunch", slug: "website-relaunch", key: "WEB", cardCounter: 0 });
    slug = created.json.slug;
    projectId = created.json.id;
    const mine = await call(projectsGet, { key: owner.key });
    expect(mine.json.map((p: { slug: string }) => p.slug)).toEqual([slug]);
    const theirs = await call(projectsGet, { key: outsider.key });
    expect(theirs.status).toBe(200);
    expect(theirs.json).toEqual([]);
    const one = await call(projectGet, { key: owner.key, params: { slug } });
    expect(one.json).toMatchObject({ slug, role: "admin" });
    const board = await call(boardGet, { key: owner.key, params: { slug } });
    expect(board.status).toBe(200);
    columns = board.json.columns;
    expect(columns.map((c) => c.name)).toEqual(["To do", "In progress", "Done"]);
  });

  it("adds members with roles (project admins only)", async () => {
    const added = await call(membersPost, { key: owner.key, params: { slug }, body: { username: "viewer", role: "viewer" } });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ username: "viewer", role: "viewer" });
    const list = await call(membersGet, { key: viewer.key, params: { slug } });
    expect(list.json.map((m: { username: string; role: string }) => `${m.username}:${m.role}`)).toEqual([
      "owner:admin",
      "viewer:viewer",
    ]);
    const byViewer = await call(membersPost, { key: viewer.key, params: { slug }, body: { username: "outsider" } });
    expect(byViewer.status).toBe(403);
    const unknownUser = await call(membersPost, { key: owner.key, params: { slug }, body: { username: "nobody" } });
    expect(unknownUser.status).toBe(400);
  });

  it("creates columns and cards, and publishes what changed", async () => {
    const column = await call(columnPost, {
      key: owner.key,
      params: { slug },
      body: { name: "Review", afterColumnId: columns[1].id },
    });
    expect(column.status).toBe(201);
    expect(column.json).toMatchObject({ name: "Review", wipLimit: 0, cards: [] });
    const board = await call(boardGet, { key: owner.key, params: { slug } });
    expect(board.json.columns.map((c: { name: string }) => c.name)).toEqual(["To do", "In progress", "Review", "Done"]);
    columns = board.json.columns;

    await world.flush();
    world.events.length = 0;
    const card = await call(cardPost, {
      key: owner.key,
      params: { slug },
      body: {
        title: "Write copy",
        description: "**bold**",
        priority: "high",
        dueDate: "2026-12-01",
        assignees: ["viewer"],
        labels: ["copy"],
      },
    });
    expect(card.status).toBe(201);
    expect(card.json).toMatchObject({
      key: "WEB-1",
      number: 1,
      title: "Write copy",
      description: "**bold**",
      columnId: columns[0].id,
      priority: "high",
      dueDate: "2026-12-01",
      version: 1,
      assignees: [{ username: "viewer" }],
      labels: [{ name: "copy" }],
      links: [],
    });
    await world.flush();
    // The assignee is told in their own room (issue 6: notifications).
    expect(world.events.map((e) => [e.room, e.type])).toEqual([
      [`project:${projectId}`, "card.created"],
      [`user:${viewer.id}`, "notification.created"],
    ]);
    expect(world.events[0].data).toMatchObject({ key: "WEB-1" });

    const byKey = await call(cardGet, { key: viewer.key, params: { slug, key: "WEB-1" } });
    const byNumber = await call(cardGet, { key: viewer.key, params: { slug, key: "1" } });
    expect(byKey.status).toBe(200);
    expect(byNumber.json).toEqual(byKey.json);
    const otherPrefix = await call(cardGet, { key: viewer.key, params: { slug, key: "XYZ-1" } });
    expect(otherPrefix.status).toBe(404);
  });

  it("PATCH checks the optimistic version: stale is 409, current is 200 and version+1", async () => {
    const before = (await call(cardGet, { key: owner.key, params: { slug, key: "WEB-1" } })).json;
    const ok = await call(cardPatch, {
      method: "PATCH",
      key: owner.key,
      params: { slug, key: "WEB-1" },
      body: { title: "Write the copy", version: before.version },
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ title: "Write the copy", version: before.version + 1 });
    const stale = await call(cardPatch, {
      method: "PATCH",
      key: owner.key,
      params: { slug, key: "WEB-1" },
      body: { title: "Lost update", version: before.version },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("conflict");
    const after = (await call(cardGet, { key: owner.key, params: { slug, key: "WEB-1" } })).json;
    expect(after.title).toBe("Write the copy");
    expect(after.version).toBe(before.version + 1);
    // Without a version the write is unconditional (last writer wins) and still bumps the version.
    const blind = await call(cardPatch, {
      method: "PATCH",
      key: owner.key,
      params: { slug, key: "1" },
      body: { priority: "low" },
    });
    expect(blind.json).toMatchObject({ priority: "low", version: before.version + 2 });
  });

  it("moves a card exactly between two others, also across columns", async () => {
    const keys: string[] = [];
    for (const title of ["two", "three", "four"]) {
      const res = await call(cardPost, { key: owner.key, params: { slug }, body: { title, columnId: columns[1].id } });
      keys.push(res.json.key);
    }
    const order = async (columnId: number) => {
      const board = await call(boardGet, { key: owner.key, params: { slug } });
      return board.json.columns.find((c: { id: number }) => c.id === columnId).cards.map((c: { key: string }) => c.key);
    };
    expect(await order(columns[1].id)).toEqual(keys);
    // From another column into the middle.
    const moved = await call(movePost, {
      key: owner.key,
      params: { slug, key: "WEB-1" },
      body: { columnId: columns[1].id, afterKey: keys[0], beforeKey: keys[1] },
    });
    expect(moved.status).toBe(200);
    expect(moved.json.columnId).toBe(columns[1].id);
    expect(await order(columns[1].id)).toEqual([keys[0], "WEB-1", keys[1], keys[2]]);
    expect(await order(columns[0].id)).toEqual([]);
    // Within the column: to the top (before the first), then to the bottom (no neighbours).
    await call(movePost, {
      key: owner.key,
      params: { slug, key: keys[2] },
      body: { columnId: columns[1].id, beforeKey: keys[0] },
    });
    expect(await order(columns[1].id)).toEqual([keys[2], keys[0], "WEB-1", keys[1]]);
    await call(movePost, { key: owner.key, params: { slug, key: keys[2] }, body: { columnId: columns[1].id } });
    expect(await order(columns[1].id)).toEqual([keys[0], "WEB-1", keys[1], keys[2]]);
    // By number, after the last card.
    await call(movePost, { key: owner.key, params: { slug, key: "1" }, body: { columnId: columns[1].id, afterKey: keys[2] } });
    expect(await order(columns[1].id)).toEqual([keys[0], keys[1], keys[2], "WEB-1"]);
    // Neighbours that are no longer adjacent: 409, nothing moves.
    const stale = await call(movePost, {
      key: owner.key,
      params: { slug, key: "WEB-1" },
      body: { columnId: columns[1].id, afterKey: keys[0], beforeKey: keys[2] },
    });
    expect(stale.status).toBe(409);
    expect(await order(columns[1].id)).toEqual([keys[0], keys[1], keys[2], "WEB-1"]);
  });

  it("comments and deletes", async () => {
    const comment = await call(commentPost, { key: owner.key, params: { slug, key: "WEB-1" }, body: { body: "Looks good" } });
    expect(comment.status).toBe(201);
    expect(comment.json).toMatchObject({ body: "Looks good", cardKey: "WEB-1", user: { username: "owner" } });
    expect((await call(cardGet, { key: owner.key, params: { slug, key: "WEB-1" } })).json.commentCount).toBe(1);
    const deleted = await call(cardDelete, { method: "DELETE", key: owner.key, params: { slug, key: "WEB-1" } });
    expect(deleted.status).toBe(200);
    expect((await call(cardGet, { key: owner.key, params: { slug, key: "WEB-1" } })).status).toBe(404);
    const board = await call(boardGet, { key: owner.key, params: { slug } });
    const all = board.json.columns.flatMap((c: { cards: { key: string }[] }) => c.cards.map((x) => x.key));
    expect(all).not.toContain("WEB-1");
  });

  it("hides projects from non-members with the same 404 as an unknown slug", async () => {
    const hidden = await call(boardGet, { key: outsider.key, params: { slug } });
    const unknown = await call(boardGet, { key: outsider.key, params: { slug: "no-such-project" } });
    expect(hidden.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(hidden.json).toEqual(unknown.json);
    expect(hidden.json.error.code).toBe("not_found");
    for (const res of [
      await call(projectGet, { key: outsider.key, params: { slug } }),
      await call(membersGet, { key: outsider.key, params: { slug } }),
      await call(cardGet, { key: outsider.key, params: { slug, key: "WEB-2" } }),
      await call(cardPost, { key: outsider.key, params: { slug }, body: { title: "sneaky" } }),
      await call(commentPost, { key: outsider.key, params: { slug, key: "WEB-2" }, body: { body: "sneaky" } }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.json).toEqual(unknown.json);
    }
  });

  it("lets a viewer read but answers 403 to every write", async () => {
    expect((await call(boardGet, { key: viewer.key, params: { slug } })).status).toBe(200);
    const writes = [
      await call(cardPost, { key: viewer.key, params: { slug }, body: { title: "nope" } }),
      await call(columnPost, { key: viewer.key, params: { slug }, body: { name: "nope" } }),
      await call(cardPatch, { method: "PATCH", key: viewer.key, params: { slug, key: "WEB-2" }, body: { title: "nope" } }),
      await call(movePost, { key: viewer.key, params: { slug, key: "WEB-2" }, body: { columnId: columns[0].id } }),
      await call(commentPost, { key: viewer.key, params: { slug, key: "WEB-2" }, body: { body: "nope" } }),
      await call(cardDelete, { method: "DELETE", key: viewer.key, params: { slug, key: "WEB-2" } }),
    ];
    expect(writes.map((w) => w.status)).toEqual([403, 403, 403, 403, 403, 403]);
    for (const w of writes) expect(w.json.error.code).toBe("forbidden");
    expect((await call(cardGet, { key: viewer.key, params: { slug, key: "WEB-2" } })).json.title).toBe("two");
  });

  it("limits a project-scoped API key to its project", async () => {
    const other = await call(projectsPost, { key: owner.key, body: { name: "Other", key: "OTH" } });
    expect(other.status).toBe(201);
    const scoped = await keyFor(owner.id, projectId);
    const list = await call(projectsGet, { key: scoped.key });
    expect(list.json.map((p: { slug: string }) => p.slug)).toEqual([slug]);
    expect((await call(boardGet, { key: scoped.key, params: { slug } })).status).toBe(200);
    const hidden = await call(boardGet, { key: scoped.key, params: { slug: other.json.slug } });
    expect(hidden.status).toBe(404);
    expect((await call(cardPost, { key: scoped.key, params: { slug: other.json.slug }, body: { title: "x" } })).status).toBe(404);
    const create = await call(projectsPost, { key: scoped.key, body: { name: "Third", key: "THR" } });
    expect(create.status).toBe(403);
  });

  it("issues realtime tokens for the caller, pointing at the host they used", async () => {
    const res = await call(realtimeToken, { method: "POST", key: owner.key, headers: { host: "desk.example.test:3000" } });
    expect(res.status).toBe(200);
    const { realtimePort, realtimePublicUrl, realtimeProxy, authSecret } = getConfig();
    expect(res.json.url).toBe(
      realtimePublicUrl ?? (realtimeProxy ? "http://desk.example.test:3000" : `http://desk.example.test:${realtimePort}`),
    );
    expect(verifyRealtimeToken(res.json.token, authSecret)).toMatchObject({ uid: owner.id, sid: null, pid: null });
    const scoped = await keyFor(owner.id, projectId);
    const scopedRes = await call(realtimeToken, { method: "POST", key: scoped.key });
    expect(verifyRealtimeToken(scopedRes.json.token, authSecret)).toMatchObject({ uid: owner.id, pid: projectId });
    expect((await call(realtimeToken, { method: "POST" })).status).toBe(401);
  });

  it("answers unknown API routes with a JSON 404", async () => {
    const res = await call(unknownRoute, { path: "/api/v1/nothing/here", params: { rest: ["nothing", "here"] } });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
    const wrongMethod = await call(projectsDelete, { method: "DELETE", key: owner.key });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.json.error.code).toBe("method_not_allowed");
  });
});
