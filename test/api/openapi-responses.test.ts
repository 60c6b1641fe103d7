// The OpenAPI document describes what the server answers, not only what it accepts: every success
// response has a body schema, and real answers are validated against it. The validation itself runs
// in every test that calls a route through `call` (test/helpers/openapi-responses.ts); this file
// proves that it is wired in and that a body which does not match fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getBoard } from "../../app/api/v1/projects/[slug]/board/route.ts";
import { GET as getCard } from "../../app/api/v1/projects/[slug]/cards/[key]/route.ts";
import { POST as postCards } from "../../app/api/v1/projects/[slug]/cards/route.ts";
import { GET as getProject } from "../../app/api/v1/projects/[slug]/route.ts";
import { GET as listProjects, POST as postProjects } from "../../app/api/v1/projects/route.ts";
import { openApiDocument } from "../../lib/openapi/spec.ts";
import { availableEngines } from "../helpers/db.ts";
import { checkResponse, documentedHandlers } from "../helpers/openapi-responses.ts";
import { call, freshWorld, type Person, person } from "./helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI fragments are walked generically
type Json = any;

describe("OpenAPI response schemas", () => {
  it("gives every success response with a body a schema", () => {
    const doc = openApiDocument() as Json;
    const missing: string[] = [];
    let documented = 0;
    for (const [path, ops] of Object.entries<Json>(doc.paths)) {
      for (const [method, op] of Object.entries<Json>(ops)) {
        for (const [status, response] of Object.entries<Json>(op.responses)) {
          for (const [type, content] of Object.entries<Json>(response.content ?? {})) {
            documented++;
            if (!content.schema || Object.keys(content.schema).length === 0) missing.push(`${method} ${path} ${status} ${type}`);
          }
        }
      }
    }
    expect(documented).toBeGreaterThan(900);
    expect(missing).toEqual([]);
  });

  it("knows the handler of every documented route file", async () => {
    expect((await documentedHandlers()).size).toBeGreaterThan(150);
  });
});

describe.each(availableEngines())("real responses match the document on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Person;

  beforeAll(async () => {
    world = await freshWorld(engine);
    owner = await person("schemaowner");
  });
  afterAll(async () => {
    await world?.close();
  });

  it("validates the answers of a project's main operations", async () => {
    const created = await call(postProjects, { key: owner.key, body: { name: "Schemas", key: "SCH", slug: "schemas" } });
    expect(created.status).toBe(201);
    const params = { slug: "schemas" };
    expect((await call(listProjects, { key: owner.key })).status).toBe(200);
    expect((await call(getProject, { key: owner.key, params })).status).toBe(200);
    const card = await call(postCards, { key: owner.key, params, body: { title: "Typed", description: "**x**" } });
    expect(card.status).toBe(201);
    expect((await call(getCard, { key: owner.key, params: { ...params, key: card.json.key } })).status).toBe(200);
    expect((await call(getBoard, { key: owner.key, params })).status).toBe(200);
  });

  it("fails a response whose body does not match its schema, or whose status is not documented", async () => {
    const res = await call(getProject, { key: owner.key, params: { slug: "schemas" } });
    expect(res.status).toBe(200);
    await expect(checkResponse(getProject, 200, "application/json", res.json)).resolves.toBeUndefined();
    await expect(checkResponse(getProject, 200, "application/json", { ...res.json, id: "one" })).rejects.toThrow(
      /does not match the OpenAPI document/,
    );
    const { slug: _s, ...withoutSlug } = res.json;
    await expect(checkResponse(getProject, 200, "application/json", withoutSlug)).rejects.toThrow(/slug/);
    await expect(checkResponse(getProject, 418, "application/json", {})).rejects.toThrow(/not documented/);
    // An error body is held to the Error schema.
    await expect(checkResponse(getProject, 404, "application/json", { message: "gone" })).rejects.toThrow(
      /does not match the OpenAPI document/,
    );
  });
});
