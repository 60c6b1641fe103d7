// API keys for scripts and bots: `wd_` + 32 random bytes. Only the SHA-256 is stored; the first 8
// characters are kept to recognise a key in lists. The raw key is returned once, at creation.
import { z } from "zod";
import { getDb } from "../db/client.ts";
import { AppError, parseInput } from "../errors.ts";
import type { Actor } from "./actor.ts";
import { randomToken, sha256 } from "./tokens.ts";

export const ZCreateApiKey = z.object({
  userId: z.number().int().positive(),
  projectId: z.number().int().positive().nullish(),
  name: z.string().trim().min(1).max(191).default("API key"),
  expiresAt: z.coerce.date().nullish(),
});

export async function createApiKey(input: z.input<typeof ZCreateApiKey>) {
  const data = parseInput(ZCreateApiKey, input);
  const db = getDb();
  const user = await db.user.findFirst({ where: { id: data.userId, deletedAt: null }, select: { id: true } });
  if (!user) throw new AppError("not_found", "User not found");
  if (data.projectId) {
    const project = await db.project.findFirst({ where: { id: data.projectId, deletedAt: null }, select: { id: true } });
    if (!project) throw new AppError("not_found", "Project not found");
  }
  const key = `wd_${randomToken()}`;
  const row = await db.apiKey.create({
    data: {
      userId: data.userId,
      projectId: data.projectId ?? null,
      name: data.name,
      keyHash: sha256(key),
      prefix: key.slice(0, 8),
      expiresAt: data.expiresAt ?? null,
    },
    select: { id: true, name: true, prefix: true, projectId: true, expiresAt: true, createdAt: true },
  });
  return { ...row, key };
}

export async function actorForApiKey(key: string): Promise<Actor | null> {
  if (!key.startsWith("wd_")) return null;
  const db = getDb();
  const row = await db.apiKey.findUnique({
    where: { keyHash: sha256(key) },
    select: {
      id: true,
      projectId: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: { id: true, username: true, role: true, isActive: true, deletedAt: true, language: true } },
    },
  });
  if (!row) return null;
  const { user } = row;
  const now = Date.now();
  if ((row.expiresAt && row.expiresAt.getTime() < now) || !user.isActive || user.deletedAt) return null;
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) }, select: { id: true } });
  }
  return {
    userId: user.id,
    username: user.username,
    isAdmin: user.role === "admin",
    sessionId: null,
    apiKeyProjectId: row.projectId,
    language: user.language,
  };
}
