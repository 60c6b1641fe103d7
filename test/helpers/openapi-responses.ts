// Checks real responses against the OpenAPI document: every route handler a test calls through
// test/api/helpers.ts `call` is looked up in the document (by the route file it comes from), and
// the JSON body it answered is validated against the schema documented for that status. A body
// that does not match fails the test that made the request. OPENAPI_RESPONSES_LOG=<file> appends
// one line per checked response (operation, status) so a test can tell which operations it saw.
import { appendFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { openApiDocument } from "../../lib/openapi/spec.ts";

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI fragments are walked generically
type Json = any;
// biome-ignore lint/suspicious/noExplicitAny: route handlers of different parameter shapes
type AnyHandler = (...args: any[]) => unknown;
type Operation = { path: string; method: string; op: Json };

let doc: Json | null = null;
let byHandler: Map<AnyHandler, Operation> | null = null;
const validators = new Map<string, z.ZodType>();

function document(): Json {
  doc ??= openApiDocument();
  return doc;
}

/** The route file of a documented path (`/api/v1/projects/{slug}` → app/api/v1/projects/[slug]/route.ts). */
export function routeFile(path: string): string {
  return join(import.meta.dirname, "../../app", path.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
}

/** Every documented operation with the handler that serves it. */
export async function documentedHandlers(): Promise<Map<AnyHandler, Operation>> {
  if (byHandler) return byHandler;
  const map = new Map<AnyHandler, Operation>();
  for (const [path, ops] of Object.entries<Json>(document().paths)) {
    const file = routeFile(path);
    if (!existsSync(file)) continue;
    const mod = await import(file);
    for (const [method, op] of Object.entries<Json>(ops)) {
      const handler = mod[method.toUpperCase()];
      if (typeof handler === "function") map.set(handler, { path, method, op });
    }
  }
  byHandler = map;
  return map;
}

/** The schema with every `$ref` to `#/components/schemas/…` replaced by what it names. */
function inline(schema: Json, seen: string[] = []): Json {
  if (Array.isArray(schema)) return schema.map((s) => inline(s, seen));
  if (!schema || typeof schema !== "object") return schema;
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.split("/").pop();
    if (seen.includes(name)) return {};
    const { $ref: _r, ...rest } = schema;
    return { ...inline(document().components.schemas[name], [...seen, name]), ...inline(rest, seen) };
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, inline(v, seen)]));
}

function validator(operation: Operation, status: number): z.ZodType | null {
  const id = `${operation.method} ${operation.path} ${status}`;
  const cached = validators.get(id);
  if (cached) return cached;
  const response = operation.op.responses?.[String(status)];
  if (!response) throw new Error(`${id}: the status is not documented`);
  const schema = response.content?.["application/json"]?.schema;
  if (!schema) return null;
  const made = z.fromJSONSchema(inline(schema));
  validators.set(id, made);
  return made;
}

/**
 * Throws when `handler` is a documented operation and the response does not match the document:
 * an undocumented status, or a JSON body that the documented schema refuses.
 */
export async function checkResponse(handler: AnyHandler, status: number, contentType: string, body: unknown) {
  const operation = (await documentedHandlers()).get(handler);
  if (!operation) return;
  const name = `${operation.method.toUpperCase()} ${operation.path} → ${status}`;
  // 429 and 5xx are answered by apiRoute for every operation (rate limit, unexpected failure).
  if (status === 429 || status >= 500) return;
  const check = validator(operation, status);
  if (process.env.OPENAPI_RESPONSES_LOG) {
    appendFileSync(
      process.env.OPENAPI_RESPONSES_LOG,
      `${JSON.stringify({ op: `${operation.method} ${operation.path}`, status, body })}\n`,
    );
  }
  if (!check || !contentType.includes("application/json")) return;
  const result = check.safeParse(body);
  if (!result.success) {
    throw new Error(
      `${name}: the response does not match the OpenAPI document:\n${z.prettifyError(result.error)}\n${JSON.stringify(body).slice(0, 2000)}`,
    );
  }
}
