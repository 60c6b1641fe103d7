// TOTP against an independent RFC 6238 implementation (test/helpers/rfc6238.ts, node:crypto, not otplib):
// codes it computes sign in through next-auth's `authorize`; replay, drift and recovery codes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as mfaDelete, GET as mfaGet } from "../../app/api/v1/me/mfa/route.ts";
import { POST as mfaSetup } from "../../app/api/v1/me/mfa/setup/route.ts";
import type { Actor } from "../../lib/auth/actor.ts";
import { createApiKey } from "../../lib/auth/api-keys.ts";
import { beginMfaSetup, confirmMfaSetup, disableMfa, regenerateRecoveryCodes } from "../../lib/auth/mfa.ts";
import { authorizeCredentials } from "../../lib/auth/next-auth.ts";
import { openSecret } from "../../lib/auth/secret-box.ts";
import { actorForSessionToken, createSession } from "../../lib/auth/sessions.ts";
import { sha256 } from "../../lib/auth/tokens.ts";
import { setRevokeSink } from "../../lib/realtime/publish.ts";
import { createUser } from "../../lib/users/users.ts";
import { call } from "../api/helpers.ts";
import { type TestDatabase, useFreshDatabase } from "../helpers/db.ts";
import { base32Decode, totpAt } from "../helpers/rfc6238.ts";

let t: TestDatabase;
const password = "correct horse battery";
const email = "mfa@example.com";
let actor: Actor;
let key: Buffer;
let recoveryCodes: string[];
/** A point in time (ms) in the middle of a step, after the step the set-up used. */
let base: number;

const signIn = (code: string | undefined, at: number, pw = password) =>
  authorizeCredentials({ email, password: pw, ...(code === undefined ? {} : { code }) }, {}, { delay: false, now: at });

const expectRefused = async (p: Promise<unknown>, message: string) => expect(p).rejects.toThrow(message);

