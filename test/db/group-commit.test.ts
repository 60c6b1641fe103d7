// SQLite's durability (lib/db/direct.ts): with SQLITE_SYNCHRONOUS=full (the default) a transaction
// resolves only after a sync of the WAL that started after its COMMIT, and concurrent transactions
// share syncs (group commit); `normal` acknowledges at COMMIT without a sync. The syncs are watched
// at the file handle (a power loss cannot be simulated here; the ordering is what guarantees it).
import { open } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { resetConfigForTests } from "../../lib/config.ts";
import { Prisma } from "../../lib/db/client.ts";
import { closeDirect, exec, rows, run, transaction } from "../../lib/db/direct.ts";
import { type TestDatabase, useFreshDatabase } from "../helpers/db.ts";

type FileHandleProto = { datasync: () => Promise<void> };

async function watchSyncs(log: string[]) {
  const probe = await open(import.meta.filename, "r");
  const proto = Object.getPrototypeOf(probe) as FileHandleProto;
  await probe.close();
  const original = proto.datasync;
  proto.datasync = async function (this: unknown) {
    log.push("sync start");
    await original.call(this);
    log.push("sync end");
  };
  return () => {
    proto.datasync = original;
  };
}

describe("SQLite group commit", () => {
  let database: TestDatabase | null = null;
  let restore: (() => void) | null = null;
  afterEach(async () => {
    restore?.();
    await closeDirect();
    await database?.drop();
    delete process.env.SQLITE_SYNCHRONOUS;
    resetConfigForTests();
  });

  it("acknowledges a write only after a WAL sync that began after its commit, one sync for many writers", async () => {
    database = await useFreshDatabase("sqlite");
    const log: string[] = [];
    restore = await watchSyncs(log);
    const writes = Array.from({ length: 40 }, (_, i) =>
      transaction(function* () {
        yield* exec(
          Prisma.sql`INSERT INTO system_settings (\`key\`, value, updated_at) VALUES (${`k${i}`}, ${"v"}, ${new Date()})`,
        );
        log.push(`commit ${i}`);
        return i;
      }).then((i) => log.push(`ack ${i}`)),
    );
    await Promise.all(writes);
    const syncs = log.filter((l) => l === "sync start").length;
    expect(syncs).toBeGreaterThan(0);
    expect(syncs).toBeLessThan(40);
    for (let i = 0; i < 40; i++) {
      const committed = log.indexOf(`commit ${i}`);
      const acked = log.indexOf(`ack ${i}`);
      // Some sync started after the commit and ended before the acknowledgement.
      const covered = log.some((l, at) => l === "sync start" && at > committed && log.indexOf("sync end", at) < acked);
      expect(covered, `write ${i}`).toBe(true);
    }
    const [{ n }] = await run(() => rows<{ n: unknown }>(Prisma.sql`SELECT COUNT(*) AS n FROM system_settings`));
    expect(Number(n)).toBe(40);
  });

  it("passes a failed unit's error on and keeps the other writers' rows", async () => {
    database = await useFreshDatabase("sqlite");
    const results = await Promise.allSettled([
      transaction(function* () {
        yield* exec(Prisma.sql`INSERT INTO system_settings (\`key\`, value, updated_at) VALUES (${"a"}, ${"1"}, ${new Date()})`);
      }),
      transaction(function* () {
        yield* exec(Prisma.sql`INSERT INTO system_settings (\`key\`, value, updated_at) VALUES (${"b"}, ${"1"}, ${new Date()})`);
        throw new Error("refused");
      }),
      transaction(function* () {
        yield* exec(Prisma.sql`INSERT INTO system_settings (\`key\`, value, updated_at) VALUES (${"c"}, ${"1"}, ${new Date()})`);
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const keys = await run(() => rows<{ key: string }>(Prisma.sql`SELECT s.key FROM system_settings s ORDER BY s.key`));
    expect(keys.map((k) => k.key)).toEqual(["a", "c"]);
  });

  it("does not wait for a sync with SQLITE_SYNCHRONOUS=normal (the documented opt-in)", async () => {
    process.env.SQLITE_SYNCHRONOUS = "normal";
    resetConfigForTests();
    database = await useFreshDatabase("sqlite");
    const log: string[] = [];
    restore = await watchSyncs(log);
    await transaction(function* () {
      yield* exec(Prisma.sql`INSERT INTO system_settings (\`key\`, value, updated_at) VALUES (${"x"}, ${"1"}, ${new Date()})`);
    });
    expect(log).toEqual([]);
  });
});
