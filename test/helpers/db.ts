// Real databases for tests: a fresh SQLite file always; a fresh PostgreSQL / MySQL database when
// TEST_POSTGRES_URL / TEST_MYSQL_URL point at a server (a new database per call, dropped after).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resetApiRateLimits } from "../../lib/auth/api-rate-limit.ts";
import { resetConfigForTests } from "../../lib/config.ts";
import { createDb, type Db, mariadbConfig } from "../../lib/db/client.ts";
import { closeDirect } from "../../lib/db/direct.ts";
import type { Engine } from "../../lib/db/engine.ts";
import { migrate } from "../../lib/db/migrate.ts";

export type TestDatabase = { engine: Engine; url: string; db: Db; drop: () => Promise<void> };

/** The engines this run can test: SQLite always, the others when their server URL is set. */
export function availableEngines(): Engine[] {
  return [
    "sqlite",
    ...(process.env.TEST_POSTGRES_URL ? (["postgresql"] as const) : []),
    ...(process.env.TEST_MYSQL_URL ? (["mysql"] as const) : []),
  ];
}

/** Creates an empty database (no migrations applied) and returns its URL and a drop function. */
export async function createEmptyDatabase(engine: Engine): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `wd_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  if (engine === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "warmdesk-test-"));
    return { url: `file:${join(dir, "test.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (engine === "postgresql") {
    const { default: pg } = await import("pg");
    const server = process.env.TEST_POSTGRES_URL as string;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${name}`;
    return {
      url: u.toString(),
      drop: async () => {
        const c = new pg.Client({ connectionString: server });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const mariadb = await import("mariadb");
  const server = process.env.TEST_MYSQL_URL as string;
  const { connectionLimit: _c, database: _d, ...config } = mariadbConfig(server);
  const conn = await mariadb.createConnection(config);
  await conn.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = await mariadb.createConnection(config);
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  };
}

/**
 * A fresh, migrated database that the domain functions (getDb()) use from now on in this test
 * process: sets DATABASE_URL and DATA_DIR.
 */
export async function useFreshDatabase(engine: Engine): Promise<TestDatabase> {
  const { url, drop } = await createEmptyDatabase(engine);
  await migrate(url);
  process.env.DATABASE_URL = url;
  process.env.DATA_DIR ??= mkdtempSync(join(tmpdir(), "warmdesk-data-"));
  resetConfigForTests();
  // Key ids start again at 1 in every fresh database: a window counted for key 1 of the last
  // database must not count against key 1 of this one (in-process rate-limit windows).
  resetApiRateLimits();
  const db = createDb(url);
  return {
    engine,
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await closeDirect(url);
      await drop();
    },
  };
}
