// Self-service sign-up, when an administrator allows it (`allow_signup`, off by default). Off, the
// endpoint and page do not exist (404). New accounts are plain users in the instance's default
// language; requests are limited per address so the endpoint cannot be used to mass-create accounts.
import { z } from "zod";
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { allowRequest } from "../auth/rate-limit.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { LANGUAGES } from "../i18n/locales.ts";
import { getSettings } from "../settings/settings.ts";
import { getSsoConfig } from "../sso/settings.ts";
import { createUser, ZCreateUser } from "./users.ts";

export const SIGNUP_LIMIT = { perIp: 5, windowMs: 60 * 60 * 1000 } as const;

export const ZSignUp = z
  .object({
    email: ZCreateUser.shape.email,
    username: ZCreateUser.shape.username,
    password: ZCreateUser.shape.password,
    // Not ZCreateUser's: its default ("en") would hide the instance's default language.
    language: z.enum(LANGUAGES).optional(),
  })
  .strict();

/** Sign-up makes password accounts: "SSO only" (lib/sso) turns it off too. */
export async function isSignUpAllowed(): Promise<boolean> {
  const [settings, sso] = await Promise.all([getSettings(), getSsoConfig()]);
  return settings.allow_signup && sso.policy.passwordSignIn;
}

export async function signUp(input: unknown, meta?: RequestMeta) {
  const settings = await getSettings();
  if (!(await isSignUpAllowed())) throw notFound("Sign-up is not available on this instance.");
  const data = parseInput(ZSignUp, input);
  if (meta?.ip && !(await allowRequest(`signup:ip:${meta.ip}`, SIGNUP_LIMIT.perIp, SIGNUP_LIMIT.windowMs))) {
    throw new AppError("rate_limited", "Too many sign-ups from this address. Try again later.");
  }
  const user = await createUser({ ...data, language: data.language ?? settings.default_language, admin: false });
  await recordAudit({ actor: user.id, action: "user.signed_up", resourceType: "user", resourceId: user.id, meta });
  return user;
}
