// User administration (system admins only): list and search, create with a temporary password,
// change role, disable / enable, force a password reset, reset MFA, soft delete. Every change is
// audited; every change that locks someone out revokes their sessions at once. For everyone else
// these functions answer "not found", like anything else they may not see.
import { randomInt } from "node:crypto";
import { z } from "zod";
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { type Actor, requireAdmin } from "../auth/actor.ts";
import { revokeUserApiKeys } from "../auth/api-keys.ts";
import { clearMfa } from "../auth/mfa.ts";
import { hashPassword } from "../auth/passwords.ts";
import { revokeUserSessions } from "../auth/sessions.ts";
import { getDb, type Tx } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { LANGUAGES } from "../i18n/locales.ts";
import { getSetting } from "../settings/settings.ts";
import { createUser, ZCreateUser } from "./users.ts";

export const USER_ROLES = ["user", "admin"] as const;
export const USER_STATUSES = ["active", "disabled", "deleted"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export const PAGE_SIZE = 50;

export const ZListUsers = z
  .object({
    q: z.string().trim().max(191).optional(),
    /** Without a status: everyone but former (deleted) users. */
    status: z.enum([...USER_STATUSES, "all"]).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
  })
  .strict();

export const ZAdminCreateUser = z
  .object({
    email: ZCreateUser.shape.email,
    username: ZCreateUser.shape.username,
    role: z.enum(USER_ROLES).default("user"),
    /** Defaults to the instance's default language. */
    language: z.enum(LANGUAGES).optional(),
  })
  .strict();

export const ZAdminUpdateUser = z
  .object({
    email: ZCreateUser.shape.email.optional(),
    username: ZCreateUser.shape.username.optional(),
    role: z.enum(USER_ROLES).optional(),
    language: z.enum(LANGUAGES).optional(),
  })
  .strict();

/** A route's `{id}`: anything but a positive 32-bit integer is an unknown user. */
export function parseId(raw: string | number, what = "User"): number {
  const id = typeof raw === "number" ? raw : /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw notFound(`${what} not found`);
  return id;
}

// Never the hash, the TOTP secret or anything else sensitive.
const ADMIN_USER_SELECT = {
  id: true,
  email: true,
  username: true,
  role: true,
  language: true,
  avatar: true,
  isActive: true,
  deletedAt: true,
  mfaEnabled: true,
  mustChangePassword: true,
  lastSignInAt: true,
  createdAt: true,
} as const;

type UserRow = {
  id: number;
  email: string;
  username: string;
  role: string;
  language: string;
  avatar: string | null;
  isActive: boolean;
  deletedAt: Date | null;
  mfaEnabled: boolean;
  mustChangePassword: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
};

export type AdminUser = UserRow & { status: UserStatus };

function toAdminUser(row: UserRow): AdminUser {
  const status: UserStatus = row.deletedAt ? "deleted" : row.isActive ? "active" : "disabled";
  return { ...row, status };
}

const STATUS_WHERE = {
  active: { deletedAt: null, isActive: true },
  disabled: { deletedAt: null, isActive: false },
  deleted: { deletedAt: { not: null } },
  all: {},
} as const;

export async function listUsers(actor: Actor, input: unknown) {
  requireAdmin(actor);
  const data = parseInput(ZListUsers, input);
  const q = data.q?.toLowerCase();
  const where = {
    ...(data.status ? STATUS_WHERE[data.status] : { deletedAt: null }),
    // Emails are stored lower-case; usernames are matched as typed and lower-cased, which covers
    // engines whose LIKE is case-sensitive (PostgreSQL) for the usual all-lower-case names.
    ...(data.q
      ? {
          OR: [
            { email: { contains: q } },
            { username: { contains: data.q } },
            ...(q !== data.q ? [{ username: { contains: q } }] : []),
          ],
        }
      : {}),
  };
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      select: ADMIN_USER_SELECT,
      orderBy: [{ username: "asc" }, { id: "asc" }],
      skip: (data.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db.user.count({ where }),
  ]);
  return { users: rows.map(toAdminUser), total, page: data.page, pageSize: PAGE_SIZE };
}

