// Attachments: multipart uploads on cards, card comments and chat/conversation messages, listing,
// serving and deleting.
import { errors, type Json, ok, pathParam, read } from "./helpers.ts";

const slug = pathParam("slug", "Project slug; an old slug from before a rename still finds the project");
const key = pathParam("key", "Card key (PRJ-42) or number (42)");
const id = pathParam("id");

const multipart = {
  required: true,
  description:
    "multipart/form-data with one or more parts named `file`. The type is decided from the bytes (the part's Content-Type is ignored); each file may be at most the `max_upload_mb` system setting.",
  content: {
    "multipart/form-data": {
      schema: {
        type: "object",
        required: ["file"],
        properties: { file: { type: "array", items: { type: "string", format: "binary" } } },
      },
    },
  },
};

const uploaded = {
  ...ok(201, "One file: `{ id, url, thumbnailUrl, mimeType, size, originalName, ... }`; several files: an array of those"),
  ...errors(400, 401, 403, 404, 409, 413, 415),
};

export function attachmentPaths(): Json {
  return {
    "/api/v1/projects/{slug}/cards/{key}/attachments": {
      get: {
        parameters: [slug, key],
        summary: "The live attachments of a card and of its live comments, oldest first",
        responses: { ...ok(200, "Attachments"), ...read },
      },
      post: {
        parameters: [slug, key],
        summary: "Attach files to a card (members and above); 413 when a file is over the upload limit (nothing is kept)",
        requestBody: multipart,
        responses: uploaded,
      },
    },
    "/api/v1/projects/{slug}/cards/{key}/comments/{id}/attachments": {
      post: {
        parameters: [slug, key, id],
        summary: "Attach files to a comment (its author)",
        requestBody: multipart,
        responses: uploaded,
      },
    },
    "/api/v1/projects/{slug}/messages/{id}/attachments": {
      post: {
        parameters: [slug, pathParam("id", "Chat message id")],
        summary:
          "Attach files to a project chat message (its author; the composer posts the text, then its files). Other readers get `attachment.created` in the project room",
        requestBody: multipart,
        responses: uploaded,
      },
    },
    "/api/v1/conversations/{id}/messages/{messageId}/attachments": {
      post: {
        parameters: [pathParam("id", "Conversation id"), pathParam("messageId", "Message id")],
        summary:
          "Attach files to a direct or group message (its author). Only current members can read them; `attachment.created` goes to the conversation room",
        requestBody: multipart,
        responses: uploaded,
      },
    },
    "/api/v1/attachments/{id}": {
      get: {
        parameters: [
          id,
          {
            name: "thumb",
            in: "query",
            required: false,
            description: "`1`: a WebP thumbnail (at most 320 px) of a PNG, JPEG, GIF or WebP image; 404 for other files",
            schema: { type: "string" },
          },
        ],
        summary:
          "The file, to those who can read its owner (404 otherwise). PNG, JPEG, GIF and WebP inline; everything else (SVG and HTML too) as `Content-Disposition: attachment` with the RFC 5987 encoded original name; always `X-Content-Type-Options: nosniff`",
        responses: {
          "200": { description: "The file's bytes", content: { "application/octet-stream": { schema: {} } } },
          ...read,
        },
      },
      delete: {
        parameters: [id],
        summary: "Delete an attachment (the uploader, or a project admin)",
        responses: { ...ok(200, "`{ deleted: true, id, ownerType, ownerId }`"), ...errors(401, 403, 404) },
      },
    },
  };
}
