// The web process's Redis connection, when REDIS_URL is set (several instances then share state
// through it: API rate-limit windows). One client per process, connected on first use. While Redis
// cannot be reached, callers get null and fall back to what they do without Redis; the failure is
// logged at most once a minute.
import { getConfig } from "../config.ts";

type RedisClient = Awaited<ReturnType<typeof connect>>;

const globalForRedis = globalThis as unknown as {
  __warmdeskRedis?: { url: string; client: Promise<RedisClient | null> };
};

let lastWarned = 0;
function warn(message: string) {
  if (Date.now() - lastWarned < 60_000) return;
  lastWarned = Date.now();
  console.warn(`redis: ${message}`);
}

async function connect(url: string) {
  const { createClient } = await import("redis");
  const client = createClient({
    url,
    // Requests must not queue behind a Redis that is away: they fail at once and fall back.
    disableOfflineQueue: true,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000) },
  });
  client.on("error", (e: Error) => warn(e.message));
  await client.connect();
  return client;
}

/** The shared client, or null without REDIS_URL or while Redis is unreachable. */
export async function getRedis(): Promise<RedisClient | null> {
  const url = getConfig().redisUrl;
  if (!url) return null;
  let current = globalForRedis.__warmdeskRedis;
  if (!current || current.url !== url) {
    current = {
      url,
      client: connect(url).catch((e: Error) => {
        warn(`cannot connect (${e.message}); going on without it`);
        // Try again on a later call.
        setTimeout(() => {
          if (globalForRedis.__warmdeskRedis === current) globalForRedis.__warmdeskRedis = undefined;
        }, 5000).unref();
        return null;
      }),
    };
    globalForRedis.__warmdeskRedis = current;
  }
  const client = await current.client;
  return client?.isReady ? client : null;
}

/** Closes the process's Redis client (tests). */
export async function closeRedis(): Promise<void> {
  const current = globalForRedis.__warmdeskRedis;
  globalForRedis.__warmdeskRedis = undefined;
  const client = await current?.client;
  await client?.quit().catch(() => undefined);
}
