// Applies pending SQL migrations from prisma/migrations/<engine>/ at start-up, recording them in
// `_prisma_migrations` with Prisma's columns and checksums (SHA-256 of the file), so that
// `prisma migrate deploy` on a machine with Prisma's native engine agrees with what ran here.
// A lock (PostgreSQL advisory lock, MySQL GET_LOCK, SQLite write transaction) keeps two
// instances starting at once from applying the same migration twice.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { mariadbConfig } from "./client.ts";
import { type Engine, engineOf, sqlitePath } from "./engine.ts";

export type MigrationFile = { name: string; sql: string; checksum: string };
export type MigrateResult = { engine: Engine; applied: string[]; alreadyApplied: number };

const DEFAULT_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "prisma", "migrations");

export function readMigrations(engine: Engine, dir = DEFAULT_DIR): MigrationFile[] {
  const base = join(dir, engine);
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{4}_/.test(d.name))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(base, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** The minimal surface the runner needs from each driver. */
interface Runner {
  ensureTable(): Promise<void>;
  applied(): Promise<Map<string, string>>;
  apply(m: MigrationFile): Promise<void>;
  withLock<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Calls in one process are queued per database: SQLite's lock wait (busy timeout) blocks the
// thread, so a second in-process call would otherwise wait on a lock that can never be released.
const inProcess = new Map<string, Promise<unknown>>();

export type MigrateOptions = { dir?: string; log?: (line: string) => void };

export async function migrate(databaseUrl: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const run = (inProcess.get(databaseUrl) ?? Promise.resolve()).catch(() => {}).then(() => migrateNow(databaseUrl, options));
  inProcess.set(databaseUrl, run);
  try {
    return await run;
  } finally {
    if (inProcess.get(databaseUrl) === run) inProcess.delete(databaseUrl);
  }
}

/**
 * Checksums of earlier versions of migrations that were corrected after release (SHA-256 of the old
 * file, per engine). A database that applied one of them is fine: the correction only matters to
 * databases that had not applied the migration yet, so no warning is printed for these.
 */
const AMENDED: Record<string, string[]> = {
  // 0.2.0: 0003 converts contracts.hours into contracted_minutes instead of dropping the hours.
  "0003_time_tracking": [
    "49a5053c1d3607bde2f0f9de9c62b9a8ae40963e94f290d3c25587a55c9b299f",
    "7b9cf22b342f3c62317d91e3a33f91d088125e9d11476673874d9c2f4437dbcd",
    "45534640feb14d7819d2b7dd239a743d73067426883b016ca89a7b4d712f8a9d",
  ],
};

async function migrateNow(databaseUrl: string, options: MigrateOptions): Promise<MigrateResult> {
  const engine = engineOf(databaseUrl);
  const files = readMigrations(engine, options.dir);
  const runner = await openRunner(engine, databaseUrl);
  try {
    return await runner.withLock(async () => {
      await runner.ensureTable();
      const done = await runner.applied();
      const applied: string[] = [];
      for (const m of files) {
        const checksum = done.get(m.name);
        if (checksum !== undefined) {
          if (checksum !== m.checksum && !AMENDED[m.name]?.includes(checksum)) {
            options.log?.(`warning: migration ${m.name} was modified after it was applied (checksum differs)`);
          }
          continue;
        }
        options.log?.(`applying migration ${m.name}`);
        await runner.apply(m);
        applied.push(m.name);
      }
      return { engine, applied, alreadyApplied: files.length - applied.length };
    });
  } finally {
    await runner.close();
  }
}

async function openRunner(engine: Engine, url: string): Promise<Runner> {
  if (engine === "sqlite") return sqliteRunner(url);
  if (engine === "postgresql") return postgresRunner(url);
  return mysqlRunner(url);
}

async function sqliteRunner(url: string): Promise<Runner> {
  const { default: Database } = await import("better-sqlite3");
  const path = sqlitePath(url);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 10_000 });
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  return {
    async ensureTable() {
      db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id" TEXT PRIMARY KEY NOT NULL,
        "checksum" TEXT NOT NULL,
        "finished_at" DATETIME,
        "migration_name" TEXT NOT NULL,
        "logs" TEXT,
        "rolled_back_at" DATETIME,
        "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
        "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
      )`);
    },
    async applied() {
      const rows = db
        .prepare(
          `SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
        .all() as { migration_name: string; checksum: string }[];
      return new Map(rows.map((r) => [r.migration_name, r.checksum]));
    },
    async apply(m) {
      // Prisma's SQLite migrations may toggle foreign keys (table redefinition); that pragma is a
      // no-op inside a transaction, so run the script outside one, as Prisma does.
      const now = Date.now();
      const id = randomUUID();
      db.prepare(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`,
      ).run(id, m.checksum, m.name, now);
      db.exec(m.sql);
      db.prepare(`UPDATE _prisma_migrations SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(Date.now(), id);
    },
    async withLock(fn) {
      // Foreign keys off for the whole run, as Prisma's table redefinitions expect: their own
      // `PRAGMA foreign_keys=OFF` is a no-op inside this transaction, and with the keys on,
      // `DROP TABLE "users"` of a redefinition would first delete (ON DELETE CASCADE) every
      // session, membership and comment pointing at the old table. The keys are checked before
      // the commit instead (test/upgrade/upgrade.test.ts upgrades a database with data).
      db.pragma("foreign_keys = OFF");
      // BEGIN IMMEDIATE takes the write lock; a second process waits (busy timeout) until we are done.
      db.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn();
        const broken = db.pragma("foreign_key_check") as { table: string; parent: string }[];
        if (broken.length > 0) {
          const where = [...new Set(broken.map((b) => `${b.table} → ${b.parent}`))].join(", ");
          throw new Error(`the migrations left rows pointing at missing ones (${where}); nothing was changed`);
        }
        db.exec("COMMIT");
        return result;
      } catch (e) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw e;
      } finally {
        db.pragma("foreign_keys = ON");
      }
    },
    async close() {
      db.close();
    },
  };
}