async function loadUser(id: number, tx: Pick<Tx, "user"> = getDb()): Promise<AdminUser> {
  const row = await tx.user.findUnique({ where: { id }, select: ADMIN_USER_SELECT });
  if (!row) throw notFound("User not found");
  return toAdminUser(row);
}

export async function getUser(actor: Actor, rawId: string | number) {
  requireAdmin(actor);
  const user = await loadUser(parseId(rawId));
  const db = getDb();
  const [groups, sessions, apiKeys] = await Promise.all([
    db.groupMember.findMany({
      where: { userId: user.id },
      select: { group: { select: { id: true, name: true } } },
      orderBy: { group: { name: "asc" } },
    }),
    db.session.count({ where: { userId: user.id, expiresAt: { gt: new Date() } } }),
    db.apiKey.count({ where: { userId: user.id, revokedAt: null } }),
  ]);
  return { ...user, groups: groups.map((g) => g.group), sessionCount: sessions, apiKeyCount: apiKeys };
}

// 16 characters from an alphabet without look-alikes (0/O, 1/l/I): about 80 bits, easy to read out.
const PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A temporary password, shown once to the admin; the user must replace it at the next sign-in. */
export function generateTemporaryPassword(): string {
  const chars = Array.from({ length: 16 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

/** Audits an admin action on a user; the details always name the user, plus `extra`. */
function auditUser(
  actor: Actor,
  action: string,
  user: { id: number; username: string },
  meta: RequestMeta | undefined,
  extra: Record<string, unknown> = {},
) {
  return recordAudit({
    actor,
    action,
    resourceType: "user",
    resourceId: user.id,
    details: { username: user.username, ...extra },
    meta,
  });
}

/** Creates a user with a temporary password (returned once) that must be changed at first sign-in. */
export async function adminCreateUser(actor: Actor, input: unknown, meta?: RequestMeta) {
  requireAdmin(actor);
  const data = parseInput(ZAdminCreateUser, input);
  const temporaryPassword = generateTemporaryPassword();
  const created = await createUser({
    email: data.email,
    username: data.username,
    password: temporaryPassword,
    admin: data.role === "admin",
    language: data.language ?? (await getSetting("default_language")),
    mustChangePassword: true,
  });
  await auditUser(actor, "user.created", created, meta, { email: created.email, role: created.role });
  return { user: await loadUser(created.id), temporaryPassword };
}

/**
 * Serialises changes that could remove the last admin: every live admin row is locked until commit
 * (on SQLite the write transaction already holds the database lock), so two admins demoting each
 * other at once cannot both pass the check below.
 */
async function lockAdmins(tx: Tx) {
  await tx.$executeRaw`UPDATE users SET role = role WHERE role = 'admin' AND deleted_at IS NULL`;
}

/** Refuses to take away the last active admin (409): the instance would be unmanageable. */
async function assertAnotherAdminRemains(tx: Tx, userId: number) {
  const others = await tx.user.count({
    where: { role: "admin", isActive: true, deletedAt: null, id: { not: userId } },
  });
  if (others === 0) {
    throw new AppError("conflict", "This is the last active admin: make someone else admin first.", {
      reason: "last_admin",
    });
  }
}

/**
 * Takes a user out of service (disable, delete) in one transaction: admins locked, the user must
 * not be a former one, and an admin must leave another active admin; then `write` runs.
 */
async function retireUser(id: number, write: (tx: Tx) => Promise<unknown>): Promise<AdminUser> {
  return getDb().$transaction(async (tx) => {
    await lockAdmins(tx);
    const user = await loadUser(id, tx);
    refuseFormer(user);
    if (user.role === "admin") await assertAnotherAdminRemains(tx, id);
    await write(tx);
    return user;
  });
}

function refuseSelf(actor: Actor, userId: number, what: string) {
  if (actor.userId === userId) {
    throw new AppError("conflict", `You cannot ${what} yourself; ask another admin.`, { reason: "self" });
  }
}

function refuseFormer(user: AdminUser) {
  if (user.status === "deleted") {
    throw new AppError("conflict", "This user was deleted; their account can no longer change.", { reason: "deleted" });
  }
}

/** Edits email, username, role or language. An admin cannot demote themselves or the last admin. */
export async function adminUpdateUser(actor: Actor, rawId: string | number, input: unknown, meta?: RequestMeta) {
  requireAdmin(actor);
  const id = parseId(rawId);
  const data = parseInput(ZAdminUpdateUser, input);
  const db = getDb();
  const { before, after } = await db.$transaction(async (tx) => {
    if (data.role === "user") await lockAdmins(tx);
    const before = await loadUser(id, tx);
    refuseFormer(before);
    if (data.role === "user" && before.role === "admin") {
      refuseSelf(actor, id, "demote");
      await assertAnotherAdminRemains(tx, id);
    }
    try {
      await tx.user.update({ where: { id }, data, select: { id: true } });
    } catch (e) {
      if ((e as { code?: string }).code === "P2002") {
        const field = data.email && data.email !== before.email ? "email" : "username";
        throw new AppError("conflict", `This ${field} is already taken.`, { fields: [{ path: field, message: "taken" }] });
      }
      throw e;
    }
    return { before, after: await loadUser(id, tx) };
  });
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of ["email", "username", "role", "language"] as const) {
    if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
  }
  if (Object.keys(changes).length > 0) {
    await recordAudit({ actor, action: "user.updated", resourceType: "user", resourceId: id, details: changes, meta });
  }
  return after;
}

/** Disables sign-in; every session of the user ends at once (their next request is signed out). */
export async function disableUser(actor: Actor, rawId: string | number, meta?: RequestMeta) {
  requireAdmin(actor);
  const id = parseId(rawId);
  refuseSelf(actor, id, "disable");
  const user = await retireUser(id, (tx) => tx.user.update({ where: { id }, data: { isActive: false }, select: { id: true } }));
  // A disabled user's sessions no longer authenticate from the commit on; deleting them also ends
  // the realtime connection (the sidecar checks that the session is live).
  await revokeUserSessions(id);
  await auditUser(actor, "user.disabled", user, meta);
  return loadUser(id);
}

export async function enableUser(actor: Actor, rawId: string | number, meta?: RequestMeta) {
  requireAdmin(actor);
  const id = parseId(rawId);
  const user = await loadUser(id);
  refuseFormer(user);
  await getDb().user.update({ where: { id }, data: { isActive: true }, select: { id: true } });
  await auditUser(actor, "user.enabled", user, meta);
  return loadUser(id);
}

/**
 * Sets a new temporary password (returned once), requires a new one at the next sign-in, signs
 * the user out everywhere and revokes their API keys.
 */
export async function forcePasswordReset(actor: Actor, rawId: string | number, meta?: RequestMeta) {
  requireAdmin(actor);
  const id = parseId(rawId);
  const user = await loadUser(id);
  refuseFormer(user);
  refuseSelf(actor, id, "force a password reset on");
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await getDb().user.update({ where: { id }, data: { passwordHash, mustChangePassword: true }, select: { id: true } });
  await revokeUserSessions(id);
  const apiKeysRevoked = await revokeUserApiKeys(id);
  await auditUser(actor, "user.password_reset_forced", user, meta, { apiKeysRevoked });
  return { user: await loadUser(id), temporaryPassword };
}

/** Turns MFA off (secret and recovery codes forgotten) and signs the user out everywhere. */
export async function resetUserMfa(actor: Actor, rawId: string | number, meta?: RequestMeta) {
  requireAdmin(actor);
  const id = parseId(rawId);
  const user = await loadUser(id);
  refuseFormer(user);
  refuseSelf(actor, id, "reset MFA for");
  await clearMfa(id);
  await revokeUserSessions(id);
  await auditUser(actor, "mfa.reset", user, meta, { wasEnabled: user.mfaEnabled });
  return loadUser(id);
}

/**
 * Soft delete: the account can no longer sign in or use its API keys; cards, comments and history
 * stay and show the person as a former user. Email and username stay reserved, so that nobody can
 * later pose as the former user.
 */
export async function deleteUser(actor: Actor, rawId: string | number, meta?: RequestMeta) {
  requireAdmin(actor);
  const id = parseId(rawId);
  refuseSelf(actor, id, "delete");
  const now = new Date();
  const user = await retireUser(id, async (tx) => {
    await tx.user.update({ where: { id }, data: { deletedAt: now }, select: { id: true } });
  });
  await revokeUserSessions(id);
  await revokeUserApiKeys(id);
  await auditUser(actor, "user.deleted", user, meta, { email: user.email });
}
