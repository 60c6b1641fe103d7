// Plain SQL on the database drivers themselves, for the few paths that run on every request or
// every drag (authentication, access, card moves and creates, the board). Prisma's client costs
// about a millisecond per statement even for $queryRaw (measured: 1.5 ms against 25 µs for the
// same prepared statement on better-sqlite3); these paths run 5–12 statements.
//
// A unit of work is a generator that yields statements (built with Prisma.sql, so the SQL text is
// the same portable text as elsewhere) and receives their results:
//
//   const card = await transaction(function* () {
//     const [row] = yield* rows<{ id: number }>(Prisma.sql`SELECT id FROM cards WHERE …`);
//     yield* exec(Prisma.sql`UPDATE cards SET … WHERE id = ${row.id}`);
//     return row;
//   });
//
// On SQLite the generator runs to the end synchronously, BEGIN IMMEDIATE to COMMIT in one tick of
// the event loop, on a connection of its own: it never holds the write lock while other code runs,
// so it can never deadlock with Prisma's connection (whose lock waits are synchronous busy waits).
// When Prisma's connection holds the lock, BEGIN answers SQLITE_BUSY at once and is retried after a
// short pause. On PostgreSQL and MySQL it runs on a pooled connection, statement by statement.
//
// Durability on SQLite (group commit): the connection commits with `synchronous = NORMAL` (no sync
// inside COMMIT, which would block the event loop for a disk flush, ~6 ms here), and with the default
// SQLITE_SYNCHRONOUS=full a transaction resolves only after the WAL file was synced (fdatasync on
// libuv's thread pool) by a sync that started after its COMMIT. One sync runs at a time and the next
// one covers every commit made meanwhile, so concurrent writers share a flush, as PostgreSQL's group
// commit does. The commit frames are in the WAL, so a synced WAL holds every acknowledged write;
// SQLite itself syncs the WAL and the database file around checkpoints.
//
// Values: Dates are written as UTC in each engine's format (as Prisma writes them) and read back as
// Dates on PostgreSQL and MySQL (strings on SQLite, as Prisma's $queryRaw gives them); booleans as
// 1/0 where the engine has no boolean. Row mappers use Number()/Boolean() on what they read.

import { open } from "node:fs/promises";
import Database from "better-sqlite3";
import { getConfig } from "../config.ts";
import { metrics } from "../metrics/metrics.ts";
import { type Db, mariadbConfig, Prisma, type Tx } from "./client.ts";
import { type Engine, engineOf, sqlitePath } from "./engine.ts";
import { isDatabaseUnavailable, retryTransaction } from "./faults.ts";

type Op = { kind: "rows" | "exec" | "insert"; sql: Prisma.Sql };
export type Step<T> = Generator<Op, T, unknown>;
type Row = Record<string, unknown>;

/** The rows of a query. */
export function* rows<T = Row>(sql: Prisma.Sql): Step<T[]> {
  return (yield { kind: "rows", sql }) as T[];
}
/** Runs a statement; returns the number of rows it changed. */
export function* exec(sql: Prisma.Sql): Step<number> {
  return (yield { kind: "exec", sql }) as number;
}
/** Runs an INSERT of one row into a table with an `id` column; returns the new id. */
export function* insert(sql: Prisma.Sql): Step<number> {
  return (yield { kind: "insert", sql }) as number;
}

interface Driver {
  readonly engine: Engine;
  transaction<T>(body: () => Step<T>): Promise<T>;
  run<T>(body: () => Step<T>): Promise<T>;
  close(): Promise<void>;
}

/** Runs `body` in one transaction (READ COMMITTED on PostgreSQL and MySQL, as Prisma's). */
export function transaction<T>(body: () => Step<T>): Promise<T> {
  return driver().transaction(body);
}
/** Runs `body`'s statements one by one, without a transaction (reads). */
export function run<T>(body: () => Step<T>): Promise<T> {
  return driver().run(body);
}

