// Project chat and conversations over REST on every engine: pagination by id (each message exactly
// once, also while new ones arrive), own edits and soft deletes, DM uniqueness, members-only
// conversations (404 for anyone else), read markers and unread counts, bad input 400.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as leave } from "../../app/api/v1/conversations/[id]/leave/route.ts";
import { GET as listDm, POST as postDm } from "../../app/api/v1/conversations/[id]/messages/route.ts";
import { POST as readDm } from "../../app/api/v1/conversations/[id]/read/route.ts";
import { GET as getConversation } from "../../app/api/v1/conversations/[id]/route.ts";
import { GET as listConversations, POST as startConversation } from "../../app/api/v1/conversations/route.ts";
import { GET as unread } from "../../app/api/v1/me/unread/route.ts";
import { DELETE as deleteMessage, PATCH as editMessage } from "../../app/api/v1/projects/[slug]/messages/[id]/route.ts";
import { POST as markRead } from "../../app/api/v1/projects/[slug]/messages/read/route.ts";
import { GET as listMessages, POST as postMessage } from "../../app/api/v1/projects/[slug]/messages/route.ts";
import { addMember } from "../../lib/boards/members.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { postBotMessage } from "../../lib/chat/chat.ts";
import { postConversationMessage } from "../../lib/conversations/conversations.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

