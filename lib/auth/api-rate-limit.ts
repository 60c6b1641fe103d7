// Requests per API key: a fixed one-minute window counted in the database (`api_rate_windows`, one
// row per key), so every web instance shares the count and a restart does not reset it. Each step
// is a single conditional UPDATE, so concurrent requests never count past the limit. The limit is
// the system setting `api_rate_limit_per_minute`, read per request. Browser sessions are not limited.
import { getDb } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { getSetting } from "../settings/settings.ts";

export const API_RATE_WINDOW_MS = 60_000;

/** Counts one request of the key; over the limit, a 429 whose details carry `retryAfterSeconds`. */
export async function enforceApiRateLimit(apiKeyId: number, now = new Date()): Promise<void> {
  const limit = await getSetting("api_rate_limit_per_minute");
  const db = getDb();
  const windowOpen = new Date(now.getTime() - API_RATE_WINDOW_MS);
  for (let attempt = 0; attempt < 3; attempt++) {
    const counted = await db.apiRateWindow.updateMany({
      where: { apiKeyId, windowStart: { gt: windowOpen }, count: { lt: limit } },
      data: { count: { increment: 1 } },
    });
    if (counted.count === 1) return;
    const restarted = await db.apiRateWindow.updateMany({
      where: { apiKeyId, windowStart: { lte: windowOpen } },
      data: { windowStart: now, count: 1 },
    });
    if (restarted.count === 1) return;
    const row = await db.apiRateWindow.findUnique({ where: { apiKeyId }, select: { windowStart: true } });
    if (row) {
      const retryAfterSeconds = Math.max(1, Math.ceil((row.windowStart.getTime() + API_RATE_WINDOW_MS - now.getTime()) / 1000));
      throw new AppError(
        "rate_limited",
        `This API key made more than ${limit} requests in a minute. Retry in ${retryAfterSeconds} s.`,
        { limit, retryAfterSeconds },
      );
    }
    try {
      await db.apiRateWindow.create({ data: { apiKeyId, windowStart: now, count: 1 } });
      return;
    } catch (e) {
      // Another request created the row first: count this one on it.
      if ((e as { code?: string }).code !== "P2002") throw e;
    }
  }
}