/**
 * Runs a unit of work inside a Prisma transaction (or on the Prisma client), so that the SQL
 * helpers written as steps serve Prisma-based functions too (they see the transaction's own writes).
 */
export async function inPrisma<T>(tx: Tx | Db, body: () => Step<T>): Promise<T> {
  const engine = engineOf(getConfig().databaseUrl);
  const gen = body();
  let next = gen.next();
  while (!next.done) {
    const op = next.value;
    let result: unknown;
    try {
      if (op.kind === "rows") result = await tx.$queryRaw(op.sql);
      else if (op.kind === "exec") result = await tx.$executeRaw(op.sql);
      else if (engine === "mysql") {
        await tx.$executeRaw(op.sql);
        const [row] = await tx.$queryRaw<{ id: unknown }[]>`SELECT LAST_INSERT_ID() AS id`;
        result = Number(row.id);
      } else {
        const [row] = await tx.$queryRaw<{ id: unknown }[]>`${op.sql} RETURNING id`;
        result = Number(row.id);
      }
    } catch (e) {
      next = gen.throw(e);
      continue;
    }
    next = gen.next(result);
  }
  return next.value;
}

/** A date column as read here: a Date (PostgreSQL, MySQL) or Prisma's ISO text (SQLite). */
export const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

const utc = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");

// --- SQLite ---------------------------------------------------------------------------------------

const BUSY_RETRY_FOR_MS = 30_000;
const STATEMENT_CACHE = 500;

/** Group commit: `durable()` resolves once a WAL sync that started after the call has finished. */
function walSyncer(walPath: string) {
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const sync = async () => {
    try {
      handle ??= await open(walPath, "r");
    } catch (e) {
      // No WAL file: the database is not in WAL mode, where SQLite syncs inside COMMIT itself.
      if ((e as { code?: string }).code === "ENOENT") return;
      throw e;
    }
    await handle.datasync();
  };
  const durable = (): Promise<void> => {
    if (!running) {
      running = sync().finally(() => {
        running = null;
      });
      return running;
    }
    // A sync is under way, but it may have started before this commit: wait for the next one.
    queued ??= running.then(
      () => {
        queued = null;
        return durable();
      },
      () => {
        queued = null;
        return durable();
      },
    );
    return queued;
  };
  return { durable, close: () => handle?.close() };
}

function sqliteDriver(path: string): Driver {
  const db = new Database(path, { timeout: 0 });
  // See the header: commits do not sync; with SQLITE_SYNCHRONOUS=full (the default) transactions
  // wait for a shared WAL sync before they resolve.
  db.pragma("synchronous = NORMAL");
  const wal = getConfig().sqliteSynchronous === "full" ? walSyncer(`${path}-wal`) : null;
  db.pragma("foreign_keys = ON");
  // No busy waiting on this connection: a wait would block the event loop, and with it the
  // transaction of Prisma's connection that holds the lock. BEGIN is retried asynchronously instead.
  db.pragma("busy_timeout = 0");
  const statements = new Map<string, Database.Statement>();
  const prepare = (text: string) => {
    let st = statements.get(text);
    if (!st) {
      if (statements.size >= STATEMENT_CACHE) statements.clear();
      st = db.prepare(text);
      statements.set(text, st);
    }
    return st;
  };
  // Prisma's SQLite adapter stores DateTime as ISO text with "+00:00" and Boolean as 0/1.
  const value = (v: unknown) =>
    v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? (v ? 1 : 0) : (v ?? null);
  const execute = (op: Op): unknown => {
    const st = prepare(op.sql.sql);
    const params = op.sql.values.map(value);
    if (op.kind === "rows") return st.all(...params);
    const info = st.run(...params);
    return op.kind === "insert" ? Number(info.lastInsertRowid) : info.changes;
  };
  const drive = <T>(body: () => Step<T>): T => {
    const gen = body();
    let next = gen.next();
    while (!next.done) {
      let result: unknown;
      try {
        result = execute(next.value);
      } catch (e) {
        next = gen.throw(e);
        continue;
      }
      next = gen.next(result);
    }
    return next.value;
  };
  const begin = prepare("BEGIN IMMEDIATE");
  const commit = prepare("COMMIT");
  const rollback = prepare("ROLLBACK");
  return {
    engine: "sqlite",
    async transaction<T>(body: () => Step<T>): Promise<T> {
      const started = Date.now();
      for (let attempt = 0; ; attempt++) {
        try {
          begin.run();
          break;
        } catch (e) {
          if ((e as { code?: string }).code !== "SQLITE_BUSY" || Date.now() - started > BUSY_RETRY_FOR_MS) throw e;
          await new Promise((r) => setTimeout(r, Math.min(1 + attempt, 20)));
        }
      }
      let result: T;
      try {
        result = drive(body);
        commit.run();
      } catch (e) {
        if (db.inTransaction) rollback.run();
        throw e;
      }
      await wal?.durable();
      return result;
    },
    async run(body) {
      return drive(body);
    },
    async close() {
      await wal?.close();
      db.close();
    },
  };
}

