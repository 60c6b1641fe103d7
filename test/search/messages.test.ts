// The global search over messages (migration 0010) on every configured engine: project chat
// messages are found by whoever reads the project; conversation (DM and group) messages only by the
// conversation's current members (not after leaving, not by a system admin who is not a member,
// never through a key limited to a project); edits and soft deletes follow in the index.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as searchGet } from "../../app/api/v1/search/route.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { deleteChatMessage, postBotMessage, postChatMessage, updateChatMessage } from "../../lib/chat/chat.ts";
import {
  deleteConversationMessage,
  leaveConversation,
  postConversationMessage,
  startConversation,
  updateConversationMessage,
} from "../../lib/conversations/conversations.ts";
import { getDb } from "../../lib/db/client.ts";
import { type SearchResult, search } from "../../lib/search/search.ts";
import { call, freshWorld, keyFor, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

const ofType = (results: SearchResult[], type: string) => results.filter((r) => r.type === type);
const marked = (h: { text: string; marks: [number, number][] }) => h.marks.map(([s, e]) => h.text.slice(s, e));

describe.each(availableEngines())("message search on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let alice: Person; // member of "alpha", in the DM with bob and in the group
  let bob: Person; // member of "beta" only
  let carol: Person; // in the group, then leaves it
  let dave: Person; // in nothing
  let admin: Person; // system admin, in no conversation
  let dmId: number;
  let groupId: number;

  beforeAll(async () => {
    world = await freshWorld(engine);
    alice = await person("alice");
    bob = await person("bob");
    carol = await person("carol");
    dave = await person("dave");
    admin = await person("root", { admin: true });
    await createProject(alice.actor, { name: "Alpha", key: "ALP", slug: "alpha" });
    await createProject(bob.actor, { name: "Beta", key: "BET", slug: "beta" });
    dmId = (await startConversation(alice.actor, { userIds: [bob.id] })).conversation.id;
    groupId = (await startConversation(alice.actor, { userIds: [bob.id, carol.id], name: "Zoo crew" })).conversation.id;
    // Fillers so that a word is rare (MySQL's relevance is zero for a word in every row).
    for (const body of ["Budget review", "Hiring plan", "Office move", "Laptop refresh"]) {
      await postChatMessage(bob.actor, "beta", { body });
      await postConversationMessage(bob.actor, dmId, { body });
    }
  });
  afterAll(async () => world?.close());

  it("finds a project chat message for readers of the project only", async () => {
    const posted = await postChatMessage(alice.actor, "alpha", { body: "The quokka escaped again" });
    const [hit] = ofType(await search(alice.actor, "quokka"), "message");
    expect(hit).toMatchObject({ id: posted.id, url: `/alpha/chat?m=${posted.id}`, project: { slug: "alpha" } });
    expect(hit.title.text).toBe("alice");
    expect(hit.snippet && marked(hit.snippet)).toEqual(["quokka"]);
    expect(await search(bob.actor, "quokka")).toEqual([]);
    expect(ofType(await search(admin.actor, "quokka"), "message")).toHaveLength(1);
    const scoped = await keyFor(admin.id, (await getDb().project.findUniqueOrThrow({ where: { slug: "beta" } })).id);
    expect(await search(scoped.actor, "quokka")).toEqual([]);
    // A bot's message (a webhook summary) is titled with the bot's name.
    const alpha = await getDb().project.findUniqueOrThrow({ where: { slug: "alpha" } });
    await postBotMessage(alpha.id, { name: "GitHub", body: "Pushed the quokka tracker" });
    const hits = ofType(await search(alice.actor, "tracker"), "message");
    expect(hits.map((h) => h.title.text)).toEqual(["GitHub"]);
    const res = await call(searchGet, { key: bob.key, path: "/api/v1/search?q=quokka&types=message" });
    expect(res.status).toBe(200);
    expect(res.json.results).toEqual([]);
  });

  it("finds a DM for its members only: not a non-member, not a system admin, not a project key", async () => {
    const posted = await postConversationMessage(alice.actor, dmId, { body: "Secret wallaby plans" });
    for (const reader of [alice, bob]) {
      const [hit] = ofType(await search(reader.actor, "wallaby"), "dm");
      expect(hit).toMatchObject({
        id: posted.id,
        project: null,
        conversation: { id: dmId, name: null, isGroup: false },
        url: `/chat/${dmId}?m=${posted.id}`,
      });
      expect(hit.title.text).toBe("alice");
    }
    expect(await search(dave.actor, "wallaby")).toEqual([]);
    expect(await search(carol.actor, "wallaby")).toEqual([]);
    expect(await search(admin.actor, "wallaby")).toEqual([]);
    // A key limited to a project never reads conversations, even the member's own.
    const scoped = await keyFor(alice.id, (await getDb().project.findUniqueOrThrow({ where: { slug: "alpha" } })).id);
    expect(await search(scoped.actor, "wallaby")).toEqual([]);
    const res = await call(searchGet, { key: bob.key, path: "/api/v1/search?q=wallaby&types=dm" });
    expect(res.status).toBe(200);
    expect(res.json.results.map((r: { id: number }) => r.id)).toEqual([posted.id]);
    expect((await call(searchGet, { key: dave.key, path: "/api/v1/search?q=wallaby" })).json.results).toEqual([]);
  });

  it("stops finding a group's messages for a member who left", async () => {
    const posted = await postConversationMessage(carol.actor, groupId, { body: "Kangaroo feeding rota" });
    const [hit] = ofType(await search(carol.actor, "kangaroo"), "dm");
    expect(hit).toMatchObject({ id: posted.id, conversation: { id: groupId, name: "Zoo crew", isGroup: true } });
    await leaveConversation(carol.actor, groupId);
    expect(await search(carol.actor, "kangaroo")).toEqual([]);
    expect(ofType(await search(alice.actor, "kangaroo"), "dm").map((r) => r.id)).toEqual([posted.id]);
    expect(await search(admin.actor, "kangaroo")).toEqual([]);
  });

  it("follows edits and soft deletes of chat and conversation messages", async () => {
    const chat = await postChatMessage(alice.actor, "alpha", { body: "Capybara sighting" });
    expect(ofType(await search(alice.actor, "capybara"), "message")).toHaveLength(1);
    await updateChatMessage(alice.actor, "alpha", chat.id, { body: "Otter sighting" });
    expect(await search(alice.actor, "capybara")).toEqual([]);
    expect(ofType(await search(alice.actor, "otter"), "message").map((r) => r.id)).toEqual([chat.id]);
    await deleteChatMessage(alice.actor, "alpha", chat.id);
    expect(await search(alice.actor, "otter")).toEqual([]);

    const dm = await postConversationMessage(bob.actor, dmId, { body: "Narwhal poster" });
    expect(ofType(await search(alice.actor, "narwhal"), "dm")).toHaveLength(1);
    await updateConversationMessage(bob.actor, dmId, dm.id, { body: "Dolphin poster" });
    expect(await search(alice.actor, "narwhal")).toEqual([]);
    expect(ofType(await search(alice.actor, "dolphin"), "dm").map((r) => r.id)).toEqual([dm.id]);
    await deleteConversationMessage(bob.actor, dmId, dm.id);
    expect(await search(alice.actor, "dolphin")).toEqual([]);
    expect(await search(bob.actor, "dolphin")).toEqual([]);
  });

  it("limits to the message types through the REST query", async () => {
    await postChatMessage(alice.actor, "alpha", { body: "Pelican meeting" });
    await postConversationMessage(alice.actor, dmId, { body: "Pelican meeting too" });
    const both = await call(searchGet, { key: alice.key, path: "/api/v1/search?q=pelican&types=message,dm" });
    expect(both.status).toBe(200);
    expect(new Set(both.json.results.map((r: { type: string }) => r.type))).toEqual(new Set(["message", "dm"]));
    const chatOnly = await call(searchGet, { key: alice.key, path: "/api/v1/search?q=pelican&types=message" });
    expect(chatOnly.json.results.map((r: { type: string }) => r.type)).toEqual(["message"]);
  });
});
