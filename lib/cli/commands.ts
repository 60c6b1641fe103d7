// The operators' command line (bin/warmdesk.mjs loads this through tsx). Each command returns an
// exit code: 0 done, 1 failed, 2 usage error (or "not possible for this engine, here is how").
import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Actor } from "../auth/actor.ts";
import { getConfig } from "../config.ts";
import { engineOf, sqlitePath } from "../db/engine.ts";
import { AppError, notFound } from "../errors.ts";
import { VERSION } from "../version.ts";

// The database client and the domain are loaded by the commands that need them, so that `help`,
// usage errors and backups start quickly.
const db = async () => (await import("../db/client.ts")).getDb();
const users = () => import("../users/users.ts");

export type CliIo = { out: (line: string) => void; err: (line: string) => void };

export const USAGE = `Usage: npm run warmdesk -- <command> [options]

Commands:
  migrate                                   apply pending database migrations
  create-user --email E --username U --password P [--admin]
                                            create a user (--admin: system administrator)
  reset-password --user <email|username> --password P
                                            set a new password and sign the user out everywhere
  create-api-key --user <email|username> [--project <slug>] [--name N]
                                            create an API key; the raw key is printed once
  cleanup                                   remove audit rows past their retention, expired
                                            sessions and reset tokens, stale sign-in throttles
                                            (the web app also does this hourly)
  cleanup-attachments [--days N]            remove files of attachments deleted more than N
                                            days ago (default 30) and files no row references
                                            (the web app also does this hourly)
  send-digests                              email the daily notification digest now
                                            (the web app also does this daily)
  run-jobs [--job NAME]                     run the periodic jobs once: contract budget alerts,
                                            due-date reminders, outbound webhook deliveries
                                            (the web app runs them every few minutes)
  import <format> <file> [--project P] [--dry-run] [--as USER] [--separator comma|semicolon|tab|pipe]
         [--date-order dmy|mdy] [--map field=Column,...]
                                            import a board (formats trello, wekan, kanboard, jira,
                                            csv, warmdesk) into the project P (slug or key), or
                                            Kimai time records (kimai: customers, projects, time);
                                            --dry-run shows what would happen and writes nothing;
                                            --as: the user who imports (default: the first admin)
  export <project> <file.zip|file.csv> [--as USER]
                                            export a project (slug or key): .zip = the archive that
                                            "import warmdesk" reads back; .csv = its cards
  backup <file.zip> [--portable] [--force]  online, consistent backup of the database and every
                                            uploaded file, on every engine (PostgreSQL/MySQL: with
                                            pg_dump/mysqldump when installed; --portable: WarmDesk's
                                            own format, restorable on any engine)
  backup <file.db> [--force]                SQLite: a copy of the database file alone (no files)
  restore <file.zip|file.db>                restore a backup into an empty database (SQLite: the
                                            database file is replaced; stop WarmDesk first; the
                                            current one is kept as <db>.before-restore-<time>)
  transfer --to <postgresql://…|mysql://…>  copy the whole instance into an empty database on
                                            another engine, verify the row counts; then point
                                            DATABASE_URL at it (files stay in DATA_DIR)
  version, --version                        print WarmDesk's version
  help                                      this text

Configuration comes from the environment (DATABASE_URL, DATA_DIR, ...), as for the server.`;

class UsageError extends Error {}

function options<T extends Record<string, { type: "string" | "boolean" }>>(args: string[], spec: T, positionals = 0) {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args, options: spec, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (parsed.positionals.length !== positionals) {
    throw new UsageError(
      positionals === 0 ? `unexpected argument: ${parsed.positionals[0]}` : `expected ${positionals} argument(s)`,
    );
  }
  return parsed as { values: { [K in keyof T]?: T[K]["type"] extends "boolean" ? boolean : string }; positionals: string[] };
}

function required<T>(value: T | undefined, flag: string): T {
  if (value === undefined || value === "") throw new UsageError(`missing --${flag}`);
  return value;
}

