// Requests per API key: a fixed one-minute window counted in the database (`login_throttles`,
// through allowRequest), so every web instance shares the count and a restart does not reset it.
// The limit is the system setting `api_rate_limit_per_minute`, read per request. Browser sessions
// are not limited here.
import { getDb } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { getSetting } from "../settings/settings.ts";
import { allowRequest } from "./rate-limit.ts";

export const API_RATE_WINDOW_MS = 60_000;

/** Counts one request of the key; over the limit, a 429 whose details carry `retryAfterSeconds`. */
export async function enforceApiRateLimit(apiKeyId: number, now = new Date()): Promise<void> {
  const limit = await getSetting("api_rate_limit_per_minute");
  const key = `api-key:${apiKeyId}`;
  if (await allowRequest(key, limit, API_RATE_WINDOW_MS, now)) return;
  const row = await getDb().loginThrottle.findUnique({ where: { key }, select: { lastFailure: true } });
  const resetAt = (row?.lastFailure.getTime() ?? now.getTime()) + API_RATE_WINDOW_MS;
  const retryAfterSeconds = Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000));
  throw new AppError(
    "rate_limited",
    `This API key made more than ${limit} requests in a minute. Retry in ${retryAfterSeconds} s.`,
    {
      limit,
      retryAfterSeconds,
    },
  );
}
