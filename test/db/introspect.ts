// Reads a live database's schema into one engine-neutral description, so that the schemas that
// SQLite, PostgreSQL and MySQL end up with after the migrations can be compared for equality.
import { readFileSync } from "node:fs";
import { mariadbConfig } from "../../lib/db/client.ts";
import { type Engine, engineOf, sqlitePath } from "../../lib/db/engine.ts";

/** Type families that all three engines can agree on (SQLite stores VARCHAR and TEXT alike, DATE as DATETIME). */
export type TypeFamily = "int" | "float" | "string" | "bool" | "datetime" | "json" | "decimal" | "other";

export type ColumnDescription = {
  type: TypeFamily;
  nullable: boolean;
  /** "autoincrement", "now", "none", or a literal: "string:<text>", "number:<n>", "boolean:<b>". */
  default: string;
};

export type ForeignKeyDescription = {
  columns: string[];
  references: string; // table(col, col)
  onDelete: string;
  onUpdate: string;
};

export type TableDescription = {
  columns: Record<string, ColumnDescription>;
  primaryKey: string[];
  /** Unique indexes other than the primary key, each as its column list, sorted. */
  unique: string[][];
  /** Sorted by their canonical text. */
  foreignKeys: ForeignKeyDescription[];
};

export type SchemaDescription = Record<string, TableDescription>;

const IGNORED_TABLES = new Set(["_prisma_migrations", "sqlite_sequence"]);

// Full-text search artefacts are engine-specific by design (lib/search, migrations 0009 and 0010) and are left
// out of the parity comparison, each explicitly: SQLite's FTS5 virtual tables and their shadow tables
// (<name>_data, _idx, _docsize, _config, _content), PostgreSQL's generated tsvector columns. MySQL's
// FULLTEXT indexes are not unique, so they never enter a description. test/search checks that each
// engine's index exists and works.
const FTS5_SHADOW_SUFFIXES = ["_data", "_idx", "_docsize", "_config", "_content"];
const isSearchVector = (dataType: string) => dataType.toLowerCase() === "tsvector";

export function typeFamily(raw: string): TypeFamily {
  const t = raw.toLowerCase().trim();
  if (t === "tinyint(1)" || t === "boolean" || t === "bool") return "bool";
  if (/^(integer|int|int4|int8|bigint|smallint|serial|bigserial|mediumint|tinyint)\b/.test(t)) return "int";
  if (/^(real|double|double precision|float|float4|float8)\b/.test(t)) return "float";
  if (/^(decimal|numeric)\b/.test(t)) return "decimal";
  if (/^(text|varchar|character varying|char|character|mediumtext|longtext|tinytext)\b/.test(t)) return "string";
  if (/^(datetime|timestamp|date)\b/.test(t)) return "datetime";
  if (/^(json|jsonb)\b/.test(t)) return "json";
  return "other";
}

