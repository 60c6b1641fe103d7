// The audit log as administrators read it: newest first, filtered by user, action prefix, date
// range and free text, paged by an id cursor (stable while new rows arrive).
import { z } from "zod";
import { type Actor, requireAdmin } from "../auth/actor.ts";
import { currentEngine, getDb } from "../db/client.ts";
import { parseInput } from "../errors.ts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ZDate = z
  .string()
  .trim()
  .refine((v) => (DAY.test(v) || /^\d{4}-\d{2}-\d{2}T/.test(v)) && !Number.isNaN(Date.parse(v)), "a date like 2026-11-23");

export const ZAuditQuery = z
  .object({
    user: z.string().trim().max(191).optional().describe("Username (exact) of who acted"),
    action: z
      .string()
      .trim()
      .max(191)
      .regex(/^[a-z0-9_.]*$/, "an action or its prefix, like auth. or user.disabled")
      .optional()
      .describe("Action prefix, e.g. `auth.` or `user.disabled`"),
    from: ZDate.optional().describe("From this day (UTC) or instant, inclusive"),
    to: ZDate.optional().describe("Up to this day (UTC, inclusive) or instant"),
    q: z.string().trim().max(200).optional().describe("Text in the action, details, IP, user agent or resource"),
    cursor: z.coerce.number().int().positive().max(2_147_483_647).optional().describe("`nextCursor` of the previous page"),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type AuditQuery = z.input<typeof ZAuditQuery>;

export type AuditRow = {
  id: number;
  createdAt: Date;
  action: string;
  user: { id: number; username: string; deleted: boolean } | null;
  resourceType: string | null;
  resourceId: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
};

/** Query-string values as the schema expects them: empty fields are left out. */
export function auditQueryFrom(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [k, v] of entries) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined && value !== "") out[k] = value;
  }
  return out;
}

function parseDetails(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text);
    return v && typeof v === "object" && !Array.isArray(v) ? v : { value: v };
  } catch {
    return { value: text };
  }
}

export async function listAudit(actor: Actor, input: unknown): Promise<{ items: AuditRow[]; nextCursor: number | null }> {
  requireAdmin(actor);
  const query = parseInput(ZAuditQuery, input);
  const db = getDb();
  // PostgreSQL compares case-sensitively unless asked; SQLite's LIKE and MySQL's collation do not.
  const text = (value: string) =>
    (currentEngine() === "postgresql" ? { contains: value, mode: "insensitive" } : { contains: value }) as { contains: string };
  const createdAt: { gte?: Date; lte?: Date } = {};
  if (query.from) createdAt.gte = new Date(DAY.test(query.from) ? `${query.from}T00:00:00.000Z` : query.from);
  if (query.to) createdAt.lte = new Date(DAY.test(query.to) ? `${query.to}T23:59:59.999Z` : query.to);
  const where = {
    ...(query.cursor ? { id: { lt: query.cursor } } : {}),
    ...(query.user ? { user: { username: query.user } } : {}),
    ...(query.action ? { action: { startsWith: query.action } } : {}),
    ...(query.from || query.to ? { createdAt } : {}),
    ...(query.q
      ? {
          OR: [
            { action: text(query.q) },
            { details: text(query.q) },
            { ip: text(query.q) },
            { userAgent: text(query.q) },
            { resourceType: text(query.q) },
            { resourceId: text(query.q) },
            { user: { username: text(query.q) } },
          ],
        }
      : {}),
  };
  const rows = await db.auditLog.findMany({
    where,
    orderBy: { id: "desc" },
    take: query.limit + 1,
    select: {
      id: true,
      createdAt: true,
      action: true,
      resourceType: true,
      resourceId: true,
      details: true,
      ip: true,
      userAgent: true,
      user: { select: { id: true, username: true, deletedAt: true } },
    },
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      action: r.action,
      user: r.user ? { id: r.user.id, username: r.user.username, deleted: !!r.user.deletedAt } : null,
      resourceType: r.resourceType,
      resourceId: r.resourceId,
      details: parseDetails(r.details),
      ip: r.ip,
      userAgent: r.userAgent,
    })),
    nextCursor: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
