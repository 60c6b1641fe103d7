// The actor of a session or an API key is cached per web process while its invalidation feed is
// connected, and any write to users, sessions or API keys (from Prisma's model calls, its raw SQL,
// inside or outside a transaction) ends it at once in every process: revocation stays immediate.
// Two real processes, a real sidecar.
import { type ChildProcess, fork } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireProject } from "../../lib/auth/access.ts";
import type { Actor } from "../../lib/auth/actor.ts";
import { actorForApiKey, createApiKey, revokeApiKey } from "../../lib/auth/api-keys.ts";
import { actorForSessionToken, createSession, revokeSessionToken } from "../../lib/auth/sessions.ts";
import { addMember, removeMember } from "../../lib/boards/members.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { isCaching, startInvalidationFeed, stopInvalidationFeed } from "../../lib/cache/invalidation.ts";
import { writesAuthRows } from "../../lib/cache/watched-writes.ts";
import { resetConfigForTests } from "../../lib/config.ts";
import { Prisma } from "../../lib/db/client.ts";
import { exec, run } from "../../lib/db/direct.ts";
import { createUser } from "../../lib/users/users.ts";
import { type RealtimeServer, startRealtime } from "../../server/realtime.ts";
import { type TestDatabase, useFreshDatabase } from "../helpers/db.ts";

async function until(check: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

type Answer = { actor: Actor | null; caching: boolean };

function startOtherProcess(internalUrl: string) {
  const child: ChildProcess = fork(join(import.meta.dirname, "fixtures", "auth-instance.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, REALTIME_INTERNAL_URL: internalUrl },
  });
  const ask = (q: { token?: string; key?: string }) =>
    new Promise<Answer>((resolve) => {
      child.once("message", (m) => resolve(m as Answer));
      child.send(q);
    });
  return new Promise<{ child: ChildProcess; ask: typeof ask }>((resolve, reject) => {
    child.once("message", () => resolve({ child, ask }));
    child.once("exit", (code) => reject(new Error(`the other process exited (${code})`)));
  });
}

describe("auth writes are recognised in every engine's SQL", () => {
  it.each([
    'UPDATE "main"."users" SET "is_active" = ? WHERE ("main"."users"."id" = ?)',
    'UPDATE "public"."sessions" SET "last_active_at" = $1 WHERE "id" = $2',
    "DELETE FROM `test`.`api_keys` WHERE `test`.`api_keys`.`id` IN (?)",
    'INSERT INTO "public"."users" ("email") VALUES ($1)',
    "DELETE FROM sessions WHERE id = 1",
  ])("%s", (sql) => expect(writesAuthRows(sql)).toBe(true));
  it.each([
    'SELECT "main"."users"."id" FROM "main"."users"',
    "UPDATE users SET role = role WHERE id = 3",
    'UPDATE "main"."cards" SET "title" = ?',
    'INSERT INTO "main"."user_groups" ("user_id") VALUES (?)',
  ])("not %s", (sql) => expect(writesAuthRows(sql)).toBe(false));
});

describe("auth cache across web processes", () => {
  let database: TestDatabase;
  let sidecar: RealtimeServer;
  let other: Awaited<ReturnType<typeof startOtherProcess>>;
  let userId: number;

  beforeAll(async () => {
    database = await useFreshDatabase("sqlite");
    sidecar = await startRealtime({ port: 0, host: "127.0.0.1", redisUrl: null, log: () => {} });
    process.env.REALTIME_INTERNAL_URL = `http://127.0.0.1:${sidecar.port}`;
    resetConfigForTests();
    userId = (await createUser({ email: "c@example.com", username: "cached", password: "correct horse battery" })).id;
    await startInvalidationFeed();
    await until(isCaching, "this process's feed");
    other = await startOtherProcess(process.env.REALTIME_INTERNAL_URL);
    await until(async () => (await other.ask({ key: "wd_x" })).caching, "the other process's feed");
  });

  afterAll(async () => {
    other?.child.kill();
    stopInvalidationFeed();
    await sidecar?.close().catch(() => undefined);
    await database?.drop();
  });

  /** A change made behind the watched client's back (the direct driver): a cached actor does not see it. */
  const renameBehindTheBack = (name: string) =>
    run(() => exec(Prisma.sql`UPDATE users SET username = ${name} WHERE id = ${userId}`));

  it("keeps a session's actor, and a revoked session is refused at once in both processes", async () => {
    const { token } = await createSession(userId);
    expect((await actorForSessionToken(token))?.username).toBe("cached");
    // (The other process may still hear the invalidation of the session's own INSERT: not asserted there.)
    await renameBehindTheBack("renamed");
    expect((await actorForSessionToken(token))?.username).toBe("cached");
    // (The other process may still hear the invalidation of the session's own INSERT: not asserted there.)
    await revokeSessionToken(token);
    expect(await actorForSessionToken(token)).toBeNull();
    await until(async () => (await other.ask({ token })).actor === null, "the revocation in the other process");
  });

  it("refuses a revoked API key at once in both processes", async () => {
    const key = (await createApiKey({ userId })).key;
    const first = await actorForApiKey(key);
    expect(first?.apiKeyId).toBeTypeOf("number");
    expect((await other.ask({ key })).actor?.userId).toBe(userId);
    await revokeApiKey({ ...(first as Actor), sessionId: 1, apiKeyId: undefined }, first?.apiKeyId as number);
    expect(await actorForApiKey(key)).toBeNull();
    await until(async () => (await other.ask({ key })).actor === null, "the revocation in the other process");
  });

  it("ends cached actors on a write inside a transaction (after its commit) and on raw SQL", async () => {
    const key = (await createApiKey({ userId })).key;
    const { token } = await createSession(userId);
    expect((await actorForApiKey(key))?.isAdmin).toBe(false);
    expect((await other.ask({ token })).actor?.isAdmin).toBe(false);
    await database.db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { role: "admin" } });
    });
    expect((await actorForApiKey(key))?.isAdmin).toBe(true);
    await until(async () => (await other.ask({ token })).actor?.isAdmin === true, "the new role in the other process");
    await database.db.$executeRaw`UPDATE users SET is_active = ${false} WHERE id = ${userId}`;
    expect(await actorForApiKey(key)).toBeNull();
    expect(await actorForSessionToken(token)).toBeNull();
    await until(async () => (await other.ask({ key })).actor === null, "the disabled user in the other process");
  });

  it("keeps a project role, and a removed member is refused at once", async () => {
    const owner = (await createUser({ email: "o@example.com", username: "owner", password: "correct horse battery" })).id;
    const ownerActor: Actor = {
      userId: owner,
      username: "owner",
      isAdmin: false,
      sessionId: 1,
      apiKeyProjectId: null,
      language: "en",
    };
    const project = await createProject(ownerActor, { name: "Cached", key: "CCH" });
    const member = (await createUser({ email: "m@example.com", username: "member", password: "correct horse battery" })).id;
    const memberActor: Actor = {
      userId: member,
      username: "member",
      isAdmin: false,
      sessionId: 2,
      apiKeyProjectId: null,
      language: "en",
    };
    await addMember(ownerActor, project.slug, { username: "member", role: "member" });
    expect((await requireProject(memberActor, project.slug)).role).toBe("member");
    // Behind the back: the kept role stays.
    await run(() => exec(Prisma.sql`UPDATE project_members SET role = ${"viewer"} WHERE user_id = ${member}`));
    expect((await requireProject(memberActor, project.slug)).role).toBe("member");
    await removeMember(ownerActor, project.slug, "member");
    await expect(requireProject(memberActor, project.slug)).rejects.toMatchObject({ code: "not_found" });
  });
});
