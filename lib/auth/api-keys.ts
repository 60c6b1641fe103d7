// API keys for scripts and bots: `wd_` + 32 random bytes. Only the SHA-256 is stored; the first 8
// characters are kept to recognise a key in lists. The raw key is returned once, at creation.
// People manage their own keys from the profile (listApiKeys / createApiKey(actor, …) / revokeApiKey);
// the command line creates keys for any user with createApiKey({ userId, … }).
import { z } from "zod";
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { keyedCache } from "../cache/invalidation.ts";
import { getDb, Prisma } from "../db/client.ts";
import { asDate, exec, rows, run } from "../db/direct.ts";
import { notFound, parseInput } from "../errors.ts";
import { disconnectApiKeys } from "../realtime/publish.ts";
import { requireProject } from "./access.ts";
import { type Actor, requireBrowser } from "./actor.ts";
import { randomToken, sha256 } from "./tokens.ts";

export const ZCreateApiKey = z.object({
  userId: z.number().int().positive(),
  projectId: z.number().int().positive().nullish(),
  name: z.string().trim().min(1).max(191).default("API key"),
  expiresAt: z.coerce.date().nullish(),
});

/** What a user sends to create one of their own keys. */
export const ZCreateOwnApiKey = z
  .object({
    name: z.string().trim().min(1).max(100),
    projectSlug: z.string().trim().min(1).max(191).nullish(),
    expiresAt: z.coerce
      .date()
      .nullish()
      .refine((d) => !d || d.getTime() > Date.now(), "must be in the future"),
  })
  .strict();

const KEY_SELECT = {
  id: true,
  name: true,
  prefix: true,
  projectId: true,
  expiresAt: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  project: { select: { slug: true, name: true, deletedAt: true } },
} as const;

export type ApiKeyStatus = "active" | "expired" | "revoked";

export type ApiKeyView = {
  id: number;
  name: string;
  prefix: string;
  project: { slug: string; name: string } | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  status: ApiKeyStatus;
};

type KeyRow = {
  id: number;
  name: string;
  prefix: string;
  projectId: number | null;
  expiresAt: Date | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  project: { slug: string; name: string; deletedAt: Date | null } | null;
};

function view(row: KeyRow, now = Date.now()): ApiKeyView {
  const status: ApiKeyStatus = row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt.getTime() <= now ? "expired" : "active";
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    project: row.project ? { slug: row.project.slug, name: row.project.name } : null,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    status,
  };
}

/** Keys are managed from a signed-in browser: a (possibly project-scoped) key may not mint or revoke keys. */

/** The actor's own keys, newest first (revoked and expired ones included, with their status). */
export async function listApiKeys(actor: Actor): Promise<ApiKeyView[]> {
  const rows = await getDb().apiKey.findMany({
    where: { userId: actor.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: KEY_SELECT,
  });
  const now = Date.now();
  return rows.map((r) => view(r, now));
}

async function insertKey(data: { userId: number; projectId: number | null; name: string; expiresAt: Date | null }) {
  const key = `wd_${randomToken()}`;
  const row = await getDb().apiKey.create({
    data: { ...data, keyHash: sha256(key), prefix: key.slice(0, 8) },
    select: KEY_SELECT,
  });
  return { row, key };
}

/**
 * Creates a key. Two forms:
 * - `createApiKey(actor, { name, projectSlug?, expiresAt? }, meta)`: the actor's own key; the project
 *   must be readable by the actor (else 404). Audited as `api_key.created`.
 * - `createApiKey({ userId, projectId?, name?, expiresAt? })`: for the command line (any user).
 */
export async function createApiKey(actor: Actor, input: unknown, meta?: RequestMeta): Promise<ApiKeyView & { key: string }>;
export async function createApiKey(input: z.input<typeof ZCreateApiKey>): Promise<{
  id: number;
  name: string;
  prefix: string;
  projectId: number | null;
  expiresAt: Date | null;
  createdAt: Date;
  key: string;
}>;
export async function createApiKey(first: Actor | z.input<typeof ZCreateApiKey>, input?: unknown, meta?: RequestMeta) {
  if ("username" in first) return createOwnApiKey(first, input, meta);
  const data = parseInput(ZCreateApiKey, first);
  const db = getDb();
  const user = await db.user.findFirst({ where: { id: data.userId, deletedAt: null }, select: { id: true } });
  if (!user) throw notFound("User not found");
  if (data.projectId) {
    const project = await db.project.findFirst({ where: { id: data.projectId, deletedAt: null }, select: { id: true } });
    if (!project) throw notFound("Project not found");
  }
  const { row, key } = await insertKey({
    userId: data.userId,
    projectId: data.projectId ?? null,
    name: data.name,
    expiresAt: data.expiresAt ?? null,
  });
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    projectId: row.projectId,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    key,
  };
}

async function createOwnApiKey(actor: Actor, input: unknown, meta?: RequestMeta) {
  requireBrowser(actor, "API keys");
  const data = parseInput(ZCreateOwnApiKey, input);
  const projectId = data.projectSlug ? (await requireProject(actor, data.projectSlug)).project.id : null;
  const { row, key } = await insertKey({ userId: actor.userId, projectId, name: data.name, expiresAt: data.expiresAt ?? null });
  await recordAudit({
    actor,
    action: "api_key.created",
    resourceType: "api_key",
    resourceId: row.id,
    details: {
      name: row.name,
      prefix: row.prefix,
      project: data.projectSlug ?? null,
      expiresAt: row.expiresAt?.toISOString() ?? null,
    },
    meta,
  });
  return { ...view(row), key };
}