async function findUser(ref: string) {
  const user = await (await db()).user.findFirst({
    where: { OR: [{ email: ref.toLowerCase() }, { username: ref }], deletedAt: null },
    select: { id: true, username: true, role: true, isActive: true, language: true },
  });
  if (!user) throw notFound(`No user "${ref}"`);
  return user;
}

async function ensureMigrated(io: CliIo) {
  const { migrate } = await import("../db/migrate.ts");
  return migrate(getConfig().databaseUrl, { log: (l) => io.err(l) });
}

async function cmdMigrate(args: string[], io: CliIo) {
  options(args, {});
  const result = await ensureMigrated(io);
  io.out(
    result.applied.length
      ? `${result.engine}: applied ${result.applied.join(", ")}`
      : `${result.engine}: up to date (${result.alreadyApplied} migration(s) applied before)`,
  );
  return 0;
}

async function cmdCreateUser(args: string[], io: CliIo) {
  const { values } = options(args, {
    email: { type: "string" },
    username: { type: "string" },
    password: { type: "string" },
    admin: { type: "boolean" },
  });
  const email = required(values.email, "email");
  const username = required(values.username, "username");
  const password = required(values.password, "password");
  await ensureMigrated(io);
  const { createUser } = await users();
  const user = await createUser({ email, username, password, admin: values.admin ?? false });
  io.out(`created ${user.role === "admin" ? "administrator" : "user"} ${user.username} <${user.email}> (id ${user.id})`);
  return 0;
}

async function cmdResetPassword(args: string[], io: CliIo) {
  const { values } = options(args, { user: { type: "string" }, password: { type: "string" } });
  const ref = required(values.user, "user");
  const password = required(values.password, "password");
  await ensureMigrated(io);
  const { resetPassword } = await users();
  await resetPassword(ref, password);
  io.out(`password of ${ref} changed; their sessions were signed out`);
  return 0;
}

async function cmdCreateApiKey(args: string[], io: CliIo) {
  const { values } = options(args, { user: { type: "string" }, project: { type: "string" }, name: { type: "string" } });
  const ref = required(values.user, "user");
  await ensureMigrated(io);
  const user = await findUser(ref);
  let projectId: number | null = null;
  if (values.project !== undefined) {
    const { projectRole } = await import("../auth/access.ts");
    const project = await (await db()).project.findFirst({
      where: { slug: values.project, deletedAt: null },
      select: { id: true },
    });
    const actor: Actor = {
      userId: user.id,
      username: user.username,
      isAdmin: user.role === "admin",
      sessionId: null,
      apiKeyProjectId: null,
      language: user.language,
    };
    if (!project || !(await projectRole(actor, project.id))) {
      throw notFound(`No project "${values.project}" that ${user.username} can read`);
    }
    projectId = project.id;
  }
  const { createApiKey } = await import("../auth/api-keys.ts");
  const key = await createApiKey({ userId: user.id, projectId, ...(values.name ? { name: values.name } : {}) });
  io.err(
    `API key "${key.name}" for ${user.username}${projectId ? ` (project ${values.project} only)` : ""}; it is shown only now:`,
  );
  io.out(key.key);
  return 0;
}

async function cmdSendDigests(args: string[], io: CliIo) {
  options(args, {});
  await ensureMigrated(io);
  const { sendDigests } = await import("../notifications/notify.ts");
  const r = await sendDigests();
  io.out(`sent ${r.sent} digest email(s)`);
  return 0;
}

async function cmdRunJobs(args: string[], io: CliIo) {
  const { values } = options(args, { job: { type: "string" } });
  await ensureMigrated(io);
  const { JOBS, runJobsOnce } = await import("../jobs/jobs.ts");
  if (values.job !== undefined && !JOBS.some((j) => j.name === values.job)) {
    throw new UsageError(`unknown job "${values.job}" (jobs: ${JOBS.map((j) => j.name).join(", ")})`);
  }
  const results = await runJobsOnce(values.job ? [values.job] : undefined);
  for (const [name, r] of Object.entries(results)) io.out(`${name}: ${JSON.stringify(r)}`);
  return 0;
}

