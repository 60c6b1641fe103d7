// Fuzzing every operation of the OpenAPI document through its real route handler, on every
// configured engine. fast-check generates the requests from the document: path parameters that
// exist or are hostile (NaN, negative, float, beyond 32 and 53 bits, lone surrogates, 10,000
// characters), query parameters likewise, and bodies that start from the operation's schema and are
// then broken (wrong types, missing and unknown fields, 1 MB strings, deep nesting, lone surrogates,
// numbers out of range) or replaced (malformed JSON, invalid UTF-8, another content type).
// Asserted: no answer is a 5xx, every 4xx is the JSON error format, the health route still answers,
// and the rows of a project the fuzzing users cannot reach are unchanged. Seeded and bounded:
// FUZZ_RUNS (default 6 per operation and actor) and FUZZ_SEED reproduce or widen a run.
// The framework-level cases (malformed %-escapes, long URLs) need a real server: e2e/security.spec.ts.
import { existsSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as healthGet } from "../../app/api/health/route.ts";
import { createCard } from "../../lib/boards/cards.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getDb } from "../../lib/db/client.ts";
import { openApiDocument } from "../../lib/openapi/spec.ts";
import { availableEngines } from "../helpers/db.ts";
import { freshWorld, type Person, person } from "./helpers.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI fragments are walked generically
type Json = any;
// biome-ignore lint/suspicious/noExplicitAny: route handlers of different parameter shapes
type AnyHandler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;
type Operation = { path: string; method: string; op: Json };
type Body = { text?: string; bytes?: Uint8Array<ArrayBuffer>; contentType: string | null };
type Case = { params: Record<string, string>; query: [string, string][]; body: Body | null; auth: "key" | "none" | "bogus" };

const doc = openApiDocument() as Json;

const HOSTILE_STRINGS = [
  "",
  " ",
  "0",
  "-1",
  "1.5",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "2147483648",
  "4294967296",
  "9007199254740993",
  "99999999999999999999999",
  "0x10",
  "1 OR 1=1",
  "'; DROP TABLE cards; --",
  "\ud800",
  "a\udfffb",
  "\u0000",
  "../../etc/passwd",
  "null",
  "true",
  "[]",
  "{}",
  "%ZZ",
  "PRJ-",
  "PRJ-99999999999",
  "x".repeat(10_000),
];

const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -2147483649,
  2147483648,
  4294967296,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  "",
  "\ud800",
  "x".repeat(1000),
  [],
  [null],
  {},
  { __proto__: { isAdmin: true } },
  ...HOSTILE_STRINGS.slice(0, 16),
];

/** Nested arrays `depth` deep. */
const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

function resolve(schema: Json): Json {
  if (schema?.$ref) return doc.components.schemas[schema.$ref.split("/").pop()];
  return schema ?? {};
}

/** A value that fits the schema (roughly: enough for the route to look at more than the first field). */
function fitting(schemaIn: Json, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(schemaIn);
  if (depth > 4) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s: Json) => fitting(s, depth + 1)));
  switch (schema.type) {
    case "string":
      if (schema.pattern === "^\\d{4}-\\d{2}-\\d{2}$" || schema.format === "date")
        return fc.constantFrom("2026-12-07", "2026-02-30", "0000-00-00");
      if (schema.format === "email") return fc.constantFrom("fuzz@example.test", "not-an-email");
      if (schema.format === "date-time") return fc.constantFrom("2026-12-07T10:00:00Z", "yesterday");
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 20, 20) });
    case "integer":
      return fc.integer({ min: 0, max: 20 });
    case "number":
      return fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 20, noNaN: true }));
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(fitting(schema.items ?? {}, depth + 1), { maxLength: 3 });
    case "object":
    case undefined: {
      const props = Object.entries<Json>(schema.properties ?? {});
      if (props.length === 0) return fc.constant({});
      const required = new Set<string>(schema.required ?? []);
      return fc.record(Object.fromEntries(props.map(([k, s]) => [k, fitting(s, depth + 1)])), {
        requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)),
      });
    }
    default:
      return fc.constant(null);
  }
}

