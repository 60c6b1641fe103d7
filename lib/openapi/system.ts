// OpenAPI paths and schemas of the system endpoints: settings (system admins), the audit log,
// the public logo and password reset by email.
import { ZAuditQuery } from "../audit/list.ts";
import { ZResetConfirm, ZResetRequest } from "../auth/password-reset.ts";
import { ZTestEmail } from "../mail/test-email.ts";
import { ZSettingsPatch } from "../settings/settings.ts";
import { body, errors, type Json, ok, schema } from "./helpers.ts";

const admin = errors(401, 404);

/** The audit query's fields as query parameters. */
function auditParameters(): Json[] {
  const s = schema(ZAuditQuery) as { properties?: Record<string, Json> };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({
    name,
    in: "query",
    required: false,
    ...(typeof prop.description === "string" ? { description: prop.description } : {}),
    schema: prop,
  }));
}

export function systemSchemas(): Json {
  return {
    SettingsPatch: schema(ZSettingsPatch),
    TestEmail: schema(ZTestEmail),
    PasswordResetRequest: schema(ZResetRequest),
    PasswordResetConfirm: schema(ZResetConfirm),
  };
}

export function systemPaths(): Json {
  return {
    "/api/v1/admin/settings": {
      get: {
        summary:
          "System settings (system admins). The SMTP password is never returned: `smtp_password_set` says whether one is stored.",
        responses: { ...ok(200, "The settings"), ...admin },
      },
      patch: {
        summary:
          'Change system settings (system admins); applies at once on every instance. `smtp_password`: a string sets it (stored encrypted), null or "" clears it, leaving it out keeps it. One invalid value refuses the whole change.',
        requestBody: body("SettingsPatch"),
        responses: { ...ok(200, "The new settings"), ...errors(400, 401, 404, 413, 415) },
      },
    },
    "/api/v1/admin/settings/test-email": {
      post: {
        summary:
          "Send a test email with the saved settings (system admins). 200 either way: `ok`, and the server's `response` line, or `code`/`responseCode`/`message` of the failure. 400 when email is not configured.",
        requestBody: body("TestEmail"),
        responses: { ...ok(200, "What the SMTP server answered"), ...errors(400, 401, 404, 415) },
      },
    },
    "/api/v1/admin/settings/logo": {
      post: {
        summary:
          "Upload the logo (system admins): multipart/form-data, field `file`, a PNG, JPEG or WebP of at most 1 MB (type checked by its bytes).",
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary" } } },
            },
          },
        },
        responses: { ...ok(200, "The new settings"), ...errors(400, 401, 404, 413, 415) },
      },
      delete: { summary: "Remove the logo (system admins)", responses: { ...ok(200, "The new settings"), ...admin } },
    },
    "/api/v1/admin/audit": {
      get: {
        summary:
          "The audit log, newest first (system admins). Filters combine; page with `cursor` = the previous answer's `nextCursor` (null on the last page).",
        parameters: auditParameters(),
        responses: {
          ...ok(
            200,
            "`{ items: [{ id, createdAt, action, user, resourceType, resourceId, details, ip, userAgent }], nextCursor }`",
          ),
          ...errors(400, 401, 404),
        },
      },
    },
    "/api/branding/logo": {
      get: {
        security: [],
        summary: "The instance logo (public: the sign-in page shows it)",
        responses: {
          "200": { description: "The image", content: { "image/png": {}, "image/jpeg": {}, "image/webp": {} } },
          ...errors(404),
        },
      },
    },
    "/api/auth/password-reset/request": {
      post: {
        security: [],
        summary:
          "Email a password reset link (public). 202 whether or not the address has an account; 400 when email is not configured; 429 after too many requests for the address or from the IP.",
        requestBody: body("PasswordResetRequest"),
        responses: { "202": { description: "Accepted" }, ...errors(400, 415), "429": { description: "Too many requests" } },
      },
    },
    "/api/auth/password-reset/confirm": {
      post: {
        security: [],
        summary:
          "Set a new password with the emailed token (public). The token works once, for an hour; every session of the user is signed out.",
        requestBody: body("PasswordResetConfirm"),
        responses: { ...ok(200, "`{ ok: true }`"), ...errors(400, 415) },
      },
    },
  };
}