async function cmdCleanup(args: string[], io: CliIo) {
  options(args, {});
  await ensureMigrated(io);
  const { runCleanup } = await import("../audit/cleanup.ts");
  const r = await runCleanup();
  io.out(
    `removed ${r.auditLogs} audit row(s), ${r.sessions} session(s), ${r.resetTokens} reset token(s), ${r.loginThrottles} throttle row(s)`,
  );
  return 0;
}

async function cmdCleanupAttachments(args: string[], io: CliIo) {
  const { values } = options(args, { days: { type: "string" } });
  const days = values.days === undefined ? undefined : Number(values.days);
  if (days !== undefined && (!Number.isInteger(days) || days < 0 || days > 36500)) {
    throw new UsageError("--days must be a whole number of days (0 or more)");
  }
  await ensureMigrated(io);
  const { cleanupAttachments } = await import("../attachments/cleanup.ts");
  const r = await cleanupAttachments(days === undefined ? {} : { days });
  io.out(`removed ${r.expired} deleted attachment(s) and ${r.orphans} unreferenced file(s)`);
  return 0;
}

function sqliteFileOrHowTo(io: CliIo, what: "backup" | "restore"): string | null {
  const url = getConfig().databaseUrl;
  const engine = engineOf(url);
  if (engine === "sqlite") return resolve(sqlitePath(url));
  if (engine === "postgresql") {
    io.err(
      what === "backup"
        ? `A .db backup is an SQLite file. PostgreSQL: back up to a .zip (database via pg_dump, and every uploaded file), e.g.\n  npm run warmdesk -- backup warmdesk.zip\nor run pg_dump yourself:\n  pg_dump --format=custom --file=warmdesk.dump "${redact(url)}"`
        : `PostgreSQL: restore a .zip backup (npm run warmdesk -- restore warmdesk.zip), or a pg_dump file with pg_restore into an empty database, e.g.\n  pg_restore --clean --if-exists --no-owner --dbname="${redact(url)}" warmdesk.dump`,
    );
  } else {
    io.err(
      what === "backup"
        ? "A .db backup is an SQLite file. MySQL/MariaDB: back up to a .zip (database via mysqldump, and every uploaded file), e.g.\n  npm run warmdesk -- backup warmdesk.zip\nor run mysqldump yourself:\n  mysqldump --single-transaction --routines --host=HOST --user=USER -p DATABASE > warmdesk.sql"
        : "MySQL/MariaDB: restore with the mysql client, e.g.\n  mysql --host=HOST --user=USER -p DATABASE < warmdesk.sql",
    );
  }
  return null;
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "****";
    return u.toString();
  } catch {
    return "DATABASE_URL";
  }
}

async function cmdBackup(args: string[], io: CliIo) {
  const { values, positionals } = options(args, { force: { type: "boolean" }, portable: { type: "boolean" } }, 1);
  const target = resolve(positionals[0]);
  if (existsSync(target) && !values.force) throw new UsageError(`${target} exists (use --force to overwrite)`);
  if (!existsSync(dirname(target))) throw new UsageError(`directory ${dirname(target)} does not exist`);
  if (!/\.db$/i.test(target)) {
    await ensureMigrated(io);
    const { createBackup } = await import("../backup/backup.ts");
    const manifest = await createBackup(target, { portable: values.portable ?? false, log: io.err });
    const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
    io.out(
      `backed up ${rows} rows (${manifest.method}) and ${manifest.files.length} files to ${target} (${statSync(target).size} bytes)`,
    );
    return 0;
  }
  const source = sqliteFileOrHowTo(io, "backup");
  if (!source) return 2;
  if (!existsSync(source)) throw notFound(`No database at ${source}`);
  if (existsSync(target)) rmSync(target);
  const { snapshotSqlite } = await import("../backup/backup.ts");
  // VACUUM INTO: one read transaction, so it finishes while the app keeps writing.
  await snapshotSqlite(source, target);
  io.out(`backed up ${source} to ${target} (${statSync(target).size} bytes; uploaded files are not in a .db backup: use a .zip)`);
  return 0;
}

