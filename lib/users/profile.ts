// A user's own profile: who they are (GET /api/v1/me), their username, and their sessions as the
// profile page shows them. Preferences (language, theme) live in preferences.ts, the password in
// password.ts, the avatar in avatar.ts, API keys in lib/auth/api-keys.ts.
import { z } from "zod";
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { type Actor, requireBrowser } from "../auth/actor.ts";
import { listSessions, revokeSession, revokeUserSessions } from "../auth/sessions.ts";
import { getDb } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { isTheme, type Theme } from "./theme.ts";
import { ZCreateUser } from "./users.ts";

export const ZUpdateProfile = z.object({ username: ZCreateUser.shape.username }).strict();

/** The URL of a user's avatar, versioned by the stored file name so that a new picture is fetched at once. */
export function avatarUrl(username: string, avatar: string | null | undefined): string | null {
  if (!avatar) return null;
  return `/api/v1/users/${encodeURIComponent(username)}/avatar?v=${encodeURIComponent(avatar.slice(0, 8))}`;
}

/** The actor's avatar URL, for the header. */
export async function userAvatarUrl(actor: Actor): Promise<string | null> {
  const user = await getDb().user.findUnique({ where: { id: actor.userId }, select: { username: true, avatar: true } });
  return user ? avatarUrl(user.username, user.avatar) : null;
}

export type Profile = {
  id: number;
  username: string;
  email: string;
  role: string;
  language: string;
  theme: Theme;
  avatarUrl: string | null;
  mfaEnabled: boolean;
  recoveryCodesLeft: number;
  createdAt: Date;
  lastSignInAt: Date | null;
};

export async function getProfile(actor: Actor): Promise<Profile> {
  const db = getDb();
  const [user, recoveryCodesLeft] = await Promise.all([
    db.user.findFirst({
      where: { id: actor.userId, deletedAt: null },
      select: {
        id: true,
        username: true,
        email: true,
        role: true,
        language: true,
        theme: true,
        avatar: true,
        mfaEnabled: true,
        createdAt: true,
        lastSignInAt: true,
      },
    }),
    db.mfaRecoveryCode.count({ where: { userId: actor.userId, usedAt: null } }),
  ]);
  if (!user) throw notFound("User not found");
  const { avatar, theme, ...rest } = user;
  return {
    ...rest,
    theme: isTheme(theme) ? theme : "system",
    avatarUrl: avatarUrl(user.username, avatar),
    recoveryCodesLeft: user.mfaEnabled ? recoveryCodesLeft : 0,
  };
}

/** Changes the actor's username (same rules as at creation); 409 when another user has it. */
export async function updateProfile(actor: Actor, input: unknown, meta?: RequestMeta): Promise<Profile> {
  requireBrowser(actor, "Your profile");
  const data = parseInput(ZUpdateProfile, input);
  const db = getDb();
  const before = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { username: true } });
  if (before.username !== data.username) {
    // Usernames are unique regardless of case on some engines and not on others: check explicitly.
    const taken = await db.user.findFirst({
      where: { id: { not: actor.userId }, username: data.username },
      select: { id: true },
    });
    if (taken) throw usernameTaken();
    try {
      await db.user.update({ where: { id: actor.userId }, data: { username: data.username }, select: { id: true } });
    } catch (e) {
      if ((e as { code?: string }).code === "P2002") throw usernameTaken();
      throw e;
    }
    await recordAudit({
      actor,
      action: "user.updated",
      resourceType: "user",
      resourceId: actor.userId,
      details: { username: { from: before.username, to: data.username } },
      meta,
    });
  }
  return getProfile({ ...actor, username: data.username });
}

function usernameTaken() {
  return new AppError("conflict", "This username is already taken.", { fields: [{ path: "username", message: "taken" }] });
}

/** "Firefox on Linux" from a user agent string; null when nothing is recognised. */
export function describeUserAgent(ua: string | null | undefined): string | null {
  if (!ua) return null;
  const browser = /Edg(e|A|iOS)?\//.test(ua)
    ? "Edge"
    : /OPR\/|Opera/.test(ua)
      ? "Opera"
      : /Firefox\/|FxiOS\//.test(ua)
        ? "Firefox"
        : /HeadlessChrome\//.test(ua)
          ? "Headless Chrome"
          : /Chrome\/|CriOS\/|Chromium\//.test(ua)
            ? "Chrome"
            : /Safari\//.test(ua) && /Version\//.test(ua)
              ? "Safari"
              : /^curl\//.test(ua)
                ? "curl"
                : /node|undici/i.test(ua)
                  ? "Node.js"
                  : null;
  const os = /iPhone|iPad|iPod/.test(ua)
    ? "iOS"
    : /Android/.test(ua)
      ? "Android"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(ua)
          ? "macOS"
          : /CrOS/.test(ua)
            ? "ChromeOS"
            : /Linux|X11/.test(ua)
              ? "Linux"
              : null;
  if (browser && os) return `${browser} · ${os}`;
  return browser ?? os;
}

export type SessionView = {
  id: number;
  device: string | null;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  lastActiveAt: Date;
  expiresAt: Date;
  current: boolean;
};

/** The actor's live sessions for the profile page, the current one marked. */
export async function mySessions(actor: Actor): Promise<SessionView[]> {
  const rows = await listSessions(actor);
  return rows.map((r) => ({
    id: r.id,
    device: describeUserAgent(r.userAgent),
    userAgent: r.userAgent,
    ip: r.ip,
    createdAt: r.createdAt,
    lastActiveAt: r.lastActiveAt,
    expiresAt: r.expiresAt,
    current: r.current,
  }));
}

export async function revokeMySession(actor: Actor, sessionId: number, meta?: RequestMeta): Promise<void> {
  requireBrowser(actor, "Sessions");
  await revokeSession(actor, sessionId, meta);
}

/** Signs out every other session of the actor; the one making the request stays. */
export async function revokeOtherSessions(actor: Actor, meta?: RequestMeta): Promise<{ revoked: number }> {
  requireBrowser(actor, "Sessions");
  const revoked = await revokeUserSessions(actor.userId, { except: actor.sessionId });
  if (revoked > 0) {
    await recordAudit({
      actor,
      action: "session.revoked",
      resourceType: "user",
      resourceId: actor.userId,
      details: { others: true, count: revoked },
      meta,
    });
  }
  return { revoked };
}
