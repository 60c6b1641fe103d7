// TOTP multi-factor authentication (RFC 6238 via otplib: SHA-1, 6 digits, 30 s): enrolment with a
// locally rendered QR code, verification with ±1 step of drift and replay refusal, ten one-time
// recovery codes (stored as SHA-256), and turning it off. The secret is stored sealed, never clear.
import { randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { z } from "zod";
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import type { Prisma } from "../db/client.ts";
import { getDb } from "../db/client.ts";
import { AppError, parseInput } from "../errors.ts";
import { getInstanceName } from "../settings/instance-name.ts";
import { type Actor, requireBrowser } from "./actor.ts";
import { proveSecret } from "./lockout.ts";
import { verifyPassword } from "./passwords.ts";
import { openSecret, sealSecret } from "./secret-box.ts";
import { sha256 } from "./tokens.ts";

type Tx = Prisma.TransactionClient;

export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Turns MFA off for a user and forgets the secret and recovery codes (self-service or an admin reset). */
export async function clearMfa(userId: number, tx: Tx = getDb() as unknown as Tx): Promise<void> {
  await tx.user.update({
    where: { id: userId },
    data: { mfaEnabled: false, totpSecret: null, totpLastStep: null },
    select: { id: true },
  });
  await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
}

/** A recovery code as typed: spaces and dashes dropped, lower case. */
const normaliseRecovery = (code: string) => code.replace(/[\s-]/g, "").toLowerCase();
const isTotpShape = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ""));

function newRecoveryCode(): string {
  let s = "";
  for (let i = 0; i < 10; i++) s += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** Replaces the user's recovery codes with ten new ones; returns them (the only time they are clear). */
async function issueRecoveryCodes(userId: number, tx: Tx): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
  await tx.mfaRecoveryCode.createMany({
    data: codes.map((c) => ({ userId, codeHash: sha256(normaliseRecovery(c)) })),
  });
  return codes;
}

/**
 * Checks a 6-digit TOTP code against a sealed secret at `now` (±1 step), and records its time step
 * with one conditional update, so the same code (or an older one) is refused afterwards, also when
 * two requests race.
 */
export async function verifyTotpCode(userId: number, sealed: string, code: string, now = Date.now()): Promise<boolean> {
  const secret = openSecret("totp", sealed);
  const token = code.replace(/\s/g, "");
  if (!secret || !/^\d{6}$/.test(token)) return false;
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now / 1000),
    period: TOTP_PERIOD_S,
    digits: TOTP_DIGITS,
    algorithm: "sha1",
    epochTolerance: TOTP_PERIOD_S,
  });
  if (!result.valid || !("timeStep" in result)) return false;
  const { count } = await getDb().user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: result.timeStep } }] },
    data: { totpLastStep: result.timeStep },
  });
  return count === 1;
}

/** Uses a recovery code once. */
async function redeemRecoveryCode(userId: number, code: string): Promise<boolean> {
  const normalised = normaliseRecovery(code);
  if (normalised.length < 8 || normalised.length > 64) return false;
  const { count } = await getDb().mfaRecoveryCode.updateMany({
    where: { userId, codeHash: sha256(normalised), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

/**
 * The second factor at sign-in (or to confirm disabling): a TOTP code or, failing that shape, a
 * recovery code. Returns which kind was accepted, or null. A used recovery code is audited.
 */
export async function verifySecondFactor(
  userId: number,
  code: string,
  meta?: RequestMeta,
  now = Date.now(),
): Promise<"totp" | "recovery" | null> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { totpSecret: true, mfaEnabled: true } });
  if (!user?.mfaEnabled || !user.totpSecret) return null;
  if (isTotpShape(code)) return (await verifyTotpCode(userId, user.totpSecret, code, now)) ? "totp" : null;
  if (await redeemRecoveryCode(userId, code)) {
    const left = await getDb().mfaRecoveryCode.count({ where: { userId, usedAt: null } });
    await recordAudit({
      actor: userId,
      action: "mfa.recovery_code_used",
      resourceType: "user",
      resourceId: userId,
      details: { left },
      meta,
    });
    return "recovery";
  }
  return null;
}

export type MfaStatus = { enabled: boolean; pending: boolean; recoveryCodesLeft: number };

export async function mfaStatus(actor: Actor): Promise<MfaStatus> {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { mfaEnabled: true, totpSecret: true } });
  const recoveryCodesLeft = user.mfaEnabled
    ? await db.mfaRecoveryCode.count({ where: { userId: actor.userId, usedAt: null } })
    : 0;
  return { enabled: user.mfaEnabled, pending: !user.mfaEnabled && !!user.totpSecret, recoveryCodesLeft };
}

const requireBrowserForMfa = (actor: Actor) => requireBrowser(actor, "Two-factor authentication");

