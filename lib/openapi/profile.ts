// OpenAPI paths and schemas of the profile endpoints: the signed-in user's own account, avatar,
// sessions and API keys. (The password and MFA endpoints under /api/v1/me are in account.ts.)
import { ZCreateOwnApiKey } from "../auth/api-keys.ts";
import { ZUpdateProfile } from "../users/profile.ts";
import { body, errors, type Json, ok, pathParam, read, schema } from "./helpers.ts";

const BROWSER_ONLY = "Changes need a signed-in browser session: with an API key they answer 403.";

export function profileSchemas(): Json {
  return {
    UpdateProfile: schema(ZUpdateProfile),
    CreateApiKey: schema(ZCreateOwnApiKey),
  };
}

export function profilePaths(): Json {
  return {
    "/api/v1/me": {
      get: {
        tags: ["profile"],
        summary: "Who am I: username, email, role, language, theme, avatar URL, MFA state",
        responses: { ...ok(200, "The profile"), ...read },
      },
      patch: {
        tags: ["profile"],
        summary: "Change the username (same rules as at sign-up)",
        description: `409 when another user has the username. ${BROWSER_ONLY}`,
        requestBody: body("UpdateProfile"),
        responses: { ...ok(200, "The updated profile"), ...errors(400, 401, 403, 409, 413, 415) },
      },
    },
    "/api/v1/me/avatar": {
      post: {
        tags: ["profile"],
        summary: "Upload a new avatar (the raw image as the body)",
        description:
          "PNG, JPEG or WebP, at most 2 MB (or the max_upload_mb setting when lower). The type is read from the bytes; " +
          `the Content-Type header is ignored. Crop to a square before uploading. ${BROWSER_ONLY}`,
        requestBody: {
          required: true,
          content: {
            "image/png": { schema: { type: "string", format: "binary" } },
            "image/jpeg": { schema: { type: "string", format: "binary" } },
            "image/webp": { schema: { type: "string", format: "binary" } },
          },
        },
        responses: {
          "201": {
            description: "Stored; `avatarUrl` is where it is served",
            content: { "application/json": { schema: { type: "object", properties: { avatarUrl: { type: "string" } } } } },
          },
          ...errors(400, 401, 403, 413, 415),
        },
      },
      delete: {
        tags: ["profile"],
        summary: "Remove the avatar (initials are shown again)",
        responses: { ...ok(204, "Removed"), ...errors(401, 403) },
      },
    },
    "/api/v1/users/{username}/avatar": {
      get: {
        tags: ["profile"],
        summary: "A user's avatar image (for signed-in users)",
        parameters: [pathParam("username")],
        responses: {
          "200": {
            description: "The image, with its real content type",
            content: { "image/png": {}, "image/jpeg": {}, "image/webp": {} },
          },
          ...read,
        },
      },
    },
    "/api/v1/me/sessions": {
      get: {
        tags: ["profile"],
        summary: "My live sessions (device, IP, created, last active; `current` marks this one)",
        responses: { ...ok(200, "`{ sessions: [...] }`"), ...errors(401) },
      },
    },
    "/api/v1/me/sessions/{id}": {
      delete: {
        tags: ["profile"],
        summary: "Sign out one of my sessions",
        description: `404 for a session that is not yours. ${BROWSER_ONLY}`,
        parameters: [pathParam("id")],
        responses: { ...ok(204, "Revoked"), ...errors(400, 401, 403, 404) },
      },
    },
    "/api/v1/me/sessions/revoke-others": {
      post: {
        tags: ["profile"],
        summary: "Sign out all my other sessions; this one stays",
        description: BROWSER_ONLY,
        responses: { ...ok(200, "`{ revoked: n }`"), ...errors(401, 403) },
      },
    },
    "/api/v1/me/api-keys": {
      get: {
        tags: ["profile"],
        summary: "My API keys (name, prefix, project scope, created, last used, expiry, status)",
        responses: { ...ok(200, "`{ apiKeys: [...] }`"), ...errors(401) },
      },
      post: {
        tags: ["profile"],
        summary: "Create an API key; the raw `key` is in this answer only",
        description:
          "The key acts as you, limited to `projectSlug` when given (a project you can read, else 404). " +
          `Send it as \`Authorization: Bearer <key>\`. ${BROWSER_ONLY}`,
        requestBody: body("CreateApiKey"),
        responses: { ...ok(201, "The key, with `key` shown once"), ...errors(400, 401, 403, 404, 413, 415) },
      },
    },
    "/api/v1/me/api-keys/{id}": {
      delete: {
        tags: ["profile"],
        summary: "Revoke one of my API keys (it answers 401 from now on)",
        parameters: [pathParam("id")],
        responses: { ...ok(200, "The revoked key"), ...errors(400, 401, 403, 404) },
      },
    },
  };
}
