// next-auth (credentials) signs people in; the session itself is a row in `sessions`. The JWT
// cookie only carries that row's raw token (`sid`), so revoking the row signs the browser out.
//
// Sign-in: lock check (account and IP) → password → second factor when MFA is on → session. Every
// failure is counted for the lockout and audited; the answer never tells whether the email exists.
// The form learns "MFA_REQUIRED" / "MFA_INVALID" only after the password was verified.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { NO_META, type RequestMeta, recordAudit, requestMeta } from "../audit/audit.ts";
import { getDb } from "../db/client.ts";
import { safeReturnPath } from "../http/return-url.ts";
import { checkPasswordWithPolicy, type DirectoryFailure } from "../sso/password-sign-in.ts";
import { auditLocks, reserveAttempt, sleep, throttleKeys } from "./lockout.ts";
import { verifySecondFactor } from "./mfa.ts";
import { burnPasswordCheck, verifyPassword } from "./passwords.ts";
import { nextAuthSecret } from "./request.ts";
import { createSession, revokeSessionToken, SESSION_MAX_AGE_S } from "./sessions.ts";

/** Error messages `authorize` throws; the sign-in form recognises them. */
export const SIGN_IN_ERRORS = {
  mfaRequired: "MFA_REQUIRED",
  mfaInvalid: "MFA_INVALID",
  locked: "LOCKED",
  directoryUnavailable: "DIRECTORY_UNAVAILABLE",
} as const;

const SIGN_IN_USER = { id: true, username: true, email: true, passwordHash: true, isActive: true, mfaEnabled: true } as const;

type CredentialCheck =
  | { ok: true; user: { id: number; username: string; email: string; mfaEnabled: boolean } }
  | { ok: false; userId: number | null; reason: "unknown_email" | "wrong_password" | "disabled" };

/** Email and password only (no lockout, no second factor); an unknown email costs a bcrypt check too. */
async function verifyCredentials(email: string, password: string): Promise<CredentialCheck> {
  const user = await getDb().user.findFirst({
    where: { email: email.trim().toLowerCase(), deletedAt: null },
    select: SIGN_IN_USER,
  });
  if (!user) {
    await burnPasswordCheck(password);
    return { ok: false, userId: null, reason: "unknown_email" };
  }
  if (!(await verifyPassword(password, user.passwordHash))) return { ok: false, userId: user.id, reason: "wrong_password" };
  if (!user.isActive) return { ok: false, userId: user.id, reason: "disabled" };
  return { ok: true, user: { id: user.id, username: user.username, email: user.email, mfaEnabled: user.mfaEnabled } };
}

/** The user for a right email and password of an active account, else null. */
export async function checkCredentials(email: string, password: string) {
  const checked = await verifyCredentials(email, password);
  return checked.ok ? checked.user : null;
}

export type SignInAttempt = { email: string; password: string; code?: string | null };
export type SignInResult =
  | { ok: true; user: { id: number; username: string; email: string }; secondFactor: "totp" | "recovery" | null }
  | { ok: false; reason: "invalid" | "locked" | "mfa_required" | "mfa_invalid" | "unavailable" };

/** Options for tests: skip the progressive delay, or evaluate TOTP codes at another time. */
export type SignInOptions = { delay?: boolean; now?: number };