async function cmdTransfer(args: string[], io: CliIo) {
  const { values } = options(args, { to: { type: "string" } });
  const to = required(values.to, "to");
  if (!/^(postgres(ql)?|mysql|mariadb):\/\/|^file:/.test(to))
    throw new UsageError("--to must be a postgresql://, mysql:// or file: URL");
  await ensureMigrated(io);
  const { transferInstance } = await import("../backup/backup.ts");
  const { counts } = await transferInstance(to, { log: io.err });
  for (const [model, n] of Object.entries(counts)) if (n > 0) io.out(`  ${model.padEnd(22)} ${n}`);
  io.out(
    `transferred to ${redact(to)}; set DATABASE_URL to it and start WarmDesk (uploaded files stay in ${getConfig().dataDir})`,
  );
  return 0;
}

async function cmdRestore(args: string[], io: CliIo) {
  const { positionals } = options(args, {}, 1);
  const source = resolve(positionals[0]);
  if (/\.zip$/i.test(source)) {
    if (!existsSync(source)) throw new UsageError(`${source} does not exist`);
    const { restoreBackup } = await import("../backup/backup.ts");
    const { manifest, counts } = await restoreBackup(source, { log: io.err });
    io.out(
      `restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows and ${manifest.files.length} files from ${source} (backup of ${manifest.createdAt}, ${manifest.engine}/${manifest.method})`,
    );
    return 0;
  }
  const target = sqliteFileOrHowTo(io, "restore");
  if (!target) return 2;
  if (!existsSync(source)) throw new UsageError(`${source} does not exist`);
  if (source === target) throw new UsageError("the backup is the database itself");
  const { default: Database } = await import("better-sqlite3");
  // Is it a WarmDesk database? (SQLite file with our migrations table and users.) The check reads
  // it through SQLite, and so does the copy, so a backup in WAL mode with its -wal file is complete.
  const temp = `${target}.restore-tmp`;
  mkdirIfMissing(dirname(target));
  rmSync(temp, { force: true });
  try {
    const check = new Database(source, { readonly: true, fileMustExist: true });
    try {
      const tables = new Set(
        (check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name),
      );
      if (!tables.has("_prisma_migrations") || !tables.has("users")) throw new Error("no WarmDesk tables");
      const ok = check.pragma("quick_check", { simple: true });
      if (ok !== "ok") throw new Error(`integrity check: ${ok}`);
      await check.backup(temp);
    } finally {
      check.close();
    }
  } catch (e) {
    rmSync(temp, { force: true });
    throw new UsageError(`${source} is not a WarmDesk SQLite database (${(e as Error).message})`);
  }
  let kept: string | null = null;
  if (existsSync(target)) {
    kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    const current = new Database(target, { fileMustExist: true, timeout: 10_000 });
    try {
      await current.backup(kept);
    } finally {
      current.close();
    }
  }
  // The copy sits next to the target and is renamed over it; the old write-ahead log goes, so
  // that SQLite does not replay it onto the restored file.
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(temp, target);
  if (kept) io.err(`the previous database was saved as ${kept}`);
  io.out(`restored ${source} to ${target}; pending migrations are applied at the next start`);
  return 0;
}

function mkdirIfMissing(dir: string) {
  if (!existsSync(dir)) throw new UsageError(`directory ${dir} does not exist`);
}

/**
 * Used by the launcher before it starts the servers: migrations, then the first administrator
 * from WARMDESK_ADMIN_EMAIL / WARMDESK_ADMIN_PASSWORD when no user exists. Prints one JSON line.
 */
