// The one wrapper for route handlers: authenticate (session or API key), run the domain call,
// translate errors to `{ error: { code, message, details } }` with the right status. Handlers built
// with it stay a few lines long.
import { type Actor, type RouteScope, requireScope } from "../auth/actor.ts";
import { enforceApiRateLimit } from "../auth/api-rate-limit.ts";
import { authenticate } from "../auth/request.ts";
import { isDatabaseUnavailable, isRetryableTransactionError, isStorageFull } from "../db/faults.ts";
import { AppError, ERROR_STATUS, notFound } from "../errors.ts";
import { decodeUtf8, parseJsonText, readBodyCapped } from "./body.ts";
import { idempotent } from "./idempotency.ts";
import { USER_ID_HEADER } from "./request-id.ts";
import { requireDeclaredBody, requireSameOrigin } from "./same-origin.ts";

export const MAX_JSON_BYTES = 1_000_000;
/** Retry-After of a 503 while the database is unreachable. */
const DATABASE_RETRY_AFTER_SECONDS = 5;
/** The only API a user who must change their password may call (signing out is next-auth's). */
const PASSWORD_CHANGE_PATHS = new Set(["/api/v1/me/password"]);

type Ctx<P> = { params: Promise<P> };
type Handler<P> = (args: { req: Request; params: P; actor: Actor }) => Promise<unknown>;

export function errorResponse(e: unknown): Response {
  if (e instanceof AppError) {
    const res = Response.json(
      { error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) } },
      { status: ERROR_STATUS[e.code] },
    );
    const retryAfter = (e.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if ((e.code === "rate_limited" || e.code === "unavailable") && typeof retryAfter === "number") {
      res.headers.set("retry-after", String(retryAfter));
    }
    return res;
  }
  // Faults of the machine rather than of the request, mapped in one place (lib/db/faults.ts).
  if (isStorageFull(e)) {
    console.warn(`storage full: ${(e as Error).message}`);
    return errorResponse(
      new AppError("storage_full", "Storage full: the server cannot save anything right now. Reading still works."),
    );
  }
  if (isRetryableTransactionError(e)) {
    // Still deadlocked after every retry (lib/db/faults.ts): busy, not broken.
    return errorResponse(
      new AppError("unavailable", "The server is busy with conflicting changes. Try again.", { retryAfterSeconds: 1 }),
    );
  }
  if (isDatabaseUnavailable(e)) {
    console.warn(`database unavailable: ${(e as Error).message}`);
    return errorResponse(
      new AppError("unavailable", "The database is not reachable right now. Try again shortly.", {
        retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      }),
    );
  }
  const code = (e as { code?: string }).code;
  if (code === "P2002") return errorResponse(new AppError("conflict", "That already exists."));
  if (code === "P2025") return errorResponse(notFound("Not found"));
  // A number too large for its column (e.g. an id beyond 32 bits) that a schema let through.
  if (code === "P2020") return errorResponse(new AppError("validation", "A value is out of range."));
  // PostgreSQL refusing text it cannot store (NUL, or not UTF-8): input a schema should have refused.
  if (code === "22021" || code === "22P05")
    return errorResponse(new AppError("validation", "The text contains a character that cannot be stored."));
  console.error("unexpected error", e);
  return Response.json({ error: { code: "internal", message: "Something went wrong on our side." } }, { status: 500 });
}

export type RouteOptions = {
  /** What the route reaches (see RouteScope): checked here, before the handler runs. */
  scope: RouteScope;
  status?: number;
};

/** A route handler built by apiRoute, carrying its declaration (the authorization matrix reads it). */
export type ApiRouteHandler<P> = ((req: Request, ctx: Ctx<P>) => Promise<Response>) & { readonly scope: RouteScope };
/**
 * A NUL character (`%00`) in a path segment or the query names nothing that exists, and PostgreSQL
 * cannot even compare with one: 404 for a path, 400 for a query, before any lookup.
 */