/** The whole sign-in decision (without creating the session). */
export async function attemptSignIn(
  attempt: SignInAttempt,
  meta: RequestMeta = NO_META,
  options: SignInOptions = {},
): Promise<SignInResult> {
  const email = attempt.email.trim().toLowerCase().slice(0, 191);
  const keys = throttleKeys(email, meta.ip);

  // The attempt is counted before anything is checked: concurrent guesses cannot outrun the lock.
  const reserved = await reserveAttempt(keys);
  if (!reserved) {
    // Same work as a real check, so a lock cannot be told from a slow answer either.
    await burnPasswordCheck(attempt.password);
    const user = await getDb().user.findFirst({ where: { email, deletedAt: null }, select: { id: true } });
    await recordAudit({
      actor: user?.id ?? null,
      action: "auth.sign_in_failed",
      details: { email, reason: "locked" },
      meta,
    });
    return { ok: false, reason: "locked" };
  }

  const fail = async (
    userId: number | null,
    reason: Exclude<DirectoryFailure, "directory_unavailable"> | "mfa_invalid",
    detail?: string,
  ): Promise<SignInResult> => {
    const counted = await reserved.fail();
    await recordAudit({
      actor: userId,
      action: "auth.sign_in_failed",
      details: { email, reason, ...(detail ? { detail } : {}) },
      meta,
    });
    await auditLocks(counted.locked, keys, userId, meta);
    if (options.delay !== false && counted.delayMs > 0) await sleep(counted.delayMs);
    return { ok: false, reason: reason === "mfa_invalid" ? "mfa_invalid" : "invalid" };
  };

  // LDAP and "SSO only" (lib/sso) decide when configured; otherwise the local password does.
  const checked =
    (await checkPasswordWithPolicy(email, attempt.password, meta)) ?? (await verifyCredentials(email, attempt.password));
  if (!checked.ok) {
    const detail = "detail" in checked ? checked.detail : undefined;
    if (checked.reason !== "directory_unavailable") return fail(checked.userId, checked.reason, detail);
    // Not counted against the account: the directory being down is nobody's guess.
    await reserved.release();
    await recordAudit({
      actor: checked.userId,
      action: "auth.sign_in_failed",
      details: { email, reason: checked.reason, detail },
      meta,
    });
    return { ok: false, reason: "unavailable" };
  }
  const { user } = checked;

  let secondFactor: "totp" | "recovery" | null = null;
  if (user.mfaEnabled) {
    const code = attempt.code?.trim();
    if (!code) {
      // The password was right and nothing was guessed yet: the reservation is given back.
      await reserved.release();
      return { ok: false, reason: "mfa_required" };
    }
    secondFactor = await verifySecondFactor(user.id, code.slice(0, 64), meta, options.now);
    if (!secondFactor) return fail(user.id, "mfa_invalid");
  }

  await reserved.succeed();
  await getDb().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() }, select: { id: true } });
  await recordAudit({
    actor: user.id,
    action: "auth.sign_in",
    resourceType: "user",
    resourceId: user.id,
    details: { mfa: secondFactor, ...("method" in checked && checked.method === "ldap" ? { method: "ldap" } : {}) },
    meta,
  });
  return { ok: true, user: { id: user.id, username: user.username, email: user.email }, secondFactor };
}

/** next-auth's `authorize`: a user with a new session, null for wrong credentials, or an Error
 * whose message the form shows as the second step / the lock. */
export async function authorizeCredentials(
  credentials: Record<string, string> | undefined,
  headers: Record<string, string | string[] | undefined> = {},
  options: SignInOptions = {},
) {
  const email = String(credentials?.email ?? "").slice(0, 191);
  const password = String(credentials?.password ?? "").slice(0, 1000);
  const code = String(credentials?.code ?? "").slice(0, 64);
  if (!email || !password) return null;
  const meta = requestMeta(headers);
  const result = await attemptSignIn({ email, password, code }, meta, options);
  if (!result.ok) {
    if (result.reason === "mfa_required") throw new Error(SIGN_IN_ERRORS.mfaRequired);
    if (result.reason === "mfa_invalid") throw new Error(SIGN_IN_ERRORS.mfaInvalid);
    if (result.reason === "locked") throw new Error(SIGN_IN_ERRORS.locked);
    if (result.reason === "unavailable") throw new Error(SIGN_IN_ERRORS.directoryUnavailable);
    return null;
  }
  const { user } = result;
  const { token } = await createSession(user.id, meta);
  return { id: String(user.id), name: user.username, email: user.email, sid: token };
}

export function authOptions(): NextAuthOptions {
  return {
    secret: nextAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          code: { label: "Code", type: "text" },
        },
        async authorize(credentials, req) {
          return authorizeCredentials(credentials, (req?.headers ?? {}) as Record<string, string | undefined>);
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user && "sid" in user) token.sid = (user as { sid: string }).sid;
        return token;
      },
      async session({ session }) {
        return session;
      },
      // next-auth's own `callbackUrl` (its sign-in and sign-out redirects): on this site only.
      async redirect({ url, baseUrl }) {
        return new URL(safeReturnPath(url, baseUrl), baseUrl).toString();
      },
    },
    events: {
      async signOut({ token }) {
        if (token && typeof token.sid === "string") await revokeSessionToken(token.sid);
      },
    },
  };
}
