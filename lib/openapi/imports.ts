// The import and export part of the OpenAPI document: importing boards and time records from other
// tools (multipart upload, optional progress stream) and exporting a project.
import { z } from "zod";
import { ZImportOptions } from "../import/import.ts";
import { errors, type Json, pathParam, schema } from "./helpers.ts";

export function importSchemas(): Json {
  return {
    ImportOptions: schema(ZImportOptions),
    ImportUpload: schema(
      z.object({
        file: z
          .string()
          .describe(
            "The export file (binary): Trello/Wekan/Kimai JSON, Kanboard/Jira/CSV/Kimai CSV, or a WarmDesk project archive (.zip)",
          ),
        format: ZImportOptions.shape.format,
        project: z.string().optional().describe("The target project's slug (all formats but kimai)"),
        dryRun: z.enum(["0", "1", "true", "false"]).optional().describe("1: only report what would happen"),
        separator: ZImportOptions.shape.separator,
        dateOrder: ZImportOptions.shape.dateOrder,
        mapping: z.string().optional().describe('Generic CSV: JSON object { "title": "Summary", "column": "Status", … }'),
      }),
    ),
  };
}

export function importPaths(): Json {
  return {
    "/api/v1/projects/{slug}/export": {
      get: {
        parameters: [
          pathParam("slug"),
          {
            name: "format",
            in: "query",
            required: false,
            schema: { type: "string", enum: ["zip", "csv"] },
            description: "zip (default): the project archive; csv: its live cards",
          },
        ],
        summary:
          "Export a project: `zip` (project admins) is warmdesk-project.json (columns, labels, cards with checklists, comments, history, time entries, attachments; topics, chat) plus the attached files, and imports again with format `warmdesk`; `csv` (any reader) lists the live cards",
        responses: {
          "200": {
            description: "The archive or the CSV as a download",
            content: { "application/zip": { schema: {} }, "text/csv": { schema: {} } },
          },
          ...errors(400, 401, 403, 404),
        },
      },
    },
    "/api/v1/imports": {
      post: {
        summary:
          "Import a board into a project (project admins) or Kimai time records (system administrators). `dryRun=1` reports what would be created, matched and skipped and writes nothing. A board is imported in one transaction: all or nothing. Re-running an import skips what it imported before. With `Accept: application/x-ndjson` the answer streams `{ progress }` lines and ends with `{ result }` or `{ error, status }`.",
        requestBody: {
          required: true,
          content: { "multipart/form-data": { schema: { $ref: "#/components/schemas/ImportUpload" } } },
        },
        responses: {
          "200": {
            description:
              "The import report: summary (create/match/skip per kind), columns, people, rows (per card), dropped, notes",
            content: { "application/json": { schema: {} }, "application/x-ndjson": { schema: {} } },
          },
          ...errors(400, 401, 403, 404, 409, 413, 415),
        },
      },
    },
  };
}
