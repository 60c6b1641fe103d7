// The browser's one client for the REST API (/api/v1, same origin, the session cookie): JSON in and
// out, and one error type. A refused request throws (or, with `apiResult`, returns) an ApiError with
// the server's status, code, message and details; `fields` names the offending input fields of a
// 400 (`details.fields[].path`). A network failure is status 0, code "network".

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The input fields a 400 names (`details.fields[].path`). */
  get fields(): string[] {
    const fields = (this.details as { fields?: { path?: unknown }[] } | undefined)?.fields;
    return Array.isArray(fields) ? fields.map((f) => String(f?.path ?? "")) : [];
  }
}

export type RequestInit = { method?: string; body?: unknown; signal?: AbortSignal };

/** Same-origin JSON request; the parsed answer (undefined for 204), or an ApiError thrown. */
export async function apiRequest<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? "GET",
      credentials: "same-origin",
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (e) {
    throw new ApiError(0, "network", e instanceof Error ? e.message : "network error");
  }
  if (res.status === 204) return undefined as T;
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(res.status, error?.code ?? "error", error?.message ?? `HTTP ${res.status}`, error?.details);
  }
  return json as T;
}

/** An error as a plain value, for forms that show it rather than catch it. */
export type ApiFailure = { status: number; code: string; message: string; fields: string[]; details?: unknown };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

/**
 * `apiRequest` that returns its outcome instead of throwing; a path that does not start with
 * `/api/` is under `/api/v1` (`/me/sessions`).
 */
export async function apiResult<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    return { ok: true, data: await apiRequest<T>(path.startsWith("/api/") ? path : `/api/v1${path}`, { method, body }) };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const unanswered = e.status === 0 || e.message === `HTTP ${e.status}`;
    return {
      ok: false,
      error: {
        status: e.status,
        code: e.code === "error" ? "internal" : e.code,
        message: unanswered ? "" : e.message,
        fields: e.fields,
        details: e.details,
      },
    };
  }
}

/** A project's REST path: `/api/v1/projects/<slug>`. */
export const projectPath = (slug: string) => `/api/v1/projects/${encodeURIComponent(slug)}`;
