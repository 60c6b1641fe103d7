// Upgrading in place from the first release: a database at migration 0001_init's schema, filled
// with that release's kind of data (fixture-0001.ts), is upgraded by the same start-up migration
// runner `npm start` uses, on every engine this run has (SQLite always; PostgreSQL and MySQL with
// TEST_POSTGRES_URL / TEST_MYSQL_URL). Then: every fixture row is still there with the same values,
// and the upgraded instance works with them (the API key, the password, the board in order, the
// card counter continuing, the time entries, the settings).
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { actorForApiKey } from "../../lib/auth/api-keys.ts";
import { verifyPassword } from "../../lib/auth/passwords.ts";
import { getBoard } from "../../lib/boards/board.ts";
import { createCard } from "../../lib/boards/cards.ts";
import { resetConfigForTests } from "../../lib/config.ts";
import { Prisma } from "../../lib/db/client.ts";
import { asDate, closeDirect, exec, rows, run } from "../../lib/db/direct.ts";
import type { Engine } from "../../lib/db/engine.ts";
import { migrate, readMigrations } from "../../lib/db/migrate.ts";
import { setPublishSink } from "../../lib/realtime/publish.ts";
import { getInstanceName } from "../../lib/settings/instance-name.ts";
import { availableEngines, createEmptyDatabase } from "../helpers/db.ts";
import { FIXTURE, FIXTURE_API_KEY, FIXTURE_PASSWORD, type Row } from "./fixture-0001.ts";

/** Columns a later migration converted: where the value went, and what it became. */
const RENAMED: Record<string, { to: string; value: (old: Row[string]) => unknown }> = {
  // 0003_time_tracking: a contract's hours became minutes.
  "contracts.hours": { to: "contracted_minutes", value: (hours) => Math.round(Number(hours) * 60) },
};

const quote = (engine: Engine, name: string) => (engine === "mysql" ? `\`${name}\`` : `"${name}"`);

/** A migrations folder holding only the first release's migration, for `migrate(url, { dir })`. */
function firstReleaseMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), "warmdesk-first-release-"));
  for (const engine of ["sqlite", "postgresql", "mysql"] as const) {
    const [first] = readMigrations(engine);
    cpSync(join(import.meta.dirname, "../../prisma/migrations", engine, first.name), join(dir, engine, first.name), {
      recursive: true,
    });
  }
  return dir;
}

/** What a stored value means, whatever the engine handed back (booleans as 0/1, dates as text, …). */
function normal(value: unknown, like: Row[string]): unknown {
  if (value === null || value === undefined) return null;
  if (like instanceof Date) return asDate(value).toISOString();
  if (typeof like === "boolean") return Boolean(Number(value));
  if (typeof like === "number") return Number(value);
  return String(value);
}

const expected = (like: Row[string]) => (like instanceof Date ? like.toISOString() : like);

const cleanups: (() => Promise<void>)[] = [];
// No sidecar here: what the domain publishes is dropped.
setPublishSink(async () => {});
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

describe.each(availableEngines())("upgrade in place from the first release (%s)", (engine) => {
  it("keeps every row and value, and the upgraded instance works with them", async () => {
    const first = firstReleaseMigrations();
    cleanups.push(async () => rmSync(first, { recursive: true, force: true }));
    const { url, drop } = await createEmptyDatabase(engine);
    cleanups.push(drop);
    cleanups.push(() => closeDirect(url));

    // 1. The first release's database.
    const initial = await migrate(url, { dir: first });
    expect(initial.applied).toEqual(["0001_init"]);
    process.env.DATABASE_URL = url;
    process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "warmdesk-upgrade-data-"));
    resetConfigForTests();
    const q = (name: string) => Prisma.raw(quote(engine, name));
    await run(function* () {
      for (const [table, list] of FIXTURE) {
        for (const row of list) {
          const names = Object.keys(row);
          yield* exec(
            Prisma.sql`INSERT INTO ${q(table)} (${Prisma.join(names.map(q))}) VALUES (${Prisma.join(names.map((n) => row[n]))})`,
          );
        }
      }
      // PostgreSQL's sequences do not move for explicit ids: as the first release's own inserts would have.
      if (engine === "postgresql") {
        for (const [table] of FIXTURE) {
          yield* rows(Prisma.sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT MAX(id) FROM ${q(table)}))`);
        }
      }
    });
    await closeDirect(url);

    // 2. The upgrade, exactly as `npm start` runs it.
    const upgrade = await migrate(url, { log: (l) => console.log(`upgrade (${engine}): ${l}`) });
    const all = readMigrations(engine).map((m) => m.name);
    expect(upgrade.applied).toEqual(all.slice(1));
    expect((await migrate(url)).applied).toEqual([]);

    // 3. Nothing lost: every row, every value the first release wrote.
    for (const [table, list] of FIXTURE) {
      const stored = await run(function* () {
        return yield* rows<Record<string, unknown>>(Prisma.sql`SELECT * FROM ${q(table)} ORDER BY id`);
      });
      expect(stored.length, `${table}: row count`).toBe(list.length);
      list.forEach((row, i) => {
        for (const [column, value] of Object.entries(row)) {
          const renamed = RENAMED[`${table}.${column}`];
          if (renamed) {
            expect(normal(stored[i][renamed.to], 0), `${table}.${column} → ${renamed.to}`).toEqual(renamed.value(value));
            continue;
          }
          expect(normal(stored[i][column], value), `${table}.${column} of row ${row.id}`).toEqual(expected(value));
        }
      });
    }

    // 4. The upgraded instance works with the old data.
    const bert = await actorForApiKey(FIXTURE_API_KEY);
    expect(bert).toMatchObject({ userId: 2, username: "bert", isAdmin: false });
    const hash = await run(function* () {
      const [u] = yield* rows<{ password_hash: string }>(Prisma.sql`SELECT password_hash FROM users WHERE id = 1`);
      return u.password_hash;
    });
    expect(await verifyPassword(FIXTURE_PASSWORD, hash)).toBe(true);
    const board = await getBoard(bert as NonNullable<typeof bert>, "launch");
    expect(board.columns.map((c: { name: string }) => c.name)).toEqual(["To do", "Doing", "Done"]);
    const todo = board.columns[0] as { cards: { key: string; title: string }[] };
    expect(todo.cards.map((c) => c.key)).toEqual(["LAU-1", "LAU-2"]);
    const created = await createCard(bert as NonNullable<typeof bert>, "launch", { title: "After the upgrade" });
    expect(created).toMatchObject({ number: 4, key: "LAU-4" });
    expect(await getInstanceName()).toBe("Fixture Desk");
  });
});
