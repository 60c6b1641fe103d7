// OpenID Connect sign-in against a real provider (oidc-provider on loopback): accounts, identities,
// groups, policies, and every refusal the flow owes (forged, expired or foreign ID tokens, a wrong
// state, a replayed code, a wrong issuer, a wrong client secret).

import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as realtimeToken } from "../../app/api/realtime/token/route.ts";
import { NO_META } from "../../lib/audit/audit.ts";
import { nextAuthSecret } from "../../lib/auth/request.ts";
import { sealSecret } from "../../lib/auth/secret-box.ts";
import { actorForSessionToken, isSessionLive } from "../../lib/auth/sessions.ts";
import { getConfig } from "../../lib/config.ts";
import { verifyRealtimeToken } from "../../lib/realtime/token.ts";
import { checkOidc, clearOidcCache } from "../../lib/sso/oidc.ts";
import { beginOidc, completeOidc } from "../../lib/sso/oidc-sign-in.ts";
import { DEFAULT_OIDC, getSsoConfig, type OidcSettings, writeSsoSections } from "../../lib/sso/settings.ts";
import { verifySsoSecondFactor } from "../../lib/sso/sign-in.ts";
import { createUser } from "../../lib/users/users.ts";
import { call } from "../api/helpers.ts";
import { type TestDatabase, useFreshDatabase } from "../helpers/db.ts";
import { closedPort, resign, signInAtProvider, startTestProvider, type TestProvider } from "../helpers/oidc-provider.ts";
import { base32Decode, totpAt } from "../helpers/rfc6238.ts";

const APP = "http://warmdesk.test";
const CALLBACK = `${APP}/api/auth/sso/oidc/callback`;
let t: TestDatabase;
let idp: TestProvider;

async function configure(change: Partial<OidcSettings> = {}, secret?: string) {
  await writeSsoSections(
    {
      oidc: {
        ...DEFAULT_OIDC,
        enabled: true,
        issuer: idp.issuer,
        clientId: idp.clientId,
        scopes: "openid email profile groups",
        ...change,
      },
    },
    { oidc: secret ?? idp.clientSecret },
  );
}

/** A whole round trip as the browser makes it; `edit` may change the callback URL before WarmDesk sees it. */
async function signInAs(login: string, edit: (callback: URL) => URL = (u) => u) {
  const { url, cookie } = await beginOidc(`${APP}/api/auth/sso/oidc?callbackUrl=/projects`, "/projects");
  const back = await signInAtProvider(url.toString(), login);
  expect(back.origin + back.pathname).toBe(CALLBACK);
  return { outcome: await completeOidc(edit(back), cookie, { ip: "203.0.113.9", userAgent: "vitest" }), cookie, back };
}

async function sessionOf(cookieValue: string) {
  const payload = await decode({ token: cookieValue, secret: nextAuthSecret() });
  return { payload, actor: await actorForSessionToken(String(payload?.sid)) };
}

beforeAll(async () => {
  t = await useFreshDatabase("sqlite");
  idp = await startTestProvider({ redirectUris: [CALLBACK] });
  idp.accounts.set("alice", {
    email: "alice@corp.example",
    email_verified: true,
    name: "Alice Liddell",
    preferred_username: "alice",
    groups: ["devs"],
  });
});
afterAll(async () => {
  await idp?.close();
  await t?.drop();
});
beforeEach(async () => {
  idp.tamper = null;
  clearOidcCache();
  await configure();
});