async function postgresRunner(url: string): Promise<Runner> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async ensureTable() {
      await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id" VARCHAR(36) PRIMARY KEY NOT NULL,
        "checksum" VARCHAR(64) NOT NULL,
        "finished_at" TIMESTAMPTZ,
        "migration_name" VARCHAR(255) NOT NULL,
        "logs" TEXT,
        "rolled_back_at" TIMESTAMPTZ,
        "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0
      )`);
    },
    async applied() {
      const { rows } = await client.query(
        `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      return new Map(rows.map((r: { migration_name: string; checksum: string }) => [r.migration_name, r.checksum]));
    },
    async apply(m) {
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
          [id, m.checksum, m.name],
        );
        await client.query(m.sql);
        await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      }
    },
    async withLock(fn) {
      await client.query("SELECT pg_advisory_lock(72707369)");
      try {
        return await fn();
      } finally {
        await client.query("SELECT pg_advisory_unlock(72707369)");
      }
    },
    async close() {
      await client.end();
    },
  };
}

async function mysqlRunner(url: string): Promise<Runner> {
  const mariadb = await import("mariadb");
  const { connectionLimit: _ignored, ...config } = mariadbConfig(url);
  const conn = await mariadb.createConnection({ ...config, multipleStatements: true });
  return {
    async ensureTable() {
      await conn.query(`CREATE TABLE IF NOT EXISTS _prisma_migrations (
        id VARCHAR(36) PRIMARY KEY NOT NULL,
        checksum VARCHAR(64) NOT NULL,
        finished_at DATETIME(3),
        migration_name VARCHAR(255) NOT NULL,
        logs TEXT,
        rolled_back_at DATETIME(3),
        started_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        applied_steps_count INTEGER UNSIGNED NOT NULL DEFAULT 0
      ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    },
    async applied() {
      const rows = (await conn.query(
        "SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
      )) as { migration_name: string; checksum: string }[];
      return new Map(rows.map((r) => [r.migration_name, r.checksum]));
    },
    async apply(m) {
      // MySQL DDL is not transactional: a failed migration leaves its row unfinished, as Prisma does.
      const id = randomUUID();
      await conn.query("INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES (?, ?, ?)", [
        id,
        m.checksum,
        m.name,
      ]);
      try {
        await conn.query(m.sql);
      } catch (e) {
        await conn.query("UPDATE _prisma_migrations SET logs = ? WHERE id = ?", [String(e), id]);
        throw e;
      }
      await conn.query("UPDATE _prisma_migrations SET finished_at = CURRENT_TIMESTAMP(3), applied_steps_count = 1 WHERE id = ?", [
        id,
      ]);
    },
    async withLock(fn) {
      await conn.query("SELECT GET_LOCK('warmdesk_migrate', 600)");
      try {
        return await fn();
      } finally {
        await conn.query("SELECT RELEASE_LOCK('warmdesk_migrate')");
      }
    },
    async close() {
      await conn.end();
    },
  };
}