async function cmdPrepare(args: string[], io: CliIo) {
  options(args, {});
  const result = await ensureMigrated(io);
  const { createFirstAdmin, hasAnyUser } = await users();
  let createdAdmin: string | null = null;
  const email = process.env.WARMDESK_ADMIN_EMAIL?.trim();
  const password = process.env.WARMDESK_ADMIN_PASSWORD;
  if (!(await hasAnyUser()) && email && password) {
    const username = process.env.WARMDESK_ADMIN_USERNAME?.trim() || defaultUsername(email);
    try {
      const admin = await createFirstAdmin({ email, username, password });
      createdAdmin = admin.username;
      io.err(`created the first administrator ${admin.username} <${admin.email}>`);
    } catch (e) {
      if (!(e instanceof AppError && e.code === "conflict")) throw e;
    }
  } else if (!(await hasAnyUser()) && (email || password)) {
    io.err("WARMDESK_ADMIN_EMAIL and WARMDESK_ADMIN_PASSWORD must both be set to create the first administrator");
  }
  io.out(JSON.stringify({ engine: result.engine, applied: result.applied, createdAdmin, hasUsers: await hasAnyUser() }));
  return 0;
}

export function defaultUsername(email: string): string {
  const local = email
    .split("@")[0]
    .replace(/[^a-zA-Z0-9._-]/g, "")
    .replace(/^[._-]+/, "");
  return (local.length >= 2 ? local : `admin${local}`).slice(0, 32);
}

/** The project by slug, or by key when no slug matches (keys need not be unique: then say so). */
async function projectSlugFor(ref: string): Promise<string> {
  const db = await import("../db/client.ts").then((m) => m.getDb());
  const bySlug = await db.project.findFirst({ where: { slug: ref.toLowerCase(), deletedAt: null }, select: { slug: true } });
  if (bySlug) return bySlug.slug;
  const byKey = await db.project.findMany({ where: { key: ref.toUpperCase(), deletedAt: null }, select: { slug: true } });
  if (byKey.length === 1) return byKey[0].slug;
  if (byKey.length > 1)
    throw new UsageError(
      `several projects have the key ${ref.toUpperCase()}: ${byKey.map((p) => p.slug).join(", ")}; give the slug`,
    );
  throw notFound(`No project "${ref}"`);
}

/** The acting user of import/export: --as, or the first active administrator. */
async function cliActor(ref: string | undefined): Promise<Actor> {
  const db = await import("../db/client.ts").then((m) => m.getDb());
  const userRef =
    ref ??
    (
      await db.user.findFirst({
        where: { role: "admin", deletedAt: null, isActive: true },
        orderBy: { id: "asc" },
        select: { username: true },
      })
    )?.username;
  if (!userRef) throw new UsageError("no administrator exists: create one, or name the acting user with --as");
  const user = await findUser(userRef);
  return {
    userId: user.id,
    username: user.username,
    isAdmin: user.role === "admin",
    sessionId: null,
    apiKeyProjectId: null,
    language: user.language,
  };
}

async function cmdExport(args: string[], io: CliIo) {
  const { values, positionals } = options(args, { as: { type: "string" }, force: { type: "boolean" } }, 2);
  const target = resolve(positionals[1]);
  if (!/\.(zip|csv)$/i.test(target)) throw new UsageError("the file must end in .zip (archive) or .csv (cards)");
  if (existsSync(target) && !values.force) throw new UsageError(`${target} exists (use --force to overwrite)`);
  await ensureMigrated(io);
  const actor = await cliActor(values.as);
  const slug = await projectSlugFor(positionals[0]);
  const { exportProjectArchive, exportProjectCsv } = await import("../export/project.ts");
  const { writeFile, copyFile } = await import("node:fs/promises");
  if (/\.csv$/i.test(target)) {
    await writeFile(target, (await exportProjectCsv(actor, slug)).csv);
  } else {
    const archive = await exportProjectArchive(actor, slug);
    try {
      await copyFile(archive.path, target);
    } finally {
      await archive.remove();
    }
  }
  io.out(`exported ${slug} to ${target} (${statSync(target).size} bytes)`);
  return 0;
}

