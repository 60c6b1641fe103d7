// Bad input to every board route answers 4xx in the error format, never 500, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as setupPost } from "../../app/api/setup/route.ts";
import { GET as boardGet } from "../../app/api/v1/projects/[slug]/board/route.ts";
import { POST as commentPost } from "../../app/api/v1/projects/[slug]/cards/[key]/comments/route.ts";
import { POST as movePost } from "../../app/api/v1/projects/[slug]/cards/[key]/move/route.ts";
import { DELETE as cardDelete, GET as cardGet, PATCH as cardPatch } from "../../app/api/v1/projects/[slug]/cards/[key]/route.ts";
import { POST as cardPost } from "../../app/api/v1/projects/[slug]/cards/route.ts";
import { POST as columnPost } from "../../app/api/v1/projects/[slug]/columns/route.ts";
import { GET as membersGet, POST as membersPost } from "../../app/api/v1/projects/[slug]/members/route.ts";
import { GET as projectGet } from "../../app/api/v1/projects/[slug]/route.ts";
import { GET as projectsGet, POST as projectsPost } from "../../app/api/v1/projects/route.ts";
import { createCard } from "../../lib/boards/cards.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { MAX_JSON_BYTES } from "../../lib/http/handler.ts";
import { availableEngines } from "../helpers/db.ts";
import { type CallOptions, call, freshWorld, type Person, person, rowCounts } from "./helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: route handlers of different parameter shapes
type AnyHandler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;
type Case = { name: string; options: CallOptions<Record<string, string>>; status: number };

const HUGE = "x".repeat(200_000);
const BIG_INT = Number.MAX_SAFE_INTEGER;

/** Bad bodies every JSON-accepting route must refuse the same way. */
function genericCases(valid: unknown): Case[] {
  return [
    { name: "malformed JSON", options: { rawBody: '{"title": "x",' }, status: 400 },
    { name: "JSON null", options: { rawBody: "null" }, status: 400 },
    { name: "JSON array", options: { body: [valid] }, status: 400 },
    { name: "JSON string", options: { body: "a string" }, status: 400 },
    { name: "JSON number", options: { rawBody: "42" }, status: 400 },
    { name: "empty body", options: { rawBody: "" }, status: 400 },
    { name: "wrong content type", options: { body: valid, contentType: "text/plain" }, status: 415 },
    { name: "form content type", options: { rawBody: "title=x", contentType: "application/x-www-form-urlencoded" }, status: 415 },
    { name: "body too large", options: { body: { ...(valid as object), pad: "y".repeat(MAX_JSON_BYTES) } }, status: 413 },
    { name: "no auth", options: { body: valid, key: null }, status: 401 },
    { name: "unknown API key", options: { body: valid, key: "wd_not-a-real-key" }, status: 401 },
    {
      name: "malformed authorization",
      options: { body: valid, key: null, headers: { authorization: "Basic Zm9vOmJhcg==" } },
      status: 401,
    },
  ];
}

