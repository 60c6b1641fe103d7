// The direct driver layer (lib/db/direct.ts) on every configured engine: values written by it read
// back the same through Prisma and the other way round, inserts return their id, a failing unit of
// work rolls back, and on SQLite it waits for (never deadlocks with) a Prisma transaction that
// holds the write lock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, Prisma } from "../../lib/db/client.ts";
import { closeDirect, exec, insert, rows, run, transaction } from "../../lib/db/direct.ts";
import { AppError } from "../../lib/errors.ts";
import { availableEngines, type TestDatabase, useFreshDatabase } from "../helpers/db.ts";

describe.each(availableEngines())("direct SQL on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await useFreshDatabase(engine);
  });
  afterAll(async () => {
    await closeDirect();
    await database?.drop();
  });

  it("writes dates and booleans as Prisma does, and reads Prisma's back", async () => {
    const at = new Date("2026-03-04T05:06:07.089Z");
    const id = await transaction(function* () {
      return yield* insert(Prisma.sql`
        INSERT INTO users (email, username, password_hash, role, language, theme, mfa_enabled, is_active, must_change_password, created_at, updated_at)
        VALUES (${"d@example.com"}, ${"direct"}, ${"x"}, ${"user"}, ${"en"}, ${"system"}, ${false}, ${true}, ${true}, ${at}, ${at})`);
    });
    expect(id).toBeGreaterThan(0);
    const viaPrisma = await getDb().user.findUniqueOrThrow({
      where: { id },
      select: { createdAt: true, isActive: true, mustChangePassword: true, mfaEnabled: true },
    });
    expect(viaPrisma).toEqual({ createdAt: at, isActive: true, mustChangePassword: true, mfaEnabled: false });

    const later = new Date("2027-01-02T03:04:05.006Z");
    await getDb().user.update({ where: { id }, data: { updatedAt: later } });
    const [row] = await run(function* () {
      return yield* rows<{ updated_at: unknown; is_active: unknown }>(
        Prisma.sql`SELECT updated_at, is_active FROM users WHERE id = ${id}`,
      );
    });
    const read = row.updated_at instanceof Date ? row.updated_at : new Date(String(row.updated_at));
    expect(read.toISOString()).toBe(later.toISOString());
    expect(Boolean(Number(row.is_active))).toBe(true);
    // Range comparisons on dates agree with what Prisma stored.
    const [{ n }] = await run(function* () {
      return yield* rows<{ n: unknown }>(
        Prisma.sql`SELECT COUNT(*) AS n FROM users WHERE updated_at > ${new Date(later.getTime() - 1)}`,
      );
    });
    expect(Number(n)).toBe(1);
  });

  it("rolls the whole unit back when it throws, and passes the error on", async () => {
    const before = await getDb().user.count();
    await expect(
      transaction(function* () {
        yield* exec(Prisma.sql`
          INSERT INTO users (email, username, password_hash, role, language, theme, mfa_enabled, is_active, must_change_password, created_at, updated_at)
          VALUES (${"r@example.com"}, ${"rolled"}, ${"x"}, ${"user"}, ${"en"}, ${"system"}, ${false}, ${true}, ${false}, ${new Date()}, ${new Date()})`);
        throw new AppError("conflict", "changed my mind");
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await getDb().user.count()).toBe(before);
  });

  it("lets the unit catch a failing statement and go on", async () => {
    const outcome = await transaction(function* () {
      try {
        yield* rows(Prisma.sql`SELECT no_such_column FROM users`);
        return "no error";
      } catch {
        const [{ n }] = yield* rows<{ n: unknown }>(Prisma.sql`SELECT COUNT(*) AS n FROM users`);
        return `caught, ${Number(n) >= 1}`;
      }
    }).catch((e: Error) => `aborted: ${e.message}`);
    // PostgreSQL aborts the transaction after an error; the others go on.
    if (engine === "postgresql") expect(outcome).toMatch(/^aborted/);
    else expect(outcome).toBe("caught, true");
  });

  it.runIf(engine === "sqlite")("waits for a Prisma transaction that holds the write lock instead of deadlocking", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => {
      locked = r;
    });
    const prismaTx = getDb().$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE users SET theme = ${"dark"} WHERE username = ${"direct"}`;
      locked();
      await held;
    });
    await isLocked;
    const order: string[] = [];
    const direct = transaction(function* () {
      yield* exec(Prisma.sql`UPDATE users SET theme = ${"light"} WHERE username = ${"direct"}`);
      return "direct done";
    }).then((r) => order.push(r));
    await new Promise((r) => setTimeout(r, 100));
    order.push("prisma releases");
    release();
    await prismaTx;
    await direct;
    expect(order).toEqual(["prisma releases", "direct done"]);
    expect((await getDb().user.findFirstOrThrow({ where: { username: "direct" } })).theme).toBe("light");
  });
});
