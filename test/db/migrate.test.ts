// The start-up migration runner (lib/db/migrate.ts) on every available engine, and the
// PostgreSQL-to-MySQL translation that produces the MySQL migration files.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type MigrateResult, migrate, readMigrations } from "../../lib/db/migrate.ts";
import { pgToMysql } from "../../scripts/pg-to-mysql.mjs";
import { availableEngines, createEmptyDatabase } from "../helpers/db.ts";
import { describePrismaSchema, introspect } from "./introspect.ts";
import { query } from "./sql.ts";

const root = join(import.meta.dirname, "..", "..");
const migrationsDir = join(root, "prisma", "migrations");
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  while (cleanups.length) await (cleanups.pop() as () => Promise<void> | void)();
});

async function emptyDb(engine: Parameters<typeof createEmptyDatabase>[0]) {
  const { url, drop } = await createEmptyDatabase(engine);
  cleanups.push(drop);
  return url;
}

function migrateInChildProcess(url: string): Promise<MigrateResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "fixtures", "migrate-once.ts"), url],
      { cwd: root },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout))),
    );
  });
}

type MigrationRow = {
  id: string;
  checksum: string;
  finished_at: unknown;
  migration_name: string;
  logs: unknown;
  rolled_back_at: unknown;
  started_at: unknown;
  applied_steps_count: number | bigint;
};

describe.each(availableEngines())("migrate() on %s", (engine) => {
  const committed = readMigrations(engine);

  it("brings a fresh database to the schema, and a second run applies nothing", async () => {
    expect(committed.length).toBeGreaterThan(0);
    const url = await emptyDb(engine);
    const first = await migrate(url);
    expect(first).toEqual({ engine, applied: committed.map((m) => m.name), alreadyApplied: 0 });
    const tables = Object.keys(await introspect(url)).sort();
    expect(tables).toEqual(Object.keys(describePrismaSchema()).sort());

    const second = await migrate(url);
    expect(second).toEqual({ engine, applied: [], alreadyApplied: committed.length });
    const rows = await query<MigrationRow>(url, "SELECT * FROM _prisma_migrations");
    expect(rows).toHaveLength(committed.length);
  });

  it("records each migration in _prisma_migrations with Prisma's columns and the file's SHA-256", async () => {
    const url = await emptyDb(engine);
    await migrate(url);
    const rows = await query<MigrationRow>(url, "SELECT * FROM _prisma_migrations ORDER BY migration_name");
    expect(Object.keys(rows[0]).sort()).toEqual(
      ["applied_steps_count", "checksum", "finished_at", "id", "logs", "migration_name", "rolled_back_at", "started_at"].sort(),
    );
    expect(rows.map((r) => r.migration_name)).toEqual(committed.map((m) => m.name));
    for (const row of rows) {
      const file = readFileSync(join(migrationsDir, engine, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.started_at).not.toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    }
  });

  it("gives an older database the migrations added since, on the next start", async () => {
    const dir = mkdtempSync(join(tmpdir(), "warmdesk-migrations-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(join(migrationsDir, engine, committed[0].name), join(dir, engine, committed[0].name), { recursive: true });
    const url = await emptyDb(engine);
    expect((await migrate(url, { dir })).applied).toEqual([committed[0].name]);
    expect(await introspect(url)).not.toHaveProperty("wd_extra");

    mkdirSync(join(dir, engine, "0002_extra"));
    writeFileSync(
      join(dir, engine, "0002_extra", "migration.sql"),
      "CREATE TABLE wd_extra (id INTEGER NOT NULL PRIMARY KEY, note VARCHAR(191));\n",
    );
    const lines: string[] = [];
    const next = await migrate(url, { dir, log: (line) => lines.push(line) });
    expect(next.applied).toEqual(["0002_extra"]);
    expect(lines).toContain("applying migration 0002_extra");
    const after = await introspect(url);
    expect(Object.keys(after.wd_extra.columns).sort()).toEqual(["id", "note"]);
    expect((await migrate(url, { dir })).applied).toEqual([]);
    const names = await query<{ migration_name: string }>(
      url,
      "SELECT migration_name FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(names.map((r) => r.migration_name)).toEqual([committed[0].name, "0002_extra"]);
  });

  it("applies each migration exactly once when two processes start at the same time", async () => {
    const url = await emptyDb(engine);
    const results = await Promise.all([migrateInChildProcess(url), migrateInChildProcess(url)]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(committed.map((m) => m.name));
    const rows = await query<MigrationRow>(url, "SELECT * FROM _prisma_migrations");
    expect(rows.map((r) => r.migration_name).sort()).toEqual(committed.map((m) => m.name));
  });

  it("applies each migration exactly once when one process calls migrate() twice at once", async () => {
    const url = await emptyDb(engine);
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(committed.map((m) => m.name));
    const rows = await query<MigrationRow>(url, "SELECT * FROM _prisma_migrations");
    expect(rows.map((r) => r.migration_name).sort()).toEqual(committed.map((m) => m.name));
  });
});

describe("scripts/pg-to-mysql.mjs", () => {
  it("reproduces every committed MySQL migration from its PostgreSQL migration", () => {
    const pg = readMigrations("postgresql");
    const mysql = readMigrations("mysql");
    expect(mysql.map((m) => m.name)).toEqual(pg.map((m) => m.name));
    expect(pgToMysql(pg[0].sql)).toBe(mysql[0].sql);
  });

  it("throws on statements it cannot translate", () => {
    expect(() => pgToMysql(`ALTER TABLE "users" ALTER COLUMN "role" SET DEFAULT 'admin';\n`)).toThrow(/no automatic translation/);
    expect(() => pgToMysql(`CREATE TYPE "Role" AS ENUM ('user', 'admin');\n`)).toThrow(/no automatic translation/);
    expect(() => pgToMysql(`ALTER TABLE "users" RENAME COLUMN "avatar" TO "picture";\n`)).toThrow(/by hand/);
  });

  it("translates the statements Prisma emits when a table, a column, an index and a foreign key are added", () => {
    const sql = [
      `-- CreateTable\nCREATE TABLE "notes" (\n    "id" SERIAL NOT NULL,\n    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n    "score" DOUBLE PRECISION NOT NULL,\n\n    CONSTRAINT "notes_pkey" PRIMARY KEY ("id")\n);`,
      `-- AddColumn\nALTER TABLE "users" ADD COLUMN "nickname" VARCHAR(191);`,
      `-- CreateIndex\nCREATE UNIQUE INDEX "users_nickname_key" ON "users"("nickname");`,
      `-- AddForeignKey\nALTER TABLE "notes" ADD CONSTRAINT "notes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;`,
    ].join("\n\n");
    const out = pgToMysql(`${sql}\n`);
    expect(out).toContain("CREATE TABLE `notes` (");
    expect(out).toContain("`id` INTEGER NOT NULL AUTO_INCREMENT,");
    expect(out).toContain("`created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),");
    expect(out).toContain("`score` DOUBLE NOT NULL,");
    expect(out).toContain("PRIMARY KEY (`id`)\n) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;");
    expect(out).toContain("ALTER TABLE `users` ADD COLUMN `nickname` VARCHAR(191);");
    expect(out).toContain("CREATE UNIQUE INDEX `users_nickname_key` ON `users`(`nickname`);");
    expect(out).not.toContain('"');
  });
});
