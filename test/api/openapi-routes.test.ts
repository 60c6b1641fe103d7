// Every route handler under app/api, with every method it serves, is in the OpenAPI document
// (the catch-all 404 and next-auth's own routes aside).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../../lib/openapi/spec.ts";

const UNDOCUMENTED = new Set(["/api/v1/{...rest}", "/api/auth/{...nextauth}"]);

describe("the OpenAPI document", () => {
  it("documents every route and method under app/api", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const root = join(import.meta.dirname, "../../app/api");
    const missing: string[] = [];
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("route.ts"));
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) {
      const path = `/api/${f}`.replace(/\/?route\.ts$/, "").replace(/\[([.\w]+)\]/g, "{$1}");
      if (UNDOCUMENTED.has(path)) continue;
      const source = readFileSync(join(root, f), "utf8");
      for (const [, method] of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
        if (!doc.paths[path]?.[method.toLowerCase()]) missing.push(`${method} ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("describes the webhook routes and the card's links", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(Object.keys(doc.paths["/api/v1/projects/{slug}/webhooks"])).toEqual(["get", "post"]);
    expect(doc.paths["/api/webhooks/{id}"].post.responses).toHaveProperty("202");
    expect(doc.paths["/api/webhooks/{id}"].post.responses).toHaveProperty("401");
  });
});
