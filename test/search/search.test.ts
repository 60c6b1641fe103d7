// The global search on every configured engine (each with its own full-text index): access is
// filtered in SQL (a non-member finds nothing of a project they are not in, through any source),
// ranking and highlighting make sense, the index follows edits and deletes, a card key jumps to
// the card, and the REST route validates its input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as commentPost } from "../../app/api/v1/projects/[slug]/cards/[key]/comments/route.ts";
import { GET as searchGet } from "../../app/api/v1/search/route.ts";
import { createCard, deleteCard, updateCard } from "../../lib/boards/cards.ts";
import { addComment, deleteComment, updateComment } from "../../lib/boards/comments.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getDb } from "../../lib/db/client.ts";
import { markRanges, queryTerms, snippet } from "../../lib/search/highlight.ts";
import { type SearchResult, search } from "../../lib/search/search.ts";
import { SOURCES } from "../../lib/search/sources.ts";
import { addReply, deleteReply, updateReply } from "../../lib/topics/replies.ts";
import { createTopic, deleteTopic, updateTopic } from "../../lib/topics/topics.ts";
import { call, freshWorld, keyFor, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

const marked = (h: { text: string; marks: [number, number][] }) => h.marks.map(([s, e]) => h.text.slice(s, e));
const ofType = (results: SearchResult[], type: string) => results.filter((r) => r.type === type);

describe("highlighting", () => {
  it("marks word prefixes case- and accent-insensitively, as plain ranges", () => {
    const terms = queryTerms("Zebra café");
    expect(terms).toEqual(["zebra", "café"]);
    expect(markRanges("ZEBRAS at the Cafe; zebra<script>", terms)).toEqual([
      [0, 5],
      [14, 18],
      [20, 25],
    ]);
    const long = `${"lorem ipsum ".repeat(40)}needle here ${"dolor ".repeat(40)}`;
    const s = snippet(long, ["needle"]);
    expect(s.text.startsWith("…")).toBe(true);
    expect(s.text.endsWith("…")).toBe(true);
    expect(marked(s)).toEqual(["needle"]);
    expect(queryTerms("!!! ---")).toEqual([]);
  });
});

describe.each(availableEngines())("search on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let alice: Person; // member of "alpha"
  let bob: Person; // member of "beta" only
  let admin: Person;
  let groupie: Person; // reads "beta" through a group

  beforeAll(async () => {
    world = await freshWorld(engine);
    alice = await person("alice");
    bob = await person("bob");
    admin = await person("root", { admin: true });
    groupie = await person("groupie");
    await createProject(alice.actor, { name: "Alpha", key: "ALP", slug: "alpha" });
    const beta = await createProject(bob.actor, { name: "Beta", key: "BET", slug: "beta" });
    const group = await getDb().userGroup.create({ data: { name: "Readers" } });
    await getDb().groupMember.create({ data: { groupId: group.id, userId: groupie.id } });
    await getDb().groupProjectAccess.create({ data: { groupId: group.id, projectId: beta.id, role: "viewer" } });

    // The secret word "quokka" everywhere in alpha: a card, a comment, a topic, a reply.
    await createCard(alice.actor, "alpha", { title: "Quokka habitat survey", description: "Count them" });
    await addComment(alice.actor, "alpha", "ALP-1", { body: "The quokka population grew" });
    const topic = await createTopic(alice.actor, "alpha", { title: "Quokka field trip", body: "Who joins?" });
    await addReply(alice.actor, "alpha", topic.id, { body: "I will bring quokka snacks" });
    // Fillers so that a word is rare (MySQL's relevance is zero for a word in every row).
    for (const title of ["Budget", "Hiring plan", "Office move", "Laptop refresh"]) {
      await createCard(bob.actor, "beta", { title, description: "Nothing to see" });
    }
  });
  afterAll(async () => world?.close());

  it("finds nothing from a project the user is not in, through any source", async () => {
    const mine = await search(alice.actor, "quokka");
    expect(new Set(mine.map((r) => r.type))).toEqual(new Set(["card", "comment", "topic", "reply"]));
    expect(await search(bob.actor, "quokka")).toEqual([]);
    expect(await search(groupie.actor, "quokka")).toEqual([]);
    expect(await search(bob.actor, "ALP-1")).toEqual([]);
    const res = await call(searchGet, { key: bob.key, path: "/api/v1/search?q=quokka" });
    expect(res.status).toBe(200);
    expect(res.json.results).toEqual([]);
    // A key limited to another project sees nothing of alpha either, even for an admin.
    const scoped = await keyFor(admin.id, (await getDb().project.findUniqueOrThrow({ where: { slug: "beta" } })).id);
    expect(await search(scoped.actor, "quokka")).toEqual([]);
    // A system admin sees everything; a group reader sees what the group may read.
    expect((await search(admin.actor, "quokka")).length).toBe(mine.length);
    expect(ofType(await search(groupie.actor, "hiring"), "card").map((r) => r.key)).toEqual(["BET-2"]);
  });

  it("ranks a card with the word in its title and often above one that mentions it once, and marks the words", async () => {
    await createCard(alice.actor, "alpha", {
      title: "Platypus feeding",
      description: "The platypus eats worms. Platypus keepers feed the platypus twice a day.",
    });
    await createCard(alice.actor, "alpha", {
      title: "Weekly notes",
      description: `${"Long notes about many other things. ".repeat(20)}Once a platypus was seen.`,
    });
    const cards = ofType(await search(alice.actor, "platypus"), "card");
    expect(cards.map((c) => c.title.text)).toEqual(["Platypus feeding", "Weekly notes"]);
    expect(cards[0].score).toBeGreaterThan(cards[1].score);
    expect(marked(cards[0].title)).toEqual(["Platypus"]);
    expect(cards[1].snippet && marked(cards[1].snippet)).toEqual(["platypus"]);
    expect(cards[1].snippet?.text.startsWith("…")).toBe(true);
    // Prefixes match, and every word of the query must match.
    expect(ofType(await search(alice.actor, "platy"), "card")).toHaveLength(2);
    expect(ofType(await search(alice.actor, "platypus keepers"), "card").map((c) => c.title.text)).toEqual(["Platypus feeding"]);
    expect(cards[0].url).toMatch(/^\/alpha\/cards\/ALP-\d+$/);
  });

  it("puts the card of an exact key first", async () => {
    const results = await search(alice.actor, "alp-1");
    expect(results[0]).toMatchObject({ type: "card", key: "ALP-1", exact: true, url: "/alpha/cards/ALP-1" });
    expect(ofType(await search(alice.actor, "ALP-1", { types: ["topic"] }), "card")).toEqual([]);
  });

  it("follows edits and deletes of cards, comments, topics and replies", async () => {
    const card = await createCard(alice.actor, "alpha", { title: "Wombat burrow" });
    const key = `ALP-${card.number}`;
    expect(ofType(await search(alice.actor, "wombat"), "card").map((r) => r.key)).toEqual([key]);
    await updateCard(alice.actor, "alpha", key, { title: "Badger burrow", version: card.version });
    expect(ofType(await search(alice.actor, "wombat"), "card")).toEqual([]);
    expect(ofType(await search(alice.actor, "badger"), "card").map((r) => r.key)).toEqual([key]);

    const comment = await addComment(alice.actor, "alpha", key, { body: "Capybara sighting" });
    expect(ofType(await search(alice.actor, "capybara"), "comment")).toHaveLength(1);
    await updateComment(alice.actor, "alpha", key, comment.id, { body: "Otter sighting" });
    expect(ofType(await search(alice.actor, "capybara"), "comment")).toHaveLength(0);
    expect(ofType(await search(alice.actor, "otter"), "comment")).toHaveLength(1);
    await deleteComment(alice.actor, "alpha", key, comment.id);
    expect(ofType(await search(alice.actor, "otter"), "comment")).toHaveLength(0);

    const topic = await createTopic(alice.actor, "alpha", { title: "Axolotl tank", body: "Needs a filter" });
    const reply = await addReply(alice.actor, "alpha", topic.id, { body: "Narwhal poster" });
    expect(ofType(await search(alice.actor, "axolotl"), "topic")).toHaveLength(1);
    await updateTopic(alice.actor, "alpha", topic.id, { title: "Salamander tank" });
    expect(ofType(await search(alice.actor, "axolotl"), "topic")).toHaveLength(0);
    expect(ofType(await search(alice.actor, "salamander"), "topic")).toHaveLength(1);
    await updateReply(alice.actor, "alpha", topic.id, reply.id, { body: "Dolphin poster" });
    expect(ofType(await search(alice.actor, "narwhal"), "reply")).toHaveLength(0);
    const replies = ofType(await search(alice.actor, "dolphin"), "reply");
    expect(replies.map((r) => r.url)).toEqual([`/alpha/topics/${topic.id}#reply-${reply.id}`]);
    await deleteReply(alice.actor, "alpha", topic.id, reply.id);
    expect(ofType(await search(alice.actor, "dolphin"), "reply")).toHaveLength(0);

    const reply2 = await addReply(alice.actor, "alpha", topic.id, { body: "Pelican poster" });
    expect(reply2.id).toBeGreaterThan(0);
    await deleteTopic(alice.actor, "alpha", topic.id);
    expect(await search(alice.actor, "salamander")).toEqual([]);
    expect(await search(alice.actor, "pelican")).toEqual([]);

    await deleteCard(alice.actor, "alpha", key);
    expect(await search(alice.actor, "badger")).toEqual([]);
    // A hard delete (e.g. a purged row) leaves the index too.
    await getDb().card.deleteMany({ where: { title: "Badger burrow" } });
    expect(await search(admin.actor, "badger")).toEqual([]);
  });

  it("stores and returns text as text: markup in a title is not interpreted", async () => {
    await call(commentPost, {
      key: alice.key,
      params: { slug: "alpha", key: "ALP-1" },
      body: { body: "<b>meerkat</b> <script>x</script>" },
    });
    const [hit] = ofType(await search(alice.actor, "meerkat"), "comment");
    expect(hit.snippet?.text).toBe("<b>meerkat</b> <script>x</script>");
    expect(marked(hit.snippet as NonNullable<typeof hit.snippet>)).toEqual(["meerkat"]);
  });

  it.runIf(engine === "sqlite")(
    "keeps an FTS5 table and its three sync triggers for every source (a table redefinition drops them)",
    async () => {
      const { default: Database } = await import("better-sqlite3");
      const db = new Database(world.database.url.replace(/^file:/, ""), { readonly: true });
      try {
        for (const source of SOURCES) {
          const names = (
            db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").all(source.table) as {
              name: string;
            }[]
          ).map((r) => r.name);
          expect(names.sort(), source.table).toEqual(["ai", "ad", "au"].map((x) => `${source.table}_fts_${x}`).sort());
        }
      } finally {
        db.close();
      }
    },
  );

  it("validates the REST query: 400 for a missing q or unknown types, empty for a query without words", async () => {
    expect((await call(searchGet, { key: alice.key, path: "/api/v1/search" })).status).toBe(400);
    expect((await call(searchGet, { key: alice.key, path: "/api/v1/search?q=x&types=cards,bogus" })).status).toBe(400);
    expect((await call(searchGet, { key: alice.key, path: "/api/v1/search?q=x&limit=500" })).status).toBe(400);
    const empty = await call(searchGet, { key: alice.key, path: `/api/v1/search?q=${encodeURIComponent("\"*' ) OR 1=1 --")}` });
    expect(empty.status).toBe(200);
    const typed = await call(searchGet, { key: alice.key, path: "/api/v1/search?q=quokka&types=topic,reply" });
    expect(new Set(typed.json.results.map((r: { type: string }) => r.type))).toEqual(new Set(["topic", "reply"]));
    expect(typed.json.results[0]).not.toHaveProperty("score");
    expect((await call(searchGet, { path: "/api/v1/search?q=quokka" })).status).toBe(401);
  });
});
