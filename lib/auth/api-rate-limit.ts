// Requests per API key: a fixed one-minute window per key, opened by the key's first request.
// Counted in this process's memory, or in Redis when REDIS_URL is set (then every instance shares
// the count: INCR and PEXPIRE in one round trip). Counting used to be a database write on every
// request, which halved the API's throughput (docs/performance.md); a window that resets when a
// process restarts is the accepted price. The limit is the system setting `api_rate_limit_per_minute`
// (cached, invalidated at once on change). Browser sessions are not limited.
import { getRedis } from "../db/redis.ts";
import { AppError } from "../errors.ts";
import { getSetting } from "../settings/settings.ts";

export const API_RATE_WINDOW_MS = 60_000;
/** Stale windows are swept once this many keys are counted. */
const SWEEP_AT = 10_000;

type Window = { start: number; count: number };
const windows = new Map<number, Window>();

/** Counts one request in this process's window of the key: the count so far and when the window ends. */
function countInMemory(apiKeyId: number, now: number): { count: number; endsAt: number } {
  let w = windows.get(apiKeyId);
  if (!w || now - w.start >= API_RATE_WINDOW_MS) {
    if (!w && windows.size >= SWEEP_AT) {
      for (const [id, old] of windows) if (now - old.start >= API_RATE_WINDOW_MS) windows.delete(id);
    }
    w = { start: now, count: 0 };
    windows.set(apiKeyId, w);
  }
  w.count++;
  return { count: w.count, endsAt: w.start + API_RATE_WINDOW_MS };
}

async function countInRedis(apiKeyId: number, now: number): Promise<{ count: number; endsAt: number } | null> {
  const redis = await getRedis();
  if (!redis) return null;
  const key = `${process.env.REDIS_PREFIX ?? "warmdesk"}:api-rate:${apiKeyId}`;
  try {
    const [count, , ttl] = (await redis.multi().incr(key).pExpire(key, API_RATE_WINDOW_MS, "NX").pTTL(key).exec()) as unknown as [
      number,
      number,
      number,
    ];
    return { count: Number(count), endsAt: now + Math.max(0, Number(ttl)) };
  } catch {
    // Redis went away mid-request: this process counts alone until it is back.
    return null;
  }
}

/** Counts one request of the key; over the limit, a 429 whose details carry `retryAfterSeconds`. */
export async function enforceApiRateLimit(apiKeyId: number, now = Date.now()): Promise<void> {
  const limit = await getSetting("api_rate_limit_per_minute");
  const { count, endsAt } = (await countInRedis(apiKeyId, now)) ?? countInMemory(apiKeyId, now);
  if (count <= limit) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((endsAt - now) / 1000));
  throw new AppError(
    "rate_limited",
    `This API key made more than ${limit} requests in a minute. Retry in ${retryAfterSeconds} s.`,
    {
      limit,
      retryAfterSeconds,
    },
  );
}

/** Forgets this process's windows (tests). */
export function resetApiRateLimits(): void {
  windows.clear();
}
