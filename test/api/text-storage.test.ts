// Text is stored as it was sent, on every engine: a lone UTF-16 surrogate or a NUL character (which
// no engine stores as it is: SQLite, PostgreSQL and MySQL would each keep something else, or refuse)
// is refused with a 400 naming the field, for every JSON route alike; every other character,
// astral ones included, comes back exactly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as commentPost } from "../../app/api/v1/projects/[slug]/cards/[key]/comments/route.ts";
import { GET as cardGet, PATCH as cardPatch } from "../../app/api/v1/projects/[slug]/cards/[key]/route.ts";
import { POST as cardPost } from "../../app/api/v1/projects/[slug]/cards/route.ts";
import { POST as messagePost } from "../../app/api/v1/projects/[slug]/messages/route.ts";
import { POST as projectsPost } from "../../app/api/v1/projects/route.ts";
import { getDb } from "../../lib/db/client.ts";
import { availableEngines } from "../helpers/db.ts";
import { call, freshWorld, type Person, person } from "./helpers.ts";

const TRICKY = "Zoë 😀 𝄞 中文 \u200d e\u0301 \ufeff end";

// biome-ignore lint/suspicious/noExplicitAny: route handlers of different parameter shapes
type AnyHandler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;

describe.each(availableEngines())("text storage on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Person;
  const slug = "texts";

  beforeAll(async () => {
    world = await freshWorld(engine);
    owner = await person("texter");
    const res = await call(projectsPost, { key: owner.key, body: { name: "Texts", key: "TXT", slug } });
    expect(res.status).toBe(201);
  });
  afterAll(async () => world?.close());

  it("stores and answers every well-formed character exactly, on create and read", async () => {
    const created = await call(cardPost, { key: owner.key, params: { slug }, body: { title: TRICKY, description: TRICKY } });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json.title).toBe(TRICKY);
    const read = await call(cardGet, { key: owner.key, params: { slug, key: created.json.key } });
    expect(read.json.title).toBe(TRICKY);
    expect(read.json.description).toBe(TRICKY);
    const row = await getDb().card.findUniqueOrThrow({ where: { id: created.json.id }, select: { title: true } });
    expect(row.title).toBe(TRICKY);
  });

  it("refuses a lone surrogate or NUL in any field with a 400 naming it, and stores nothing", async () => {
    const db = getDb();
    const counts = async () => [await db.card.count(), await db.chatMessage.count(), await db.cardComment.count()];
    const before = await counts();
    const cases: { handler: AnyHandler; method: string; params: Record<string, string>; body: string; field: string }[] = [
      { handler: cardPost, method: "POST", params: { slug }, body: '{"title":"a\\ud800b"}', field: "title" },
      {
        handler: cardPost,
        method: "POST",
        params: { slug },
        body: '{"title":"ok","description":"x\\udc00"}',
        field: "description",
      },
      {
        handler: cardPost,
        method: "POST",
        params: { slug },
        body: '{"title":"ok","labels":["fine","bad\\ud83d"]}',
        field: "labels.1",
      },
      { handler: cardPost, method: "POST", params: { slug }, body: '{"title":"nul\\u0000here"}', field: "title" },
      { handler: cardPatch, method: "PATCH", params: { slug, key: "TXT-1" }, body: '{"title":"\\ude00"}', field: "title" },
      { handler: commentPost, method: "POST", params: { slug, key: "TXT-1" }, body: '{"body":"\\ud800"}', field: "body" },
      { handler: messagePost, method: "POST", params: { slug }, body: '{"body":"hi \\udbff"}', field: "body" },
    ];
    for (const c of cases) {
      const res = await call(c.handler, { key: owner.key, params: c.params, method: c.method, rawBody: c.body });
      expect(res.status, c.body).toBe(400);
      expect(res.json.error.details.fields[0].path, c.body).toBe(c.field);
    }
    expect(await counts()).toEqual(before);
    expect((await call(cardGet, { key: owner.key, params: { slug, key: "TXT-1" } })).json.title).toBe(TRICKY);
  });
});