export function normaliseDefault(raw: string | null | undefined, type: TypeFamily, autoIncrement: boolean): string {
  if (autoIncrement) return "autoincrement";
  if (raw === null || raw === undefined) return "none";
  let v = String(raw).trim();
  if (v.toUpperCase() === "NULL") return "none";
  if (/^nextval\(/i.test(v)) return "autoincrement";
  if (/^(current_timestamp|now)\b/i.test(v)) return "now";
  // PostgreSQL casts ('user'::character varying), quotes and parentheses around literals.
  v = v.replace(/::[\w\s]+(\(\d+\))?$/g, "");
  while (/^\(.*\)$/.test(v)) v = v.slice(1, -1);
  if (/^'.*'$/s.test(v)) v = v.slice(1, -1).replace(/''/g, "'");
  if (type === "bool") {
    if (/^(true|1|b'1')$/i.test(v)) return "boolean:true";
    if (/^(false|0|b'0')$/i.test(v)) return "boolean:false";
  }
  if (type === "int" || type === "float" || type === "decimal") {
    const n = Number(v);
    if (!Number.isNaN(n)) return `number:${n}`;
  }
  return `string:${v}`;
}

function sortDescription(tables: SchemaDescription): SchemaDescription {
  const out: SchemaDescription = {};
  for (const name of Object.keys(tables).sort()) {
    const t = tables[name];
    const columns: Record<string, ColumnDescription> = {};
    for (const c of Object.keys(t.columns).sort()) columns[c] = t.columns[c];
    const unique = t.unique.map((cols) => [...cols]).sort((a, b) => a.join(",").localeCompare(b.join(",")));
    const uniqueDedup = unique.filter((u, i) => i === 0 || u.join(",") !== unique[i - 1].join(","));
    const fkKey = (f: ForeignKeyDescription) => `${f.columns.join(",")}->${f.references}`;
    const foreignKeys = [...t.foreignKeys].sort((a, b) => fkKey(a).localeCompare(fkKey(b)));
    out[name] = { columns, primaryKey: t.primaryKey, unique: uniqueDedup, foreignKeys };
  }
  return out;
}

function rule(r: string | null | undefined): string {
  return (r ?? "NO ACTION").toUpperCase();
}

export async function introspect(url: string): Promise<SchemaDescription> {
  const engine: Engine = engineOf(url);
  if (engine === "sqlite") return introspectSqlite(url);
  if (engine === "postgresql") return introspectPostgres(url);
  return introspectMysql(url);
}

async function introspectSqlite(url: string): Promise<SchemaDescription> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(sqlitePath(url), { readonly: true });
  try {
    const tables: SchemaDescription = {};
    const names = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
      sql: string;
    }[];
    const virtual = names.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? "")).map((t) => t.name);
    const isSearchArtefact = (name: string) =>
      virtual.includes(name) || virtual.some((v) => FTS5_SHADOW_SUFFIXES.some((suffix) => name === `${v}${suffix}`));
    for (const { name, sql } of names) {
      if (IGNORED_TABLES.has(name) || isSearchArtefact(name)) continue;
      const cols = db.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').all(name) as {
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
      }[];
      const autoinc = /AUTOINCREMENT/i.test(sql);
      const columns: Record<string, ColumnDescription> = {};
      for (const c of cols) {
        const type = typeFamily(c.type);
        // An INTEGER PRIMARY KEY is the rowid: it is never null, whatever the declaration says.
        const isRowid = c.pk === 1 && cols.filter((x) => x.pk > 0).length === 1 && /^integer$/i.test(c.type);
        columns[c.name] = {
          type,
          nullable: c.notnull === 0 && !isRowid,
          default: normaliseDefault(c.dflt_value, type, isRowid && autoinc),
        };
      }
      const primaryKey = cols
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      const indexes = db.prepare('SELECT name, "unique", origin FROM pragma_index_list(?)').all(name) as {
        name: string;
        unique: number;
        origin: string;
      }[];
      const unique: string[][] = [];
      for (const ix of indexes) {
        if (!ix.unique || ix.origin === "pk") continue;
        const ixCols = db.prepare("SELECT name FROM pragma_index_info(?) ORDER BY seqno").all(ix.name) as { name: string }[];
        unique.push(ixCols.map((c) => c.name));
      }
      const fkRows = db
        .prepare('SELECT id, seq, "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq')
        .all(name) as {
        id: number;
        seq: number;
        table: string;
        from: string;
        to: string;
        on_update: string;
        on_delete: string;
      }[];
      const byId = new Map<number, typeof fkRows>();
      for (const r of fkRows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
      const foreignKeys = [...byId.values()].map((rows) => ({
        columns: rows.map((r) => r.from),
        references: `${rows[0].table}(${rows.map((r) => r.to).join(", ")})`,
        onDelete: rule(rows[0].on_delete),
        onUpdate: rule(rows[0].on_update),
      }));
      tables[name] = { columns, primaryKey, unique, foreignKeys };
    }
    return sortDescription(tables);
  } finally {
    db.close();
  }
}

