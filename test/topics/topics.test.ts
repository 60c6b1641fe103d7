// Topics through their REST routes on every configured engine: pinned first then latest activity,
// pagination, a locked topic refuses replies, edit/delete own only, admins pin and lock, viewers
// read only, non-readers get 404, events after commit, bad input is a 4xx.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DELETE as replyDelete,
  PATCH as replyPatch,
} from "../../app/api/v1/projects/[slug]/topics/[id]/replies/[replyId]/route.ts";
import { GET as repliesGet, POST as replyPost } from "../../app/api/v1/projects/[slug]/topics/[id]/replies/route.ts";
import {
  DELETE as topicDelete,
  GET as topicGet,
  PATCH as topicPatch,
} from "../../app/api/v1/projects/[slug]/topics/[id]/route.ts";
import { POST as topicPost, GET as topicsGet } from "../../app/api/v1/projects/[slug]/topics/route.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getDb } from "../../lib/db/client.ts";
import { topicParticipants } from "../../lib/topics/replies.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

describe.each(availableEngines())("topics on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let admin: Person;
  let member: Person;
  let other: Person;
  let viewer: Person;
  let outsider: Person;
  const slug = "talk";

  const newTopic = async (who: Person, title: string, body = "Some **markdown**") =>
    call(topicPost, { key: who.key, params: { slug }, body: { title, body } });
  const reply = (who: Person, id: number, body: string) =>
    call(replyPost, { key: who.key, params: { slug, id: String(id) }, body: { body } });
  const patch = (who: Person, id: number, body: unknown) =>
    call(topicPatch, { method: "PATCH", key: who.key, params: { slug, id: String(id) }, body });
  const list = async (who: Person, query = "") =>
    call(topicsGet, { key: who.key, params: { slug }, path: `/api/v1/projects/${slug}/topics${query}` });

  beforeAll(async () => {
    world = await freshWorld(engine);
    admin = await person("admin");
    member = await person("member");
    other = await person("other");
    viewer = await person("viewer");
    outsider = await person("outsider");
    const project = await createProject(admin.actor, { name: "Talk", key: "TLK", slug });
    await getDb().projectMember.createMany({
      data: [
        { projectId: project.id, userId: member.id, role: "member" },
        { projectId: project.id, userId: other.id, role: "member" },
        { projectId: project.id, userId: viewer.id, role: "viewer" },
      ],
    });
  });
  afterAll(async () => world?.close());

  it("lists pinned topics first, then by latest activity (a reply moves a topic up), paginated", async () => {
    const ids: number[] = [];
    for (const title of ["First", "Second", "Third"]) {
      const res = await newTopic(member, title);
      expect(res.status).toBe(201);
      ids.push(res.json.id);
      await new Promise((r) => setTimeout(r, 15));
    }
    const [first, second, third] = ids;
    expect((await list(viewer)).json.topics.map((t: { id: number }) => t.id)).toEqual([third, second, first]);

    expect((await reply(other, first, "bump")).status).toBe(201);
    expect((await list(viewer)).json.topics.map((t: { id: number }) => t.id)).toEqual([first, third, second]);

    expect((await patch(admin, second, { pinned: true })).json.pinned).toBe(true);
    const page = (await list(viewer)).json;
    expect(page.topics.map((t: { id: number; pinned: boolean }) => [t.id, t.pinned])).toEqual([
      [second, true],
      [first, false],
      [third, false],
    ]);
    expect(page.topics[1].replyCount).toBe(1);
    expect(page.total).toBe(3);

    const p1 = (await list(viewer, "?limit=2&page=1")).json.topics.map((t: { id: number }) => t.id);
    const p2 = (await list(viewer, "?limit=2&page=2")).json.topics.map((t: { id: number }) => t.id);
    expect([...p1, ...p2]).toEqual([second, first, third]);
    expect((await list(viewer, "?limit=0")).status).toBe(400);
    expect((await patch(admin, second, { pinned: false })).status).toBe(200);
  });

  it("a locked topic refuses new replies on the server, with a clear message, until unlocked", async () => {
    const id = (await newTopic(member, "Lock me")).json.id;
    const mine = (await reply(member, id, "before the lock")).json;
    expect((await patch(member, id, { locked: true })).status).toBe(403);
    expect((await patch(admin, id, { locked: true })).json.locked).toBe(true);

    const refused = await reply(member, id, "after the lock");
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/locked/i);
    expect((await reply(admin, id, "admins too")).status).toBe(409);
    const edit = await call(replyPatch, {
      method: "PATCH",
      key: member.key,
      params: { slug, id: String(id), replyId: String(mine.id) },
      body: { body: "changed" },
    });
    expect(edit.status).toBe(409);
    const page = (await call(topicGet, { key: member.key, params: { slug, id: String(id) } })).json;
    expect(page.canReply).toBe(false);
    expect(page.topic.replyCount).toBe(1);
    expect(await getDb().topicReply.count({ where: { topicId: id } })).toBe(1);

    await patch(admin, id, { locked: false });
    expect((await reply(member, id, "unlocked again")).status).toBe(201);
  });

  it("lets authors edit and delete only their own topics and replies, softly", async () => {
    const id = (await newTopic(member, "Mine")).json.id;
    expect((await patch(other, id, { title: "Hijacked" })).status).toBe(403);
    expect((await patch(admin, id, { body: "admins moderate, they do not edit" })).status).toBe(403);
    const edited = await patch(member, id, { title: "Mine, renamed" });
    expect(edited.status).toBe(200);
    expect(edited.json.title).toBe("Mine, renamed");
    expect(edited.json.editedAt).not.toBeNull();

    const r = (await reply(other, id, "a reply")).json;
    const params = { slug, id: String(id), replyId: String(r.id) };
    expect((await call(replyPatch, { method: "PATCH", key: member.key, params, body: { body: "x" } })).status).toBe(403);
    expect((await call(replyDelete, { method: "DELETE", key: member.key, params })).status).toBe(403);
    const changed = await call(replyPatch, { method: "PATCH", key: other.key, params, body: { body: "an edited reply" } });
    expect(changed.json).toMatchObject({ body: "an edited reply", deleted: false });
    expect(changed.json.editedAt).not.toBeNull();
    expect((await call(replyDelete, { method: "DELETE", key: other.key, params })).json).toMatchObject({
      body: null,
      deleted: true,
    });
    const replies = (await call(repliesGet, { key: viewer.key, params: { slug, id: String(id) } })).json.replies;
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ id: r.id, deleted: true, body: null });
    expect((await call(topicGet, { key: viewer.key, params: { slug, id: String(id) } })).json.topic.replyCount).toBe(0);
    expect((await call(replyDelete, { method: "DELETE", key: other.key, params })).status).toBe(404);

    expect((await call(topicDelete, { method: "DELETE", key: other.key, params: { slug, id: String(id) } })).status).toBe(403);
    expect((await call(topicDelete, { method: "DELETE", key: member.key, params: { slug, id: String(id) } })).status).toBe(200);
    expect((await call(topicGet, { key: member.key, params: { slug, id: String(id) } })).status).toBe(404);
    expect(await getDb().topic.count({ where: { id } })).toBe(1);
    const titles = (await list(viewer)).json.topics.map((t: { title: string }) => t.title);
    expect(titles).not.toContain("Mine, renamed");
  });

  it("viewers read only; non-members get 404 for everything", async () => {
    const id = (await newTopic(member, "Readable")).json.id;
    expect((await call(topicGet, { key: viewer.key, params: { slug, id: String(id) } })).status).toBe(200);
    expect((await newTopic(viewer, "Nope")).status).toBe(403);
    expect((await reply(viewer, id, "nope")).status).toBe(403);
    expect((await list(outsider)).status).toBe(404);
    expect((await call(topicGet, { key: outsider.key, params: { slug, id: String(id) } })).status).toBe(404);
    expect((await reply(outsider, id, "nope")).status).toBe(404);
    expect((await call(repliesGet, { key: outsider.key, params: { slug, id: String(id) } })).status).toBe(404);
    expect((await patch(outsider, id, { pinned: true })).status).toBe(404);
  });

  it("answers bad input with 4xx, never 500", async () => {
    const id = (await newTopic(member, "Input")).json.id;
    expect((await newTopic(member, "")).status).toBe(400);
    expect((await call(topicPost, { key: member.key, params: { slug }, body: { title: "x" } })).status).toBe(400);
    expect((await patch(member, id, {})).status).toBe(400);
    expect((await patch(member, id, { pinned: "yes" })).status).toBe(400);
    expect((await patch(member, id, { nonsense: 1 })).status).toBe(400);
    expect((await reply(member, id, "   ")).status).toBe(400);
    for (const bad of ["abc", "0", "-1", "99999999999", "1.5"]) {
      expect((await call(topicGet, { key: member.key, params: { slug, id: bad } })).status).toBe(404);
      expect((await reply(member, bad as unknown as number, "x")).status).toBe(404);
    }
    expect(
      (await call(topicPost, { key: member.key, params: { slug }, rawBody: "{not json", contentType: "application/json" }))
        .status,
    ).toBe(400);
  });

  it("publishes topic and reply events in the project room after the write", async () => {
    await world.flush();
    world.events.length = 0;
    const topic = (await newTopic(member, "Live")).json;
    const r = (await reply(other, topic.id, "live reply")).json;
    const params = { slug, id: String(topic.id), replyId: String(r.id) };
    await call(replyPatch, { method: "PATCH", key: other.key, params, body: { body: "edited" } });
    await call(replyDelete, { method: "DELETE", key: other.key, params });
    await patch(admin, topic.id, { locked: true });
    await call(topicDelete, { method: "DELETE", key: member.key, params: { slug, id: String(topic.id) } });
    await world.flush();
    const room = `project:${topic.projectId}`;
    // The topic's author hears about the reply in their own room.
    const told = world.events.filter((e) => e.type === "notification.created");
    expect(told.map((e) => e.room)).toEqual([`user:${member.id}`]);
    expect(told[0].data).toMatchObject({ type: "reply", url: `/${slug}/topics/${topic.id}#reply-${r.id}` });
    expect(world.events.filter((e) => e.room === room).map((e) => [e.room, e.type])).toEqual(
      ["topic.created", "reply.created", "reply.updated", "reply.deleted", "topic.updated", "topic.deleted"].map((t) => [
        room,
        t,
      ]),
    );
    expect(world.events.find((e) => e.type === "reply.created")?.data).toMatchObject({
      replyCount: 1,
      reply: { id: r.id, body: "live reply" },
    });
    expect(await topicParticipants(topic.id)).toEqual([member.id]);
  });
});
