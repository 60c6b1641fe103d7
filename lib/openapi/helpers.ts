// Building blocks of the OpenAPI document, shared by every part of it (spec.ts, cards.ts, projects.ts).
import { z } from "zod";

export type Json = Record<string, unknown>;

/** A zod schema as JSON Schema (input side: what clients send). */
export const schema = (s: z.ZodType): Json => {
  const { $schema: _s, ...rest } = z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) as Json;
  return rest;
};

export const ERROR_SCHEMA = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
    },
  },
};

const ERROR_TEXT: Record<number, string> = {
  400: "Invalid input (details.fields names the offending fields)",
  401: "Not signed in and no valid API key",
  403: "Your role in the project does not allow this (or it is not yours, e.g. another's comment)",
  404: "Not found, or not visible to you",
  409: "Conflict: a stale version (details.current is the newer card), a duplicate, an archived project, the last admin, a taken slug, a column with cards, neighbours no longer adjacent",
  413: "Body too large",
  415: "Body is not JSON",
};

export const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      {
        description: ERROR_TEXT[c] ?? "Error",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      },
    ]),
  );

/** A success response; without `schema`, spec.ts takes the body's schema from responses.ts. */
export const ok = (status: number, description: string, schema: Json = {}) =>
  status === 204
    ? { "204": { description } }
    : { [String(status)]: { description, content: { "application/json": { schema } } } };

export const body = (name: string) => ({
  required: true,
  content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } },
});

export const pathParam = (name: string, description?: string) => ({
  name,
  in: "path",
  required: true,
  ...(description ? { description } : {}),
  schema: { type: "string" },
});

export const read = errors(401, 404);
export const write = errors(400, 401, 403, 404, 409, 413, 415);
