// Fetch helpers of the project settings page: the same REST routes scripts use.

export type ApiError = { status: number; code: string; message: string; fields: string[] };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, error: { status: 0, code: "network", message: "", fields: [] } };
  }
  if (res.status === 204) return { ok: true, data: undefined as T };
  const json = (await res.json().catch(() => null)) as
    | (T & { error?: { code?: string; message?: string; details?: { fields?: { path: string }[] } } })
    | null;
  if (res.ok) return { ok: true, data: json as T };
  return {
    ok: false,
    error: {
      status: res.status,
      code: json?.error?.code ?? "internal",
      message: json?.error?.message ?? "",
      fields: (json?.error?.details?.fields ?? []).map((f) => f.path),
    },
  };
}

export const projectPath = (slug: string) => `/projects/${encodeURIComponent(slug)}`;