describe.each(availableEngines())("bad input on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Person;
  let slug: string;
  let columnId: number;
  let otherColumnId: number;
  let version: number;

  beforeAll(async () => {
    world = await freshWorld(engine);
    owner = await person("owner");
    await person("someone");
    const project = await createProject(owner.actor, { name: "Bad Input", key: "BAD" });
    const other = await createProject(owner.actor, { name: "Elsewhere", key: "ELS" });
    slug = project.slug;
    const card = await createCard(owner.actor, slug, { title: "first" });
    await createCard(owner.actor, slug, { title: "second" });
    await createCard(owner.actor, other.slug, { title: "elsewhere" });
    columnId = card.columnId;
    const otherCard = await createCard(owner.actor, other.slug, { title: "elsewhere too" });
    otherColumnId = otherCard.columnId;
    version = card.version;
  });
  afterAll(async () => world?.close());

  const routes: {
    name: string;
    handler: () => AnyHandler;
    method: string;
    params: () => Record<string, string>;
    valid: () => unknown;
    cases: () => Case[];
  }[] = [
    {
      name: "POST /api/v1/projects",
      handler: () => projectsPost,
      method: "POST",
      params: () => ({}),
      valid: () => ({ name: "Fine", key: "FINE" }),
      cases: () => [
        { name: "missing name", options: { body: { key: "ABC" } }, status: 400 },
        { name: "missing key", options: { body: { name: "No key" } }, status: 400 },
        { name: "name of wrong type", options: { body: { name: 42, key: "ABC" } }, status: 400 },
        { name: "bad key", options: { body: { name: "x", key: "1-2" } }, status: 400 },
        { name: "huge name", options: { body: { name: HUGE, key: "ABC" } }, status: 400 },
        { name: "bad slug", options: { body: { name: "x", key: "ABC", slug: "Not A Slug!" } }, status: 400 },
        { name: "taken slug", options: { body: { name: "x", key: "ABC", slug } }, status: 409 },
        { name: "unknown type", options: { body: { name: "x", key: "ABC", type: "waterfall" } }, status: 400 },
        { name: "unknown customer", options: { body: { name: "x", key: "ABC", customerSlug: "nobody" } }, status: 400 },
      ],
    },
    {
      name: "POST /members",
      handler: () => membersPost,
      method: "POST",
      params: () => ({ slug }),
      valid: () => ({ username: "someone", role: "member" }),
      cases: () => [
        { name: "missing username", options: { body: { role: "member" } }, status: 400 },
        { name: "unknown user", options: { body: { username: "ghost" } }, status: 400 },
        { name: "unknown role", options: { body: { username: "someone", role: "owner" } }, status: 400 },
        { name: "username of wrong type", options: { body: { username: ["someone"] } }, status: 400 },
        { name: "huge username", options: { body: { username: HUGE } }, status: 400 },
        { name: "unknown project", options: { body: { username: "someone" }, params: { slug: "nope" } }, status: 404 },
      ],
    },
    {
      name: "POST /columns",
      handler: () => columnPost,
      method: "POST",
      params: () => ({ slug }),
      valid: () => ({ name: "Fine" }),
      cases: () => [
        { name: "missing name", options: { body: {} }, status: 400 },
        { name: "blank name", options: { body: { name: "   " } }, status: 400 },
        { name: "huge name", options: { body: { name: HUGE } }, status: 400 },
        { name: "negative WIP limit", options: { body: { name: "x", wipLimit: -1 } }, status: 400 },
        { name: "WIP limit as string", options: { body: { name: "x", wipLimit: "3" } }, status: 400 },
        { name: "unknown afterColumnId", options: { body: { name: "x", afterColumnId: 999_999 } }, status: 400 },
        { name: "afterColumnId of another project", options: { body: { name: "x", afterColumnId: otherColumnId } }, status: 400 },
        { name: "afterColumnId beyond INT", options: { body: { name: "x", afterColumnId: BIG_INT } }, status: 400 },
        { name: "bad color", options: { body: { name: "x", color: "red" } }, status: 400 },
      ],
    },
    {
      name: "POST /cards",
      handler: () => cardPost,
      method: "POST",
      params: () => ({ slug }),
      valid: () => ({ title: "Fine" }),
      cases: () => [
        { name: "missing title", options: { body: { description: "x" } }, status: 400 },
        { name: "title of wrong type", options: { body: { title: { nested: true } } }, status: 400 },
        { name: "huge title", options: { body: { title: HUGE } }, status: 400 },
        { name: "huge description", options: { body: { title: "x", description: "d".repeat(100_001) } }, status: 400 },
        { name: "unknown column", options: { body: { title: "x", columnId: 999_999 } }, status: 400 },
        { name: "column of another project", options: { body: { title: "x", columnId: otherColumnId } }, status: 400 },
        { name: "columnId beyond INT", options: { body: { title: "x", columnId: BIG_INT } }, status: 400 },
        { name: "columnId as string", options: { body: { title: "x", columnId: String(columnId) } }, status: 400 },
        { name: "unknown priority", options: { body: { title: "x", priority: "urgent" } }, status: 400 },
        { name: "impossible due date", options: { body: { title: "x", dueDate: "2026-13-45" } }, status: 400 },
        { name: "due date of wrong format", options: { body: { title: "x", dueDate: "tomorrow" } }, status: 400 },
        { name: "non-member assignee", options: { body: { title: "x", assignees: ["someone"] } }, status: 400 },
        { name: "unknown assignee", options: { body: { title: "x", assignees: ["ghost"] } }, status: 400 },
        { name: "unknown parent", options: { body: { title: "x", parentKey: "BAD-999" } }, status: 400 },
        {
          name: "too many labels",
          options: { body: { title: "x", labels: Array.from({ length: 51 }, (_, i) => `l${i}`) } },
          status: 400,
        },
        { name: "huge label", options: { body: { title: "x", labels: [HUGE] } }, status: 400 },
        { name: "unknown project", options: { body: { title: "x" }, params: { slug: "nope" } }, status: 404 },
      ],
    },
    {
      name: "PATCH /cards/[key]",
      handler: () => cardPatch,
      method: "PATCH",
      params: () => ({ slug, key: "BAD-1" }),
      valid: () => ({ title: "Fine" }),
      cases: () => [
        { name: "stale version", options: { body: { title: "x", version: version + 100 } }, status: 409 },
        { name: "version of wrong type", options: { body: { title: "x", version: "1" } }, status: 400 },
        { name: "version beyond INT", options: { body: { title: "x", version: BIG_INT } }, status: 400 },
        { name: "unknown field", options: { body: { title: "x", columnId: columnId } }, status: 400 },
        { name: "blank title", options: { body: { title: "" } }, status: 400 },
        { name: "huge title", options: { body: { title: HUGE } }, status: 400 },
        { name: "title null", options: { body: { title: null } }, status: 400 },
        { name: "negative story points", options: { body: { storyPoints: -3 } }, status: 400 },
        { name: "impossible due date", options: { body: { dueDate: "2026-02-31x" } }, status: 400 },
        { name: "self as parent", options: { body: { parentKey: "BAD-1" } }, status: 400 },
        { name: "unknown card", options: { body: { title: "x" }, params: { slug, key: "BAD-999" } }, status: 404 },
        { name: "card key beyond INT", options: { body: { title: "x" }, params: { slug, key: "99999999999" } }, status: 404 },
        { name: "nonsense card key", options: { body: { title: "x" }, params: { slug, key: "../../etc/passwd" } }, status: 404 },
        { name: "card of another project's key", options: { body: { title: "x" }, params: { slug, key: "ELS-1" } }, status: 404 },
      ],
    },
    {
      name: "POST /cards/[key]/move",
      handler: () => movePost,
      method: "POST",
      params: () => ({ slug, key: "BAD-1" }),
      valid: () => ({ columnId }),
      cases: () => [
        { name: "missing columnId", options: { body: { afterKey: "BAD-2" } }, status: 400 },
        { name: "unknown column", options: { body: { columnId: 999_999 } }, status: 400 },
        { name: "columnId beyond INT", options: { body: { columnId: BIG_INT } }, status: 400 },
        { name: "column of another project", options: { body: { columnId: otherColumnId } }, status: 400 },
        { name: "neighbour in another column", options: { body: { columnId: columnId + 1, afterKey: "BAD-2" } }, status: 400 },
        { name: "neighbour is the card itself", options: { body: { columnId, afterKey: "BAD-1" } }, status: 400 },
        { name: "unknown neighbour", options: { body: { columnId, beforeKey: "BAD-404" } }, status: 400 },
        { name: "neighbour of wrong type", options: { body: { columnId, beforeKey: { key: "BAD-2" } } }, status: 400 },
        { name: "absolute position", options: { body: { columnId, position: 5 } }, status: 400 },
        { name: "stale version", options: { body: { columnId, version: version + 100 } }, status: 409 },
        { name: "unknown card", options: { body: { columnId }, params: { slug, key: "BAD-999" } }, status: 404 },
      ],
    },
    {
      name: "POST /cards/[key]/comments",
      handler: () => commentPost,
      method: "POST",
      params: () => ({ slug, key: "BAD-1" }),
      valid: () => ({ body: "Fine" }),
      cases: () => [
        { name: "missing body", options: { body: {} }, status: 400 },
        { name: "blank body", options: { body: { body: "  \n " } }, status: 400 },
        { name: "body of wrong type", options: { body: { body: 12 } }, status: 400 },
        { name: "huge body", options: { body: { body: "c".repeat(50_001) } }, status: 400 },
        { name: "unknown card", options: { body: { body: "x" }, params: { slug, key: "BAD-999" } }, status: 404 },
      ],
    },
    {
      name: "POST /api/setup (already set up)",
      handler: () => setupPost,
      method: "POST",
      params: () => ({}),
      valid: () => ({ email: "new@example.test", username: "newadmin", password: "a long enough password" }),
      cases: () => [
        {
          name: "valid but already set up",
          options: { body: { email: "new@example.test", username: "newadmin", password: "a long enough password" } },
          status: 409,
        },
        {
          name: "short password",
          options: { body: { email: "new@example.test", username: "newadmin", password: "short" } },
          status: 400,
        },
        {
          name: "huge username",
          options: { body: { email: "new@example.test", username: HUGE, password: "a long enough password" } },
          status: 400,
        },
      ],
    },
  ];

  for (const route of routes) {
    it(`${route.name} refuses bad input with 4xx and changes nothing`, async () => {
      const before = await rowCounts();
      const auth = route.handler() === setupPost ? {} : { key: owner.key };
      const cases = [...genericCases(route.valid()), ...route.cases()];
      const results: string[] = [];
      for (const c of cases) {
        // Setup needs no auth, so "no auth" cases do not apply to it.
        if (route.handler() === setupPost && [401].includes(c.status)) continue;
        const res = await call(route.handler(), {
          method: route.method,
          params: route.params(),
          ...auth,
          ...c.options,
          ...(c.options.params ? { params: c.options.params } : {}),
        });
        const shapeOk =
          typeof res.json?.error?.code === "string" &&
          typeof res.json?.error?.message === "string" &&
          Object.keys(res.json).length === 1;
        results.push(`${c.name}: ${res.status}${shapeOk ? "" : " (not the error format)"}`);
      }
      expect(results).toEqual(
        cases.filter((c) => !(route.handler() === setupPost && c.status === 401)).map((c) => `${c.name}: ${c.status}`),
      );
      expect(await rowCounts()).toEqual(before);
    });
  }

  it("read routes answer 401 without auth and 404 for unknown things, in the error format", async () => {
    const reads: [AnyHandler, Record<string, string>][] = [
      [projectsGet, {}],
      [projectGet, { slug }],
      [membersGet, { slug }],
      [boardGet, { slug }],
      [cardGet, { slug, key: "BAD-1" }],
    ];
    for (const [handler, params] of reads) {
      const res = await call(handler, { params });
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe("unauthorized");
    }
    const before = await rowCounts();
    expect((await call(cardDelete, { method: "DELETE", params: { slug, key: "BAD-1" } })).status).toBe(401);
    expect((await call(cardDelete, { method: "DELETE", key: owner.key, params: { slug, key: "BAD-404" } })).status).toBe(404);
    expect((await call(cardGet, { key: owner.key, params: { slug, key: "" } })).status).toBe(404);
    expect((await call(boardGet, { key: owner.key, params: { slug: HUGE } })).status).toBe(404);
    expect(await rowCounts()).toEqual(before);
  });
});
