// The OpenAPI 3.1 document of the REST API, generated from the same zod schemas the domain parses
// with, so the document cannot drift from what the server accepts.
import { z } from "zod";
import { ZCreateCard, ZMoveCard, ZUpdateCard } from "../boards/cards.ts";
import { ZCreateColumn } from "../boards/columns.ts";
import { ZCreateComment } from "../boards/comments.ts";
import { ZCreateProject } from "../boards/projects.ts";
import { ZCreateUser } from "../users/users.ts";
import { accountPaths, accountSchemas } from "./account.ts";
import { adminPaths, adminSchemas } from "./admin.ts";
import { attachmentPaths } from "./attachments.ts";
import { billingPaths, billingSchemas } from "./billing.ts";
import { cardPaths, cardSchemas } from "./cards.ts";
import { chatPaths, chatSchemas } from "./chat.ts";
import { body, ERROR_SCHEMA, errors, type Json, ok, pathParam, read, schema, write } from "./helpers.ts";
import { importPaths, importSchemas } from "./imports.ts";
import { profilePaths, profileSchemas } from "./profile.ts";
import { projectPaths, projectSchemas } from "./projects.ts";
import { RESPONSE_SCHEMAS } from "./responses.ts";
import { scrumPaths, scrumSchemas } from "./scrum.ts";
import { ssoPaths, ssoSchemas } from "./sso.ts";
import { systemPaths, systemSchemas } from "./system.ts";
import { timePaths, timeSchemas } from "./time.ts";
import { topicPaths, topicSchemas } from "./topics.ts";
import { webhookPaths, webhookSchemas } from "./webhooks.ts";

const slug = pathParam("slug");
const OPENAPI_SCHEMA = {
  type: "object",
  required: ["openapi", "info", "paths", "components"],
  properties: {
    openapi: { const: "3.1.0" },
    info: { type: "object" },
    paths: { type: "object" },
    components: { type: "object" },
  },
};
const key = pathParam("key", "Card key (PRJ-42) or number (42)");

/** The `Idempotency-Key` header, accepted by every POST with a JSON body (lib/http/idempotency.ts). */
const IDEMPOTENCY_KEY = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Makes a create safe to retry: the first request with a key runs, a retry with the same key and the same body answers the first answer again (header `Idempotency-Replayed: true`) and creates nothing; the same key with another body is a 422 (`idempotency_mismatch`); a retry while the first still runs is a 409. Keys (1–128 visible ASCII characters) belong to the API key (or the signed-in user) and expire after 24 hours. 5xx answers are not kept.",
  schema: { type: "string", minLength: 1, maxLength: 128 },
};

export function openApiDocument(): Json {
  const document = withResponseSchemas(buildDocument()) as Record<string, Json>;
  for (const item of Object.values(document.paths as Record<string, Record<string, Json>>)) {
    const post = item.post;
    if (!post || !(post.requestBody as Json | undefined)?.content) continue;
    const content = (post.requestBody as { content: Json }).content;
    if (!("application/json" in content)) continue;
    post.parameters = [...((post.parameters as unknown[]) ?? []), { $ref: "#/components/parameters/IdempotencyKey" }];
    post.responses = {
      ...(post.responses as Json),
      "422": {
        description: "The Idempotency-Key was used for another request",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      },
    };
  }
  (document.components as Json).parameters = { IdempotencyKey: IDEMPOTENCY_KEY };
  return document;
}

/**
 * Every JSON success response gets its body's schema from responses.ts; an operation missing there
 * gets the fields its description names (`{ a, b }`), or at least "an object".
 */
const SCOPE_REFUSED = {
  description:
    "Refused by the route's scope: an API key limited to one project on an account-wide route, or a user who must change their password first",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};

const CROSS_SITE_REFUSED = {
  description: "A cross-site request refused (Origin / Sec-Fetch-Site of another site)",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};

// biome-ignore lint/suspicious/noExplicitAny: the document is walked generically
type Walked = any;

function withResponseSchemas(doc: Walked): Json {
  for (const [path, ops] of Object.entries<Walked>(doc.paths)) {
    for (const [method, op] of Object.entries<Walked>(ops)) {
      // apiRoute answers 403 on any authenticated operation: a key limited to one project on an
      // account-wide route, or a user who must change their password first.
      if (op.security?.length !== 0 && !op.responses["403"]) op.responses["403"] = SCOPE_REFUSED;
      // A cross-site post is refused before anything else, on public forms too (lib/http/same-origin.ts).
      if (method !== "get" && !op.responses["403"]) op.responses["403"] = CROSS_SITE_REFUSED;
      for (const [status, response] of Object.entries<Walked>(op.responses)) {
        if (Number(status) >= 300) continue;
        for (const [type, content] of Object.entries<Walked>(response.content ?? {})) {
          if (content.schema && Object.keys(content.schema).length > 0) continue;
          content.schema =
            type !== "application/json"
              ? { type: "string", format: "binary" }
              : (RESPONSE_SCHEMAS[`${method} ${path}`] ?? fromDescription(response.description));
        }
      }
    }
  }
  return doc;
}

function fromDescription(description: string): Json {
  const named = /^`?\{ ([\w, ]+) \}`?$/.exec(description)?.[1]?.split(", ");
  if (!named) return { type: "object" };
  return { type: "object", required: named, properties: Object.fromEntries(named.map((name) => [name, {}])) };
}

