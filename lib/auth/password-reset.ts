// Password reset by email. The request answers the same whether or not the address has an account
// (and sends in the background, so timing does not tell either); the emailed token is random, stored
// only as its SHA-256, valid for an hour and usable once. Confirming sets the password, clears
// must_change_password, signs the user out everywhere and revokes their API keys.

import { z } from "zod";
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { getConfig } from "../config.ts";
import { getDb } from "../db/client.ts";
import { AppError, parseInput } from "../errors.ts";
import { EMAIL_NOT_CONFIGURED, sendMail } from "../mail/mailer.ts";
import { passwordResetEmail } from "../mail/templates.ts";
import { getSettings, isSmtpConfigured } from "../settings/settings.ts";
import { ZCreateUser } from "../users/users.ts";
import { revokeUserApiKeys } from "./api-keys.ts";
import { hashPassword } from "./passwords.ts";
import { allowRequest } from "./rate-limit.ts";
import { randomToken, sha256 } from "./tokens.ts";

export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;
/** Requests per address and per IP within the window; more answer 429 (the same for every address). */
export const RESET_LIMITS = { email: 3, ip: 20, windowMs: 15 * 60 * 1000 } as const;

export const ZResetRequest = z.object({ email: z.string().trim().toLowerCase().email().max(191) }).strict();
export const ZResetConfirm = z.object({ token: z.string().min(20).max(200), password: ZCreateUser.shape.password }).strict();

export const INVALID_RESET_LINK = "This reset link is invalid, expired or already used.";

export type ResetRequestOptions = {
  /** Where the link points: the site's origin as the browser reached it. */
  origin: string;
  meta?: RequestMeta;
  /** Called with the background send, so tests (and logs) can follow it. */
  onSent?: (sending: Promise<void>) => void;
};

/**
 * The origin used in emailed links: APP_URL when the operator set one (set it in production: the
 * request's origin comes from its Host header, which a client chooses), else the request's own.
 */
export function linkOrigin(requestUrl: string): string {
  return getConfig().appUrl ?? new URL(requestUrl).origin;
}

export async function requestPasswordReset(input: unknown, options: ResetRequestOptions): Promise<{ accepted: true }> {
  const { email } = parseInput(ZResetRequest, input);
  const settings = await getSettings();
  if (!isSmtpConfigured(settings)) throw new AppError("validation", EMAIL_NOT_CONFIGURED);
  const now = new Date();
  const ip = options.meta?.ip;
  const allowed =
    (await allowRequest(`reset:email:${email}`, RESET_LIMITS.email, RESET_LIMITS.windowMs, now)) &&
    (!ip || (await allowRequest(`reset:ip:${ip}`, RESET_LIMITS.ip, RESET_LIMITS.windowMs, now)));
  if (!allowed) throw new AppError("rate_limited", "Too many reset requests. Try again in a few minutes.");

  const db = getDb();
  const user = await db.user.findFirst({
    where: { email, deletedAt: null, isActive: true },
    select: { id: true, email: true, username: true, language: true },
  });
  if (!user) return { accepted: true };

  const token = randomToken();
  await db.passwordResetToken.create({
    data: { userId: user.id, tokenHash: sha256(token), expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS) },
    select: { id: true },
  });
  await recordAudit({
    actor: user.id,
    action: "auth.password_reset_requested",
    resourceType: "user",
    resourceId: user.id,
    meta: options.meta,
  });
  const link = `${options.origin}/reset-password?token=${encodeURIComponent(token)}`;
  const mail = passwordResetEmail(
    user.language,
    { instanceName: settings.instance_name, accentColor: settings.accent_color },
    { username: user.username, link, minutes: RESET_TOKEN_TTL_MS / 60_000 },
  );
  const sending = sendMail({ to: user.email, ...mail }, settings).then(async (result) => {
    if (result.ok) return;
    console.error(`password reset email to user ${user.id} failed: ${result.code ?? ""} ${result.message}`);
    await recordAudit({
      actor: user.id,
      action: "auth.password_reset_email_failed",
      resourceType: "user",
      resourceId: user.id,
      details: { error: result.code ?? result.message },
    });
  });
  const settled = sending.catch((e) => console.error("password reset email failed", (e as Error).message));
  options.onSent?.(settled);
  return { accepted: true };
}

export async function confirmPasswordReset(input: unknown, meta?: RequestMeta): Promise<{ ok: true }> {
  const data = parseInput(ZResetConfirm, input);
  const db = getDb();
  const now = new Date();
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: sha256(data.token) },
    select: { id: true, userId: true, expiresAt: true, usedAt: true, user: { select: { isActive: true, deletedAt: true } } },
  });
  const invalid = () =>
    new AppError("validation", INVALID_RESET_LINK, { fields: [{ path: "token", message: "invalid or expired" }] });
  if (!row || row.usedAt || row.expiresAt <= now || !row.user.isActive || row.user.deletedAt) throw invalid();
  const passwordHash = await hashPassword(data.password);
  await db.$transaction(async (tx) => {
    // Marking it used is the guard: of two concurrent confirmations only one updates the row.
    const { count } = await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (count !== 1) throw invalid();
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash, mustChangePassword: false }, select: { id: true } });
    await tx.session.deleteMany({ where: { userId: row.userId } });
  });
  const apiKeysRevoked = await revokeUserApiKeys(row.userId);
  await recordAudit({
    actor: row.userId,
    action: "auth.password_reset",
    resourceType: "user",
    resourceId: row.userId,
    details: { apiKeysRevoked },
    meta,
  });
  return { ok: true };
}

/** Whether a token can still be used (the reset page shows "expired" up front instead of after typing). */
export async function isResetTokenUsable(token: string): Promise<boolean> {
  if (!token || token.length > 200) return false;
  const row = await getDb().passwordResetToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: { expiresAt: true, usedAt: true },
  });
  return !!row && !row.usedAt && row.expiresAt > new Date();
}
