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
