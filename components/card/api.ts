// Fetch helpers of the card view: JSON in and out, errors with the server's code and details
// (a 409 on a card edit carries the newer card in `details.current`).
export class CardApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export async function cardApi<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? "GET",
      credentials: "same-origin",
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (e) {
    throw new CardApiError(0, "network", e instanceof Error ? e.message : "network error");
  }
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new CardApiError(res.status, error?.code ?? "error", error?.message ?? `HTTP ${res.status}`, error?.details);
  }
  return json as T;
}

export const cardPath = (slug: string, key: string) =>
  `/api/v1/projects/${encodeURIComponent(slug)}/cards/${encodeURIComponent(key)}`;
export const labelsPath = (slug: string) => `/api/v1/projects/${encodeURIComponent(slug)}/labels`;
