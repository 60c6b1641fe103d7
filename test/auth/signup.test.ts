// Self-service sign-up through the public route on every engine: absent (404, nothing created) until
// an administrator allows it; then a plain user in the default language who can sign in; duplicates
// 409, bad input 400, and a limit per address (429) — all without changing anything on refusal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signUpPost } from "../../app/api/auth/sign-up/route.ts";
import { PATCH as settingsPatch } from "../../app/api/v1/admin/settings/route.ts";
import { checkCredentials } from "../../lib/auth/next-auth.ts";
import { getDb } from "../../lib/db/client.ts";
import { SIGNUP_LIMIT } from "../../lib/users/signup.ts";
import { call, freshWorld, fromAddress, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

const password = "a long enough password";
const signUp = (body: unknown, ip = "203.0.113.7") =>
  call(signUpPost, { method: "POST", body, path: "/api/auth/sign-up", headers: fromAddress(ip) });
const userCount = () => getDb().user.count();

describe.each(availableEngines())("[AUTH] sign-up on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let admin: Person;

  beforeAll(async () => {
    world = await freshWorld(engine);
    admin = await person("root", { admin: true });
  });
  afterAll(() => world.close());

  it("does not exist while sign-up is off (the default)", async () => {
    const before = await userCount();
    const res = await signUp({ email: "eve@example.test", username: "eve", password });
    expect(res.status).toBe(404);
    expect(await userCount()).toBe(before);
  });

  it("once allowed, creates a plain user in the default language who can sign in", async () => {
    const on = await call(settingsPatch, {
      method: "PATCH",
      key: admin.key,
      body: { allow_signup: true, default_language: "de" },
    });
    expect(on.status).toBe(200);
    const res = await signUp({ email: "Nia@Example.test", username: "nia", password });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ username: "nia", email: "nia@example.test", role: "user", language: "de" });
    expect(res.json.passwordHash).toBeUndefined();
    expect((await checkCredentials("nia@example.test", password))?.username).toBe("nia");
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "user.signed_up" } });
    expect(audit).toMatchObject({ userId: res.json.id, ip: "203.0.113.7" });
  });

  it("refuses admin rights, unknown fields, bad input and duplicates without creating anyone", async () => {
    const before = await userCount();
    expect((await signUp({ email: "x@example.test", username: "x1", password, admin: true })).status).toBe(400);
    expect((await signUp({ email: "not-an-email", username: "x2", password })).status).toBe(400);
    expect((await signUp({ email: "x3@example.test", username: "x3", password: "short" })).status).toBe(400);
    expect((await signUp({ email: "NIA@example.test", username: "other", password })).status).toBe(409);
    expect((await signUp({ email: "new@example.test", username: "nia", password })).status).toBe(409);
    expect(await userCount()).toBe(before);
  });

  it(`allows ${SIGNUP_LIMIT.perIp} sign-ups per address per hour, then answers 429`, async () => {
    const ip = `198.51.100.${engine.length}`;
    for (let i = 0; i < SIGNUP_LIMIT.perIp; i++) {
      expect((await signUp({ email: `batch${i}@example.test`, username: `batch${i}`, password }, ip)).status).toBe(201);
    }
    const before = await userCount();
    const refused = await signUp({ email: "onemore@example.test", username: "onemore", password }, ip);
    expect(refused.status).toBe(429);
    expect(await userCount()).toBe(before);
    // Another address is not affected.
    expect((await signUp({ email: "elsewhere@example.test", username: "elsewhere", password }, "192.0.2.1")).status).toBe(201);
  });

  it("is gone again when an administrator turns it off", async () => {
    await call(settingsPatch, { method: "PATCH", key: admin.key, body: { allow_signup: false } });
    expect((await signUp({ email: "late@example.test", username: "late", password })).status).toBe(404);
  });
});