describe("[SSO] OpenID Connect sign-in", () => {
  it("creates the account at the first sign-in, identified by iss + sub, with a session like any other", async () => {
    const { outcome } = await signInAs("alice");
    expect(outcome.kind).toBe("session");
    if (outcome.kind !== "session") return;
    expect(outcome.callbackUrl).toBe("/projects");
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "alice@corp.example" }, include: { identities: true } });
    expect(user).toMatchObject({ username: "alice", displayName: "Alice Liddell", passwordHash: "!" });
    expect(user.identities).toMatchObject([{ provider: "oidc", issuer: idp.issuer, subject: "alice" }]);
    const { payload, actor } = await sessionOf(outcome.cookie.value);
    expect(actor).toMatchObject({ userId: user.id, username: "alice" });
    expect(payload).toMatchObject({ sso: "oidc" });
    expect(typeof payload?.idt).toBe("string");
    const session = await t.db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session).toMatchObject({ ip: "203.0.113.9", userAgent: "vitest" });
    const audit = await t.db.auditLog.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["user.created", "auth.sign_in"]));
    expect(JSON.parse(audit.find((a) => a.action === "auth.sign_in")?.details ?? "{}")).toMatchObject({ method: "oidc" });

    // The browser's cookie works for the API and the realtime sidecar's token, like a password session's.
    const cookie = `${outcome.cookie.name}=${encodeURIComponent(outcome.cookie.value)}`;
    const token = await call(realtimeToken, { method: "POST", headers: { cookie } });
    expect(token.status).toBe(200);
    const claims = verifyRealtimeToken(token.json.token, getConfig().authSecret);
    expect(claims).toMatchObject({ uid: user.id, sid: session.id });
    expect(await isSessionLive(session.id)).toBe(true);

    // The second sign-in finds the same account by its subject, even with another email at the provider.
    idp.accounts.set("alice", { ...idp.accounts.get("alice"), email: "alice.l@corp.example" });
    const again = await signInAs("alice");
    expect(again.outcome.kind).toBe("session");
    expect(await t.db.user.count({ where: { username: { startsWith: "alice" } } })).toBe(1);
    idp.accounts.set("alice", { ...idp.accounts.get("alice"), email: "alice@corp.example" });
  });

  it("refuses a wrong state, a missing or foreign round-trip cookie, and a replayed code", async () => {
    const wrongState = await signInAs("alice", (u) => {
      u.searchParams.set("state", "not-the-state");
      return u;
    });
    expect(wrongState.outcome).toMatchObject({ kind: "failed", reason: "state" });

    const first = await signInAs("alice");
    expect(first.outcome.kind).toBe("session");
    // The same answer again (the browser's back button, or someone who captured it): the provider refuses the spent code.
    const replay = await completeOidc(first.back, first.cookie, NO_META);
    expect(replay).toMatchObject({ kind: "failed", reason: "exchange" });

    const { url } = await beginOidc(`${APP}/x`, "/");
    const back = await signInAtProvider(url.toString(), "alice");
    expect(await completeOidc(back, null, NO_META)).toMatchObject({ kind: "failed", reason: "state" });
    expect(await completeOidc(back, sealSecret("totp", "{}"), NO_META)).toMatchObject({ kind: "failed", reason: "state" });
    const failures = await t.db.auditLog.count({ where: { action: "auth.sign_in_failed" } });
    expect(failures).toBeGreaterThanOrEqual(4);
  });

  it("refuses a forged ID token, an expired one, and one from another issuer or for another client", async () => {
    const cases: [string, Parameters<typeof resign>[2], "real" | "forged"][] = [
      ["forged signature", {}, "forged"],
      ["expired", { exp: Math.floor(Date.now() / 1000) - 3600, iat: Math.floor(Date.now() / 1000) - 7200 }, "real"],
      ["wrong issuer", { iss: "http://127.0.0.1:9/evil" }, "real"],
      ["wrong audience", { aud: "someone-else" }, "real"],
      ["wrong nonce", { nonce: "another-nonce" }, "real"],
    ];
    const before = await t.db.session.count();
    for (const [name, change, key] of cases) {
      idp.tamper = async (idToken) => resign(idp, idToken, change, key);
      const { outcome } = await signInAs("alice");
      expect(outcome, name).toMatchObject({ kind: "failed", reason: "token" });
    }
    expect(await t.db.session.count()).toBe(before);
    // The untouched token still works (the tampering, not the test setup, caused the refusals).
    idp.tamper = async (idToken) => idToken;
    expect((await signInAs("alice")).outcome.kind).toBe("session");
  });

  it("links an existing account only by a verified email and only when allowed", async () => {
    const bob = await createUser({ email: "bob@corp.example", username: "bob", password: "correct horse battery" });
    idp.accounts.set("bob-sub", { email: "bob@corp.example", email_verified: false, preferred_username: "bob" });
    await configure({ allowLinking: true });
    expect((await signInAs("bob-sub")).outcome).toMatchObject({ kind: "failed", reason: "email_taken" });
    idp.accounts.set("bob-sub", { email: "bob@corp.example", email_verified: true, preferred_username: "bob" });
    await configure({ allowLinking: false });
    expect((await signInAs("bob-sub")).outcome).toMatchObject({ kind: "failed", reason: "email_taken" });
    expect(await t.db.userIdentity.count({ where: { userId: bob.id } })).toBe(0);
    await configure({ allowLinking: true });
    const linked = await signInAs("bob-sub");
    expect(linked.outcome.kind).toBe("session");
    expect(await t.db.userIdentity.count({ where: { userId: bob.id, subject: "bob-sub" } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { action: "user.identity_linked", userId: bob.id } })).toBe(1);
  });

  it("keeps disabled users out, and honours sign-up, domain and group restrictions", async () => {
    idp.accounts.set("carol", { email: "carol@corp.example", email_verified: true, preferred_username: "carol", groups: [] });
    await configure({ allowSignUp: false });
    expect((await signInAs("carol")).outcome).toMatchObject({ kind: "failed", reason: "sign_up_disabled" });
    await configure({ allowedDomains: ["other.example"] });
    expect((await signInAs("carol")).outcome).toMatchObject({ kind: "failed", reason: "domain_not_allowed" });
    await configure({ requiredGroups: ["warmdesk-users"] });
    expect((await signInAs("carol")).outcome).toMatchObject({ kind: "failed", reason: "group_not_allowed" });
    expect(await t.db.user.count({ where: { email: "carol@corp.example" } })).toBe(0);
    await configure({ allowedDomains: ["corp.example"] });
    expect((await signInAs("carol")).outcome.kind).toBe("session");

    await t.db.user.update({ where: { email: "carol@corp.example" }, data: { isActive: false } });
    expect((await signInAs("carol")).outcome).toMatchObject({ kind: "failed", reason: "disabled" });
  });

  it("asks for WarmDesk's TOTP after the provider, unless the administrator relies on the provider's MFA", async () => {
    idp.accounts.set("dave", { email: "dave@corp.example", email_verified: true, preferred_username: "dave" });
    expect((await signInAs("dave")).outcome.kind).toBe("session");
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    await t.db.user.update({
      where: { email: "dave@corp.example" },
      data: { mfaEnabled: true, totpSecret: sealSecret("totp", secret) },
    });
    const { outcome } = await signInAs("dave");
    expect(outcome.kind).toBe("mfa");
    if (outcome.kind !== "mfa") return;
    const meta = { ip: "203.0.113.10", userAgent: "vitest" };
    expect(await verifySsoSecondFactor(outcome.cookie.value, "000000", meta, { delay: false })).toMatchObject({
      ok: false,
      reason: "invalid",
    });
    const done = await verifySsoSecondFactor(
      outcome.cookie.value,
      totpAt(base32Decode(secret), Math.floor(Date.now() / 1000)),
      meta,
      { delay: false },
    );
    expect(done.ok).toBe(true);
    if (done.ok) expect((await sessionOf(done.cookie.value)).actor?.username).toBe("dave");
    expect(await verifySsoSecondFactor(sealSecret("sso", JSON.stringify({ userId: 1, exp: 0 })), "1", meta)).toMatchObject({
      reason: "expired",
    });

    await configure({ providerMfa: true });
    expect((await signInAs("dave")).outcome.kind).toBe("session");
  });

  it("checks the configuration at save time: discovery, issuer and client secret", async () => {
    const { oidc } = await getSsoConfig();
    expect(await checkOidc(oidc, APP)).toMatchObject({ ok: true, problem: null });
    const wrongSecret = await checkOidc({ ...oidc, clientSecret: "wrong" }, APP);
    expect(wrongSecret.ok).toBe(false);
    expect(wrongSecret.problem).toMatch(/client secret/);
    const unreachable = await checkOidc({ ...oidc, issuer: `http://127.0.0.1:${await closedPort()}` }, APP);
    expect(unreachable.ok).toBe(false);
    expect(unreachable.problem).toMatch(/Discovery failed.*(refused|reached)/);
    // The discovery document names another issuer than the one configured.
    const wrongIssuer = await checkOidc({ ...oidc, issuer: idp.issuer.replace("127.0.0.1", "localhost") }, APP);
    expect(wrongIssuer.ok).toBe(false);
    expect(wrongIssuer.problem).toMatch(/Discovery failed/);
  });
});