async function cmdImport(args: string[], io: CliIo) {
  const { values, positionals } = options(
    args,
    {
      project: { type: "string" },
      "dry-run": { type: "boolean" },
      as: { type: "string" },
      separator: { type: "string" },
      "date-order": { type: "string" },
      map: { type: "string" },
    },
    2,
  );
  const [format, path] = positionals;
  if (!existsSync(path)) throw new UsageError(`${path} does not exist`);
  await ensureMigrated(io);
  const db = await import("../db/client.ts").then((m) => m.getDb());
  const userRef =
    values.as ??
    (
      await db.user.findFirst({
        where: { role: "admin", deletedAt: null, isActive: true },
        orderBy: { id: "asc" },
        select: { username: true },
      })
    )?.username;
  if (!userRef) throw new UsageError("no administrator exists: create one, or name the importing user with --as");
  const user = await findUser(userRef);
  const actor: Actor = {
    userId: user.id,
    username: user.username,
    isAdmin: user.role === "admin",
    sessionId: null,
    apiKeyProjectId: null,
    language: user.language,
  };
  const mapping = values.map
    ? Object.fromEntries(
        values.map.split(",").map((pair) => {
          const at = pair.indexOf("=");
          if (at < 1) throw new UsageError(`--map takes field=Column pairs separated by commas, not "${pair}"`);
          return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
        }),
      )
    : undefined;
  const { runImport } = await import("../import/import.ts");
  const { reportLines } = await import("../import/report.ts");
  const project = values.project ? await projectSlugFor(values.project) : undefined;
  let shown = -1;
  const report = await runImport(
    actor,
    {
      format: format as never,
      ...(project ? { project } : {}),
      dryRun: values["dry-run"] ?? false,
      ...(values.separator ? { separator: values.separator as never } : {}),
      ...(values["date-order"] ? { dateOrder: values["date-order"] as never } : {}),
      ...(mapping ? { mapping } : {}),
    },
    { path: resolve(path) },
    (p) => {
      if (p.phase !== "importing" && p.phase !== "files") return;
      const percent = p.total ? Math.floor((p.done / p.total) * 10) * 10 : 100;
      if (percent === shown) return;
      shown = percent;
      io.err(`${p.phase === "files" ? "files" : "cards"}: ${p.done}/${p.total} (${percent} %)`);
    },
  );
  io.err(`imported as ${actor.username}`);
  for (const line of reportLines(report)) io.out(line);
  return 0;
}

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  import: cmdImport,
  export: cmdExport,
  migrate: cmdMigrate,
  "create-user": cmdCreateUser,
  "reset-password": cmdResetPassword,
  "create-api-key": cmdCreateApiKey,
  cleanup: cmdCleanup,
  "cleanup-attachments": cmdCleanupAttachments,
  "send-digests": cmdSendDigests,
  "run-jobs": cmdRunJobs,
  backup: cmdBackup,
  transfer: cmdTransfer,
  restore: cmdRestore,
  prepare: cmdPrepare,
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === "version" || command === "--version" || command === "-V") {
    io.out(VERSION);
    return 0;
  }
  if (!command || command === "help" || command === "--help" || command === "-h") {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(`unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  try {
    getConfig();
  } catch (e) {
    io.err((e as Error).message);
    return 2;
  }
  try {
    return await run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${command}: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof AppError) {
      const fields = (e.details as { fields?: { path: string; message: string }[] } | undefined)?.fields ?? [];
      io.err(`${command}: ${e.message}${fields.map((f) => `\n  ${f.path}: ${f.message}`).join("")}`);
      return e.code === "validation" ? 2 : 1;
    }
    io.err(`${command}: ${(e as Error).message}`);
    return 1;
  } finally {
    const g = globalThis as { __warmdeskDb?: { $disconnect(): Promise<void> } };
    await g.__warmdeskDb?.$disconnect().catch(() => {});
  }
}
