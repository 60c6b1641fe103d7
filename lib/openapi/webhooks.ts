// The webhooks part of the OpenAPI document: a project's inbound webhooks (project admins) and
// the delivery endpoint the git hosts call.
import { ZGenericPayload } from "../webhooks/payloads.ts";
import { ZCreateWebhook, ZUpdateWebhook, ZWebhook } from "../webhooks/webhooks.ts";
import { body, errors, type Json, ok, pathParam, schema, write } from "./helpers.ts";

const slug = pathParam("slug");
const id = pathParam("id", "Webhook id");
const header = (name: string, description: string) => ({
  name,
  in: "header",
  required: false,
  description,
  schema: { type: "string" },
});

export function webhookSchemas(): Json {
  return {
    CreateWebhook: schema(ZCreateWebhook),
    UpdateWebhook: schema(ZUpdateWebhook),
    Webhook: schema(ZWebhook),
    GenericWebhookPayload: schema(ZGenericPayload),
  };
}

export function webhookPaths(): Json {
  return {
    "/api/v1/projects/{slug}/webhooks": {
      get: {
        parameters: [slug],
        summary: "The project's inbound webhooks (project admins; secrets are never shown again)",
        responses: { ...ok(200, "{ webhooks: Webhook[] }"), ...errors(401, 403, 404) },
      },
      post: {
        parameters: [slug],
        summary: "Create a webhook for GitHub, GitLab or a generic sender (project admins)",
        requestBody: body("CreateWebhook"),
        responses: { ...ok(201, "The webhook with its `url` and its `secret`, shown this once"), ...write },
      },
    },
    "/api/v1/projects/{slug}/webhooks/{id}": {
      patch: {
        parameters: [slug, id],
        summary: "Switch a webhook on or off (project admins); an inactive webhook answers deliveries with 404",
        requestBody: body("UpdateWebhook"),
        responses: { ...ok(200, "The webhook"), ...write },
      },
      delete: {
        parameters: [slug, id],
        summary: "Delete a webhook (project admins)",
        responses: { ...ok(204, "Deleted"), ...errors(401, 403, 404) },
      },
    },
    "/api/webhooks/{id}": {
      post: {
        security: [],
        parameters: [
          id,
          header("X-Hub-Signature-256", "GitHub: sha256=<hex HMAC-SHA256 of the raw body under the secret>"),
          header("X-GitHub-Event", "GitHub: push or pull_request (others are ignored)"),
          header("X-GitHub-Delivery", "GitHub: the delivery id (not signed, so not what replays are recognised by)"),
          header("X-Gitlab-Token", "GitLab: the secret"),
          header("X-Gitlab-Event", "GitLab: Push Hook or Merge Request Hook"),
          header("X-Gitlab-Event-UUID", "GitLab: the delivery id"),
          header(
            "X-WarmDesk-Signature",
            "Generic: sha256=<hex HMAC-SHA256 of the raw body>, or of `<timestamp>.<raw body>` when X-WarmDesk-Timestamp is sent",
          ),
          header(
            "X-WarmDesk-Timestamp",
            "Generic, optional: Unix seconds, signed with the body; refused more than 300 s from the server's clock",
          ),
          header("X-WarmDesk-Event", "Generic: push or pull_request"),
          header("X-WarmDesk-Delivery", "Generic: the delivery id"),
        ],
        summary:
          "A git host's delivery (a delivery whose signed content was seen before is ignored as a replay, whatever its delivery id): card keys (PRJ-42) in commit messages, branch names and pull request titles attach links to those cards; `fixes PRJ-42` on the default branch (or in a merged pull request) moves the card to the done column",
        requestBody: {
          required: true,
          description: "The provider's own payload; for `generic`, GenericWebhookPayload",
          content: { "application/json": { schema: { $ref: "#/components/schemas/GenericWebhookPayload" } } },
        },
        responses: {
          ...ok(202, "{ status: processed, linked, moved } or { status: ignored, reason: event | replay }"),
          ...errors(400, 401, 404, 413),
        },
      },
    },
  };
}