export type MfaSetup = { secret: string; uri: string; qrSvg: string };

/** Starts enrolment: a new secret, held sealed on the user row until a code confirms it. */
export async function beginMfaSetup(actor: Actor): Promise<MfaSetup> {
  requireBrowserForMfa(actor);
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, mfaEnabled: true } });
  if (user.mfaEnabled) throw new AppError("conflict", "Two-factor authentication is already on. Turn it off first.");
  const secret = generateSecret({ length: 20 });
  await db.user.update({
    where: { id: actor.userId },
    data: { totpSecret: sealSecret("totp", secret), totpLastStep: null },
    select: { id: true },
  });
  const uri = generateURI({
    issuer: await getInstanceName(),
    label: user.email,
    secret,
    algorithm: "sha1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_S,
  });
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, uri, qrSvg };
}

export const ZMfaCode = z.object({ code: z.string().trim().min(1).max(64) }).strict();

/** Finishes enrolment with a code from the app: MFA on, ten recovery codes returned once. */
export async function confirmMfaSetup(actor: Actor, input: unknown, meta?: RequestMeta): Promise<{ recoveryCodes: string[] }> {
  requireBrowserForMfa(actor);
  const { code } = parseInput(ZMfaCode, input);
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { mfaEnabled: true, totpSecret: true } });
  if (user.mfaEnabled) throw new AppError("conflict", "Two-factor authentication is already on.");
  if (!user.totpSecret) throw new AppError("conflict", "Start the set-up first.");
  if (!(await verifyTotpCode(actor.userId, user.totpSecret, code))) {
    throw new AppError("validation", "That code is not right. Check the time on your device and try again.", {
      fields: [{ path: "code", message: "not right" }],
    });
  }
  const recoveryCodes = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { mfaEnabled: true }, select: { id: true } });
    return issueRecoveryCodes(actor.userId, tx);
  });
  await recordAudit({ actor, action: "mfa.enabled", resourceType: "user", resourceId: actor.userId, meta });
  return { recoveryCodes };
}

/** Proof for turning MFA off or new recovery codes: the current password or a current code. */
export const ZMfaProof = z
  .object({ password: z.string().min(1).max(1000).optional(), code: z.string().trim().min(1).max(64).optional() })
  .strict()
  .refine((v) => v.password !== undefined || v.code !== undefined, {
    path: ["password"],
    message: "give your current password or a code",
  });

/** The proof, counted like a sign-in attempt on the account (lib/auth/lockout.ts): 429 while locked. */
async function checkProof(actor: Actor, input: unknown, meta?: RequestMeta): Promise<void> {
  const proof = parseInput(ZMfaProof, input);
  const user = await getDb().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, passwordHash: true } });
  const what = proof.password !== undefined ? "password" : "second_factor";
  const right = await proveSecret({ id: actor.userId, email: user.email }, what, meta, async () => {
    if (proof.password !== undefined && (await verifyPassword(proof.password, user.passwordHash))) return true;
    return proof.code !== undefined && (await verifySecondFactor(actor.userId, proof.code, meta)) !== null;
  });
  if (right) return;
  const path = proof.password !== undefined ? "password" : "code";
  throw new AppError("validation", "That password or code is not right.", { fields: [{ path, message: "not right" }] });
}

/** Turns MFA off (the user, with their password or a code). */
export async function disableMfa(actor: Actor, input: unknown, meta?: RequestMeta): Promise<void> {
  requireBrowserForMfa(actor);
  const user = await getDb().user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { mfaEnabled: true, totpSecret: true },
  });
  if (!user.mfaEnabled) {
    // An unfinished set-up is simply forgotten.
    if (user.totpSecret) await clearMfa(actor.userId);
    throw new AppError("conflict", "Two-factor authentication is not on.");
  }
  await checkProof(actor, input, meta);
  await getDb().$transaction(async (tx) => clearMfa(actor.userId, tx));
  await recordAudit({ actor, action: "mfa.disabled", resourceType: "user", resourceId: actor.userId, meta });
}

/** Ten new recovery codes (the old ones stop working), with the password or a code as proof. */
export async function regenerateRecoveryCodes(
  actor: Actor,
  input: unknown,
  meta?: RequestMeta,
): Promise<{ recoveryCodes: string[] }> {
  requireBrowserForMfa(actor);
  const user = await getDb().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { mfaEnabled: true } });
  if (!user.mfaEnabled) throw new AppError("conflict", "Two-factor authentication is not on.");
  await checkProof(actor, input, meta);
  const recoveryCodes = await getDb().$transaction((tx) => issueRecoveryCodes(actor.userId, tx));
  await recordAudit({ actor, action: "mfa.recovery_codes_regenerated", resourceType: "user", resourceId: actor.userId, meta });
  return { recoveryCodes };
}
