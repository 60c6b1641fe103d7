// Translates the PostgreSQL migration SQL that `prisma migrate diff` writes into MySQL/MariaDB SQL.
// Prisma's Wasm schema engine has no MySQL connector, so MySQL migrations cannot be generated
// here. Because the rendered schemas give PostgreSQL and MySQL the same native types
// (VARCHAR(191), TEXT, DATE), the translation is mechanical for what Prisma emits when tables,
// columns, indexes and foreign keys are added. Anything else throws, and that migration's MySQL
// file is written by hand; test/schema-parity.test.ts proves the engines still agree.

const SUPPORTED = [
  /^CREATE TABLE /,
  /^CREATE (UNIQUE )?INDEX /,
  /^ALTER TABLE "[^"]+" ADD CONSTRAINT "[^"]+" FOREIGN KEY /,
  /^ALTER TABLE "[^"]+" ADD COLUMN /,
  /^ALTER TABLE "[^"]+" DROP CONSTRAINT "[^"]+_fkey"/,
  /^ALTER TABLE "[^"]+" DROP COLUMN /,
  /^DROP TABLE /,
];

export function pgToMysql(sql) {
  const statements = sql
    .split(/;\s*\n/)
    .map((s) => s.replace(/^(\s*--[^\n]*\n)*/g, "").trim())
    .filter((s) => s && !s.startsWith("--"));
  const out = [];
  for (const raw of statements) {
    const statement = raw.replace(/;$/, "");
    if (/^CREATE SCHEMA /.test(statement)) continue;
    if (!SUPPORTED.some((re) => re.test(statement))) {
      throw new Error(`pg-to-mysql: no automatic translation for:\n${statement}\nWrite this MySQL migration by hand.`);
    }
    let s = statement
      .replace(/"([^"]+)"/g, "`$1`")
      .replace(/\bSERIAL NOT NULL\b/g, "INTEGER NOT NULL AUTO_INCREMENT")
      .replace(/\bTIMESTAMP\(3\)/g, "DATETIME(3)")
      .replace(/DEFAULT CURRENT_TIMESTAMP\b(?!\()/g, "DEFAULT CURRENT_TIMESTAMP(3)")
      .replace(/\bDOUBLE PRECISION\b/g, "DOUBLE")
      .replace(/CONSTRAINT `[^`]+` PRIMARY KEY/g, "PRIMARY KEY")
      .replace(/DROP CONSTRAINT (`[^`]+_fkey`)/g, "DROP FOREIGN KEY $1");
    if (/^CREATE TABLE /.test(s)) s = `${s} DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;
    out.push(`${s};`);
  }
  return `${out.join("\n\n")}\n`;
}