// --- PostgreSQL and MySQL ---------------------------------------------------------------------------

type Conn = {
  all(text: Prisma.Sql): Promise<Row[]>;
  exec(op: Op): Promise<number>;
  /** Back to the pool; `broken`: the connection failed, close it instead. */
  release(broken?: boolean): void;
};

async function driveAsync<T>(conn: Conn, body: () => Step<T>): Promise<T> {
  const gen = body();
  let next = gen.next();
  while (!next.done) {
    let result: unknown;
    try {
      result = next.value.kind === "rows" ? await conn.all(next.value.sql) : await conn.exec(next.value);
    } catch (e) {
      next = gen.throw(e);
      continue;
    }
    next = gen.next(result);
  }
  return next.value;
}

function pooledDriver(engine: Engine, connect: () => Promise<Conn>, begin: string, end: () => Promise<void>): Driver {
  const once = async <T>(body: () => Step<T>): Promise<T> => {
    const conn = await connect();
    let broken = false;
    try {
      await conn.exec({ kind: "exec", sql: Prisma.raw(begin) });
      try {
        const result = await driveAsync(conn, body);
        await conn.exec({ kind: "exec", sql: Prisma.raw("COMMIT") });
        return result;
      } catch (e) {
        await conn.exec({ kind: "exec", sql: Prisma.raw("ROLLBACK") }).catch(() => {
          broken = true;
        });
        throw e;
      }
    } catch (e) {
      if (isDatabaseUnavailable(e)) broken = true;
      throw e;
    } finally {
      conn.release(broken);
    }
  };
  return {
    engine,
    // A deadlock or serialization failure rolls the whole unit of work back: run it again (the
    // body is a generator function, so each attempt starts from scratch; events are published
    // only after the transaction resolved).
    transaction: (body) => retryTransaction(() => once(body)),
    async run(body) {
      const conn = await connect();
      let broken = false;
      try {
        return await driveAsync(conn, body);
      } catch (e) {
        broken = isDatabaseUnavailable(e);
        throw e;
      } finally {
        conn.release(broken);
      }
    },
    close: end,
  };
}

