// Settings are cached in a web process only while its invalidation feed from the sidecar is
// connected, and a change made in one process applies at once in every other one (two real
// processes, a real sidecar; with TEST_REDIS_URL also two sidecars joined through Redis).
import { type ChildProcess, fork } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor.ts";
import { isCaching, startInvalidationFeed, stopInvalidationFeed } from "../../lib/cache/invalidation.ts";
import { resetConfigForTests } from "../../lib/config.ts";
import { getSetting, updateSettings } from "../../lib/settings/settings.ts";
import { createUser } from "../../lib/users/users.ts";
import { type RealtimeServer, startRealtime } from "../../server/realtime.ts";
import { type TestDatabase, useFreshDatabase } from "../helpers/db.ts";

/** Waits (bounded) until `check` holds; fails the test otherwise. */
async function until(check: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

type Answer = { value: unknown; caching: boolean };

function startOtherProcess(internalUrl: string): Promise<{ child: ChildProcess; ask: (key: string) => Promise<Answer> }> {
  const child = fork(join(import.meta.dirname, "fixtures", "settings-instance.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, REALTIME_INTERNAL_URL: internalUrl },
  });
  const ask = (key: string) =>
    new Promise<Answer>((resolve) => {
      child.once("message", (m) => resolve(m as Answer));
      child.send({ get: key });
    });
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve({ child, ask }));
    child.once("exit", (code) => reject(new Error(`the other process exited (${code})`)));
  });
}

async function adminActor(): Promise<Actor> {
  const u = await createUser({
    email: `admin-${Date.now()}@example.com`,
    username: `admin${Date.now()}`,
    password: "correct horse battery",
    admin: true,
  });
  return { userId: u.id, username: u.username, isAdmin: true, sessionId: 1, apiKeyProjectId: null, language: "en" };
}

describe("settings cache across web processes", () => {
  let database: TestDatabase;
  let sidecar: RealtimeServer;
  let other: Awaited<ReturnType<typeof startOtherProcess>>;
  let admin: Actor;

  beforeAll(async () => {
    database = await useFreshDatabase("sqlite");
    sidecar = await startRealtime({ port: 0, host: "127.0.0.1", redisUrl: null, log: () => {} });
    process.env.REALTIME_INTERNAL_URL = `http://127.0.0.1:${sidecar.port}`;
    resetConfigForTests();
    admin = await adminActor();
    await startInvalidationFeed();
    await until(isCaching, "this process's feed");
    other = await startOtherProcess(process.env.REALTIME_INTERNAL_URL);
    await until(async () => (await other.ask("instance_name")).caching, "the other process's feed");
  });

  afterAll(async () => {
    other?.child.kill();
    stopInvalidationFeed();
    await sidecar?.close().catch(() => undefined);
    await database?.drop();
  });

  it("keeps the settings in memory while the feed is connected", async () => {
    expect(await other.ask("instance_name")).toEqual({ value: "WarmDesk", caching: true });
    expect(await getSetting("instance_name")).toBe("WarmDesk");
    // A row written behind the cache's back (no invalidate) is not seen: both processes cache.
    await database.db.systemSetting.create({ data: { key: "instance_name", value: "Behind the back" } });
    expect(await getSetting("instance_name")).toBe("WarmDesk");
    expect((await other.ask("instance_name")).value).toBe("WarmDesk");
  });

  it("applies a change at once in the process that made it, and in the other one as soon as the sidecar relays it", async () => {
    await updateSettings(admin, { instance_name: "Acme Desk", api_rate_limit_per_minute: 42 });
    expect(await getSetting("instance_name")).toBe("Acme Desk");
    expect(await getSetting("api_rate_limit_per_minute")).toBe(42);
    await until(async () => (await other.ask("instance_name")).value === "Acme Desk", "the change in the other process");
    expect(await other.ask("api_rate_limit_per_minute")).toEqual({ value: 42, caching: true });
  });

  it("tells the sidecar over HTTP when the process that changed the row has no feed (the CLI)", async () => {
    stopInvalidationFeed();
    expect(isCaching()).toBe(false);
    await updateSettings(admin, { instance_name: "From the CLI" });
    await until(async () => (await other.ask("instance_name")).value === "From the CLI", "the CLI's change in the other process");
    await startInvalidationFeed();
    await until(isCaching, "this process's feed again");
  });

  it("reads from the database again while the sidecar is away", async () => {
    await sidecar.close();
    await until(() => !isCaching(), "this process to notice");
    await until(async () => !(await other.ask("instance_name")).caching, "the other process to notice");
    await database.db.systemSetting.update({ where: { key: "instance_name" }, data: { value: "Straight from the row" } });
    expect(await getSetting("instance_name")).toBe("Straight from the row");
    expect(await other.ask("instance_name")).toEqual({ value: "Straight from the row", caching: false });
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
describe.skipIf(!redisUrl)("settings cache with two sidecars joined through Redis", () => {
  let database: TestDatabase;
  const sidecars: RealtimeServer[] = [];
  let other: Awaited<ReturnType<typeof startOtherProcess>>;
  let admin: Actor;

  beforeAll(async () => {
    database = await useFreshDatabase("sqlite");
    const redisPrefix = `warmdesk-test-${Date.now()}`;
    for (let i = 0; i < 2; i++) {
      sidecars.push(
        await startRealtime({ port: 0, host: "127.0.0.1", redisUrl: redisUrl as string, redisPrefix, log: () => {} }),
      );
    }
    stopInvalidationFeed();
    process.env.REALTIME_INTERNAL_URL = `http://127.0.0.1:${sidecars[0].port}`;
    resetConfigForTests();
    admin = await adminActor();
    await startInvalidationFeed();
    await until(isCaching, "this process's feed");
    // The other web process talks to the other sidecar.
    other = await startOtherProcess(`http://127.0.0.1:${sidecars[1].port}`);
    await until(async () => (await other.ask("instance_name")).caching, "the other process's feed");
  });

  afterAll(async () => {
    other?.child.kill();
    stopInvalidationFeed();
    for (const s of sidecars) await s.close().catch(() => undefined);
    await database?.drop();
  });

  it("relays a change to a web process on the other sidecar", async () => {
    expect(await other.ask("time_lock_days")).toEqual({ value: 0, caching: true });
    await updateSettings(admin, { time_lock_days: 7 });
    expect(await getSetting("time_lock_days")).toBe(7);
    await until(async () => (await other.ask("time_lock_days")).value === 7, "the change on the other sidecar");
  });
});