/** A body for the operation: fitting, then broken, or replaced by something that is not JSON at all. */
function bodyArb(op: Json): fc.Arbitrary<Body | null> {
  const content = op.requestBody?.content ?? {};
  const jsonSchema = content["application/json"]?.schema;
  const json = (v: unknown): Body => ({ text: JSON.stringify(v), contentType: "application/json" });
  const fittingArb = jsonSchema ? fitting(jsonSchema) : fc.constant({});
  const broken = fc
    .tuple(fittingArb, fc.nat(), fc.constantFrom(...HOSTILE_VALUES), fc.constantFrom("replace", "delete", "add", "deep"))
    .map(([value, pick, hostile, how]) => {
      if (!value || typeof value !== "object" || Array.isArray(value)) return json(hostile);
      const keys = Object.keys(value);
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      const key = keys.length ? keys[pick % keys.length] : "unknown";
      if (how === "delete") delete copy[key];
      else if (how === "add") copy.unknownField = hostile;
      else if (how === "deep") copy[key] = nested(40);
      else copy[key] = hostile;
      return json(copy);
    });
  const megabyte = fittingArb.map((value) => {
    const copy = value && typeof value === "object" && !Array.isArray(value) ? { ...(value as object) } : {};
    const keys = Object.keys(copy);
    (copy as Record<string, unknown>)[keys[0] ?? "text"] = "y".repeat(990_000);
    return json(copy);
  });
  const raw = fc.constantFrom<Body>(
    { text: "{", contentType: "application/json" },
    { text: "NaN", contentType: "application/json" },
    { text: '{"a":1e999,"b":-1e999}', contentType: "application/json" },
    { text: `${"[".repeat(5000)}${"]".repeat(5000)}`, contentType: "application/json" },
    { text: '{"title":"\\ud800"}', contentType: "application/json" },
    { text: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}', contentType: "application/json" },
    { bytes: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), contentType: "application/json" },
    { text: "title=x", contentType: "application/x-www-form-urlencoded" },
    { text: "hello", contentType: "text/plain" },
    { text: "--x\r\n\r\n", contentType: "multipart/form-data" },
    {
      text: "--b\r\nContent-Disposition: form-data; name=file\r\n\r\nabc\r\n--b--",
      contentType: "multipart/form-data; boundary=b",
    },
    { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), contentType: "image/png" },
    { text: '{"title":"x"}', contentType: null },
  );
  return fc.oneof(
    { weight: 2, arbitrary: fittingArb.map(json) },
    { weight: 4, arbitrary: broken },
    { weight: 1, arbitrary: megabyte },
    { weight: 3, arbitrary: raw },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

function paramArb(valid: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...valid) },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
  );
}

function caseArb(operation: Operation, validParams: (name: string) => string[]): fc.Arbitrary<Case> {
  const params: Json[] = operation.op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === "path");
  const queryParams = params.filter((p) => p.in === "query");
  const pathArb = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, paramArb(validParams(p.name))])));
  const queryArb = fc
    .array(
      fc.tuple(
        queryParams.length ? fc.constantFrom(...queryParams.map((p) => p.name as string)) : fc.constant("unknown"),
        fc.oneof(fc.constantFrom(...HOSTILE_STRINGS, "2026-12-07", "1", "csv", "week"), fc.string({ maxLength: 10 })),
      ),
      { maxLength: 3 },
    )
    .map((pairs) => pairs as [string, string][]);
  const hasBody = ["post", "put", "patch"].includes(operation.method);
  return fc.record({
    params: pathArb as fc.Arbitrary<Record<string, string>>,
    query: queryArb,
    body: hasBody ? bodyArb(operation.op) : fc.constant(null),
    auth: fc.constantFrom<Case["auth"]>("key", "key", "key", "key", "key", "key", "none", "bogus"),
  });
}

function routeFile(path: string): string {
  return join(import.meta.dirname, "../../app", path.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
}

function operations(): Operation[] {
  const all: Operation[] = [];
  for (const [path, ops] of Object.entries<Json>(doc.paths)) {
    for (const [method, op] of Object.entries<Json>(ops)) all.push({ path, method, op });
  }
  // Deletes last (a deleted project ends the other operations' reach), the project itself at the end.
  const rank = (o: Operation) => (o.method !== "delete" ? 0 : o.path === "/api/v1/projects/{slug}" ? 2 : 1);
  return all.sort((a, b) => rank(a) - rank(b));
}

async function send(handler: AnyHandler, operation: Operation, c: Case, key: string) {
  // A URL cannot carry a lone surrogate (it is not encodable, and Next refuses escapes of invalid
  // UTF-8 before routing): the handler gets what a URL can say.
  const params = Object.fromEntries(Object.entries(c.params).map(([k, v]) => [k, v.toWellFormed()]));
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(params[name] ?? "x"));
  const url = new URL(`http://localhost:3000${path}`);
  for (const [k, v] of c.query) url.searchParams.append(k, v);
  const headers: Record<string, string> = {};
  if (c.auth === "key") headers.authorization = `Bearer ${key}`;
  if (c.auth === "bogus") headers.authorization = "Bearer wd_\ud800".replace("\ud800", "x".repeat(300));
  if (c.body?.contentType) headers["content-type"] = c.body.contentType;
  const body = c.body ? (c.body.bytes ?? c.body.text) : undefined;
  const req = new Request(url, { method: operation.method.toUpperCase(), headers, body });
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, text, type: res.headers.get("content-type") ?? "" };
}

