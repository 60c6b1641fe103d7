// A project's inbound webhooks: project admins create (the secret is shown once, stored sealed
// with the secret box), list, switch on/off and delete them.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { sealSecret } from "../auth/secret-box.ts";
import { getConfig } from "../config.ts";
import { getDb } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { PROVIDERS } from "./verify.ts";

export const ZCreateWebhook = z
  .object({
    provider: z.enum(PROVIDERS).describe("The git host that will call it: github, gitlab, or generic (HMAC-signed JSON)"),
    name: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

export const ZUpdateWebhook = z.object({ isActive: z.boolean() }).strict();

export const ZWebhook = z.object({
  id: z.number().int(),
  provider: z.enum(PROVIDERS),
  name: z.string().nullable(),
  isActive: z.boolean(),
  url: z.string().describe("Where the git host posts its deliveries"),
  createdAt: z.string(),
  lastDeliveryAt: z.string().nullable(),
});
export type WebhookView = z.infer<typeof ZWebhook>;

const SELECT = { id: true, provider: true, name: true, isActive: true, createdAt: true, lastDeliveryAt: true } as const;
type Row = { id: number; provider: string; name: string | null; isActive: boolean; createdAt: Date; lastDeliveryAt: Date | null };

/** The delivery URL: APP_URL when the operator set one, else the origin the request came in on. */
export const webhookUrl = (origin: string, id: number) => `${getConfig().appUrl ?? origin}/api/webhooks/${id}`;

const view = (origin: string, w: Row): WebhookView => ({
  id: w.id,
  provider: w.provider as WebhookView["provider"],
  name: w.name,
  isActive: w.isActive,
  url: webhookUrl(origin, w.id),
  createdAt: w.createdAt.toISOString(),
  lastDeliveryAt: w.lastDeliveryAt?.toISOString() ?? null,
});

export async function listWebhooks(actor: Actor, slug: string, origin: string): Promise<WebhookView[]> {
  // A read: the admins of an archived (read-only) project still see its webhooks.
  const { project, role } = await requireProject(actor, slug);
  if (role !== "admin") throw new AppError("forbidden", `This needs the admin role in the project; you are ${role}.`);
  const rows = await getDb().projectWebhook.findMany({
    where: { projectId: project.id },
    select: SELECT,
    orderBy: { id: "asc" },
  });
  return rows.map((w) => view(origin, w));
}

/** A new webhook and its secret, in clear this once only. */
export async function createWebhook(
  actor: Actor,
  slug: string,
  input: unknown,
  origin: string,
  meta?: RequestMeta,
): Promise<WebhookView & { secret: string }> {
  const data = parseInput(ZCreateWebhook, input);
  const { project } = await requireProject(actor, slug, "admin");
  const secret = `whsec_${randomBytes(24).toString("hex")}`;
  const row = await getDb().projectWebhook.create({
    data: {
      projectId: project.id,
      provider: data.provider,
      name: data.name ?? null,
      secret: sealSecret("webhook", secret),
      createdBy: actor.userId,
    },
    select: SELECT,
  });
  await recordAudit({
    actor,
    action: "webhook.created",
    resourceType: "project_webhook",
    resourceId: row.id,
    details: { project: project.slug, provider: data.provider },
    meta,
  });
  return { ...view(origin, row), secret };
}

async function findOwn(actor: Actor, slug: string, id: string | number) {
  const { project } = await requireProject(actor, slug, "admin");
  const n = Number(id);
  const row =
    Number.isSafeInteger(n) && n > 0 && n <= 2_147_483_647
      ? await getDb().projectWebhook.findFirst({ where: { id: n, projectId: project.id }, select: SELECT })
      : null;
  if (!row) throw notFound("Webhook not found");
  return { project, row };
}

export async function updateWebhook(actor: Actor, slug: string, id: string | number, input: unknown, origin: string) {
  const data = parseInput(ZUpdateWebhook, input);
  const { row } = await findOwn(actor, slug, id);
  const updated = await getDb().projectWebhook.update({
    where: { id: row.id },
    data: { isActive: data.isActive },
    select: SELECT,
  });
  return view(origin, updated);
}

export async function deleteWebhook(actor: Actor, slug: string, id: string | number, meta?: RequestMeta): Promise<void> {
  const { project, row } = await findOwn(actor, slug, id);
  await getDb().projectWebhook.delete({ where: { id: row.id } });
  await recordAudit({
    actor,
    action: "webhook.deleted",
    resourceType: "project_webhook",
    resourceId: row.id,
    details: { project: project.slug, provider: row.provider },
    meta,
  });
}
