// The three engines must end up with the same schema after the migrations: same tables, columns
// (type family, nullability, default), primary keys, unique indexes and foreign keys. The MySQL
// migrations are translated from PostgreSQL's (Prisma cannot generate them offline), so this test
// is what keeps the three histories in lockstep.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../lib/db/engine.ts";
import { migrate } from "../../lib/db/migrate.ts";
import { availableEngines, createEmptyDatabase } from "../helpers/db.ts";
import { describePrismaSchema, diffDescriptions, introspect, type SchemaDescription } from "./introspect.ts";

const engines = availableEngines();
const described = new Map<Engine, SchemaDescription>();
const drops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  for (const engine of engines) {
    const { url, drop } = await createEmptyDatabase(engine);
    drops.push(drop);
    await migrate(url);
    described.set(engine, await introspect(url));
  }
});

afterAll(async () => {
  for (const drop of drops) await drop();
});

describe("schema parity", () => {
  it.each(engines)("%s: has every table prisma/schema.prisma declares, with its columns, types and nullability", (engine) => {
    const schema = describePrismaSchema();
    const actual = described.get(engine) as SchemaDescription;
    expect(Object.keys(actual).sort()).toEqual(Object.keys(schema).sort());
    for (const [table, columns] of Object.entries(schema)) {
      const got = Object.fromEntries(
        Object.entries(actual[table].columns).map(([name, c]) => [name, { type: c.type, nullable: c.nullable }]),
      );
      expect(got, `table ${table}`).toEqual(columns);
    }
  });

  it.each(engines)("%s: ids auto-increment and foreign keys and unique indexes exist", (engine) => {
    const actual = described.get(engine) as SchemaDescription;
    expect(actual.users.columns.id.default).toBe("autoincrement");
    expect(actual.users.unique).toContainEqual(["email"]);
    expect(actual.sessions.foreignKeys).toContainEqual({
      columns: ["user_id"],
      references: "users(id)",
      onDelete: "CASCADE",
      onUpdate: "CASCADE",
    });
    expect(actual.users.columns.created_at.default).toBe("now");
  });

  const pairs = engines.flatMap((a, i) => engines.slice(i + 1).map((b) => [a, b] as const));
  it.skipIf(pairs.length === 0).each(pairs)("%s and %s end up with the same schema", (a, b) => {
    const x = described.get(a) as SchemaDescription;
    const y = described.get(b) as SchemaDescription;
    expect(diffDescriptions(x, y, a, b)).toEqual([]);
    expect(x).toEqual(y);
  });

  it("detects a schema that differs (a column removed, a default changed, a foreign key action changed)", () => {
    const base = described.get("sqlite") as SchemaDescription;
    const withoutColumn = structuredClone(base);
    delete withoutColumn.cards.columns.title;
    expect(diffDescriptions(base, withoutColumn, "migrated", "altered")).toEqual([
      'cards.title: migrated={"type":"string","nullable":false,"default":"none"} altered=missing',
    ]);
    expect(withoutColumn).not.toEqual(base);

    const otherDefault = structuredClone(base);
    otherDefault.users.columns.role.default = "string:admin";
    expect(diffDescriptions(base, otherDefault)).toHaveLength(1);

    const otherAction = structuredClone(base);
    otherAction.sessions.foreignKeys[0].onDelete = "RESTRICT";
    expect(diffDescriptions(base, otherAction)).toHaveLength(1);

    const missingUnique = structuredClone(base);
    missingUnique.users.unique = missingUnique.users.unique.filter((u) => u.join() !== "email");
    expect(diffDescriptions(base, missingUnique)).toHaveLength(1);
  });

  it("detects a real database that drifted from the migrations", async () => {
    const { url, drop } = await createEmptyDatabase("sqlite");
    try {
      await migrate(url);
      const { default: Database } = await import("better-sqlite3");
      const db = new Database(url.replace(/^file:/, ""));
      db.exec('ALTER TABLE "users" DROP COLUMN "avatar"; DROP INDEX "users_username_key"');
      db.close();
      const drifted = await introspect(url);
      expect(diffDescriptions(described.get("sqlite") as SchemaDescription, drifted, "migrated", "drifted")).toEqual([
        'users.avatar: migrated={"type":"string","nullable":true,"default":"none"} drifted=missing',
        'users unique: migrated=[["email"],["username"]] drifted=[["email"]]',
      ]);
    } finally {
      await drop();
    }
  });
});
