// What a database error means for the caller, in one place for every driver (pg, mariadb,
// better-sqlite3, and Prisma's wrappings of them):
// - a transaction that lost a deadlock or a serialization check is retried (a bounded number of times);
// - an unreachable or restarting database is a 503 with Retry-After, not a 500;
// - a full disk is a 507 "storage full" (lib/http/handler.ts).

/** The error and the errors it wraps (Prisma keeps the driver's under `cause` or `meta`). */
function* chain(e: unknown): Generator<Record<string, unknown>> {
  const seen = new Set<unknown>();
  let queue: unknown[] = [e];
  while (queue.length) {
    const next: unknown[] = [];
    for (const x of queue) {
      if (!x || typeof x !== "object" || seen.has(x)) continue;
      seen.add(x);
      const o = x as Record<string, unknown>;
      yield o;
      const meta = o.meta as Record<string, unknown> | undefined;
      next.push(o.cause, meta, meta?.driverAdapterError, (meta?.driverAdapterError as { cause?: unknown })?.cause);
    }
    queue = next;
  }
}

const codesOf = (e: unknown): string[] => {
  const out: string[] = [];
  for (const o of chain(e)) {
    for (const k of ["code", "originalCode", "errno", "sqlState", "kind"]) if (o[k] !== undefined) out.push(String(o[k]));
    if (typeof o.message === "string") out.push(o.message);
  }
  return out;
};

const RETRYABLE_CODES = new Set(["40P01", "40001", "1213", "1205", "P2034", "TransactionWriteConflict"]);
const RETRYABLE_TEXT = /deadlock|could not serialize|lock wait timeout|write conflict/i;

/** A deadlock or serialization failure (PostgreSQL 40P01/40001, MySQL 1213/1205, Prisma P2034): safe to run again. */
export function isRetryableTransactionError(e: unknown): boolean {
  return codesOf(e).some((c) => RETRYABLE_CODES.has(c) || RETRYABLE_TEXT.test(c));
}

const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up)
  "08000",
  "08001",
  "08003",
  "08006",
  "P1001", // can't reach the database server
  "P1002",
  "P1017", // server closed the connection
  "P2024", // timed out fetching a connection from the pool
  "ER_GET_CONNECTION_TIMEOUT",
  "ER_CONNECTION_ALREADY_CLOSED",
  "ER_SOCKET_UNEXPECTED_CLOSE",
  "ER_CLOSING_POOL",
  "45028", // mariadb: pool timeout
  "45009", // mariadb: socket closed
  "1053", // server shutdown in progress
  "2006", // server has gone away
  "2013", // lost connection
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "SQLITE_BUSY", // the write lock was held beyond every wait (a stuck writer): try again later
]);
const UNAVAILABLE_TEXT =
  /connection terminated|terminating connection|Connection refused|pool timeout|retrieve connection from pool timeout|the database system is (starting up|shutting down)|Can't reach database server|socket has unexpectedly been closed|connect ECONNREFUSED|Connection lost/i;

/** The database cannot be reached right now (down, restarting, pool exhausted): a 503, retry later. */
export function isDatabaseUnavailable(e: unknown): boolean {
  return codesOf(e).some((c) => UNAVAILABLE_CODES.has(c) || UNAVAILABLE_TEXT.test(c));
}

const FULL_CODES = new Set(["ENOSPC", "EDQUOT", "SQLITE_FULL"]);
const FULL_TEXT = /database or disk is full|no space left on device|disk quota exceeded/i;

/** The disk (or the quota) is full: a 507 "storage full". */
export function isStorageFull(e: unknown): boolean {
  return codesOf(e).some((c) => FULL_CODES.has(c) || FULL_TEXT.test(c));
}

export const MAX_TRANSACTION_ATTEMPTS = 5;

/** Runs `attempt` again (a short, growing, jittered pause between) while it fails with a deadlock or serialization failure. */
export async function retryTransaction<T>(attempt: () => Promise<T>, attempts = MAX_TRANSACTION_ATTEMPTS): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (n >= attempts || !isRetryableTransactionError(e)) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * 2 ** n));
    }
  }
}
