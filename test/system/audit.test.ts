// The audit log as admins read it (filters, newest-first cursor pages) on every engine, and the
// periodic cleanup: only rows past the retention go, with expired sessions, used or expired reset
// tokens and stale sign-in throttles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as auditGet } from "../../app/api/v1/admin/audit/route.ts";
import { PATCH as settingsPatch } from "../../app/api/v1/admin/settings/route.ts";
import { recordAudit } from "../../lib/audit/audit.ts";
import { runCleanup } from "../../lib/audit/cleanup.ts";
import { createSession } from "../../lib/auth/sessions.ts";
import { runCli } from "../../lib/cli/commands.ts";
import { getDb } from "../../lib/db/client.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

const DAY = 24 * 60 * 60 * 1000;

describe.each(availableEngines())("[AUDIT] audit log on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let admin: Person;
  let ada: Person;
  let bob: Person;

  const list = (query: string, key = admin.key) => call(auditGet, { key, path: `/api/v1/admin/audit?${query}` });

  beforeAll(async () => {
    world = await freshWorld(engine);
    admin = await person("root", { admin: true });
    ada = await person("ada");
    bob = await person("bob");
    const meta = { ip: "10.0.0.7", userAgent: "Firefox/140 test" };
    await recordAudit({ actor: ada.id, action: "auth.sign_in", meta });
    await recordAudit({
      actor: ada.id,
      action: "auth.sign_in_failed",
      details: { reason: "password" },
      meta: { ip: "10.9.9.9", userAgent: "curl" },
    });
    await recordAudit({ actor: bob.id, action: "auth.sign_in", meta });
    await recordAudit({ actor: ada.actor, action: "mfa.enabled", meta });
    await recordAudit({
      actor: admin.actor,
      action: "user.disabled",
      resourceType: "user",
      resourceId: bob.id,
      details: { username: "bob" },
    });
    await recordAudit({ actor: null, action: "auth.sign_in_failed", details: { email: "Nobody@Example.test" } });
    // Two older rows for the date filter and the retention.
    const old = await getDb().auditLog.create({ data: { userId: ada.id, action: "api_key.created", details: '{"name":"ci"}' } });
    await getDb().auditLog.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 40 * DAY) } });
    const older = await getDb().auditLog.create({ data: { userId: bob.id, action: "api_key.revoked" } });
    await getDb().auditLog.update({ where: { id: older.id }, data: { createdAt: new Date(Date.now() - 400 * DAY) } });
  });
  afterAll(() => world.close());

  it("lists newest first with who, what, IP and user agent", async () => {
    const res = await list("");
    expect(res.status).toBe(200);
    const ids = res.json.items.map((i: { id: number }) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const signIn = res.json.items.find(
      (i: { action: string; user: { username: string } | null }) => i.action === "auth.sign_in" && i.user?.username === "ada",
    );
    expect(signIn).toMatchObject({ ip: "10.0.0.7", userAgent: "Firefox/140 test", user: { id: ada.id, username: "ada" } });
    const disabled = res.json.items.find((i: { action: string }) => i.action === "user.disabled");
    expect(disabled).toMatchObject({ resourceType: "user", resourceId: String(bob.id), details: { username: "bob" } });
  });

  it("filters by user, action prefix, text and date range", async () => {
    const byAda = await list("user=ada");
    expect(byAda.json.items.map((i: { action: string }) => i.action).sort()).toEqual(
      ["api_key.created", "auth.sign_in", "auth.sign_in_failed", "mfa.enabled"].sort(),
    );
    const auth = await list("action=auth.");
    expect(auth.json.items).toHaveLength(4);
    expect(auth.json.items.every((i: { action: string }) => i.action.startsWith("auth."))).toBe(true);
    const failed = await list("action=auth.sign_in_failed&user=ada");
    expect(failed.json.items).toHaveLength(1);
    // Text search looks at details, IP and user agent, case-insensitively.
    expect((await list("q=nobody@example")).json.items.map((i: { user: unknown }) => i.user)).toEqual([null]);
    expect((await list("q=10.9.9")).json.items).toHaveLength(1);
    expect((await list("q=firefox")).json.items.length).toBeGreaterThanOrEqual(3);
    const day = (ms: number) => new Date(Date.now() - ms).toISOString().slice(0, 10);
    const recent = await list(`from=${day(DAY)}`);
    expect(recent.json.items).toHaveLength(6);
    const window = await list(`from=${day(50 * DAY)}&to=${day(30 * DAY)}`);
    expect(window.json.items.map((i: { action: string }) => i.action)).toEqual(["api_key.created"]);
  });

  it("pages with a cursor without gaps or repeats", async () => {
    const all = (await list("limit=200")).json.items.map((i: { id: number }) => i.id);
    const seen: number[] = [];
    let cursor: number | null = null;
    let pages = 0;
    do {
      const res = await list(`limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      seen.push(...res.json.items.map((i: { id: number }) => i.id));
      cursor = res.json.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 3));
  });

  it("refuses bad filters with 400 and non-admins with 404", async () => {
    expect((await list("from=yesterday")).status).toBe(400);
    expect((await list("limit=100000")).status).toBe(400);
    expect((await list("cursor=-1")).status).toBe(400);
    expect((await list("action=DROP TABLE")).status).toBe(400);
    expect((await list("sort=asc")).status).toBe(400);
    expect((await list("", ada.key)).status).toBe(404);
  });

  it("cleanup removes only what is past its time", async () => {
    await call(settingsPatch, { method: "PATCH", key: admin.key, body: { audit_retention_days: 30 } });
    const db = getDb();
    const live = await createSession(ada.id);
    const expired = await createSession(ada.id);
    await db.session.update({ where: { id: expired.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const idle = await createSession(ada.id);
    await db.session.update({ where: { id: idle.sessionId }, data: { lastActiveAt: new Date(Date.now() - 30 * DAY) } });
    const soon = new Date(Date.now() + 3600_000);
    await db.passwordResetToken.createMany({
      data: [
        { userId: ada.id, tokenHash: "a".repeat(64), expiresAt: soon },
        { userId: ada.id, tokenHash: "b".repeat(64), expiresAt: soon, usedAt: new Date() },
        { userId: ada.id, tokenHash: "c".repeat(64), expiresAt: new Date(Date.now() - 1000) },
      ],
    });
    await db.loginThrottle.createMany({
      data: [
        { key: "ip:10.0.0.1", failures: 2, lastFailure: new Date() },
        { key: "ip:10.0.0.2", failures: 2, lastFailure: new Date(Date.now() - 2 * DAY) },
        {
          key: "account:x@example.test",
          failures: 9,
          lastFailure: new Date(Date.now() - 2 * DAY),
          lockedUntil: new Date(Date.now() + DAY),
        },
      ],
    });
    const before = await db.auditLog.count();
    const result = await runCleanup();
    expect(result).toEqual({ auditLogs: 2, sessions: 2, resetTokens: 2, loginThrottles: 1 });
    expect(await db.auditLog.count()).toBe(before - 2);
    expect(await db.auditLog.count({ where: { createdAt: { lt: new Date(Date.now() - 30 * DAY) } } })).toBe(0);
    expect(await db.session.findUnique({ where: { id: live.sessionId } })).not.toBeNull();
    expect((await db.passwordResetToken.findMany()).map((t) => t.tokenHash)).toEqual(["a".repeat(64)]);
    expect((await db.loginThrottle.findMany({ orderBy: { key: "asc" } })).map((t) => t.key)).toEqual([
      "account:x@example.test",
      "ip:10.0.0.1",
    ]);
    // Nothing left to do: a second run removes nothing.
    expect(await runCleanup()).toEqual({ auditLogs: 0, sessions: 0, resetTokens: 0, loginThrottles: 0 });
  });

  it.runIf(engine === "sqlite")("cleanup is also an operators' command", async () => {
    const old = await getDb().auditLog.create({ data: { action: "auth.sign_in" } });
    await getDb().auditLog.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 90 * DAY) } });
    const out: string[] = [];
    const code = await runCli(["cleanup"], { out: (l) => out.push(l), err: () => {} });
    expect(code).toBe(0);
    expect(out.join("\n")).toMatch(/removed 1 audit row/);
    expect(await getDb().auditLog.findUnique({ where: { id: old.id } })).toBeNull();
  });
});
