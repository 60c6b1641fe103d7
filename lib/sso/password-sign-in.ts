// The password form when company sign-in is configured: LDAP accounts check their password at the
// directory, and "SSO only" refuses local passwords except the break-glass administrator's. The
// caller (lib/auth/next-auth.ts) keeps doing lockout, the second factor, audit and the session, so a
// directory sign-in is counted, locked and audited like any other.
import type { RequestMeta } from "../audit/audit.ts";
import { burnPasswordCheck, hasUsablePassword, verifyPassword } from "../auth/passwords.ts";
import { getDb } from "../db/client.ts";
import { resolveExternalUser } from "./identities.ts";
import { LDAP_ISSUER, LdapUnavailable, ldapAuthenticate, profileFromLdap } from "./ldap.ts";
import { getSsoConfig, isLdapUsable } from "./settings.ts";

export type DirectoryFailure =
  | "unknown_email"
  | "wrong_password"
  | "disabled"
  | "password_disabled"
  | "not_allowed"
  | "directory_unavailable";

export type DirectoryCheck =
  | { ok: true; user: { id: number; username: string; email: string; mfaEnabled: boolean }; method: "password" | "ldap" }
  | { ok: false; userId: number | null; reason: DirectoryFailure; detail?: string };

/**
 * The password check when LDAP is on or password sign-in is off; null when neither (the caller's own
 * email-and-password check applies unchanged).
 */
export async function checkPasswordWithPolicy(
  identifier: string,
  password: string,
  meta: RequestMeta,
): Promise<DirectoryCheck | null> {
  const { ldap, policy } = await getSsoConfig();
  const ldapOn = isLdapUsable(ldap);
  if (!ldapOn && policy.passwordSignIn) return null;

  const local = await getDb().user.findFirst({
    where: { email: identifier, deletedAt: null },
    select: {
      id: true,
      username: true,
      email: true,
      passwordHash: true,
      isActive: true,
      mfaEnabled: true,
      identities: { where: { issuer: LDAP_ISSUER }, select: { id: true } },
    },
  });
  if (local && local.identities.length === 0) {
    const breakGlass = policy.breakGlassUsername !== "" && local.username === policy.breakGlassUsername;
    if (!policy.passwordSignIn && !breakGlass && !ldapOn) {
      await burnPasswordCheck(password);
      return { ok: false, userId: local.id, reason: "password_disabled" };
    }
    if ((policy.passwordSignIn || breakGlass) && hasUsablePassword(local.passwordHash)) {
      if (await verifyPassword(password, local.passwordHash)) {
        if (!local.isActive) return { ok: false, userId: local.id, reason: "disabled" };
        const { id, username, email, mfaEnabled } = local;
        return { ok: true, user: { id, username, email, mfaEnabled }, method: "password" };
      }
      if (!ldapOn) return { ok: false, userId: local.id, reason: "wrong_password" };
    }
  }
  if (!ldapOn) {
    await burnPasswordCheck(password);
    return { ok: false, userId: local?.id ?? null, reason: local ? "password_disabled" : "unknown_email" };
  }

  let checked: Awaited<ReturnType<typeof ldapAuthenticate>>;
  try {
    checked = await ldapAuthenticate(ldap, identifier, password);
  } catch (e) {
    if (!(e instanceof LdapUnavailable)) throw e;
    return { ok: false, userId: local?.id ?? null, reason: "directory_unavailable", detail: e.message };
  }
  if (!checked.ok)
    return { ok: false, userId: local?.id ?? null, reason: checked.reason === "not_found" ? "unknown_email" : "wrong_password" };
  const resolved = await resolveExternalUser(profileFromLdap(checked.user), ldap, meta);
  if (!resolved.ok) {
    return {
      ok: false,
      userId: resolved.userId,
      reason: resolved.reason === "disabled" ? "disabled" : "not_allowed",
      detail: resolved.reason,
    };
  }
  const { id, username, email, mfaEnabled } = resolved.user;
  return { ok: true, user: { id, username, email, mfaEnabled }, method: "ldap" };
}
