// The operators' command line, run for real as a child process against a temporary SQLite database.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorForApiKey } from "../../lib/auth/api-keys.ts";
import { verifyPassword } from "../../lib/auth/passwords.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { resetConfigForTests } from "../../lib/config.ts";
import { getDb } from "../../lib/db/client.ts";
import { closeDirect } from "../../lib/db/direct.ts";

const BIN = join(import.meta.dirname, "..", "..", "bin", "warmdesk.mjs");
let dir: string;
let dbFile: string;
let env: NodeJS.ProcessEnv;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

/** Reads the database file directly (not through the app), so a restore can be checked as it is on disk. */
function usernames(): string[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare("SELECT username FROM users ORDER BY id").all() as { username: string }[]).map((r) => r.username);
  } finally {
    db.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "warmdesk-cli-"));
  dbFile = join(dir, "warmdesk.db");
  env = { ...process.env, DATA_DIR: dir, DATABASE_URL: `file:${dbFile}` };
  delete env.REDIS_URL;
  // This process reads the same database for the checks.
  process.env.DATA_DIR = dir;
  process.env.DATABASE_URL = `file:${dbFile}`;
  resetConfigForTests();
});

afterAll(async () => {
  await getDb()
    .$disconnect()
    .catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

describe("warmdesk CLI", () => {
  it("prints usage and exits 2 without a command or with an unknown one", () => {
    const none = cli();
    expect(none.code).toBe(2);
    expect(none.out).toMatch(/create-api-key/);
    expect(cli("help").code).toBe(0);
    const unknown = cli("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command "frobnicate"/);
  });

  it("migrates, and a second run has nothing to do", () => {
    const first = cli("migrate");
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/sqlite: applied 0001_init/);
    const second = cli("migrate");
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/up to date/);
  });

  it("creates users, refuses duplicates and reports usage errors", async () => {
    const admin = cli(
      "create-user",
      "--email",
      "Root@Example.com",
      "--username",
      "root",
      "--password",
      "a long password 1",
      "--admin",
    );
    expect(admin.code).toBe(0);
    expect(admin.out).toMatch(/created administrator root <root@example.com>/);
    expect(cli("create-user", "--email", "ann@example.com", "--username", "ann", "--password", "a long password 2").code).toBe(0);
    const dup = cli("create-user", "--email", "root@example.com", "--username", "root2", "--password", "a long password 1");
    expect(dup.code).toBe(1);
    expect(dup.err).toMatch(/already exists/);
    const missing = cli("create-user", "--email", "x@example.com", "--username", "xx");
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/missing --password/);
    const short = cli("create-user", "--email", "y@example.com", "--username", "yy", "--password", "short");
    expect(short.code).toBe(2);
    expect(short.err).toMatch(/password/);
    expect(cli("create-user", "--bogus").code).toBe(2);
    const rows = await getDb().user.findMany({ orderBy: { id: "asc" }, select: { username: true, role: true, email: true } });
    expect(rows).toEqual([
      { username: "root", role: "admin", email: "root@example.com" },
      { username: "ann", role: "user", email: "ann@example.com" },
    ]);
  });

  it("resets a password", async () => {
    expect(cli("reset-password", "--user", "ann", "--password", "another long one").code).toBe(0);
    const ann = await getDb().user.findUniqueOrThrow({ where: { username: "ann" }, select: { passwordHash: true } });
    expect(await verifyPassword("another long one", ann.passwordHash)).toBe(true);
    expect(await verifyPassword("a long password 2", ann.passwordHash)).toBe(false);
    expect(cli("reset-password", "--user", "nobody", "--password", "another long one").code).toBe(1);
    expect(cli("reset-password", "--user", "ann").code).toBe(2);
  });

  it("creates API keys that authenticate, optionally limited to one project", async () => {
    const plain = cli("create-api-key", "--user", "ann@example.com", "--name", "ci bot");
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/^wd_[A-Za-z0-9_-]{40,}$/);
    const actor = await actorForApiKey(plain.out);
    expect(actor).toMatchObject({ username: "ann", isAdmin: false, apiKeyProjectId: null });

    const root = await actorForApiKey(cli("create-api-key", "--user", "root").out);
    expect(root).toMatchObject({ username: "root", isAdmin: true });
    const project = await createProject(root!, { name: "Gamma", key: "GAM" });
    const scoped = cli("create-api-key", "--user", "root", "--project", project.slug);
    expect(scoped.code).toBe(0);
    expect(await actorForApiKey(scoped.out)).toMatchObject({ username: "root", apiKeyProjectId: project.id });
    // ann cannot read that project: no key for it, and the answer does not say whether it exists.
    const refused = cli("create-api-key", "--user", "ann", "--project", project.slug);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe("");
    expect(cli("create-api-key", "--user", "nobody").code).toBe(1);
    expect(cli("create-api-key").code).toBe(2);
    expect(await actorForApiKey("wd_not-a-key")).toBeNull();
  });

  it("backs up and restores the SQLite database", async () => {
    // As an operator would stop WarmDesk first: this process lets go of the file.
    await getDb().$disconnect();
    await closeDirect();
    const backup = join(dir, "backup.db");
    const b = cli("backup", backup);
    expect(b.code).toBe(0);
    expect(b.out).toMatch(/backed up/);
    expect(cli("backup", backup).code).toBe(2); // exists: needs --force

    // Changes after the backup ...
    expect(cli("create-user", "--email", "late@example.com", "--username", "late", "--password", "a long password 3").code).toBe(
      0,
    );
    expect(usernames()).toEqual(["root", "ann", "late"]);

    // ... are gone after the restore, and the previous state was kept.
    const r = cli("restore", backup);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/before-restore-/);
    expect(usernames()).toEqual(["root", "ann"]);
    const kept = /saved as (\S+)/.exec(r.err)?.[1] as string;
    const keptDb = new Database(kept, { readonly: true });
    expect((keptDb.prepare("SELECT count(*) AS n FROM users").get() as { n: number }).n).toBe(3);
    keptDb.close();
    expect(cli("migrate").out).toMatch(/up to date/);

    // Not a WarmDesk database: refused, nothing changed.
    const junk = join(dir, "junk.db");
    writeFileSync(junk, "this is not sqlite");
    const other = join(dir, "other.db");
    new Database(other).exec("CREATE TABLE t (x INTEGER)");
    expect(cli("restore", junk).code).toBe(2);
    const refused = cli("restore", other);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/not a WarmDesk SQLite database/);
    expect(cli("restore", join(dir, "missing.db")).code).toBe(2);
    expect(usernames()).toEqual(["root", "ann"]);
  });

  it("explains .zip backups and pg_dump / mysqldump when a server database is backed up to a .db file, and exits 2", () => {
    const saved = env;
    try {
      env = { ...saved, DATABASE_URL: "postgresql://wd:secret@127.0.0.1:5432/warmdesk" };
      const pg = cli("backup", join(dir, "x.db"));
      expect(pg.code).toBe(2);
      expect(pg.err).toMatch(/pg_dump/);
      expect(pg.err).not.toMatch(/secret/);
      env = { ...saved, DATABASE_URL: "mysql://root@127.0.0.1:3306/warmdesk" };
      const my = cli("restore", join(dir, "x.sql"));
      expect(my.code).toBe(2);
      expect(my.err).toMatch(/mysql/);
    } finally {
      env = saved;
    }
  });
});