describe.each(availableEngines())("chat on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Person;
  let member: Person;
  let viewer: Person;
  let outsider: Person;
  let project: { id: number; slug: string };

  beforeAll(async () => {
    world = await freshWorld(engine);
    owner = await person("owner");
    member = await person("member");
    viewer = await person("viewer");
    outsider = await person("outsider");
    project = await createProject(owner.actor, { name: "Alpha", key: "ALP" });
    await addMember(owner.actor, project.slug, { username: "member", role: "member" });
    await addMember(owner.actor, project.slug, { username: "viewer", role: "viewer" });
  });
  afterAll(async () => world?.close());

  const page = (key: string, query: string, slug = project.slug) =>
    call(listMessages, { key, params: { slug }, path: `/api/v1/projects/${slug}/messages${query}` });

  it("posts a message (201) and lists it newest last; `{ body }` is the whole contract", async () => {
    const a = await call(postMessage, { key: owner.key, params: { slug: project.slug }, body: { body: "first" } });
    expect(a.status).toBe(201);
    expect(a.json).toMatchObject({ body: "first", user: { username: "owner" }, isBot: false, deleted: false });
    const b = await call(postMessage, { key: member.key, params: { slug: project.slug }, body: { body: "second" } });
    expect(b.status).toBe(201);
    const list = await page(viewer.key, "");
    expect(list.status).toBe(200);
    expect(list.json.map((m: { body: string }) => m.body)).toEqual(["first", "second"]);
  });

  it("answers 400 for bad input, 403 for a viewer posting, 404 for an outsider", async () => {
    for (const body of [{}, { body: "" }, { body: "   " }, { body: 5 }, { body: "x".repeat(20_001) }]) {
      const res = await call(postMessage, { key: owner.key, params: { slug: project.slug }, body });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("validation");
    }
    const bad = await call(postMessage, { key: owner.key, params: { slug: project.slug }, rawBody: "{nope" });
    expect(bad.status).toBe(400);
    for (const q of ["?before=abc", "?limit=0", "?limit=201", "?before=-1", "?after=x"]) {
      const res = await page(owner.key, q);
      expect(res.status).toBe(400);
    }
    const v = await call(postMessage, { key: viewer.key, params: { slug: project.slug }, body: { body: "hi" } });
    expect(v.status).toBe(403);
    const o = await call(postMessage, { key: outsider.key, params: { slug: project.slug }, body: { body: "hi" } });
    expect(o.status).toBe(404);
    expect((await page(outsider.key, "")).status).toBe(404);
  });

  it("edits and soft-deletes only one's own message; a deleted one keeps its place without text", async () => {
    const m = await call(postMessage, { key: member.key, params: { slug: project.slug }, body: { body: "typo" } });
    const params = { slug: project.slug, id: String(m.json.id) };
    const other = await call(editMessage, { method: "PATCH", key: owner.key, params, body: { body: "hijack" } });
    expect(other.status).toBe(403);
    const empty = await call(editMessage, { method: "PATCH", key: member.key, params, body: { body: "" } });
    expect(empty.status).toBe(400);
    const edited = await call(editMessage, { method: "PATCH", key: member.key, params, body: { body: "fixed" } });
    expect(edited.status).toBe(200);
    expect(edited.json.body).toBe("fixed");
    expect(edited.json.editedAt).not.toBeNull();
    expect((await call(deleteMessage, { method: "DELETE", key: owner.key, params })).status).toBe(403);
    const deleted = await call(deleteMessage, { method: "DELETE", key: member.key, params });
    expect(deleted.status).toBe(200);
    expect(deleted.json).toMatchObject({ id: m.json.id, deleted: true, body: null });
    const list = await page(member.key, "");
    expect(list.json.find((x: { id: number }) => x.id === m.json.id)).toMatchObject({ deleted: true, body: null });
    expect((await call(deleteMessage, { method: "DELETE", key: member.key, params })).status).toBe(404);
    const unknown = await call(editMessage, {
      method: "PATCH",
      key: member.key,
      params: { slug: project.slug, id: "abc" },
      body: { body: "x" },
    });
    expect(unknown.status).toBe(404);
  });

  it("shows bot messages with their name and no user", async () => {
    const bot = await postBotMessage(project.id, { name: "GitHub", body: "pushed 3 commits" });
    expect(bot).toMatchObject({ isBot: true, botName: "GitHub", user: null });
    const list = await page(owner.key, "?limit=1");
    expect(list.json).toEqual([expect.objectContaining({ id: bot.id, isBot: true, botName: "GitHub" })]);
    await expect(postBotMessage(project.id, { name: "", body: "x" })).rejects.toThrow(/Invalid input/);
  });

  // 500 posts one after the other: minutes on a loaded machine with a server database.
  it("pages 500 messages upwards: each exactly once and in order, also while new messages arrive", {
    timeout: 300_000,
  }, async () => {
    const p = await createProject(owner.actor, { name: "Paging", key: "PAG" });
    await addMember(owner.actor, p.slug, { username: "member", role: "member" });
    const posted: number[] = [];
    for (let i = 0; i < 500; i++) {
      const r = await call(postMessage, { key: owner.key, params: { slug: p.slug }, body: { body: `m${i}` } });
      posted.push(r.json.id);
    }
    const seen: number[] = [];
    let first = await page(owner.key, "?limit=37", p.slug);
    const arrived: number[] = [];
    let pageNo = 0;
    while (first.json.length) {
      const ids = first.json.map((m: { id: number }) => m.id);
      expect(ids).toEqual([...ids].sort((a: number, b: number) => a - b));
      seen.unshift(...ids);
      // New messages arrive between page loads: they must not shift what the next page returns.
      if (pageNo++ < 5) {
        const r = await call(postMessage, { key: member.key, params: { slug: p.slug }, body: { body: `late ${pageNo}` } });
        expect(r.status).toBe(201);
        arrived.push(r.json.id);
      }
      first = await page(owner.key, `?limit=37&before=${ids[0]}`, p.slug);
    }
    expect(seen).toEqual(posted);
    expect(new Set(seen).size).toBe(500);
    // Catching up from the newest seen message returns exactly the ones that arrived meanwhile.
    const after = await page(owner.key, `?after=${posted[posted.length - 1]}&limit=200`, p.slug);
    expect(after.json.map((m: { id: number }) => m.id)).toEqual(arrived);
  });

  it("keeps a read marker per user and counts unread messages of others", async () => {
    const p = await createProject(owner.actor, { name: "Reading", key: "RDG" });
    await addMember(owner.actor, p.slug, { username: "member", role: "member" });
    for (const body of ["a", "b", "c"]) await call(postMessage, { key: owner.key, params: { slug: p.slug }, body: { body } });
    const summary = await call(unread, { key: member.key });
    expect(summary.json.projects.find((x: { projectId: number }) => x.projectId === p.id).unread).toBe(3);
    // The author's own messages are read.
    const own = await call(unread, { key: owner.key });
    expect(own.json.projects.find((x: { projectId: number }) => x.projectId === p.id).unread).toBe(0);
    const list = await page(member.key, "", p.slug);
    const r1 = await call(markRead, { key: member.key, params: { slug: p.slug }, body: { messageId: list.json[0].id } });
    expect(r1.json.unread).toBe(2);
    // Never moves back (another device that is behind).
    const r0 = await call(markRead, { key: member.key, params: { slug: p.slug }, body: { messageId: list.json[0].id } });
    expect(r0.json).toMatchObject({ lastReadMessageId: list.json[0].id, unread: 2 });
    const r2 = await call(markRead, { key: member.key, params: { slug: p.slug }, body: {} });
    expect(r2.json.unread).toBe(0);
    expect((await call(markRead, { key: member.key, params: { slug: p.slug }, body: { messageId: "x" } })).status).toBe(400);
    expect((await call(markRead, { key: member.key, params: { slug: p.slug }, body: { messageId: 99999 } })).status).toBe(404);
  });

  it("keeps a DM unique per pair: starting again (either side) returns the existing one", async () => {
    const a = await call(startConversation, { key: owner.key, body: { userIds: [member.id] } });
    expect(a.status).toBe(201);
    expect(a.json).toMatchObject({ isGroup: false, name: null });
    const again = await call(startConversation, { key: owner.key, body: { userIds: [member.id] } });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(a.json.id);
    const other = await call(startConversation, { key: member.key, body: { userIds: [owner.id, owner.id] } });
    expect(other.json.id).toBe(a.json.id);
    // Concurrent starts by both sides still end in one conversation.
    const v = await Promise.all([
      call(startConversation, { key: viewer.key, body: { userIds: [outsider.id] } }),
      call(startConversation, { key: outsider.key, body: { userIds: [viewer.id] } }),
    ]);
    expect(v[0].json.id).toBe(v[1].json.id);
  });

  it("answers 400 for bad conversation input", async () => {
    for (const body of [
      {},
      { userIds: [] },
      { userIds: ["x"] },
      { userIds: [owner.id] },
      { userIds: [99999] },
      { userIds: [member.id], name: "" },
    ]) {
      const res = await call(startConversation, { key: owner.key, body });
      expect(res.status).toBe(400);
    }
  });

  it("lets only members read a conversation (404 for anyone else), and a member leave a group", async () => {
    const g = await call(startConversation, { key: owner.key, body: { userIds: [member.id, viewer.id], name: "Launch" } });
    expect(g.status).toBe(201);
    expect(g.json).toMatchObject({ isGroup: true, name: "Launch" });
    const id = String(g.json.id);
    const sent = await call(postDm, { key: member.key, params: { id }, body: { body: "hello group" } });
    expect(sent.status).toBe(201);
    expect((await call(listDm, { key: outsider.key, params: { id }, path: `/api/v1/conversations/${id}/messages` })).status).toBe(
      404,
    );
    expect((await call(getConversation, { key: outsider.key, params: { id } })).status).toBe(404);
    expect((await call(postDm, { key: outsider.key, params: { id }, body: { body: "let me in" } })).status).toBe(404);
    expect((await call(readDm, { key: outsider.key, params: { id }, body: {} })).status).toBe(404);
    expect((await call(listDm, { key: owner.key, params: { id: "nope" } })).status).toBe(404);
    const list = await call(listDm, { key: viewer.key, params: { id }, path: `/api/v1/conversations/${id}/messages` });
    expect(list.json.map((m: { body: string }) => m.body)).toEqual(["hello group"]);
    const mine = await call(listConversations, { key: viewer.key });
    expect(mine.json.find((c: { id: number }) => c.id === g.json.id)).toMatchObject({ unread: 1, name: "Launch" });
    // Leaving: the conversation is gone for the leaver, the others keep it.
    expect((await call(leave, { key: viewer.key, params: { id } })).status).toBe(200);
    expect((await call(listDm, { key: viewer.key, params: { id } })).status).toBe(404);
    expect((await call(listDm, { key: member.key, params: { id } })).status).toBe(200);
    const after = await call(getConversation, { key: owner.key, params: { id } });
    expect(after.json.members.map((m: { username: string }) => m.username)).toEqual(["owner", "member"]);
    // A DM cannot be left.
    const dm = await call(startConversation, { key: owner.key, body: { userIds: [member.id] } });
    expect((await call(leave, { key: owner.key, params: { id: String(dm.json.id) } })).status).toBe(400);
  });

  it("refuses conversations to an API key limited to one project", async () => {
    const dm = await call(startConversation, { key: owner.key, body: { userIds: [outsider.id] } });
    await postConversationMessage(owner.actor, dm.json.id, { body: "private" });
    const { keyFor } = await import("../api/helpers.ts");
    const scoped = await keyFor(outsider.id, project.id);
    // Refused for every conversation alike (the route is account-wide, lib/auth/actor.ts RouteScope).
    const refused = await call(listDm, { key: scoped.key, params: { id: String(dm.json.id) } });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.json)).not.toContain("private");
  });
});
