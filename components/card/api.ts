// The card view's use of the one API client (components/api-client.ts): JSON in and out, errors with
// the server's code and details (a 409 on a card edit carries the newer card in `details.current`).
import { ApiError, apiRequest, projectPath } from "@/components/api-client.ts";

export { ApiError as CardApiError };

// Writes of this tab in flight, and how many have finished: a read that overlapped a write may
// carry the state from before it (a live event of the user's own earlier change triggers a
// reload while the next change is still on its way), so `readAfterWrites` reads again.
let writesInFlight = 0;
let writesDone = 0;

export async function cardApi<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const write = (init.method ?? "GET") !== "GET";
  if (!write) return request<T>(path, init);
  writesInFlight++;
  try {
    return await request<T>(path, init);
  } finally {
    writesInFlight--;
    writesDone++;
  }
}

/** Reads with `read` until no write of this tab overlapped the read, so an optimistic change is
 * never replaced by the state from before it (at most a few tries; the last one wins). */
export async function readAfterWrites<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    for (let waited = 0; writesInFlight > 0 && waited < 200; waited++) await new Promise((r) => setTimeout(r, 50));
    const before = writesDone;
    const value = await read();
    if ((writesInFlight === 0 && writesDone === before) || attempt >= 4) return value;
  }
}

const request = <T>(path: string, init: { method?: string; body?: unknown }) => apiRequest<T>(path, init);

export const cardPath = (slug: string, key: string) => `${projectPath(slug)}/cards/${encodeURIComponent(key)}`;
export const labelsPath = (slug: string) => `${projectPath(slug)}/labels`;