/** What a refused or fuzzed request must never change: a project the fuzzing users cannot reach. */
async function untouchedSnapshot(projectId: number) {
  const db = getDb();
  return {
    project: await db.project.findUnique({ where: { id: projectId } }),
    columns: await db.column.findMany({ where: { projectId }, orderBy: { id: "asc" } }),
    cards: await db.card.findMany({ where: { projectId }, orderBy: { id: "asc" } }),
    members: await db.projectMember.findMany({ where: { projectId }, orderBy: { userId: "asc" } }),
    labels: await db.label.findMany({ where: { projectId }, orderBy: { id: "asc" } }),
  };
}

describe.each(availableEngines())("fuzzing every operation on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let admin: Person;
  let owner: Person;
  let stranger: Person;
  let strangerProjectId: number;
  let before: Awaited<ReturnType<typeof untouchedSnapshot>>;
  const valid = new Map<string, string[]>();

  beforeAll(async () => {
    world = await freshWorld(engine);
    admin = await person("fuzzadmin", { admin: true });
    owner = await person("fuzzowner");
    stranger = await person("fuzzstranger");
    await person("fuzzspare");
    const db = getDb();
    // The fuzzers send thousands of requests a minute with their keys.
    await db.systemSetting.upsert({
      where: { key: "api_rate_limit_per_minute" },
      create: { key: "api_rate_limit_per_minute", value: "1000000" },
      update: { value: "1000000" },
    });
    const project = await createProject(owner.actor, { name: "Fuzzed", key: "FUZ", slug: "fuzzed" });
    await createProject(owner.actor, { name: "Fuzzed Scrum", key: "FUS", slug: "fuzzed-scrum", type: "scrum" });
    for (const title of ["one", "two", "three"]) await createCard(owner.actor, project.slug, { title, description: "**x**" });
    const hidden = await createProject(stranger.actor, { name: "Hidden", key: "HID", slug: "hidden" });
    strangerProjectId = hidden.id;
    await createCard(stranger.actor, hidden.slug, { title: "secret" });
    before = await untouchedSnapshot(strangerProjectId);
    const ids = ["1", "2", "3", "4"];
    valid.set("slug", ["fuzzed", "fuzzed-scrum", "hidden", "nope"]);
    valid.set("key", ["FUZ-1", "FUZ-2", "1", "FUS-1", "HID-1"]);
    valid.set("username", ["fuzzowner", "fuzzspare", "fuzzstranger", "nobody"]);
    valid.set("id", ids);
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  const validParams = (name: string) => valid.get(name) ?? valid.get("id") ?? ["1"];

  async function fuzz(actor: () => Person, filter: (o: Operation) => boolean, seedOffset: number) {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    for (const [index, operation] of operations().filter(filter).entries()) {
      const file = routeFile(operation.path);
      if (!existsSync(file)) continue;
      const handler = (await import(file))[operation.method.toUpperCase()] as AnyHandler | undefined;
      if (!handler) continue;
      const cases = fc.sample(caseArb(operation, validParams), { numRuns: RUNS, seed: SEED + seedOffset + index });
      for (const c of cases) {
        sent++;
        const res = await send(handler, operation, c, actor().key);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const isJson = res.type.includes("application/json");
        const isError = res.status >= 400;
        if (res.status >= 500 || (isError && (!isJson || !JSON.parse(res.text)?.error?.code))) {
          failures.push(
            `${operation.method.toUpperCase()} ${operation.path} ${JSON.stringify(c).slice(0, 300)} → ${res.status} ${res.text.slice(0, 200)}`,
          );
        }
      }
    }
    if (process.env.FUZZ_VERBOSE) console.log(engine, sent, "requests", Object.fromEntries(statuses));
    return { failures, sent };
  }

  it("answers every request from a member's key without a 5xx, in the error format", async () => {
    const { failures, sent } = await fuzz(
      () => owner,
      (o) => !o.path.startsWith("/api/v1/admin/"),
      0,
    );
    expect(sent).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 900_000);

  it("answers every administration request from an admin's key without a 5xx", async () => {
    const { failures } = await fuzz(
      () => admin,
      (o) => o.path.startsWith("/api/v1/admin/"),
      10_000,
    );
    expect(failures).toEqual([]);
  }, 900_000);

  it("stays up, and the project nobody fuzzing could reach is unchanged", async () => {
    const health = await healthGet();
    expect(health.status).toBe(200);
    expect(await untouchedSnapshot(strangerProjectId)).toEqual(before);
  });
});
