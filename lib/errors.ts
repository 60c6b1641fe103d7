// Typed errors inside the domain; lib/http/handler.ts translates them to HTTP once.
import type { z } from "zod";

export const ERROR_STATUS = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  /** The database cannot be reached right now (down, restarting): try again after Retry-After. */
  unavailable: 503,
  /** The disk is full: writes and uploads fail until space is freed; reads keep working. */
  storage_full: 507,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** The 404 of the domain: unknown, deleted or not visible to the actor (existence does not leak). */
export const notFound = (what = "Not found") => new AppError("not_found", what);

/** Parses input with a zod schema; a failure becomes a 400 naming the offending fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new AppError("validation", `Invalid input: ${fields.map((f) => f.path || "body").join(", ")}`, { fields });
}
