import { ZUpdateCard } from "../boards/cards.ts";
import { ZCreateChecklistItem, ZMoveChecklistItem, ZUpdateChecklistItem } from "../boards/checklist.ts";
import { ZUpdateComment } from "../boards/comments.ts";
import { ZCreateLabel, ZUpdateLabel } from "../boards/labels.ts";
import { ZReference } from "../boards/references.ts";
import { body, errors, type Json, ok, pathParam, read, schema, write } from "./helpers.ts";

const slug = pathParam("slug", "Project slug; an old slug from before a rename still finds the project");
const key = pathParam("key", "Card key (PRJ-42) or number (42)");
const id = pathParam("id");
const base = "/api/v1/projects/{slug}/cards/{key}";

export function cardSchemas(): Json {
  return {
    CreateChecklistItem: schema(ZCreateChecklistItem),
    UpdateChecklistItem: schema(ZUpdateChecklistItem),
    MoveChecklistItem: schema(ZMoveChecklistItem),
    UpdateComment: schema(ZUpdateComment),
    Reference: schema(ZReference),
    CreateLabel: schema(ZCreateLabel),
    UpdateLabel: schema(ZUpdateLabel),
  };
}

export function cardPaths(): Json {
  return {
    [base]: {
      get: {
        parameters: [
          slug,
          key,
          {
            name: "detail",
            in: "query",
            required: false,
            description: "Present: `{ card, checklistItems, children, childProgress, parent, references, role, canEdit }`",
            schema: { type: "string" },
          },
        ],
        summary: "A card (with `?detail`: everything the card view shows, deleted cards too)",
        responses: { ...ok(200, "The card"), ...read },
      },
      patch: {
        parameters: [slug, key],
        summary:
          "Edit a card; send `version` to refuse lost updates (409 carries the newer card). `storyPoints` other than null/0 on a kanban project: 400.",
        requestBody: { required: true, content: { "application/json": { schema: schema(ZUpdateCard) } } },
        responses: { ...ok(200, "The card"), ...write },
      },
      delete: {
        parameters: [slug, key],
        summary: "Delete a card (soft; restore with POST …/restore)",
        responses: { ...ok(200, "The deleted card"), ...errors(401, 403, 404, 409) },
      },
    },
    [`${base}/restore`]: {
      post: {
        parameters: [slug, key],
        summary: "Restore a deleted card",
        responses: { ...ok(200, "The card"), ...errors(401, 403, 404, 409) },
      },
    },
    [`${base}/checklist`]: {
      get: {
        parameters: [slug, key],
        summary: "The checklist in order, with done/total",
        responses: { ...ok(200, "{ items, done, total }"), ...read },
      },
      post: {
        parameters: [slug, key],
        summary: "Add a checklist item at the end",
        requestBody: body("CreateChecklistItem"),
        responses: { ...ok(201, "The item"), ...write },
      },
    },
    [`${base}/checklist/{id}`]: {
      patch: {
        parameters: [slug, key, id],
        summary: "Edit or tick a checklist item",
        requestBody: body("UpdateChecklistItem"),
        responses: { ...ok(200, "The item"), ...write },
      },
      delete: {
        parameters: [slug, key, id],
        summary: "Delete a checklist item",
        responses: { ...ok(200, "{ id, deleted }"), ...write },
      },
    },
    [`${base}/checklist/{id}/move`]: {
      post: {
        parameters: [slug, key, id],
        summary: "Move a checklist item after `afterId` or before `beforeId`",
        requestBody: body("MoveChecklistItem"),
        responses: { ...ok(200, "The item"), ...write },
      },
    },
    [`${base}/comments`]: {
      get: {
        parameters: [slug, key],
        summary: "Comments, oldest first (deleted ones without body)",
        responses: { ...ok(200, "Comments"), ...read },
      },
      post: {
        parameters: [slug, key],
        summary: "Comment on a card (markdown)",
        requestBody: body("CreateComment"),
        responses: { ...ok(201, "The comment"), ...write },
      },
    },
    [`${base}/comments/{id}`]: {
      patch: {
        parameters: [slug, key, id],
        summary: "Edit your own comment",
        requestBody: body("UpdateComment"),
        responses: { ...ok(200, "The comment"), ...write },
      },
      delete: {
        parameters: [slug, key, id],
        summary: "Delete your own comment (soft)",
        responses: { ...ok(200, "The comment"), ...write },
      },
    },
    [`${base}/references`]: {
      get: { parameters: [slug, key], summary: "References to other cards", responses: { ...ok(200, "References"), ...read } },
      post: {
        parameters: [slug, key],
        summary: "Add a reference (blocks, is_blocked_by, relates_to); the other card gets the inverse",
        requestBody: body("Reference"),
        responses: { ...ok(201, "The reference"), ...write },
      },
      delete: {
        parameters: [slug, key],
        summary: "Remove a reference and its inverse (body `{ type, key }` or `?type=&key=`)",
        responses: { ...ok(200, "{ deleted, type, key }"), ...write },
      },
    },
    [`${base}/history`]: {
      get: {
        parameters: [slug, key],
        summary: "Every change: who, when, field, old and new value (newest first)",
        responses: { ...ok(200, "History"), ...read },
      },
    },
    "/api/v1/projects/{slug}/labels": {
      get: {
        parameters: [slug],
        summary: "Project labels by name, each `{ id, name, color, cardCount }` (cardCount: live cards carrying it)",
        responses: { ...ok(200, "Labels"), ...read },
      },
      post: {
        parameters: [slug],
        summary: "Create a label (project members; without `color` the next palette colour)",
        requestBody: body("CreateLabel"),
        responses: { ...ok(201, "The label"), ...write },
      },
    },
    "/api/v1/projects/{slug}/labels/{id}": {
      patch: {
        parameters: [slug, id],
        summary: "Rename or recolour a label",
        requestBody: body("UpdateLabel"),
        responses: { ...ok(200, "The label"), ...write },
      },
      delete: {
        parameters: [slug, id],
        summary: "Delete a label (removes it from every card)",
        responses: { ...ok(200, "The label"), ...write },
      },
    },
  };
}