function refuseNul(req: Request, params: unknown) {
  for (const value of Object.values((params ?? {}) as Record<string, unknown>)) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === "string" && v.includes("\u0000"))) throw notFound("Not found");
  }
  if (new URL(req.url).search.includes("%00")) throw new AppError("validation", "The query must not contain NUL characters.");
}

/** A JSON route that needs an authenticated actor. */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>, options: RouteOptions): ApiRouteHandler<P> {
  const route = async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      const actor = await authenticate(req.headers);
      if (!actor) throw new AppError("unauthorized", "Sign in, or send an API key as `Authorization: Bearer <key>`.");
      if (actor.apiKeyId !== undefined) await enforceApiRateLimit(actor.apiKeyId);
      requireScope(actor, options.scope);
      if (actor.sessionId !== null) {
        // The browser's cookie authenticated it: only this site's pages may change anything with it.
        requireSameOrigin(req);
        requireDeclaredBody(req);
      }
      if (actor.mustChangePassword && !PASSWORD_CHANGE_PATHS.has(new URL(req.url).pathname)) {
        throw new AppError("forbidden", "Change your password first");
      }
      const params = await ctx.params;
      refuseNul(req, params);
      const run = async () => {
        let answer: Response;
        try {
          const result = await handler({ req, params, actor });
          answer = result instanceof Response ? result : Response.json(result, { status: options.status ?? 200 });
        } catch (e) {
          answer = errorResponse(e);
        }
        // For the request's log line (server/web.ts takes this header off before the answer leaves).
        try {
          answer.headers.set(USER_ID_HEADER, String(actor.userId));
        } catch {
          // An immutable Response (a redirect): logged without the user.
        }
        return answer;
      };
      // A JSON create with an Idempotency-Key runs once per key (lib/http/idempotency.ts).
      const idempotencyKey = req.method === "POST" ? req.headers.get("idempotency-key") : null;
      const type = req.headers.get("content-type") ?? "";
      if (idempotencyKey !== null && (!type || /^application\/([\w.+-]+\+)?json\b/i.test(type))) {
        return await idempotent(actor, req, idempotencyKey, MAX_JSON_BYTES, run);
      }
      return await run();
    } catch (e) {
      return errorResponse(e);
    }
  };
  return Object.assign(route, { scope: options.scope });
}

/** A path segment (e.g. a username) decoded once; a malformed escape stays as it is (and matches nothing). */
export function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The request body as JSON: 415 for another content type, 413 when too large (counted while it streams), 400 when malformed. */
export async function readJson(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (type && !/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send JSON (Content-Type: application/json).");
  }
  const bytes = await readBodyCapped(
    req,
    MAX_JSON_BYTES,
    () => new AppError("payload_too_large", `The body may be at most ${MAX_JSON_BYTES} bytes.`),
  );
  const text = decodeUtf8(bytes);
  if (!text.trim()) return {};
  return parseJsonText(text);
}

/** A JSON route without authentication (health, first-run setup). Same error format. */
export function publicRoute<P = Record<string, never>>(
  handler: (args: { req: Request; params: P }) => Promise<unknown>,
  options: { status?: number } = {},
) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      // Sign-up, first-run setup and password reset: not from another site's page either.
      requireSameOrigin(req);
      const params = await ctx.params;
      refuseNul(req, params);
      const result = await handler({ req, params });
      if (result instanceof Response) return result;
      return Response.json(result, { status: options.status ?? 200 });
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/** An error answer with a status that has no AppError code (e.g. 503, 405). */
export function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/** Unknown routes under /api/v1: 404 in the error format, whatever the method. */
export async function routeNotFound(req: Request): Promise<Response> {
  return jsonError(404, "not_found", `No such API route: ${req.method} ${new URL(req.url).pathname}`);
}

/** For the methods a route does not serve: 405 in the error format (Next's own 405 has no body). */
export function methodNotAllowed(allow: string) {
  return async (req: Request): Promise<Response> => {
    const res = jsonError(405, "method_not_allowed", `${req.method} is not supported here; use ${allow}.`);
    res.headers.set("allow", allow);
    return res;
  };
}