async function postgresDriver(url: string): Promise<Driver> {
  const { default: pg } = await import("pg");
  // Prisma's columns are `timestamp(3)` (UTC, no zone) and `date`: read them as UTC, not local time.
  const parsers: Record<number, (v: string) => unknown> = {
    1114: (v) => new Date(`${v.replace(" ", "T")}Z`),
    1082: (v) => new Date(`${v}T00:00:00Z`),
    20: (v) => Number(v),
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") => parsers[oid] ?? pg.types.getTypeParser(oid, format)) as never,
    },
  });
  // An idle pooled connection that the server ends (restart, dropped database) must not crash the process.
  pool.on("error", (e) => console.warn(`database: idle connection closed: ${e.message}`));
  metrics().pools.set(url, () => ({
    engine: "postgresql",
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
  }));
  const value = (v: unknown) => (v instanceof Date ? utc(v) : (v ?? null));
  return pooledDriver(
    "postgresql",
    async () => {
      const client = await pool.connect();
      // A checked-out client whose server goes away (a restart) emits 'error': without a listener
      // that is an uncaughtException. The query in flight fails on its own; the client is then
      // released as broken.
      if (!client.listenerCount("error")) client.on("error", (e) => console.warn(`database: connection lost: ${e.message}`));
      return {
        all: async (sql) => (await client.query(sql.text, sql.values.map(value))).rows,
        exec: async (op) => {
          const text = op.kind === "insert" ? `${op.sql.text} RETURNING id` : op.sql.text;
          const res = await client.query(text, op.sql.values.map(value));
          return op.kind === "insert" ? Number(res.rows[0].id) : (res.rowCount ?? 0);
        },
        release: (broken) => client.release(broken ? true : undefined),
      };
    },
    "BEGIN",
    () => pool.end(),
  );
}

async function mysqlDriver(url: string): Promise<Driver> {
  const mariadb = await import("mariadb");
  const pool = mariadb.createPool({
    ...mariadbConfig(url),
    // As Prisma's client (lib/db/client.ts): READ COMMITTED.
    initSql: "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED",
    bigIntAsNumber: true,
    insertIdAsNumber: true,
    decimalAsNumber: true,
    // DATETIME and DATE hold UTC (as Prisma writes them): read them as UTC, not local time.
    typeCast: (field, next) => {
      if (field.type === "DATETIME" || field.type === "TIMESTAMP") {
        const s = field.string();
        return s === null ? null : new Date(`${s.replace(" ", "T")}Z`);
      }
      if (field.type === "DATE") {
        const s = field.string();
        return s === null ? null : new Date(`${s}T00:00:00Z`);
      }
      return next();
    },
  });
  metrics().pools.set(url, () => ({
    engine: "mysql",
    total: pool.totalConnections(),
    idle: pool.idleConnections(),
    waiting: pool.taskQueueSize(),
  }));
  const value = (v: unknown) => (v instanceof Date ? utc(v) : (v ?? null));
  return pooledDriver(
    "mysql",
    async () => {
      const conn = await pool.getConnection();
      return {
        all: async (sql) => [...((await conn.query(sql.sql, sql.values.map(value))) as Row[])],
        exec: async (op) => {
          const res = (await conn.query(op.sql.sql, op.sql.values.map(value))) as { affectedRows: number; insertId: number };
          return op.kind === "insert" ? Number(res.insertId) : res.affectedRows;
        },
        release: (broken) => void (broken ? conn.destroy() : conn.release()),
      };
    },
    "START TRANSACTION",
    () => pool.end(),
  );
}

// --- the process's driver -----------------------------------------------------------------------------

const globalForDirect = globalThis as unknown as { __warmdeskDirect?: { url: string; driver: Promise<Driver> } };

function driver(): { transaction: Driver["transaction"]; run: Driver["run"] } {
  const url = getConfig().databaseUrl;
  let current = globalForDirect.__warmdeskDirect;
  if (!current || current.url !== url) {
    const previous = current;
    const engine = engineOf(url);
    const made =
      engine === "sqlite"
        ? Promise.resolve(sqliteDriver(sqlitePath(url)))
        : engine === "postgresql"
          ? postgresDriver(url)
          : mysqlDriver(url);
    current = { url, driver: made };
    globalForDirect.__warmdeskDirect = current;
    void previous?.driver.then((d) => d.close()).catch(() => undefined);
  }
  const made = current.driver;
  return {
    transaction: async (body) => (await made).transaction(body),
    run: async (body) => (await made).run(body),
  };
}

/** Closes the process's direct connections (to `url` only, when given): tests that drop their database. */
export async function closeDirect(url?: string): Promise<void> {
  const current = globalForDirect.__warmdeskDirect;
  if (!current || (url !== undefined && current.url !== url)) return;
  globalForDirect.__warmdeskDirect = undefined;
  await (await current.driver).close();
}