/** Revokes one of the actor's own keys (404 for anyone else's). Revoking twice is harmless. */
export async function revokeApiKey(actor: Actor, id: number, meta?: RequestMeta): Promise<ApiKeyView> {
  requireBrowser(actor, "API keys");
  const db = getDb();
  const existing = await db.apiKey.findFirst({ where: { id, userId: actor.userId }, select: { id: true, revokedAt: true } });
  if (!existing) throw notFound("API key not found");
  if (existing.revokedAt) return view(await db.apiKey.findUniqueOrThrow({ where: { id }, select: KEY_SELECT }));
  const row = await db.apiKey.update({ where: { id }, data: { revokedAt: new Date() }, select: KEY_SELECT });
  disconnectApiKeys([id]);
  await recordAudit({
    actor,
    action: "api_key.revoked",
    resourceType: "api_key",
    resourceId: id,
    details: { name: row.name, prefix: row.prefix },
    meta,
  });
  return view(row);
}

/**
 * Revokes every live key of a user, and drops their realtime sockets at once. A new password (reset
 * by an administrator, by email or on the command line, or changed by the user) revokes them all:
 * keys are minted with a signed-in browser, so whoever knew the old password could have minted one,
 * and a key would otherwise outlive the password that let it be made. Returns how many.
 */
export async function revokeUserApiKeys(userId: number): Promise<number> {
  const db = getDb();
  const live = await db.apiKey.findMany({ where: { userId, revokedAt: null }, select: { id: true } });
  if (live.length === 0) return 0;
  const { count } = await db.apiKey.updateMany({
    where: { id: { in: live.map((k) => k.id) }, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  disconnectApiKeys(live.map((k) => k.id));
  return count;
}

/** Is the key still good (not revoked, not expired, its user active)? The sidecar asks this for every
 * socket opened with a key, on connect, on join and on every re-check (plain SQL on the driver). */
export async function isApiKeyLive(keyId: number): Promise<boolean> {
  const [k] = await run(() =>
    rows(Prisma.sql`
      SELECT k.expires_at, k.revoked_at, u.is_active, u.deleted_at FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.id = ${keyId}`),
  );
  if (!k || k.revoked_at !== null || k.deleted_at !== null || !Number(k.is_active)) return false;
  return k.expires_at === null || asDate(k.expires_at).getTime() > Date.now();
}

type KeyEntry = { actor: Actor; expiresAt: number | null; lastUsed: number };
// The actor per key (by the key's hash), kept while no user, session or API key row changed anywhere
// (the `auth` topic, lib/cache/watched-writes.ts): a revoked key or a disabled user is refused on the
// next request, in every process. Expiry is checked on every request against the kept time.
const keyCache = keyedCache<string, KeyEntry>("auth");

export async function actorForApiKey(key: string): Promise<Actor | null> {
  if (!key.startsWith("wd_")) return null;
  const hash = sha256(key);
  const now = Date.now();
  const kept = keyCache.get(hash);
  if (kept && (kept.expiresAt === null || kept.expiresAt >= now)) {
    await touchKey(kept, now);
    return kept.actor;
  }
  const generation = keyCache.generation();
  // Every script request without a kept entry runs this: plain SQL on the driver (lib/db/direct.ts).
  const found = await run(function* () {
    const [row] = yield* rows(Prisma.sql`
      SELECT k.id, k.project_id, k.expires_at, k.last_used_at, k.revoked_at,
        u.id AS user_id, u.username, u.role, u.is_active, u.deleted_at, u.language
      FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.key_hash = ${hash}`);
    if (!row) return null;
    const expiresAt = row.expires_at === null ? null : asDate(row.expires_at).getTime();
    const expired = expiresAt !== null && expiresAt < now;
    if (row.revoked_at !== null || expired || !Number(row.is_active) || row.deleted_at !== null) return null;
    const lastUsed = row.last_used_at === null ? 0 : asDate(row.last_used_at).getTime();
    const actor: Actor = {
      userId: Number(row.user_id),
      username: String(row.username),
      isAdmin: row.role === "admin",
      sessionId: null,
      apiKeyProjectId: row.project_id === null ? null : Number(row.project_id),
      apiKeyId: Number(row.id),
      language: String(row.language),
    };
    return { actor: Object.freeze(actor), expiresAt, lastUsed };
  });
  if (!found) return null;
  keyCache.set(hash, found, generation);
  await touchKey(found, now);
  return found.actor;
}

/** Marks the key used, at most once a minute (a plain UPDATE on the driver). */
async function touchKey(entry: KeyEntry, now: number): Promise<void> {
  if (now - entry.lastUsed <= 60_000) return;
  entry.lastUsed = now;
  const at = new Date(now);
  await run(() =>
    exec(Prisma.sql`UPDATE api_keys SET last_used_at = ${at}, updated_at = ${at} WHERE id = ${entry.actor.apiKeyId}`),
  );
}
