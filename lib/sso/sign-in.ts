// The end of a single sign-on: from a resolved account to a WarmDesk session, through the same
// lockout, second factor, audit and session rows as a password sign-in. The browser gets the same
// next-auth cookie as after a password sign-in (a JWT carrying only the session row's token, plus,
// for OpenID Connect, the ID token as the hint for the provider's logout).
import { encode } from "next-auth/jwt";
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { lockedUntil, recordSignInFailure, resetAccountFailures, sleep, throttleKeys } from "../auth/lockout.ts";
import { verifySecondFactor } from "../auth/mfa.ts";
import { nextAuthSecret, SESSION_COOKIES } from "../auth/request.ts";
import { openSecret, sealSecret } from "../auth/secret-box.ts";
import { createSession, SESSION_MAX_AGE_S } from "../auth/sessions.ts";
import { getDb } from "../db/client.ts";
import type { ExternalSignIn, ExternalUser } from "./identities.ts";
import type { SsoFailure } from "./oidc.ts";

export type SsoMethod = "oidc" | "ldap";

export const MFA_COOKIE = "warmdesk.sso-mfa";
export const MFA_MAX_AGE_S = 300;

export type Cookie = { name: string; value: string; maxAge: number; path: string };

/** next-auth's own choice: the __Secure- cookie when the site is served over https. */
const secureSite = () => (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
export const sessionCookieName = () => (secureSite() ? SESSION_COOKIES[0] : SESSION_COOKIES[1]);

/** A Set-Cookie header value (HttpOnly, SameSite=Lax, Secure on https). */
export function serializeCookie(c: Cookie): string {
  const parts = [`${c.name}=${encodeURIComponent(c.value)}`, `Path=${c.path}`, `Max-Age=${c.maxAge}`, "HttpOnly", "SameSite=Lax"];
  if (secureSite()) parts.push("Secure");
  return parts.join("; ");
}

async function sessionCookie(user: ExternalUser, meta: RequestMeta, extra: { idToken?: string | null; method: SsoMethod }) {
  const { token } = await createSession(user.id, meta);
  const value = await encode({
    secret: nextAuthSecret(),
    maxAge: SESSION_MAX_AGE_S,
    token: {
      sub: String(user.id),
      name: user.username,
      email: user.email,
      sid: token,
      sso: extra.method,
      ...(extra.idToken ? { idt: extra.idToken } : {}),
    },
  });
  return { name: sessionCookieName(), value, maxAge: SESSION_MAX_AGE_S, path: "/" };
}

export type SsoOutcome =
  | { kind: "session"; cookie: Cookie; user: ExternalUser }
  | { kind: "mfa"; cookie: Cookie; user: ExternalUser }
  | { kind: "failed"; reason: SsoFailure };

/** Audits a refused single sign-on (no counting: a provider's answer is not a password guess). */
export async function auditSsoFailure(
  method: SsoMethod,
  reason: SsoFailure,
  userId: number | null,
  meta: RequestMeta,
  extra = {},
) {
  await recordAudit({ actor: userId, action: "auth.sign_in_failed", details: { method, reason, ...extra }, meta });
}

type Pending = { userId: number; method: SsoMethod; idToken: string | null; exp: number };

/**
 * From the account a provider vouched for to a session, or to the second-factor step when the user
 * has WarmDesk's TOTP and the administrator does not rely on the provider's MFA.
 */
export async function finishExternalSignIn(
  resolved: ExternalSignIn,
  method: SsoMethod,
  meta: RequestMeta,
  options: { idToken?: string | null; providerMfa: boolean },
): Promise<SsoOutcome> {
  if (!resolved.ok) {
    await auditSsoFailure(method, resolved.reason, resolved.userId, meta);
    return { kind: "failed", reason: resolved.reason };
  }
  const { user } = resolved;
  const keys = throttleKeys(user.email, meta.ip);
  if (await lockedUntil(keys)) {
    await auditSsoFailure(method, "locked", user.id, meta);
    return { kind: "failed", reason: "locked" };
  }
  if (user.mfaEnabled && !options.providerMfa) {
    const pending: Pending = {
      userId: user.id,
      method,
      idToken: options.idToken ?? null,
      exp: Date.now() + MFA_MAX_AGE_S * 1000,
    };
    const cookie = { name: MFA_COOKIE, value: sealSecret("sso", JSON.stringify(pending)), maxAge: MFA_MAX_AGE_S, path: "/" };
    return { kind: "mfa", cookie, user };
  }
  return { kind: "session", cookie: await openSession(user, method, meta, options.idToken ?? null, null), user };
}

async function openSession(user: ExternalUser, method: SsoMethod, meta: RequestMeta, idToken: string | null, mfa: string | null) {
  await resetAccountFailures(throttleKeys(user.email, meta.ip));
  await getDb().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() }, select: { id: true } });
  await recordAudit({
    actor: user.id,
    action: "auth.sign_in",
    resourceType: "user",
    resourceId: user.id,
    details: { method, mfa, ...(user.created ? { created: true } : {}), ...(user.linked ? { linked: true } : {}) },
    meta,
  });
  return sessionCookie(user, meta, { idToken, method });
}

export type MfaStepResult = { ok: true; cookie: Cookie } | { ok: false; reason: "expired" | "invalid" | "locked" };

/** The second step of a single sign-on: WarmDesk's TOTP or a recovery code, counted like a password sign-in's. */
export async function verifySsoSecondFactor(
  sealed: string | null | undefined,
  code: string,
  meta: RequestMeta,
  options: { delay?: boolean; now?: number } = {},
): Promise<MfaStepResult> {
  const plain = sealed ? openSecret("sso", sealed) : null;
  const pending = plain ? (JSON.parse(plain) as Pending) : null;
  if (!pending || pending.exp < Date.now()) return { ok: false, reason: "expired" };
  const user = await getDb().user.findFirst({
    where: { id: pending.userId, deletedAt: null, isActive: true },
    select: { id: true, username: true, email: true, mfaEnabled: true },
  });
  if (!user) return { ok: false, reason: "expired" };
  const keys = throttleKeys(user.email, meta.ip);
  if (await lockedUntil(keys)) {
    await auditSsoFailure(pending.method, "locked", user.id, meta);
    return { ok: false, reason: "locked" };
  }
  const factor = user.mfaEnabled ? await verifySecondFactor(user.id, code.trim().slice(0, 64), meta, options.now) : "totp";
  if (!factor) {
    const counted = await recordSignInFailure(keys);
    await recordAudit({
      actor: user.id,
      action: "auth.sign_in_failed",
      details: { method: pending.method, reason: "mfa_invalid" },
      meta,
    });
    for (const lock of counted.locked) {
      await recordAudit({
        actor: lock.key === keys.account ? user.id : null,
        action: "auth.locked",
        details: { key: lock.key, until: lock.until.toISOString() },
        meta,
      });
    }
    if (options.delay !== false && counted.delayMs > 0) await sleep(counted.delayMs);
    return { ok: false, reason: "invalid" };
  }
  const account = { ...user, created: false, linked: false };
  return { ok: true, cookie: await openSession(account, pending.method, meta, pending.idToken, factor) };
}
