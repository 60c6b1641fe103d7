// A fixed-window request counter in `login_throttles` (shared by every instance, kept across
// restarts), for public endpoints that must not be hammered: password reset requests, sign-up.
import { getDb } from "../db/client.ts";

/** Counts one request under `key`; false when `limit` requests were already counted in the window. */
export async function allowRequest(key: string, limit: number, windowMs: number, now = new Date()): Promise<boolean> {
  const db = getDb();
  const row = await db.loginThrottle.findUnique({ where: { key }, select: { failures: true, lastFailure: true } });
  const fresh = !row || now.getTime() - row.lastFailure.getTime() > windowMs;
  if (!fresh && row.failures >= limit) return false;
  try {
    await db.loginThrottle.upsert({
      where: { key },
      create: { key, failures: 1, lastFailure: now },
      update: fresh ? { failures: 1, lastFailure: now } : { failures: { increment: 1 } },
    });
  } catch (e) {
    // Two first requests at once: the other created the row; count this one on it.
    if ((e as { code?: string }).code !== "P2002") throw e;
    await db.loginThrottle.update({ where: { key }, data: { failures: { increment: 1 } } });
  }
  return true;
}
