// The topics and search part of the OpenAPI document.
import { SEARCH_TYPES } from "../search/search.ts";
import { ZCreateReply, ZUpdateReply } from "../topics/replies.ts";
import { ZCreateTopic, ZUpdateTopic } from "../topics/topics.ts";
import { body, errors, type Json, ok, pathParam, read, schema, write } from "./helpers.ts";

const slug = pathParam("slug");
const id = pathParam("id", "Topic id");
const replyId = pathParam("replyId", "Reply id");
const query = (name: string, description: string, type = "string", required = false) => ({
  name,
  in: "query",
  required,
  description,
  schema: { type },
});

export function topicSchemas(): Json {
  return {
    CreateTopic: schema(ZCreateTopic),
    UpdateTopic: schema(ZUpdateTopic),
    CreateReply: schema(ZCreateReply),
    UpdateReply: schema(ZUpdateReply),
  };
}

export function topicPaths(): Json {
  return {
    "/api/v1/projects/{slug}/topics": {
      get: {
        parameters: [slug, query("page", "Page, from 1", "integer"), query("limit", "Topics per page (1–100, 25)", "integer")],
        summary: "Topics of a project: pinned first, then the latest activity (a new topic or reply)",
        responses: {
          ...ok(200, "{ topics (with excerpt), page, limit, total, canPost, canModerate }"),
          ...errors(400, 401, 404),
        },
      },
      post: {
        parameters: [slug],
        summary: "Start a topic (members and admins)",
        requestBody: body("CreateTopic"),
        responses: { ...ok(201, "The topic"), ...write },
      },
    },
    "/api/v1/projects/{slug}/topics/{id}": {
      get: {
        parameters: [slug, id],
        summary: "A topic with its markdown body and what the caller may do (canReply, canModerate, canEdit)",
        responses: { ...ok(200, "{ topic, project, canReply, canModerate, canEdit }"), ...read },
      },
      patch: {
        parameters: [slug, id],
        summary: "Edit title/body (the author only); pin or lock (project admins only)",
        requestBody: body("UpdateTopic"),
        responses: { ...ok(200, "The topic"), ...write },
      },
      delete: {
        parameters: [slug, id],
        summary: "Delete one's own topic (soft)",
        responses: { ...ok(200, "The deleted topic"), ...write },
      },
    },
    "/api/v1/projects/{slug}/topics/{id}/replies": {
      get: {
        parameters: [
          slug,
          id,
          query("after", "Cursor: a reply id", "integer"),
          query("limit", "Replies per page (1–500, 200)", "integer"),
        ],
        summary: "Replies oldest first; deleted ones keep their place without text",
        responses: { ...ok(200, "{ replies, nextAfter }"), ...errors(400, 401, 404) },
      },
      post: {
        parameters: [slug, id],
        summary: "Reply (members and admins); a locked topic answers 409",
        requestBody: body("CreateReply"),
        responses: { ...ok(201, "The reply"), ...write },
      },
    },
    "/api/v1/projects/{slug}/topics/{id}/replies/{replyId}": {
      patch: {
        parameters: [slug, id, replyId],
        summary: "Edit one's own reply (a locked topic answers 409)",
        requestBody: body("UpdateReply"),
        responses: { ...ok(200, "The reply"), ...write },
      },
      delete: {
        parameters: [slug, id, replyId],
        summary: "Delete one's own reply (soft)",
        responses: { ...ok(200, "The deleted reply"), ...write },
      },
    },
    "/api/v1/search": {
      get: {
        parameters: [
          query("q", "Words to find (prefix match); a card key such as PRJ-42 puts that card first", "string", true),
          query(
            "types",
            `Comma-separated: ${SEARCH_TYPES.join(", ")} (message: project chat, dm: direct and group conversations)`,
          ),
          query("limit", "Results per type (1–50, 20)", "integer"),
        ],
        summary:
          "Search cards, comments, topics and replies in the projects the caller may read, project chat messages (message) and the caller's own conversation messages (dm: current members only; never through a key limited to a project)",
        responses: {
          ...ok(
            200,
            "{ query, results: [{ type, id, exact?, project (null for dm), conversation? (dm), key?, title: { text, marks }, snippet, url }] } (marks: [start, end) ranges; a message's title is its author)",
          ),
          ...errors(400, 401),
        },
      },
    },
  };
}
