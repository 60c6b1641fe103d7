// The scrum part of the OpenAPI document: sprints, planning (backlog and sprint cards), burndown,
// velocity and the done columns. A kanban project answers these with 409.
import { ZAddToSprint, ZDoneColumns, ZPlaceInBacklog } from "../scrum/planning.ts";
import { ZCompleteSprint, ZCreateSprint, ZStartSprint, ZUpdateSprint } from "../scrum/sprints.ts";
import { body, errors, type Json, ok, pathParam, read, schema, write } from "./helpers.ts";

const slug = pathParam("slug", "Project slug (a scrum project; a kanban project answers 409)");
const sprintId = pathParam("id", "Sprint id");
const key = pathParam("key", "Card key (PRJ-42) or number (42)");
const scrumRead = errors(401, 404, 409);
const query = (name: string, description: string, type = "string") => ({
  name,
  in: "query",
  required: false,
  description,
  schema: { type },
});

export function scrumSchemas(): Json {
  return {
    CreateSprint: schema(ZCreateSprint),
    UpdateSprint: schema(ZUpdateSprint),
    StartSprint: schema(ZStartSprint),
    CompleteSprint: schema(ZCompleteSprint),
    AddToSprint: schema(ZAddToSprint),
    PlaceInBacklog: schema(ZPlaceInBacklog),
    DoneColumns: schema(ZDoneColumns),
  };
}

export function scrumPaths(): Json {
  return {
    "/api/v1/projects/{slug}/sprints": {
      get: {
        parameters: [slug, query("status", "Comma-separated: planned, active, closed")],
        summary: "Sprints: the active one, the planned ones in order, the completed ones latest first",
        responses: { ...ok(200, "Sprints with cardCount, points, donePoints, committedPoints, completedPoints"), ...scrumRead },
      },
      post: {
        parameters: [slug],
        summary: "Plan a sprint (name, goal, dates)",
        requestBody: body("CreateSprint"),
        responses: { ...ok(201, "The sprint"), ...write },
      },
    },
    "/api/v1/projects/{slug}/sprints/{id}": {
      get: {
        parameters: [slug, sprintId],
        summary: "A sprint with its cards in rank order",
        responses: { ...ok(200, "The sprint"), ...scrumRead },
      },
      patch: {
        parameters: [slug, sprintId],
        summary: "Edit a planned or active sprint (a completed one: 409)",
        requestBody: body("UpdateSprint"),
        responses: { ...ok(200, "The sprint"), ...write },
      },
      delete: {
        parameters: [slug, sprintId],
        summary: "Delete a planned sprint; its cards go back to the backlog",
        responses: { ...ok(204, "Deleted"), ...errors(401, 403, 404, 409) },
      },
    },
    "/api/v1/projects/{slug}/sprints/{id}/start": {
      post: {
        parameters: [slug, sprintId],
        summary: "Start a planned sprint (needs start and end dates; 409 while another sprint is active)",
        requestBody: body("StartSprint"),
        responses: { ...ok(200, "The sprint, with committedPoints"), ...write },
      },
    },
    "/api/v1/projects/{slug}/sprints/{id}/complete": {
      post: {
        parameters: [slug, sprintId],
        summary: "Complete the active sprint; cards not in a done column go to the backlog, a planned sprint, or a new one",
        requestBody: body("CompleteSprint"),
        responses: { ...ok(200, "{ sprint, doneCardIds, unfinishedCardIds, movedTo }"), ...write },
      },
    },
    "/api/v1/projects/{slug}/sprints/{id}/cards": {
      post: {
        parameters: [slug, sprintId],
        summary: "Put cards into a planned or active sprint (from the backlog or another sprint), or reorder one there",
        requestBody: body("AddToSprint"),
        responses: { ...ok(200, "The card (key) or the cards (keys)"), ...write },
      },
    },
    "/api/v1/projects/{slug}/sprints/{id}/cards/{key}": {
      delete: {
        parameters: [slug, sprintId, key],
        summary: "Take a card out of a sprint, to the top of the backlog",
        responses: { ...ok(200, "The card"), ...errors(401, 403, 404, 409) },
      },
    },
    "/api/v1/projects/{slug}/sprints/{id}/burndown": {
      get: {
        parameters: [
          { ...sprintId, description: "Sprint id, or `active`" },
          slug,
          query("timeZone", "IANA zone whose calendar days the chart uses (default UTC)"),
        ],
        summary:
          "Burndown: remaining points at the start and at the end of each day, the ideal line, scope changes (a planned sprint: 409)",
        responses: { ...ok(200, "{ sprint, timeZone, days, scopeChanges }"), ...errors(400, 401, 404, 409) },
      },
    },
    "/api/v1/projects/{slug}/sprints/velocity": {
      get: {
        parameters: [slug, query("count", "How many of the last completed sprints (1–50, default 7)", "integer")],
        summary: "Velocity: committed vs completed points of the last completed sprints, and the average of the last three",
        responses: { ...ok(200, "{ sprints, averageVelocity, averageOver }"), ...errors(400, 401, 404, 409) },
      },
    },
    "/api/v1/projects/{slug}/backlog": {
      get: {
        parameters: [slug],
        summary: "The backlog (cards in no planned or active sprint and not done, by rank) with the open sprints and their cards",
        responses: {
          ...ok(200, "{ project, sprints, backlog: { cards, points }, averageVelocity, doneColumnIds }"),
          ...scrumRead,
        },
      },
      post: {
        parameters: [slug],
        summary: "Put a card into the backlog between two neighbours (reorder it, or take it out of its sprint)",
        requestBody: body("PlaceInBacklog"),
        responses: { ...ok(200, "The card"), ...write },
      },
    },
    "/api/v1/projects/{slug}/done-columns": {
      get: {
        parameters: [slug],
        summary: "The columns whose cards count as done",
        responses: { ...ok(200, "{ columnIds, isChosen, columns }"), ...read },
      },
      put: {
        parameters: [slug],
        summary: "Choose the done columns (project admins); none: the last column",
        requestBody: body("DoneColumns"),
        responses: { ...ok(200, "{ columnIds, isChosen, columns }"), ...write },
      },
    },
  };
}
