// The process-wide Prisma client. The engine follows DATABASE_URL; each engine has its own
// generated client (same models, same API), all typed as the SQLite one.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaMariaDb } from "@prisma/adapter-mariadb";
import { PrismaPg } from "@prisma/adapter-pg";
import { watchWrites } from "../cache/watched-writes.ts";
import { getConfig } from "../config.ts";
import { type Engine, engineOf, sqlitePath } from "./engine.ts";
import { retryTransaction } from "./faults.ts";
import { PrismaClient as MysqlClient } from "./generated/mysql/client.ts";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client.ts";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";

export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export { Prisma } from "./generated/sqlite/client.ts";

/**
 * A burst of writes that serialise on one row (card numbers) may queue for a pooled connection for
 * a while: wait up to 30 s for one rather than Prisma's default 2 s.
 */
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

export function createDb(databaseUrl: string): Db {
  return retryingTransactions(createClient(databaseUrl));
}

/**
 * `$transaction(async (tx) => …)` runs again (a bounded number of times) when it lost a deadlock
 * or a serialization check (lib/db/faults.ts); the callback must not have effects outside the
 * transaction (events are published after it resolves).
 */
function retryingTransactions(db: Db): Db {
  const original = db.$transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
  const wrapped = (arg: unknown, ...rest: unknown[]) =>
    typeof arg === "function" ? retryTransaction(() => original(arg, ...rest)) : original(arg, ...rest);
  Object.defineProperty(db, "$transaction", { value: wrapped, configurable: true, writable: true });
  return db;
}

function createClient(databaseUrl: string): Db {
  const engine = engineOf(databaseUrl);
  if (engine === "sqlite") {
    return new SqliteClient({ adapter: watchWrites(sqliteAdapter(databaseUrl)), transactionOptions: TRANSACTION_OPTIONS });
  }
  if (engine === "postgresql") {
    const adapter = watchWrites(new PrismaPg({ connectionString: databaseUrl, max: 10 }));
    return new PostgresClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }) as unknown as Db;
  }
  const adapter = watchWrites(new PrismaMariaDb(mariadbConfig(databaseUrl)));
  // READ COMMITTED as on PostgreSQL: InnoDB's default REPEATABLE READ fixes a transaction's snapshot
  // at its first read, so "lock a row, then read what the previous lock holder committed" (card
  // numbers, labels) would read stale rows. Prisma's update also reads before it locks on MySQL.
  return new MysqlClient({
    adapter,
    transactionOptions: { ...TRANSACTION_OPTIONS, isolationLevel: "ReadCommitted" },
  }) as unknown as Db;
}

/**
 * The SQLite adapter, with the connection's pragmas set before its first query. WAL is set once on
 * the file by migrate(). Prisma's connection carries the writes off the hot paths: with the default
 * SQLITE_SYNCHRONOUS=full each commit syncs the WAL (durable when acknowledged); `normal` (opt-in)
 * syncs only at checkpoints. The hot paths' own connection (direct.ts) shares one sync among
 * concurrent commits. Foreign keys are per connection.
 */
function sqliteAdapter(databaseUrl: string): PrismaBetterSQLite3 {
  const inner = new PrismaBetterSQLite3({ url: sqlitePath(databaseUrl), timeout: 10_000 });
  const connect = inner.connect.bind(inner);
  inner.connect = async () => {
    const adapter = await connect();
    const synchronous = getConfig().sqliteSynchronous === "normal" ? "NORMAL" : "FULL";
    await adapter.executeScript(`PRAGMA synchronous = ${synchronous}; PRAGMA foreign_keys = ON;`);
    // The adapter opens transactions with a deferred BEGIN. When another connection (the sidecar,
    // the CLI) writes between such a transaction's first read and its first write, SQLite answers
    // SQLITE_BUSY_SNAPSHOT at once instead of waiting. Our transactions write, so they take the
    // write lock up front (BEGIN IMMEDIATE) and wait for it within the busy timeout.
    const client = (adapter as unknown as { client: { prepare: (sql: string) => unknown } }).client;
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return adapter;
  };
  return inner;
}

/** mysql://user:pass@host:port/db to the mariadb driver's pool options. */
export function mariadbConfig(databaseUrl: string) {
  const u = new URL(databaseUrl.replace(/^mariadb:/, "mysql:"));
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || "root"),
    password: decodeURIComponent(u.password),
    database: u.pathname.replace(/^\//, ""),
    connectionLimit: Number(u.searchParams.get("connection_limit") ?? 10),
    // How long a request waits for a pooled connection: long enough for a burst of writes that
    // serialise on one row, short enough that a database that is down or restarting answers 503
    // within seconds (lib/db/faults.ts) instead of holding the request for 30 s. Prisma's
    // `pool_timeout` URL parameter (seconds) overrides it.
    acquireTimeout: Number(u.searchParams.get("pool_timeout") ?? 10) * 1000,
    connectTimeout: 2_000,
    allowPublicKeyRetrieval: true,
  };
}

const globalForDb = globalThis as unknown as { __warmdeskDb?: Db; __warmdeskDbUrl?: string };

/** The shared client for this process (one per DATABASE_URL). */
export function getDb(): Db {
  const url = getConfig().databaseUrl;
  if (!globalForDb.__warmdeskDb || globalForDb.__warmdeskDbUrl !== url) {
    globalForDb.__warmdeskDb = createDb(url);
    globalForDb.__warmdeskDbUrl = url;
  }
  return globalForDb.__warmdeskDb;
}

/** Throws when the database does not answer (the health check). */
export async function pingDatabase(): Promise<void> {
  await getDb().$queryRawUnsafe("SELECT 1");
}

export function currentEngine(): Engine {
  return engineOf(getConfig().databaseUrl);
}
