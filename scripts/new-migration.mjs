// Writes the next migration for all three engines from the change of prisma/schema.prisma since
// the last migration: `npm run db:migration -- <name>`.
// SQLite and PostgreSQL SQL come from `prisma migrate diff` (schema to schema, offline, no shadow
// database); MySQL SQL is translated from the PostgreSQL SQL (see pg-to-mysql.mjs). The schema text
// of the last migration is kept in prisma/migrations/schema.snapshot.prisma.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { pgToMysql } from "./pg-to-mysql.mjs";
import { renderSchema, schemaPath } from "./render-schema.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const migrations = join(root, "prisma", "migrations");
const snapshot = join(migrations, "schema.snapshot.prisma");
const prismaBin = join(root, "node_modules", "prisma", "build", "index.js");

const name = (process.argv[2] ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}

const current = readFileSync(schemaPath, "utf8");
const previous = existsSync(snapshot) ? readFileSync(snapshot, "utf8") : null;
const tmp = mkdtempSync(join(tmpdir(), "warmdesk-migration-"));

function diff(provider) {
  const to = join(tmp, `${provider}.to.prisma`);
  writeFileSync(to, renderSchema(provider, current));
  const from = previous === null ? ["--from-empty"] : ["--from-schema-datamodel", join(tmp, `${provider}.from.prisma`)];
  if (previous !== null) writeFileSync(from[1], renderSchema(provider, previous));
  return execFileSync(process.execPath, [prismaBin, "migrate", "diff", ...from, "--to-schema-datamodel", to, "--script"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, WARMDESK_PRISMA_PROVIDER: provider, CHECKPOINT_DISABLE: "1" },
  });
}

const sqlite = diff("sqlite");
if (/This is an empty migration/.test(sqlite)) {
  console.log("The schema has not changed since the last migration.");
  process.exit(0);
}
const postgresql = diff("postgresql");
const mysql = pgToMysql(postgresql);

const existing = existsSync(join(migrations, "sqlite")) ? readdirSync(join(migrations, "sqlite")) : [];
// The highest number plus one (numbers may have gaps: a migration may be withdrawn before it lands).
// MIGRATION_NUMBER sets it, for work on a branch that must not collide with another branch's.
const highest = Math.max(0, ...existing.map((d) => Number.parseInt(d, 10)).filter(Number.isFinite));
const next = String(Number(process.env.MIGRATION_NUMBER) || highest + 1).padStart(4, "0");
for (const [provider, sql] of Object.entries({ sqlite, postgresql, mysql })) {
  const dir = join(migrations, provider, `${next}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), sql);
  console.log(`wrote ${dir}/migration.sql`);
}
writeFileSync(snapshot, current);
