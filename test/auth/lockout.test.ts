// Lockout on every engine: failed sign-ins counted per account (existing or not) and per IP in the
// database, the lock refuses even the right password, audit rows tell the story. Also: revoked
// sessions are signed out on the next request, and must_change_password gates the API.
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as changePasswordRoute } from "../../app/api/v1/me/password/route.ts";
import { GET as meGet } from "../../app/api/v1/me/route.ts";
import type { Actor } from "../../lib/auth/actor.ts";
import {
  accountKey,
  cleanupLoginThrottles,
  delayFor,
  IP_THRESHOLD_FACTOR,
  ipKey,
  recordSignInFailure,
  throttleKeys,
} from "../../lib/auth/lockout.ts";
import { attemptSignIn, authorizeCredentials } from "../../lib/auth/next-auth.ts";
import { nextAuthSecret } from "../../lib/auth/request.ts";
import { createSession, revokeUserSessions } from "../../lib/auth/sessions.ts";
import { getDb } from "../../lib/db/client.ts";
import { setRevokeSink } from "../../lib/realtime/publish.ts";
import { updateSettings } from "../../lib/settings/settings.ts";
import { createUser } from "../../lib/users/users.ts";
import { call, fromAddress } from "../api/helpers.ts";
import { availableEngines, type TestDatabase, useFreshDatabase } from "../helpers/db.ts";

const password = "correct horse battery";
const THRESHOLD = 3;
const meta = (ip: string) => ({ ip, userAgent: "vitest" });
const noDelay = { delay: false };

async function cookieFor(userId: number) {
  const { token, sessionId } = await createSession(userId);
  const jwt = await encode({ token: { sid: token }, secret: nextAuthSecret() });
  return { cookie: `next-auth.session-token=${jwt}`, sessionId };
}