async function introspectPostgres(url: string): Promise<SchemaDescription> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables: SchemaDescription = {};
    const { rows: cols } = await client.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity
       FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
    );
    const { rows: baseTables } = await client.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    const isTable = new Set(baseTables.map((r: { table_name: string }) => r.table_name));
    for (const c of cols) {
      if (IGNORED_TABLES.has(c.table_name) || !isTable.has(c.table_name) || isSearchVector(c.data_type)) continue;
      tables[c.table_name] ??= { columns: {}, primaryKey: [], unique: [], foreignKeys: [] };
      const type = typeFamily(c.data_type);
      const auto = c.is_identity === "YES" || /^nextval\(/.test(c.column_default ?? "");
      tables[c.table_name].columns[c.column_name] = {
        type,
        nullable: c.is_nullable === "YES",
        default: normaliseDefault(c.column_default, type, auto),
      };
    }
    const { rows: indexes } = await client.query(
      `SELECT t.relname AS table_name, ix.indisunique, ix.indisprimary,
              ARRAY(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(n, i)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n ORDER BY k.i)::text[] AS columns
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace ns ON ns.oid = t.relnamespace
       WHERE ns.nspname = current_schema() AND (ix.indisunique OR ix.indisprimary)`,
    );
    for (const ix of indexes) {
      const t = tables[ix.table_name];
      if (!t) continue;
      if (ix.indisprimary) t.primaryKey = ix.columns;
      else t.unique.push(ix.columns);
    }
    const { rows: fks } = await client.query(
      `SELECT t.relname AS table_name, r.relname AS ref_table, c.confdeltype, c.confupdtype,
              ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS columns,
              ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS ref_columns
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class r ON r.oid = c.confrelid
       JOIN pg_namespace ns ON ns.oid = c.connamespace
       WHERE c.contype = 'f' AND ns.nspname = current_schema()`,
    );
    const action: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };
    for (const fk of fks) {
      const t = tables[fk.table_name];
      if (!t) continue;
      t.foreignKeys.push({
        columns: fk.columns,
        references: `${fk.ref_table}(${fk.ref_columns.join(", ")})`,
        onDelete: action[fk.confdeltype],
        onUpdate: action[fk.confupdtype],
      });
    }
    return sortDescription(tables);
  } finally {
    await client.end();
  }
}

async function introspectMysql(url: string): Promise<SchemaDescription> {
  const mariadb = await import("mariadb");
  const { connectionLimit: _ignored, ...config } = mariadbConfig(url);
  const conn = await mariadb.createConnection(config);
  try {
    const tables: SchemaDescription = {};
    const cols = (await conn.query(
      `SELECT c.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name, c.COLUMN_TYPE AS column_type,
              c.IS_NULLABLE AS is_nullable, c.COLUMN_DEFAULT AS column_default, c.EXTRA AS extra
       FROM information_schema.COLUMNS c
       JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
       WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
       ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION`,
    )) as {
      table_name: string;
      column_name: string;
      column_type: string;
      is_nullable: string;
      column_default: string | null;
      extra: string;
    }[];
    for (const c of cols) {
      if (IGNORED_TABLES.has(c.table_name)) continue;
      tables[c.table_name] ??= { columns: {}, primaryKey: [], unique: [], foreignKeys: [] };
      const type = typeFamily(c.column_type);
      tables[c.table_name].columns[c.column_name] = {
        type,
        nullable: c.is_nullable === "YES",
        default: normaliseDefault(c.column_default, type, /auto_increment/i.test(c.extra)),
      };
    }
    const stats = (await conn.query(
      `SELECT TABLE_NAME AS table_name, INDEX_NAME AS index_name, NON_UNIQUE AS non_unique, COLUMN_NAME AS column_name
       FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
    )) as { table_name: string; index_name: string; non_unique: number | string; column_name: string }[];
    const indexes = new Map<string, { table: string; name: string; unique: boolean; columns: string[] }>();
    for (const s of stats) {
      const key = `${s.table_name}\u0000${s.index_name}`;
      const ix = indexes.get(key) ?? { table: s.table_name, name: s.index_name, unique: Number(s.non_unique) === 0, columns: [] };
      ix.columns.push(s.column_name);
      indexes.set(key, ix);
    }
    for (const ix of indexes.values()) {
      const t = tables[ix.table];
      if (!t) continue;
      if (ix.name === "PRIMARY") t.primaryKey = ix.columns;
      else if (ix.unique) t.unique.push(ix.columns);
    }
    const fks = (await conn.query(
      `SELECT k.TABLE_NAME AS table_name, k.CONSTRAINT_NAME AS constraint_name, k.COLUMN_NAME AS column_name,
              k.REFERENCED_TABLE_NAME AS ref_table, k.REFERENCED_COLUMN_NAME AS ref_column,
              r.DELETE_RULE AS delete_rule, r.UPDATE_RULE AS update_rule
       FROM information_schema.KEY_COLUMN_USAGE k
       JOIN information_schema.REFERENTIAL_CONSTRAINTS r
         ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
       WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
       ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
    )) as {
      table_name: string;
      constraint_name: string;
      column_name: string;
      ref_table: string;
      ref_column: string;
      delete_rule: string;
      update_rule: string;
    }[];
    const byName = new Map<string, typeof fks>();
    for (const f of fks) {
      const key = `${f.table_name}\u0000${f.constraint_name}`;
      byName.set(key, [...(byName.get(key) ?? []), f]);
    }
    for (const rows of byName.values()) {
      const t = tables[rows[0].table_name];
      if (!t) continue;
      t.foreignKeys.push({
        columns: rows.map((r) => r.column_name),
        references: `${rows[0].ref_table}(${rows.map((r) => r.ref_column).join(", ")})`,
        onDelete: rule(rows[0].delete_rule),
        onUpdate: rule(rows[0].update_rule),
      });
    }
    return sortDescription(tables);
  } finally {
    await conn.end();
  }
}

