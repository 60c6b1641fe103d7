import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorForApiKey, createApiKey } from "../../lib/auth/api-keys.ts";
import { checkCredentials } from "../../lib/auth/next-auth.ts";
import { actorForSessionToken, createSession, isSessionLive, revokeSessionToken } from "../../lib/auth/sessions.ts";
import { sha256 } from "../../lib/auth/tokens.ts";
import { signRealtimeToken, verifyRealtimeToken } from "../../lib/realtime/token.ts";
import { createUser, resetPassword } from "../../lib/users/users.ts";
import { type TestDatabase, useFreshDatabase } from "../helpers/db.ts";

let t: TestDatabase;
let userId: number;
const password = "correct horse battery";

beforeAll(async () => {
  t = await useFreshDatabase("sqlite");
  userId = (await createUser({ email: "Ada@Example.com", username: "ada", password })).id;
});
afterAll(() => t.drop());

describe("[AUTH] passwords", () => {
  it("stores a bcrypt hash of cost 12, never the password", async () => {
    const row = await t.db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, email: true } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(row.passwordHash).not.toContain(password);
    expect(row.email).toBe("ada@example.com");
  });

  it("accepts the right password (email case-insensitive) and refuses a wrong one or an unknown email", async () => {
    expect((await checkCredentials("ADA@example.com", password))?.id).toBe(userId);
    expect(await checkCredentials("ada@example.com", "wrong password")).toBeNull();
    expect(await checkCredentials("nobody@example.com", password)).toBeNull();
  });

  it("refuses a disabled user", async () => {
    const other = await createUser({ email: "off@example.com", username: "off", password });
    await t.db.user.update({ where: { id: other.id }, data: { isActive: false } });
    expect(await checkCredentials("off@example.com", password)).toBeNull();
  });
});

describe("[AUTH] sessions", () => {
  it("stores only the token's hash and resolves the token to the actor", async () => {
    const { token, sessionId } = await createSession(userId, { ip: "127.0.0.1", userAgent: "vitest" });
    const row = await t.db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const actor = await actorForSessionToken(token);
    expect(actor).toMatchObject({ userId, username: "ada", isAdmin: false, sessionId, apiKeyProjectId: null });
  });

  it("forgets a revoked or expired session, and a new password revokes all", async () => {
    const a = await createSession(userId);
    await revokeSessionToken(a.token);
    expect(await actorForSessionToken(a.token)).toBeNull();
    expect(await isSessionLive(a.sessionId)).toBe(false);

    const b = await createSession(userId);
    await t.db.session.update({ where: { id: b.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await actorForSessionToken(b.token)).toBeNull();

    const c = await createSession(userId);
    expect(await isSessionLive(c.sessionId)).toBe(true);
    await resetPassword("ada", password);
    expect(await actorForSessionToken(c.token)).toBeNull();
  });

  it("rejects a token that was never issued", async () => {
    expect(await actorForSessionToken("not-a-token")).toBeNull();
  });
});

describe("[AUTH] API keys", () => {
  it("shows the key once, stores its SHA-256 and prefix, and authenticates with it", async () => {
    const created = await createApiKey({ userId, name: "ci" });
    expect(created.key).toMatch(/^wd_/);
    const row = await t.db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.keyHash).toBe(sha256(created.key));
    expect(row.prefix).toBe(created.key.slice(0, 8));
    expect(await actorForApiKey(created.key)).toMatchObject({ userId, sessionId: null, apiKeyProjectId: null });
    expect(await actorForApiKey(`${created.key}x`)).toBeNull();
  });

  it("refuses an expired key", async () => {
    const created = await createApiKey({ userId, name: "old", expiresAt: new Date(Date.now() - 1000) });
    expect(await actorForApiKey(created.key)).toBeNull();
  });
});

describe("[AUTH] realtime tokens", () => {
  const secret = "s".repeat(40);
  it("round-trips and refuses tampering, another secret and expiry", () => {
    const token = signRealtimeToken({ uid: 7, sid: 3, pid: null }, secret);
    expect(verifyRealtimeToken(token, secret)).toMatchObject({ uid: 7, sid: 3, pid: null });
    const [body, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ uid: 1, sid: 3, pid: null, exp: 9e9 })).toString("base64url");
    expect(verifyRealtimeToken(`${forged}.${sig}`, secret)).toBeNull();
    expect(verifyRealtimeToken(`${body}.${sig}`, "t".repeat(40))).toBeNull();
    expect(verifyRealtimeToken(signRealtimeToken({ uid: 7, sid: null, pid: null }, secret, -1), secret)).toBeNull();
    expect(verifyRealtimeToken(42, secret)).toBeNull();
  });
});