// Many bcrypt checks (cost 12) per test: generous on a busy machine.
describe.each(availableEngines())("[AUTH] lockout and revocation on %s", { timeout: 180_000 }, (engine) => {
  let t: TestDatabase;
  let admin: Actor;
  const revoked: number[] = [];

  beforeAll(async () => {
    t = await useFreshDatabase(engine);
    setRevokeSink(async (ids) => {
      revoked.push(...ids);
    });
    const a = await createUser({ email: "root@example.com", username: "root", password, admin: true });
    admin = { userId: a.id, username: "root", isAdmin: true, sessionId: null, apiKeyProjectId: null, language: "en" };
    await updateSettings(admin, { lockout_threshold: THRESHOLD, lockout_minutes: 15 });
  });
  afterAll(async () => {
    setRevokeSink(null);
    await getDb().$disconnect();
    await t.drop();
  });

  it("locks an account after N wrong passwords; the right password is refused during the lock", async () => {
    const user = await createUser({ email: "ada@example.com", username: "ada", password });
    const results = [];
    for (let i = 0; i < THRESHOLD; i++) {
      results.push(await attemptSignIn({ email: "Ada@Example.com", password: `wrong ${i} password` }, meta("10.0.0.1"), noDelay));
    }
    expect(results.map((r) => r.ok || r.reason)).toEqual(Array(THRESHOLD).fill("invalid"));

    // Right password, even from another address: refused while locked, through next-auth too.
    expect(await attemptSignIn({ email: "ada@example.com", password }, meta("10.0.0.2"), noDelay)).toEqual({
      ok: false,
      reason: "locked",
    });
    await expect(authorizeCredentials({ email: "ada@example.com", password }, fromAddress("10.0.0.3"))).rejects.toThrow("LOCKED");

    const row = await t.db.loginThrottle.findUniqueOrThrow({ where: { key: accountKey("ada@example.com") } });
    const minutes = ((row.lockedUntil as Date).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);

    const audit = await t.db.auditLog.findMany({ where: { action: { startsWith: "auth." } }, orderBy: { id: "asc" } });
    const mine = audit.filter((a) => a.details?.includes("ada@example.com"));
    expect(mine.filter((a) => a.action === "auth.sign_in_failed" && a.details?.includes("wrong_password"))).toHaveLength(
      THRESHOLD,
    );
    expect(mine.filter((a) => a.action === "auth.sign_in_failed" && a.details?.includes('"locked"'))).toHaveLength(2);
    const lock = audit.filter((a) => a.action === "auth.locked");
    expect(lock).toHaveLength(1);
    expect(lock[0]).toMatchObject({ userId: user.id, ip: "10.0.0.1", userAgent: "vitest" });
    // Never a password in the log, right or wrong.
    expect(audit.every((a) => !a.details?.includes("wrong 0") && !a.details?.includes(password))).toBe(true);

    // The lock ends after the configured time (moved into the past here): the right password works
    // and forgets the account's failures.
    await t.db.loginThrottle.update({ where: { key: row.key }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    const ok = await attemptSignIn({ email: "ada@example.com", password }, meta("10.0.0.2"), noDelay);
    expect(ok.ok).toBe(true);
    expect(await t.db.loginThrottle.findUnique({ where: { key: row.key } })).toBeNull();
    const signedIn = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(signedIn.lastSignInAt).not.toBeNull();
    expect(await t.db.auditLog.count({ where: { action: "auth.sign_in", userId: user.id } })).toBe(1);
  });

  it("treats an unknown email exactly like an existing one", async () => {
    const seq = async (email: string, ip: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < THRESHOLD + 1; i++) {
        const r = await attemptSignIn({ email, password }, meta(ip), noDelay);
        out.push(r.ok || r.reason);
      }
      return out;
    };
    await createUser({ email: "bea@example.com", username: "bea", password: "another long password" });
    const existing = await seq("bea@example.com", "10.1.0.1");
    const unknown = await seq("nobody@example.com", "10.1.0.2");
    expect(unknown).toEqual(existing);
    expect(unknown).toEqual([...Array(THRESHOLD).fill("invalid"), "locked"]);
    const locks = await t.db.auditLog.findMany({ where: { action: "auth.locked", details: { contains: "nobody@example.com" } } });
    expect(locks).toHaveLength(1);
    expect(locks[0].userId).toBeNull();
  });

  it("locks an address after many failures across accounts (threshold × 4)", async () => {
    await createUser({ email: "cy@example.com", username: "cy", password });
    const ip = "10.2.0.1";
    for (let i = 0; i < THRESHOLD * IP_THRESHOLD_FACTOR; i++) {
      const r = await attemptSignIn({ email: `guess${i}@example.com`, password }, meta(ip), noDelay);
      expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    expect((await t.db.loginThrottle.findUniqueOrThrow({ where: { key: ipKey(ip) } })).lockedUntil).not.toBeNull();
    expect(await attemptSignIn({ email: "cy@example.com", password }, meta(ip), noDelay)).toEqual({
      ok: false,
      reason: "locked",
    });
    expect((await attemptSignIn({ email: "cy@example.com", password }, meta("10.2.0.2"), noDelay)).ok).toBe(true);
  });

  it("counts concurrent failures exactly once each", async () => {
    await updateSettings(admin, { lockout_threshold: 50 });
    try {
      const keys = throttleKeys("race@example.com", null);
      await Promise.all(Array.from({ length: 8 }, () => recordSignInFailure(keys)));
      const row = await t.db.loginThrottle.findUniqueOrThrow({ where: { key: keys.account } });
      expect(row.failures).toBe(8);
      expect(row.lockedUntil).toBeNull();
    } finally {
      await updateSettings(admin, { lockout_threshold: THRESHOLD });
    }
  });

  it("slows answers down after a few failures, up to two seconds", async () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(delayFor)).toEqual([0, 0, 500, 1000, 2000, 2000, 2000]);
  });

  it("cleans up rows that neither count nor lock any more", async () => {
    const old = new Date(Date.now() - 2 * 60 * 60_000);
    await t.db.loginThrottle.create({ data: { key: "account:recent@example.com", failures: 1, lastFailure: new Date() } });
    await t.db.loginThrottle.create({ data: { key: "account:old@example.com", failures: 2, lastFailure: old } });
    await t.db.loginThrottle.create({
      data: { key: "account:stilllocked@example.com", failures: 0, lastFailure: old, lockedUntil: new Date(Date.now() + 60_000) },
    });
    await cleanupLoginThrottles();
    expect(await t.db.loginThrottle.findUnique({ where: { key: "account:old@example.com" } })).toBeNull();
    expect(await t.db.loginThrottle.findUnique({ where: { key: "account:stilllocked@example.com" } })).not.toBeNull();
    expect(await t.db.loginThrottle.findUnique({ where: { key: "account:recent@example.com" } })).not.toBeNull();
  });

  it("signs a disabled user out on the next request and tells the sidecar", async () => {
    const user = await createUser({ email: "dan@example.com", username: "dan", password });
    const { cookie, sessionId } = await cookieFor(user.id);
    expect((await call(meGet, { headers: { cookie } })).status).toBe(200);
    await t.db.user.update({ where: { id: user.id }, data: { isActive: false } });
    await revokeUserSessions(user.id);
    const res = await call(meGet, { headers: { cookie } });
    expect(res.status).toBe(401);
    expect(revoked).toContain(sessionId);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("lets a user who must change their password do only that", async () => {
    const user = await createUser({ email: "eve@example.com", username: "eve", password });
    await t.db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    const { cookie } = await cookieFor(user.id);
    const refused = await call(meGet, { headers: { cookie }, path: "/api/v1/me" });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toEqual({ code: "forbidden", message: "Change your password first" });
    const wrong = await call(changePasswordRoute, {
      headers: { cookie },
      path: "/api/v1/me/password",
      body: { currentPassword: "not the password", newPassword: "a brand new password" },
    });
    expect(wrong.status).toBe(400);
    const changed = await call(changePasswordRoute, {
      headers: { cookie },
      path: "/api/v1/me/password",
      body: { currentPassword: password, newPassword: "a brand new password" },
    });
    expect(changed.status).toBe(200);
    expect((await call(meGet, { headers: { cookie }, path: "/api/v1/me" })).status).toBe(200);
  });
});