/** What prisma/schema.prisma implies: table names, and per table the column names, type families and nullability. */
export function describePrismaSchema(
  path = new URL("../../prisma/schema.prisma", import.meta.url),
): Record<string, Record<string, { type: TypeFamily; nullable: boolean }>> {
  const text = readFileSync(path, "utf8");
  const scalar: Record<string, TypeFamily> = {
    String: "string",
    Int: "int",
    BigInt: "int",
    Float: "float",
    Decimal: "decimal",
    Boolean: "bool",
    DateTime: "datetime",
    Json: "json",
  };
  const out: Record<string, Record<string, { type: TypeFamily; nullable: boolean }>> = {};
  for (const m of text.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const body = m[2].replace(/\/\/.*$/gm, "");
    const table = body.match(/@@map\("([^"]+)"\)/)?.[1] ?? m[1];
    const columns: Record<string, { type: TypeFamily; nullable: boolean }> = {};
    for (const line of body.split("\n")) {
      const f = line.match(/^\s+(\w+)\s+(\w+)(\?|\[\])?(.*)$/);
      if (!f || !(f[2] in scalar) || f[3] === "[]") continue;
      const column = f[4].match(/@map\("([^"]+)"\)/)?.[1] ?? f[1];
      columns[column] = { type: scalar[f[2]], nullable: f[3] === "?" };
    }
    out[table] = columns;
  }
  return out;
}

/** Human-readable differences between two descriptions (empty when they agree). */
export function diffDescriptions(a: SchemaDescription, b: SchemaDescription, aName = "a", bName = "b"): string[] {
  const out: string[] = [];
  for (const t of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!a[t]) {
      out.push(`table ${t} only in ${bName}`);
      continue;
    }
    if (!b[t]) {
      out.push(`table ${t} only in ${aName}`);
      continue;
    }
    for (const c of new Set([...Object.keys(a[t].columns), ...Object.keys(b[t].columns)])) {
      const x = JSON.stringify(a[t].columns[c]);
      const y = JSON.stringify(b[t].columns[c]);
      if (x !== y) out.push(`${t}.${c}: ${aName}=${x ?? "missing"} ${bName}=${y ?? "missing"}`);
    }
    for (const key of ["primaryKey", "unique", "foreignKeys"] as const) {
      const x = JSON.stringify(a[t][key]);
      const y = JSON.stringify(b[t][key]);
      if (x !== y) out.push(`${t} ${key}: ${aName}=${x} ${bName}=${y}`);
    }
  }
  return out;
}
