// The /api-docs page renders every operation of the OpenAPI document, with parameters and bodies.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ApiDocs, sectionOf, typeOf } from "../../components/api-docs/api-docs.tsx";
import { translator } from "../../lib/i18n/index.ts";
import { openApiDocument } from "../../lib/openapi/spec.ts";

describe("the API documentation page", () => {
  it("names types and sections", () => {
    expect(typeOf({ type: "string" })).toBe("string");
    expect(typeOf({ type: "array", items: { type: "integer" } })).toBe("array<integer>");
    expect(typeOf({ enum: ["github", "gitlab"] })).toBe('"github" | "gitlab"');
    expect(typeOf({ anyOf: [{ type: "string" }, { type: "null" }] })).toBe("string | null");
    expect(typeOf({ $ref: "#/components/schemas/Webhook" })).toBe("Webhook");
    expect(sectionOf("/api/v1/projects/{slug}/webhooks")).toBe("projects");
    expect(sectionOf("/api/webhooks/{id}")).toBe("webhooks");
  });

  it("renders every operation of the document", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const html = renderToStaticMarkup(createElement(ApiDocs, { doc, t: translator("en") }));
    const operations = Object.values(doc.paths).reduce((n, p) => n + Object.keys(p).length, 0);
    expect(html.match(/data-testid="api-operation"/g)?.length).toBe(operations);
    expect(html).toContain("/api/v1/projects/{slug}/webhooks");
    expect(html).toContain('id="schema-CreateWebhook"');
    expect(html).toContain("X-Hub-Signature-256");
    expect(translator("de")("apiDocs.title")).toBe("API-Dokumentation");
  });
});