beforeAll(async () => {
  t = await useFreshDatabase("sqlite");
  setRevokeSink(async () => {});
  const user = await createUser({ email, username: "mfa", password });
  const { token } = await createSession(user.id);
  actor = (await actorForSessionToken(token)) as Actor;
  const setup = await beginMfaSetup(actor);
  key = base32Decode(setup.secret);
  expect(key.length).toBeGreaterThanOrEqual(20);
  expect(setup.uri).toMatch(/^otpauth:\/\/totp\//);
  expect(setup.uri).toContain(`secret=${setup.secret}`);
  expect(setup.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  const confirmed = await confirmMfaSetup(actor, { code: totpAt(key, Date.now() / 1000) });
  recoveryCodes = confirmed.recoveryCodes;
  base = (Math.floor(Date.now() / 30_000) + 10) * 30_000 + 15_000;
});
afterAll(async () => {
  setRevokeSink(null);
  await t.drop();
});

describe("[AUTH] TOTP test implementation", () => {
  it("matches the RFC 6238 appendix B test vectors (SHA-1)", () => {
    const seed = Buffer.from("12345678901234567890", "ascii");
    const vectors: [number, string][] = [
      [59, "94287082"],
      [1111111109, "07081804"],
      [1111111111, "14050471"],
      [1234567890, "89005924"],
      [2000000000, "69279037"],
      [20000000000, "65353130"],
    ];
    for (const [time, code] of vectors) expect(totpAt(seed, time, 8)).toBe(code);
  });
});

describe("[AUTH] TOTP multi-factor sign-in", () => {
  it("stores the secret sealed, never in clear, and recovery codes as SHA-256", async () => {
    const row = await t.db.user.findUniqueOrThrow({ where: { email }, select: { totpSecret: true, mfaEnabled: true, id: true } });
    expect(row.mfaEnabled).toBe(true);
    const secretB32 = openSecret("totp", row.totpSecret as string) as string;
    expect(base32Decode(secretB32).equals(key)).toBe(true);
    expect(row.totpSecret).not.toContain(secretB32);
    const codes = await t.db.mfaRecoveryCode.findMany({ where: { userId: row.id } });
    expect(codes).toHaveLength(10);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(codes.map((c) => c.codeHash).sort()).toEqual(recoveryCodes.map((c) => sha256(c.replace(/-/g, ""))).sort());
    const res = await call(mfaGet, { headers: {} });
    expect(res.status).toBe(401);
  });

  it("asks for the code only after a right password", async () => {
    await expectRefused(signIn(undefined, base), "MFA_REQUIRED");
    expect(await signIn(undefined, base, "wrong password!")).toBeNull();
    expect(await signIn(totpAt(key, base / 1000), base, "wrong password!")).toBeNull();
  });

  it("accepts a code from the independent implementation, once (replay refused)", async () => {
    const code = totpAt(key, base / 1000);
    const user = await signIn(code, base);
    expect(user).toMatchObject({ email, name: "mfa" });
    expect(typeof (user as { sid: string }).sid).toBe("string");
    await expectRefused(signIn(code, base), "MFA_INVALID");
    await expectRefused(signIn(code, base + 10_000), "MFA_INVALID");
    const audit = await t.db.auditLog.findMany({ where: { action: { in: ["auth.sign_in", "auth.sign_in_failed"] } } });
    expect(audit.some((a) => a.action === "auth.sign_in" && a.details?.includes('"totp"'))).toBe(true);
    expect(audit.some((a) => a.action === "auth.sign_in_failed" && a.details?.includes("mfa_invalid"))).toBe(true);
    expect(audit.every((a) => !a.details?.includes(password))).toBe(true);
  });

  it("accepts ±1 step of clock drift and refuses ±2", async () => {
    // Server at step S+2: a device one step ahead (S+3) is accepted.
    const now1 = base + 60_000;
    expect(await signIn(totpAt(key, now1 / 1000 + 30), now1)).not.toBeNull();
    // Server at S+5: a device one step behind (S+4) is accepted.
    const now2 = base + 150_000;
    expect(await signIn(totpAt(key, now2 / 1000 - 30), now2)).not.toBeNull();
    // Server at S+10: two steps behind or ahead are refused; the current code still works.
    const now3 = base + 300_000;
    await expectRefused(signIn(totpAt(key, now3 / 1000 - 60), now3), "MFA_INVALID");
    await expectRefused(signIn(totpAt(key, now3 / 1000 + 60), now3), "MFA_INVALID");
    expect(await signIn(totpAt(key, now3 / 1000), now3)).not.toBeNull();
  });

  it("refuses an older code after a newer one was used", async () => {
    const now = base + 600_000;
    expect(await signIn(totpAt(key, now / 1000), now)).not.toBeNull();
    await expectRefused(signIn(totpAt(key, now / 1000 - 30), now), "MFA_INVALID");
  });

  it("accepts a recovery code once instead of a code", async () => {
    const now = base + 900_000;
    const code = recoveryCodes[0];
    expect(await signIn(code.toUpperCase(), now)).not.toBeNull();
    await expectRefused(signIn(code, now), "MFA_INVALID");
    expect(await t.db.mfaRecoveryCode.count({ where: { usedAt: { not: null } } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { action: "mfa.recovery_code_used" } })).toBe(1);
  });

  it("regenerates recovery codes with a proof, and turns MFA off with the password", async () => {
    await expect(regenerateRecoveryCodes(actor, { password: "wrong password!" })).rejects.toMatchObject({ code: "validation" });
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes(actor, { password });
    expect(fresh).toHaveLength(10);
    const now = base + 1_200_000;
    await expectRefused(signIn(recoveryCodes[1], now), "MFA_INVALID");
    expect(await signIn(fresh[0], now)).not.toBeNull();

    await expect(disableMfa(actor, {})).rejects.toMatchObject({ code: "validation" });
    await disableMfa(actor, { password });
    const row = await t.db.user.findUniqueOrThrow({ where: { email } });
    expect(row).toMatchObject({ mfaEnabled: false, totpSecret: null });
    expect(await t.db.mfaRecoveryCode.count({ where: { userId: row.id } })).toBe(0);
    expect(await signIn(undefined, Date.now())).not.toBeNull();
    const actions = (await t.db.auditLog.findMany({ where: { action: { startsWith: "mfa." } } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["mfa.enabled", "mfa.disabled", "mfa.recovery_code_used"]));
  });
});

describe("[AUTH] MFA REST", () => {
  it("shows the state to an API key but lets only a browser session change it", async () => {
    const other = await createUser({ email: "keyed@example.com", username: "keyed", password });
    const { key } = await createApiKey({ userId: other.id, name: "script" });
    const status = await call(mfaGet, { key, path: "/api/v1/me/mfa" });
    expect(status.status).toBe(200);
    expect(status.json).toEqual({ enabled: false, pending: false, recoveryCodesLeft: 0 });
    expect((await call(mfaSetup, { key, method: "POST", path: "/api/v1/me/mfa/setup" })).status).toBe(403);
    expect((await call(mfaDelete, { key, method: "DELETE", body: { password }, path: "/api/v1/me/mfa" })).status).toBe(403);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: other.id } })).totpSecret).toBeNull();
  });
});
