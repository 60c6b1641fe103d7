// `warmdesk backup`, `restore` and `transfer`: one archive with the database and every uploaded
// file, taken while people work.
//
// The database part is a consistent snapshot on every engine:
// - SQLite: `VACUUM INTO` a new file, one read transaction. (The online backup API that this
//   replaced restarts its page copy whenever another connection commits; under a steady stream of
//   writes it took 34 s instead of 2 s, and on a larger database it may never finish.)
// - PostgreSQL / MySQL: `pg_dump` (custom format) / `mysqldump --single-transaction` when the tool
//   is installed, else WarmDesk's portable export: every row through Prisma inside one
//   REPEATABLE READ transaction, written as JSON lines, restorable on any engine.
// Files are copied after the snapshot: stored files are never changed once written (new ones get
// new names), so every file the snapshot references is there.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import Database from "better-sqlite3";
import { getConfig } from "../config.ts";
import { createDb, type Db, mariadbConfig } from "../db/client.ts";
import { type Engine, engineOf, sqlitePath } from "../db/engine.ts";
import { migrate } from "../db/migrate.ts";
import { AppError } from "../errors.ts";
import { countRows, MODELS, type Model, type RowCounts, readRows, resetSequences, TABLES, writeRows } from "./copy.ts";
import { openZip, readEntry, ZipWriter } from "./zip.ts";

export type BackupMethod = "sqlite" | "pg_dump" | "mysqldump" | "portable";
export type Manifest = {
  format: "warmdesk-backup";
  version: 1;
  createdAt: string;
  engine: Engine;
  method: BackupMethod;
  database: string;
  counts: RowCounts;
  files: { path: string; size: number; sha256: string }[];
};

type Log = (line: string) => void;

/** The folders of DATA_DIR that hold uploaded files (thumbnails are made again on demand). */
const FILE_FOLDERS = ["attachments", "avatars", "branding"];
const SECRET_FILE = "auth-secret";

export const hasTool = (tool: string) => spawnSync(tool, ["--version"], { stdio: "ignore" }).status === 0;

