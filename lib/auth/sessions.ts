// Sessions are rows: the browser holds a random token, the database only its SHA-256, so a
// session can be listed and revoked, and a stolen database does not yield live sessions.
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { invalidate, keyedCache } from "../cache/invalidation.ts";
import { getDb, Prisma } from "../db/client.ts";
import { asDate, exec, rows, run } from "../db/direct.ts";
import { notFound } from "../errors.ts";
import { disconnectSessions } from "../realtime/publish.ts";
import { getSetting } from "../settings/settings.ts";
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

type SessionEntry = { actor: Actor; expiresAt: number; lastActive: number };
// The actor per session (by the token's hash), kept while no user, session or API key row changed
// anywhere (the `auth` topic, lib/cache/watched-writes.ts): a revoked session, a disabled user or a new
// role takes effect on the next request, in every process. Expiry and idle time are checked on every
// request against the kept times; a session that looks idle here is re-read before it is ended.
const sessionCache = keyedCache<string, SessionEntry>("auth");

/** The actor for a raw session token, or null when it is unknown, expired, idle for longer than the
 * `session_idle_minutes` setting (the row is then deleted), or its user is disabled. */
export async function actorForSessionToken(token: string): Promise<Actor | null> {
  const idleMs = (await getSetting("session_idle_minutes")) * 60_000;
  const hash = sha256(token);
  const now = Date.now();
  const kept = sessionCache.get(hash);
  if (kept && kept.expiresAt >= now && now - kept.lastActive <= idleMs) {
    await touchSession(kept, now);
    return kept.actor;
  }
  const generation = sessionCache.generation();
  // Every browser request without a kept entry runs this: plain SQL on the driver (lib/db/direct.ts).
  const found = await run(function* () {
    const [row] = yield* rows(Prisma.sql`
      SELECT s.id, s.expires_at, s.last_active_at, u.id AS user_id, u.username, u.role, u.is_active, u.deleted_at,
        u.language, u.must_change_password
      FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ${hash}`);
    if (!row) return null;
    const lastActive = asDate(row.last_active_at).getTime();
    const expiresAt = asDate(row.expires_at).getTime();
    if (expiresAt < now || !Number(row.is_active) || row.deleted_at !== null) return null;
    const id = Number(row.id);
    if (now - lastActive > idleMs) {
      yield* exec(Prisma.sql`DELETE FROM sessions WHERE id = ${id}`);
      return "ended" as const;
    }
    const actor: Actor = {
      userId: Number(row.user_id),
      username: String(row.username),
      isAdmin: row.role === "admin",
      sessionId: id,
      apiKeyProjectId: null,
      language: String(row.language),
      mustChangePassword: Boolean(Number(row.must_change_password)),
    };
    return { actor: Object.freeze(actor), expiresAt, lastActive };
  });
  if (found === "ended") {
    invalidate("auth");
    return null;
  }
  if (!found) return null;
  sessionCache.set(hash, found, generation);
  await touchSession(found, now);
  return found.actor;
}

/** Marks the session active, at most once per TOUCH_INTERVAL_MS (a plain UPDATE on the driver). */
async function touchSession(entry: SessionEntry, now: number): Promise<void> {
  if (now - entry.lastActive <= TOUCH_INTERVAL_MS) return;
  entry.lastActive = now;
  const at = new Date(now);
  await run(() =>
    exec(Prisma.sql`UPDATE sessions SET last_active_at = ${at}, updated_at = ${at} WHERE id = ${entry.actor.sessionId}`),
  );
}

export async function revokeSessionToken(token: string): Promise<void> {
  const db = getDb();
  const row = await db.session.findUnique({ where: { tokenHash: sha256(token) }, select: { id: true } });
  if (!row) return;
  await db.session.deleteMany({ where: { id: row.id } });
  disconnectSessions([row.id]);
}

export async function isSessionLive(sessionId: number): Promise<boolean> {
  // The sidecar asks this for every connection and re-check: plain SQL on the driver.
  const [s] = await run(() =>
    rows(Prisma.sql`
      SELECT s.expires_at, u.is_active, u.deleted_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ${sessionId}`),
  );
  return !!s && asDate(s.expires_at).getTime() > Date.now() && Boolean(Number(s.is_active)) && s.deleted_at === null;
}

/** The user's live sessions, newest activity first; `current` marks the one making the request. */
export async function listSessions(actor: Actor) {
  const rows = await getDb().session.findMany({
    where: { userId: actor.userId, expiresAt: { gt: new Date() } },
    orderBy: [{ lastActiveAt: "desc" }, { id: "desc" }],
    select: { id: true, createdAt: true, lastActiveAt: true, expiresAt: true, ip: true, userAgent: true },
  });
  return rows.map((r) => ({ ...r, current: r.id === actor.sessionId }));
}

/** Revokes one of the actor's own sessions (404 for anyone else's). */
export async function revokeSession(actor: Actor, sessionId: number, meta?: RequestMeta): Promise<void> {
  const { count } = await getDb().session.deleteMany({ where: { id: sessionId, userId: actor.userId } });
  if (!count) throw notFound("Session not found");
  disconnectSessions([sessionId]);
  await recordAudit({ actor, action: "session.revoked", resourceType: "session", resourceId: sessionId, meta });
}

/** Revokes every session of a user (disabled, password changed, MFA reset), optionally keeping one.
 * Their realtime connections are dropped at once (the sidecar's periodic re-check is the fallback). */
export async function revokeUserSessions(userId: number, options: { except?: number | null } = {}): Promise<number> {
  const db = getDb();
  const where = { userId, ...(options.except ? { id: { not: options.except } } : {}) };
  const rows = await db.session.findMany({ where, select: { id: true } });
  const { count } = await db.session.deleteMany({ where });
  disconnectSessions(rows.map((r) => r.id));
  return count;
}
