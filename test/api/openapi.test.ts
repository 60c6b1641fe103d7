import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "../../app/api/v1/openapi.json/route.ts";
import { call } from "./helpers.ts";

describe("GET /api/v1/openapi.json", () => {
  it("documents the API from the zod schemas", async () => {
    const res = await call(GET, {});
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    expect(res.json.components.schemas.MoveCard).toMatchObject({
      type: "object",
      required: ["columnId"],
      additionalProperties: false,
    });
    expect(res.json.components.schemas.CreateCard.required).toEqual(["title"]);
    expect(Object.keys(res.json.paths)).toEqual(
      expect.arrayContaining([
        "/api/health",
        "/api/setup",
        "/api/realtime/token",
        "/api/v1/projects",
        "/api/v1/projects/{slug}",
        "/api/v1/projects/{slug}/members",
        "/api/v1/projects/{slug}/board",
        "/api/v1/projects/{slug}/columns",
        "/api/v1/projects/{slug}/cards",
        "/api/v1/projects/{slug}/cards/{key}",
        "/api/v1/projects/{slug}/cards/{key}/move",
        "/api/v1/projects/{slug}/cards/{key}/comments",
        "/api/v1/projects/{slug}/sprints",
        "/api/v1/projects/{slug}/sprints/{id}/start",
        "/api/v1/projects/{slug}/sprints/{id}/complete",
        "/api/v1/projects/{slug}/sprints/{id}/cards",
        "/api/v1/projects/{slug}/sprints/{id}/burndown",
        "/api/v1/projects/{slug}/sprints/velocity",
        "/api/v1/projects/{slug}/backlog",
        "/api/v1/projects/{slug}/done-columns",
      ]),
    );
    expect(Object.keys(res.json.paths["/api/v1/projects/{slug}/cards/{key}"])).toEqual(["get", "patch", "delete"]);
    expect(res.json.components.schemas.CompleteSprint.properties.moveUnfinishedTo).toBeDefined();
    expect(res.json.components.schemas.CreateCard.properties.sprintId).toBeDefined();
  });
});

describe("GET /api/v1/openapi.json: time tracking", () => {
  it("documents customers, contracts, time entries, the timer and reports", async () => {
    const res = await call(GET, {});
    expect(Object.keys(res.json.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/customers",
        "/api/v1/customers/{slug}",
        "/api/v1/customers/{slug}/contracts",
        "/api/v1/customers/{slug}/contracts/{id}",
        "/api/v1/time-entries",
        "/api/v1/time-entries/{id}",
        "/api/v1/time-entries/cell",
        "/api/v1/timer/start",
        "/api/v1/timer/stop",
        "/api/v1/reports/time",
      ]),
    );
    // Every route file of these areas is in the document.
    const root = join(import.meta.dirname, "../../app/api/v1");
    const routes = ["customers", "time-entries", "timer", "reports"].flatMap((area) =>
      readdirSync(join(root, area), { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith("route.ts"))
        .map((f) =>
          `/api/v1/${area}/${f}`
            .replace(/\/route\.ts$/, "")
            .replace(/\[(\w+)\]/g, "{$1}")
            .replace(/\/$/, ""),
        ),
    );
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((r) => !(r in res.json.paths))).toEqual([]);
    expect(res.json.components.schemas.CreateTimeEntry.required).toEqual(["date"]);
    expect(res.json.components.schemas.CreateContract.properties).toHaveProperty("hours");
  });
});