function run(
  command: string,
  args: string[],
  options: { env?: Record<string, string>; stdout?: string; stdin?: string } = {},
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...options.env },
      stdio: ["pipe", options.stdout ? "pipe" : "ignore", "pipe"],
    });
    let err = "";
    child.stderr?.on("data", (d) => {
      err += d;
    });
    const out =
      options.stdout && child.stdout ? pipeline(child.stdout, createWriteStream(options.stdout, { mode: 0o600 })) : null;
    if (options.stdin && child.stdin) createReadStream(options.stdin).pipe(child.stdin);
    else child.stdin?.end();
    child.on("error", reject);
    child.on("close", async (code) => {
      await out?.catch(() => undefined);
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} failed (${code}): ${err.trim().slice(0, 500)}`));
    });
  });
}

const sha256 = async (path: string) => {
  const hash = createHash("sha256");
  await pipeline(createReadStream(path), hash);
  return hash.digest("hex");
};

async function listFiles(dataDir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string) => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (relative(dataDir, full) !== join("attachments", "thumbs")) await walk(full);
      } else if (e.isFile() && !e.name.endsWith(".tmp")) found.push(relative(dataDir, full).split(sep).join("/"));
    }
  };
  for (const folder of FILE_FOLDERS) await walk(join(dataDir, folder));
  if (existsSync(join(dataDir, SECRET_FILE))) found.push(SECRET_FILE);
  return found.sort();
}

/** A consistent copy of a live SQLite database (one read transaction; finishes under any write load). */
export async function snapshotSqlite(dbPath: string, target: string): Promise<void> {
  const live = new Database(dbPath, { fileMustExist: true, timeout: 10_000 });
  try {
    live.prepare("VACUUM INTO ?").run(target);
  } finally {
    live.close();
  }
}

function sqliteCounts(path: string): RowCounts {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(
      MODELS.map((m) => [m, Number((db.prepare(`SELECT COUNT(*) AS n FROM "${TABLES[m]}"`).get() as { n: number }).n)]),
    );
  } finally {
    db.close();
  }
}

/** Prisma's SQLite client types know only Serializable; PostgreSQL and MySQL take REPEATABLE READ (a snapshot). */
const SNAPSHOT = { isolationLevel: "RepeatableRead" as never, timeout: 3_600_000, maxWait: 60_000 };

// Values JSON has no form for are tagged: dates ({ $date: ISO }) and big integers ({ $bigint: "…" },
// money totals in minor units).
const DATE = "$date";
const BIGINT = "$bigint";
const toJson = (row: Record<string, unknown>) =>
  JSON.stringify(row, function (key, value) {
    const raw = (this as Record<string, unknown>)[key];
    if (raw instanceof Date) return { [DATE]: raw.toISOString() };
    return typeof raw === "bigint" ? { [BIGINT]: raw.toString() } : value;
  });
const fromJson = (line: string) =>
  JSON.parse(line, (_k, v) => {
    if (!v || typeof v !== "object" || Object.keys(v).length !== 1) return v;
    if (DATE in v) return new Date(v[DATE]);
    return BIGINT in v ? BigInt(v[BIGINT]) : v;
  });

/** Every row of the database at one moment (REPEATABLE READ), as JSON lines `{ m, r }`. */
async function portableExport(db: Db, target: string): Promise<RowCounts> {
  const counts: RowCounts = Object.fromEntries(MODELS.map((m) => [m, 0]));
  const out = createWriteStream(target, { mode: 0o600 });
  await db.$transaction(async (tx: object) => {
    for await (const { model, rows } of readRows(tx)) {
      for (const r of rows) {
        if (!out.write(`${JSON.stringify({ m: model })}\t${toJson(r)}\n`))
          await new Promise<void>((res) => out.once("drain", () => res()));
      }
      counts[model] += rows.length;
    }
  }, SNAPSHOT);
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
  return counts;
}

async function* portableRows(lines: AsyncIterable<string>): AsyncGenerator<{ model: Model; rows: Record<string, unknown>[] }> {
  let model: Model | null = null;
  let rows: Record<string, unknown>[] = [];
  for await (const line of lines) {
    if (!line) continue;
    const tab = line.indexOf("\t");
    const m = JSON.parse(line.slice(0, tab)).m as Model;
    if (!MODELS.includes(m)) throw new AppError("validation", `The backup has rows of an unknown table "${m}".`);
    if (model !== m || rows.length >= 500) {
      if (model && rows.length) yield { model, rows };
      model = m;
      rows = [];
    }
    rows.push(fromJson(line.slice(tab + 1)));
  }
  if (model && rows.length) yield { model, rows };
}

export async function createBackup(target: string, options: { portable?: boolean; log?: Log } = {}): Promise<Manifest> {
  const log = options.log ?? (() => {});
  const { databaseUrl, dataDir } = getConfig();
  const engine = engineOf(databaseUrl);
  const temp = await mkdtemp(join(tmpdir(), "warmdesk-backup-"));
  try {
    let method: BackupMethod;
    let database: string;
    let counts: RowCounts;
    const started = Date.now();
    if (engine === "sqlite") {
      method = "sqlite";
      database = "database/warmdesk.db";
      await snapshotSqlite(resolve(sqlitePath(databaseUrl)), join(temp, "db"));
      counts = sqliteCounts(join(temp, "db"));
    } else if (engine === "postgresql" && !options.portable && hasTool("pg_dump")) {
      method = "pg_dump";
      database = "database/postgresql.dump";
      const db = createDb(databaseUrl);
      counts = await countRows(db);
      await db.$disconnect();
      await run("pg_dump", [
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        `--file=${join(temp, "db")}`,
        `--dbname=${databaseUrl}`,
      ]);
    } else if (engine === "mysql" && !options.portable && hasTool("mysqldump")) {
      method = "mysqldump";
      database = "database/mysql.sql";
      const c = mariadbConfig(databaseUrl);
      const db = createDb(databaseUrl);
      counts = await countRows(db);
      await db.$disconnect();
      await run(
        "mysqldump",
        [
          "--single-transaction",
          "--routines",
          "--no-tablespaces",
          "--skip-lock-tables",
          `--host=${c.host}`,
          `--port=${c.port}`,
          `--user=${c.user}`,
          c.database,
        ],
        { env: { MYSQL_PWD: c.password }, stdout: join(temp, "db") },
      );
    } else {
      method = "portable";
      database = "database/rows.jsonl";
      const db = createDb(databaseUrl);
      try {
        counts = await portableExport(db, join(temp, "db"));
      } finally {
        await db.$disconnect();
      }
    }
    log(`database: ${method} snapshot in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const files = [];
    for (const path of await listFiles(dataDir)) {
      const full = join(dataDir, path);
      const copy = join(temp, "files", path);
      await mkdir(dirname(copy), { recursive: true });
      // A copy first: the hash and the archive see the same bytes.
      await copyFile(full, copy);
      files.push({ path, size: (await stat(copy)).size, sha256: await sha256(copy) });
    }
    const manifest: Manifest = {
      format: "warmdesk-backup",
      version: 1,
      createdAt: new Date().toISOString(),
      engine,
      method,
      database,
      counts,
      files,
    };
    const partial = `${target}.partial`;
    const zip = new ZipWriter(partial);
    zip.addText(`${JSON.stringify(manifest, null, 1)}\n`, "manifest.json");
    zip.addFile(join(temp, "db"), database);
    for (const f of files) zip.addFile(join(temp, "files", f.path), `files/${f.path}`);
    await zip.close();
    await rename(partial, target);
    log(`files: ${files.length} (${files.reduce((n, f) => n + f.size, 0)} bytes)`);
    return manifest;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** Is a migrated (or not yet migrated) database free of WarmDesk rows? */
async function isEmpty(url: string): Promise<{ empty: boolean; counts: RowCounts }> {
  await migrate(url);
  const db = createDb(url);
  try {
    const counts = await countRows(db);
    return { empty: Object.values(counts).every((n) => n === 0), counts };
  } finally {
    await db.$disconnect();
  }
}

const refuseNonEmpty = (counts: RowCounts, what: string) => {
  const rows = Object.entries(counts).filter(([, n]) => n > 0);
  throw new AppError(
    "conflict",
    `${what} is not empty (${rows
      .slice(0, 5)
      .map(([m, n]) => `${TABLES[m as Model]}: ${n}`)
      .join(", ")}${rows.length > 5 ? ", …" : ""}). Use a new, empty database.`,
  );
};

export async function readManifest(path: string): Promise<Manifest> {
  let zip: Awaited<ReturnType<typeof openZip>>;
  try {
    zip = await openZip(path);
  } catch (e) {
    throw new AppError("validation", `${path} is not a WarmDesk backup archive (${(e as Error).message}).`);
  }
  try {
    const entry = zip.entries.get("manifest.json");
    if (!entry) throw new AppError("validation", `${path} is not a WarmDesk backup: it has no manifest.json.`);
    const manifest = JSON.parse((await readEntry(entry, 50_000_000)).toString("utf8")) as Manifest;
    if (manifest.format !== "warmdesk-backup" || manifest.version !== 1)
      throw new AppError("validation", `${path} is not a WarmDesk backup (format ${manifest.format}).`);
    return manifest;
  } finally {
    zip.close();
  }
}

/**
 * Restores an archive into the configured database, which must be empty (SQLite: the file is
 * replaced, the previous one kept beside it), and its files into DATA_DIR, checking their hashes.
 */
export async function restoreBackup(
  source: string,
  options: { log?: Log } = {},
): Promise<{ manifest: Manifest; counts: RowCounts }> {
  const log = options.log ?? (() => {});
  const manifest = await readManifest(source);
  const { databaseUrl, dataDir } = getConfig();
  const engine = engineOf(databaseUrl);
  const zip = await openZip(source);
  const temp = await mkdtemp(join(tmpdir(), "warmdesk-restore-"));
  try {
    const dbEntry = zip.entries.get(manifest.database);
    if (!dbEntry) throw new AppError("validation", `The backup lacks its database (${manifest.database}).`);
    const dbFile = join(temp, "db");
    await pipeline(await dbEntry.open(), createWriteStream(dbFile, { mode: 0o600 }));

    if (manifest.method === "sqlite" && engine === "sqlite") {
      const target = resolve(sqlitePath(databaseUrl));
      await migrate(`file:${dbFile}`);
      if (existsSync(target)) {
        const kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
        await snapshotSqlite(target, kept);
        log(`the previous database was saved as ${kept}`);
      }
      for (const suffix of ["-wal", "-shm", "-journal"]) await rm(`${target}${suffix}`, { force: true });
      await mkdir(dirname(target), { recursive: true });
      await copyFile(dbFile, `${target}.restore-tmp`);
      await rename(`${target}.restore-tmp`, target);
    } else if (manifest.method === "pg_dump") {
      if (engine !== "postgresql")
        throw new AppError(
          "validation",
          "This backup was made with pg_dump: restore it into PostgreSQL, or make a portable one (backup --portable).",
        );
      const db = createDb(databaseUrl);
      const tables = await db.$queryRawUnsafe<{ n: unknown }[]>(
        `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()`,
      );
      await db.$disconnect();
      if (Number(tables[0].n) > 0)
        throw new AppError("conflict", "The target database is not empty: pg_restore needs a new, empty database.");
      await run("pg_restore", ["--no-owner", "--no-privileges", `--dbname=${databaseUrl}`, dbFile]);
    } else if (manifest.method === "mysqldump") {
      if (engine !== "mysql")
        throw new AppError(
          "validation",
          "This backup was made with mysqldump: restore it into MySQL/MariaDB, or make a portable one (backup --portable).",
        );
      const c = mariadbConfig(databaseUrl);
      const db = createDb(databaseUrl);
      const tables = await db.$queryRawUnsafe<{ n: unknown }[]>(
        `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE()`,
      );
      await db.$disconnect();
      if (Number(tables[0].n) > 0)
        throw new AppError(
          "conflict",
          "The target database is not empty: restore a mysqldump backup into a new, empty database.",
        );
      await run("mysql", [`--host=${c.host}`, `--port=${c.port}`, `--user=${c.user}`, c.database], {
        env: { MYSQL_PWD: c.password },
        stdin: dbFile,
      });
    } else {
      const state = await isEmpty(databaseUrl);
      if (!state.empty) refuseNonEmpty(state.counts, "The target database");
      const db = createDb(databaseUrl);
      try {
        if (manifest.method === "sqlite") {
          // An SQLite backup into PostgreSQL or MySQL: brought up to date, then copied row by row.
          await migrate(`file:${dbFile}`);
          const src = createDb(`file:${dbFile}`);
          try {
            await writeRows(db, readRows(src));
          } finally {
            await src.$disconnect();
          }
        } else {
          const lines = createInterface({ input: createReadStream(dbFile, "utf8"), crlfDelay: Number.POSITIVE_INFINITY });
          await writeRows(db, portableRows(lines));
        }
        await resetSequences(db, engine);
      } finally {
        await db.$disconnect();
      }
      await migrate(databaseUrl);
    }
    await migrate(databaseUrl);

    const root = resolve(dataDir);
    for (const f of manifest.files) {
      const entry = zip.entries.get(`files/${f.path}`);
      const target = resolve(root, f.path);
      if (
        !entry ||
        !target.startsWith(root + sep) ||
        !(f.path === SECRET_FILE || FILE_FOLDERS.some((d) => f.path.startsWith(`${d}/`)))
      ) {
        throw new AppError("validation", `The backup's file list is damaged at ${f.path}.`);
      }
      const staged = join(temp, "file");
      await pipeline(await entry.open(), createWriteStream(staged, { mode: 0o640 }));
      if ((await sha256(staged)) !== f.sha256)
        throw new AppError("validation", `The file ${f.path} in the backup is damaged (checksum).`);
      if (f.path === SECRET_FILE && existsSync(target)) {
        const current = (await readFile(target, "utf8")).trim();
        if (current !== (await readFile(staged, "utf8")).trim()) {
          await rename(target, `${target}.before-restore-${Date.now()}`);
          log(
            "auth-secret: the backup's secret replaces this instance's (the old one was kept beside it); set AUTH_SECRET to it if you set it by environment",
          );
        }
      }
      await mkdir(dirname(target), { recursive: true });
      await copyFile(staged, target);
    }
    const check = createDb(databaseUrl);
    const counts = await countRows(check);
    await check.$disconnect();
    const differ = MODELS.filter((m) => (manifest.counts[m] ?? 0) !== counts[m]);
    if (differ.length)
      throw new AppError(
        "conflict",
        `Restored, but the row counts differ from the backup's: ${differ.map((m) => `${TABLES[m]} ${counts[m]}/${manifest.counts[m]}`).join(", ")}.`,
      );
    log(`restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows and ${manifest.files.length} files`);
    return { manifest, counts };
  } finally {
    zip.close();
    await rm(temp, { recursive: true, force: true });
  }
}

/**
 * Copies the whole instance (DATABASE_URL) into an empty database at `toUrl` (another engine):
 * every table, id sequences past the highest id, card counters as they are; row counts verified.
 */
export async function transferInstance(toUrl: string, options: { log?: Log } = {}): Promise<{ counts: RowCounts }> {
  const log = options.log ?? (() => {});
  const { databaseUrl } = getConfig();
  const engine = engineOf(toUrl);
  if (toUrl === databaseUrl) throw new AppError("validation", "The target is the current database.");
  const target = await isEmpty(toUrl);
  if (!target.empty) refuseNonEmpty(target.counts, "The target database");
  const dst = createDb(toUrl);
  const temp = await mkdtemp(join(tmpdir(), "warmdesk-transfer-"));
  try {
    let source: RowCounts;
    const copied: RowCounts = {};
    const progress = (model: Model, n: number) => {
      copied[model] = (copied[model] ?? 0) + n;
    };
    if (engineOf(databaseUrl) === "sqlite") {
      await snapshotSqlite(resolve(sqlitePath(databaseUrl)), join(temp, "db"));
      const src = createDb(`file:${join(temp, "db")}`);
      try {
        source = await countRows(src);
        await writeRows(dst, readRows(src), progress);
      } finally {
        await src.$disconnect();
      }
    } else {
      const src = createDb(databaseUrl);
      try {
        source = await src.$transaction(async (tx: object) => {
          const counts = await countRows(tx);
          await writeRows(dst, readRows(tx), progress);
          return counts;
        }, SNAPSHOT);
      } finally {
        await src.$disconnect();
      }
    }
    await resetSequences(dst, engine);
    const counts = await countRows(dst);
    const differ = MODELS.filter((m) => counts[m] !== source[m]);
    if (differ.length)
      throw new AppError(
        "conflict",
        `Copied, but the row counts differ: ${differ.map((m) => `${TABLES[m]} ${counts[m]}/${source[m]}`).join(", ")}.`,
      );
    log(`copied ${Object.values(counts).reduce((a, b) => a + b, 0)} rows in ${MODELS.length} tables; row counts verified`);
    return { counts };
  } finally {
    await dst.$disconnect();
    await rm(temp, { recursive: true, force: true });
  }
}

export { writeFile };
