// Sessions are rows: the browser holds a random token, the database only its SHA-256, so a
// session can be listed and revoked, and a stolen database does not yield live sessions.
import { getDb } from "../db/client.ts";
import type { Actor } from "./actor.ts";
import { randomToken, sha256 } from "./tokens.ts";

export const SESSION_MAX_AGE_S = 30 * 24 * 3600;
const TOUCH_INTERVAL_MS = 60_000;

export async function createSession(userId: number, meta: { ip?: string | null; userAgent?: string | null } = {}) {
  const token = randomToken();
  const session = await getDb().session.create({
    data: {
      userId,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_S * 1000),
      ip: meta.ip?.slice(0, 191) ?? null,
      userAgent: meta.userAgent?.slice(0, 1000) ?? null,
    },
    select: { id: true },
  });
  return { token, sessionId: session.id };
}

/** The actor for a raw session token, or null when it is unknown, expired, or its user is disabled. */
export async function actorForSessionToken(token: string): Promise<Actor | null> {
  const db = getDb();
  const session = await db.session.findUnique({
    where: { tokenHash: sha256(token) },
    select: {
      id: true,
      expiresAt: true,
      lastActiveAt: true,
      user: { select: { id: true, username: true, role: true, isActive: true, deletedAt: true, language: true } },
    },
  });
  if (!session) return null;
  const now = Date.now();
  const { user } = session;
  if (session.expiresAt.getTime() < now || !user.isActive || user.deletedAt) return null;
  if (now - session.lastActiveAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastActiveAt: new Date(now) }, select: { id: true } });
  }
  return {
    userId: user.id,
    username: user.username,
    isAdmin: user.role === "admin",
    sessionId: session.id,
    apiKeyProjectId: null,
    language: user.language,
  };
}

export async function revokeSessionToken(token: string): Promise<void> {
  await getDb().session.deleteMany({ where: { tokenHash: sha256(token) } });
}

export async function isSessionLive(sessionId: number): Promise<boolean> {
  const s = await getDb().session.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, user: { select: { isActive: true, deletedAt: true } } },
  });
  return !!s && s.expiresAt.getTime() > Date.now() && s.user.isActive && !s.user.deletedAt;
}