function buildDocument(): Json {
  const { admin: _a, mustChangePassword: _m, ...setupShape } = ZCreateUser.shape;
  return {
    openapi: "3.1.0",
    info: { title: "WarmDesk REST API", version: "1" },
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description:
            "An API key (wd_…) as `Authorization: Bearer <key>`. Each key may make `api_rate_limit_per_minute` requests a minute (a system setting, default 600); beyond that the answer is 429 with Retry-After (seconds) and the error JSON.",
        },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: {
        Error: ERROR_SCHEMA,
        CreateProject: schema(ZCreateProject),
        CreateColumn: schema(ZCreateColumn),
        CreateCard: schema(ZCreateCard),
        UpdateCard: schema(ZUpdateCard),
        MoveCard: schema(ZMoveCard),
        CreateComment: schema(ZCreateComment),
        Setup: schema(z.object(setupShape)),
        ...projectSchemas(),
        ...cardSchemas(),
        ...accountSchemas(),
        ...profileSchemas(),
        ...adminSchemas(),
        ...systemSchemas(),
        ...ssoSchemas(),
        ...scrumSchemas(),
        ...timeSchemas(),
        ...billingSchemas(),
        ...chatSchemas(),
        ...topicSchemas(),
        ...webhookSchemas(),
        ...importSchemas(),
      },
    },
    security: [{ apiKey: [] }, { session: [] }],
    paths: {
      "/api/health": {
        get: {
          security: [],
          summary: "Liveness and database check",
          responses: { ...ok(200, "{ status, database, version }"), "503": { description: "Database down" } },
        },
      },
      "/api/setup": {
        get: { security: [], summary: "Is first-run setup needed?", responses: ok(200, "{ needed }") },
        post: {
          security: [],
          summary: "Create the first administrator",
          requestBody: body("Setup"),
          responses: { ...ok(201, "The user"), ...errors(400, 409, 413, 415) },
        },
      },
      "/api/realtime/token": {
        post: {
          summary: "A short-lived token for the Socket.IO sidecar",
          responses: { ...ok(200, "{ token, url }"), ...errors(401) },
        },
      },
      "/api/v1/projects": {
        get: { summary: "Projects you can read", responses: { ...ok(200, "Projects"), ...errors(401) } },
        post: {
          summary: "Create a project",
          requestBody: body("CreateProject"),
          responses: { ...ok(201, "The project"), ...write },
        },
      },
      "/api/v1/projects/{slug}": {
        get: { parameters: [slug], summary: "A project", responses: { ...ok(200, "The project with your role"), ...read } },
      },
      "/api/v1/projects/{slug}/members": {
        get: { parameters: [slug], summary: "Members with roles", responses: { ...ok(200, "Members"), ...read } },
        post: {
          parameters: [slug],
          summary: "Add a member or change a role (project admins)",
          requestBody: body("AddMember"),
          responses: { ...ok(201, "The member"), ...write },
        },
      },
      "/api/v1/projects/{slug}/board": {
        get: {
          parameters: [slug],
          summary: "The board: columns in order, each with its cards in order",
          responses: { ...ok(200, "{ project, columns }"), ...read },
        },
      },
      "/api/v1/projects/{slug}/columns": {
        post: {
          parameters: [slug],
          summary: "Create a column",
          requestBody: body("CreateColumn"),
          responses: { ...ok(201, "The column"), ...write },
        },
      },
      "/api/v1/projects/{slug}/cards": {
        post: {
          parameters: [slug],
          summary: "Create a card (gets the next number)",
          requestBody: body("CreateCard"),
          responses: { ...ok(201, "The card"), ...write },
        },
      },
      "/api/v1/projects/{slug}/cards/{key}": {
        get: { parameters: [slug, key], summary: "A card", responses: { ...ok(200, "The card"), ...read } },
        patch: {
          parameters: [slug, key],
          summary: "Edit a card; send `version` to refuse lost updates (409)",
          requestBody: body("UpdateCard"),
          responses: { ...ok(200, "The card"), ...write },
        },
        delete: {
          parameters: [slug, key],
          summary: "Delete a card",
          responses: { ...ok(200, "The deleted card"), ...errors(401, 403, 404) },
        },
      },
      "/api/v1/projects/{slug}/cards/{key}/move": {
        post: {
          parameters: [slug, key],
          summary: "Move a card into a column, between two neighbours",
          requestBody: body("MoveCard"),
          responses: { ...ok(200, "The card"), ...write },
        },
      },
      "/api/v1/projects/{slug}/cards/{key}/comments": {
        post: {
          parameters: [slug, key],
          summary: "Comment on a card",
          requestBody: body("CreateComment"),
          responses: { ...ok(201, "The comment"), ...write },
        },
      },
      ...projectPaths(),
      ...cardPaths(),
      ...accountPaths(),
      ...profilePaths(),
      ...adminPaths(),
      ...systemPaths(),
      ...ssoPaths(),
      ...scrumPaths(),
      ...timePaths(),
      ...billingPaths(),
      ...chatPaths(),
      ...topicPaths(),
      ...attachmentPaths(),
      ...webhookPaths(),
      ...importPaths(),
      "/api/v1/openapi.json": {
        get: { security: [], summary: "This document", responses: ok(200, "OpenAPI 3.1", OPENAPI_SCHEMA) },
      },
    },
  };
}
