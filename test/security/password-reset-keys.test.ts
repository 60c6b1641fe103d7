// [SECURITY] A new password revokes the user's API keys and drops their sockets: an administrator's
// forced reset, a reset by email, the operators' command line, and the user's own change. Whoever
// knew the old password could have minted a key; it must not outlive the password.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as resetPasswordPost } from "../../app/api/v1/admin/users/[id]/reset-password/route.ts";
import { POST as passwordPost } from "../../app/api/v1/me/password/route.ts";
import { GET as projectsGet } from "../../app/api/v1/projects/route.ts";
import { confirmPasswordReset } from "../../lib/auth/password-reset.ts";
import { randomToken, sha256 } from "../../lib/auth/tokens.ts";
import { getDb } from "../../lib/db/client.ts";
import { setRevokeSink } from "../../lib/realtime/publish.ts";
import { resetPassword } from "../../lib/users/users.ts";
import { browserSession, call, freshWorld, keyFor, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

const password = "a long enough password";

describe.each(availableEngines())("[SECURITY] a new password revokes API keys on %s", { timeout: 120_000 }, (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let root: Person;
  const dropped: number[] = [];

  beforeAll(async () => {
    world = await freshWorld(engine);
    setRevokeSink(async (_sessions, apiKeyIds) => {
      dropped.push(...apiKeyIds);
    });
    root = await person("root", { admin: true });
  });
  afterAll(async () => {
    setRevokeSink(null);
    await world.close();
  });

  /** A user with two live keys (one scoped), both working. */
  async function withKeys(name: string) {
    const user = await person(name);
    const second = await keyFor(user.id, null);
    for (const key of [user.key, second.key]) expect((await call(projectsGet, { key })).status).toBe(200);
    const ids = (await getDb().apiKey.findMany({ where: { userId: user.id }, select: { id: true } })).map((k) => k.id);
    return { user, keys: [user.key, second.key], ids };
  }
  async function expectRevoked(w: Awaited<ReturnType<typeof withKeys>>) {
    for (const key of w.keys) expect((await call(projectsGet, { key })).status).toBe(401);
    expect(dropped).toEqual(expect.arrayContaining(w.ids));
    expect(await getDb().apiKey.count({ where: { userId: w.user.id, revokedAt: null } })).toBe(0);
  }

  it("on an administrator's forced reset", async () => {
    const w = await withKeys("forced");
    const admin = await browserSession(root.id);
    const res = await call(resetPasswordPost, { headers: admin.headers, method: "POST", params: { id: String(w.user.id) } });
    expect(res.status).toBe(200);
    await expectRevoked(w);
  });

  it("on a reset by email", async () => {
    const w = await withKeys("emailed");
    const token = randomToken();
    await getDb().passwordResetToken.create({
      data: { userId: w.user.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + 60_000) },
    });
    await confirmPasswordReset({ token, password: "a brand new password" });
    await expectRevoked(w);
  });

  it("on the command line's reset-password", async () => {
    const w = await withKeys("cli");
    await resetPassword(w.user.username, "a brand new password");
    await expectRevoked(w);
  });

  it("on the user's own change", async () => {
    const w = await withKeys("self");
    const web = await browserSession(w.user.id);
    const res = await call(passwordPost, {
      headers: web.headers,
      path: "/api/v1/me/password",
      body: { currentPassword: password, newPassword: "a brand new password" },
    });
    expect(res.status).toBe(200);
    await expectRevoked(w);
  });
});
