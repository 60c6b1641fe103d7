// [SECURITY] Proofs of a secret made by a signed-in user (the current password to change it, the
// password or a code to turn MFA off or renew recovery codes) are counted like sign-ins: a stolen
// session cannot guess faster than the sign-in form, and the lock they reach is the account's own.
// Account-security changes need a browser session: an API key (even unlimited) is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as mfaDelete } from "../../app/api/v1/me/mfa/route.ts";
import { POST as passwordPost } from "../../app/api/v1/me/password/route.ts";
import type { Actor } from "../../lib/auth/actor.ts";
import { accountKey } from "../../lib/auth/lockout.ts";
import { beginMfaSetup, confirmMfaSetup, regenerateRecoveryCodes } from "../../lib/auth/mfa.ts";
import { attemptSignIn } from "../../lib/auth/next-auth.ts";
import { actorForSessionToken, createSession } from "../../lib/auth/sessions.ts";
import { getDb } from "../../lib/db/client.ts";
import { setRevokeSink } from "../../lib/realtime/publish.ts";
import { updateSettings } from "../../lib/settings/settings.ts";
import { createUser } from "../../lib/users/users.ts";
import { browserSession, call, keyFor } from "../api/helpers.ts";
import { availableEngines, type TestDatabase, useFreshDatabase } from "../helpers/db.ts";
import { base32Decode, totpAt } from "../helpers/rfc6238.ts";

const password = "correct horse battery";
const THRESHOLD = 3;

// bcrypt (cost 12) per wrong password, and the progressive delay: generous on a busy machine.
describe.each(availableEngines())("[SECURITY] throttled proofs on %s", { timeout: 300_000 }, (engine) => {
  let t: TestDatabase;
  let n = 0;
  const newUser = async () => {
    const user = await createUser({ email: `proof${++n}@example.com`, username: `proof${n}`, password });
    return { ...user, web: await browserSession(user.id, { ip: "192.0.2.10" }) };
  };

  beforeAll(async () => {
    t = await useFreshDatabase(engine);
    setRevokeSink(async () => {});
    const root = await createUser({ email: "root@example.com", username: "root", password, admin: true });
    const admin: Actor = {
      userId: root.id,
      username: "root",
      isAdmin: true,
      sessionId: null,
      apiKeyProjectId: null,
      language: "en",
    };
    await updateSettings(admin, { lockout_threshold: THRESHOLD, lockout_minutes: 15 });
  });
  afterAll(async () => {
    setRevokeSink(null);
    await getDb().$disconnect();
    await t.drop();
  });

  it("locks the account after THRESHOLD wrong current passwords: the right one is refused too, and so is sign-in", async () => {
    const user = await newUser();
    const change = (currentPassword: string) =>
      call(passwordPost, {
        headers: user.web.headers,
        path: "/api/v1/me/password",
        body: { currentPassword, newPassword: "a brand new password" },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await change(`wrong guess ${i}`)).status);
    expect(statuses).toEqual([...Array(THRESHOLD).fill(400), ...Array(12 - THRESHOLD).fill(429)]);
    const right = await change(password);
    expect(right.status).toBe(429);
    expect(right.json.error.code).toBe("rate_limited");
    expect(Number((await passwordPostRaw(user.web.headers)).headers.get("retry-after"))).toBeGreaterThan(0);
    expect(
      (await attemptSignIn({ email: user.email, password }, { ip: "192.0.2.99", userAgent: null }, { delay: false })).ok,
    ).toBe(false);
    const row = await t.db.loginThrottle.findUniqueOrThrow({ where: { key: accountKey(user.email) } });
    expect(row.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(await t.db.auditLog.count({ where: { action: "auth.proof_failed", userId: user.id } })).toBe(THRESHOLD);
    expect(await t.db.auditLog.count({ where: { action: "auth.locked", userId: user.id } })).toBe(1);
    // Unchanged: the password still is the old one.
    const after = await t.db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    const { verifyPassword } = await import("../../lib/auth/passwords.ts");
    expect(await verifyPassword(password, after.passwordHash)).toBe(true);
  });

  it("locks after THRESHOLD wrong codes to turn MFA off; MFA stays on", async () => {
    const user = await newUser();
    const { token } = await createSession(user.id);
    const actor = (await actorForSessionToken(token)) as Actor;
    const setup = await beginMfaSetup(actor);
    const key = base32Decode(setup.secret);
    await confirmMfaSetup(actor, { code: totpAt(key, Date.now() / 1000) });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const code = String((100000 + i * 7919) % 1000000).padStart(6, "0");
      statuses.push(
        (await call(mfaDelete, { method: "DELETE", headers: user.web.headers, path: "/api/v1/me/mfa", body: { code } })).status,
      );
    }
    expect(statuses).toEqual([...Array(THRESHOLD).fill(400), ...Array(10 - THRESHOLD).fill(429)]);
    await expect(regenerateRecoveryCodes(actor, { password })).rejects.toMatchObject({ code: "rate_limited" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(true);
  });

  it("refuses password and MFA changes to any API key, unlimited or not", async () => {
    const user = await newUser();
    const unlimited = await keyFor(user.id, null);
    const body = { currentPassword: password, newPassword: "a brand new password" };
    for (const key of [unlimited.key]) {
      const res = await call(passwordPost, { key, path: "/api/v1/me/password", body });
      expect(res.status).toBe(403);
      expect((await call(mfaDelete, { key, method: "DELETE", path: "/api/v1/me/mfa", body: { password } })).status).toBe(403);
    }
    // Refused before any check: nothing counted, the password unchanged.
    expect(await t.db.loginThrottle.findUnique({ where: { key: accountKey(user.email) } })).toBeNull();
  });
});

/** The change-password route's raw Response (for its headers). */
async function passwordPostRaw(headers: Record<string, string>) {
  return passwordPost(
    new Request("http://localhost:3000/api/v1/me/password", {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ currentPassword: "still guessing", newPassword: "a brand new password" }),
    }),
    { params: Promise.resolve({}) },
  );
}
