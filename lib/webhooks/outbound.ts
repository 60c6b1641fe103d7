// Outbound webhooks: a project's (its admins) or the instance's (system admins) URL, secret and
// events. Events published after a commit (lib/realtime/publish.ts) are queued as delivery rows in
// the database, never sent inside the request; the delivery job (lib/jobs/jobs.ts, and a kick right
// after queueing) claims due rows with a conditional UPDATE (one instance each), posts them through
// lib/webhooks/outbound-http.ts (SSRF checks, pinned address, timeouts, body limit), and retries
// failures with exponential backoff (1, 2, 4 … minutes, at most 2 hours apart) for a day. Deliveries
// of one webhook with the same order key (a card) go out in order: one waits while an earlier one is
// unfinished. Each is signed like Stripe's: `X-WarmDesk-Signature: t=<unix seconds>,v1=<hex
// HMAC-SHA256 of "<t>.<body>">` with the webhook's secret.
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { requireProject } from "../auth/access.ts";
import { type Actor, requireAdmin } from "../auth/actor.ts";
import { openSecret, sealSecret } from "../auth/secret-box.ts";
import { cachedValue } from "../cache/invalidation.ts";
import { getDb } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import type { PublishedEvent } from "../realtime/events.ts";
import { getSetting } from "../settings/settings.ts";
import { checkUrlForm, postTo, resolveTarget, TargetRefused } from "./outbound-http.ts";

export const OUTBOUND_EVENTS = [
  "card.created",
  "card.moved",
  "card.updated",
  "card.deleted",
  "comment.created",
  "time_entry.created",
  "contract.threshold_crossed",
] as const;

export const ZCreateOutbound = z
  .object({
    /** Omitted: an instance-wide webhook (system administrators). */
    projectSlug: z.string().trim().min(1).max(191).optional(),
    url: z.string().trim().min(1).max(2000),
    events: z.array(z.enum(OUTBOUND_EVENTS)).min(1).max(OUTBOUND_EVENTS.length),
    name: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

/** The body of the REST routes: the place (project or instance) comes from the path. */
export const ZOutboundBody = ZCreateOutbound.omit({ projectSlug: true });

export const ZUpdateOutbound = z
  .object({
    url: z.string().trim().min(1).max(2000).optional(),
    events: z.array(z.enum(OUTBOUND_EVENTS)).min(1).max(OUTBOUND_EVENTS.length).optional(),
    name: z.string().trim().min(1).max(100).nullable().optional(),
    isActive: z.boolean().optional(),
    /** A new secret, shown once in the answer; the old one stops signing at once. */
    rotateSecret: z.literal(true).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to change." });

/** Where a route says a webhook lives: a project (by slug) or the instance (null). */
export type OutboundPlace = { projectSlug: string | null };

const SELECT = { id: true, projectId: true, name: true, url: true, events: true, isActive: true, createdAt: true } as const;
type Row = {
  id: number;
  projectId: number | null;
  name: string | null;
  url: string;
  events: string;
  isActive: boolean;
  createdAt: Date;
};
const view = (w: Row) => ({
  id: w.id,
  projectId: w.projectId,
  name: w.name,
  url: w.url,
  events: w.events.split(","),
  isActive: w.isActive,
  createdAt: w.createdAt.toISOString(),
});

/** A URL is checked when saved too (after DNS), so a refused target is a 400 at once. */
async function checkTarget(raw: string) {
  try {
    const url = checkUrlForm(raw);
    await resolveTarget(url, await getSetting("webhooks_allow_private"));
  } catch (e) {
    const message = e instanceof TargetRefused ? e.message : `Cannot resolve the host: ${(e as Error).message}`;
    throw new AppError("validation", message, { fields: [{ path: "url", message }] });
  }
}

async function placeFor(actor: Actor, projectSlug: string | undefined) {
  if (projectSlug === undefined) {
    requireAdmin(actor);
    return null;
  }
  return (await requireProject(actor, projectSlug, "admin")).project.id;
}

const newSecret = () => `whsec_${randomBytes(24).toString("hex")}`;

/** Creates a webhook at the route's place; the body carries no projectSlug. */
export async function createOutboundWebhookAt(actor: Actor, place: OutboundPlace, input: unknown) {
  // Who may is checked before what is asked: a refused caller learns nothing from validation.
  await placeFor(actor, place.projectSlug ?? undefined);
  const data = parseInput(ZOutboundBody, input);
  return createOutboundWebhook(actor, { ...data, projectSlug: place.projectSlug ?? undefined });
}

export async function createOutboundWebhook(actor: Actor, input: unknown) {
  const data = parseInput(ZCreateOutbound, input);
  const projectId = await placeFor(actor, data.projectSlug);
  await checkTarget(data.url);
  const secret = newSecret();
  const row = await getDb().outboundWebhook.create({
    data: {
      projectId,
      url: data.url,
      events: [...new Set(data.events)].join(","),
      name: data.name ?? null,
      secret: sealSecret("webhook", secret),
      createdBy: actor.userId,
    },
    select: SELECT,
  });
  return { ...view(row), secret };
}

export async function listOutboundWebhooks(actor: Actor, projectSlug?: string) {
  const projectId = await placeFor(actor, projectSlug);
  const rows = await getDb().outboundWebhook.findMany({ where: { projectId }, select: SELECT, orderBy: { id: "asc" } });
  return rows.map(view);
}

async function own(actor: Actor, rawId: string | number, place?: OutboundPlace) {
  // A route's place is checked first (an outsider gets 404, a project's member 403), then the
  // webhook must live there: another project's id is "not found".
  const placeId = place ? await placeFor(actor, place.projectSlug ?? undefined) : undefined;
  const id = Number(rawId);
  const row =
    Number.isInteger(id) && id > 0 && id <= 2_147_483_647
      ? await getDb().outboundWebhook.findUnique({ where: { id }, select: SELECT })
      : null;
  if (!row || (place && row.projectId !== placeId)) throw notFound("Webhook not found");
  if (place) return row;
  if (row.projectId === null) requireAdmin(actor);
  else {
    const project = await getDb().project.findUnique({ where: { id: row.projectId }, select: { slug: true } });
    if (!project) throw notFound("Webhook not found");
    await requireProject(actor, project.slug, "admin");
  }
  return row;
}

export async function deleteOutboundWebhook(actor: Actor, id: string | number, place?: OutboundPlace) {
  const row = await own(actor, id, place);
  await getDb().outboundWebhook.delete({ where: { id: row.id } });
}

/** Changes a webhook's URL, events, name or state, or gives it a new secret (shown this once). */
export async function updateOutboundWebhook(actor: Actor, id: string | number, input: unknown, place?: OutboundPlace) {
  const row = await own(actor, id, place);
  const data = parseInput(ZUpdateOutbound, input);
  if (data.url !== undefined && data.url !== row.url) await checkTarget(data.url);
  const secret = data.rotateSecret ? newSecret() : undefined;
  const updated = await getDb().outboundWebhook.update({
    where: { id: row.id },
    data: {
      ...(data.url !== undefined ? { url: data.url } : {}),
      ...(data.events !== undefined ? { events: [...new Set(data.events)].join(",") } : {}),
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.isActive !== undefined ? { isActive: data.isActive } : {}),
      ...(secret ? { secret: sealSecret("webhook", secret) } : {}),
    },
    select: SELECT,
  });
  return secret ? { ...view(updated), secret } : view(updated);
}

/** The delivery log: newest first, with each attempt's response code. */
export async function listDeliveries(actor: Actor, id: string | number, place?: OutboundPlace) {
  const row = await own(actor, id, place);
  const rows = await getDb().outboundDelivery.findMany({
    where: { webhookId: row.id },
    orderBy: { id: "desc" },
    take: 100,
    select: {
      id: true,
      event: true,
      eventId: true,
      status: true,
      attempts: true,
      responseCode: true,
      error: true,
      createdAt: true,
      lastAttemptAt: true,
      nextAttemptAt: true,
      attemptLog: { select: { responseCode: true, durationMs: true, error: true, createdAt: true }, orderBy: { id: "asc" } },
    },
  });
  return rows.map((d) => ({
    ...d,
    createdAt: d.createdAt.toISOString(),
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    attemptLog: d.attemptLog.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
  }));
}

/** Sends a delivery again: a new delivery row with the same event id and body, queued now. */
export async function resendDelivery(actor: Actor, id: string | number, deliveryId: string | number, place?: OutboundPlace) {
  const row = await own(actor, id, place);
  const did = Number(deliveryId);
  const d =
    Number.isInteger(did) && did > 0 && did <= 2_147_483_647
      ? await getDb().outboundDelivery.findFirst({ where: { id: did, webhookId: row.id } })
      : null;
  if (!d) throw notFound("Delivery not found");
  const copy = await getDb().outboundDelivery.create({
    data: {
      webhookId: row.id,
      eventId: d.eventId,
      event: d.event,
      orderKey: `resend:${d.id}`,
      payload: d.payload,
      nextAttemptAt: new Date(),
      resentFromId: d.id,
    },
    select: { id: true },
  });
  kickDeliveries();
  return { id: copy.id };
}

/** Which published events go out, under what name and order key. */
function outboundOf(e: PublishedEvent): { event: string; projectId: number | null; orderKey: string } | null {
  const data = e.data as Record<string, unknown> | null;
  const room = /^project:(\d+)$/.exec(e.room);
  if (room && (OUTBOUND_EVENTS as readonly string[]).includes(e.type)) {
    // A card's events and its comments go out in order (a comment's `id` is not its card's).
    const cardId = e.type.startsWith("comment.")
      ? (data?.cardId as number | undefined)
      : ((data?.card ?? data) as { id?: number } | undefined)?.id;
    return { event: e.type, projectId: Number(room[1]), orderKey: cardId ? `card:${cardId}` : `event:${e.type}` };
  }
  if (e.type === "time_entry.created" && e.room.startsWith("user:")) {
    const project = (data?.project ?? null) as { id: number } | null;
    return { event: e.type, projectId: project?.id ?? null, orderKey: `entry:${String(data?.id ?? "")}` };
  }
  return null;
}

// Every published event asks which webhooks are active: kept per process while no webhook row
// changed anywhere (the `webhooks` topic, lib/cache/watched-writes.ts).
const activeHooks = cachedValue("webhooks", () =>
  getDb().outboundWebhook.findMany({ where: { isActive: true }, select: { id: true, projectId: true, events: true } }),
);

/**
 * Queues deliveries for published events (after their commit). Errors are logged, never thrown:
 * the request that caused the events has already succeeded.
 */
export async function queueOutbound(events: PublishedEvent[]): Promise<number> {
  const items = events.map((e) => ({ e, o: outboundOf(e) })).filter((x) => x.o !== null);
  if (items.length === 0) return 0;
  const db = getDb();
  const hooks = await activeHooks();
  if (hooks.length === 0) return 0;
  const rows = [];
  for (const { e, o } of items) {
    if (!o) continue;
    const eventId = randomUUID();
    const body = JSON.stringify({
      id: eventId,
      event: o.event,
      createdAt: new Date().toISOString(),
      projectId: o.projectId,
      data: e.data,
    });
    for (const h of hooks) {
      if (h.projectId !== null && h.projectId !== o.projectId) continue;
      if (!h.events.split(",").includes(o.event)) continue;
      rows.push({ webhookId: h.id, eventId, event: o.event, orderKey: o.orderKey, payload: body, nextAttemptAt: new Date() });
    }
  }
  // One row at a time keeps ids in publish order (the per-card order depends on it).
  for (const r of rows) await db.outboundDelivery.create({ data: r, select: { id: true } });
  if (rows.length) kickDeliveries();
  return rows.length;
}

/** An alert crossed: queued like a published event, for webhooks of the instance. */
export function contractAlertEvent(data: unknown): PublishedEvent {
  return { room: "instance", type: "contract.threshold_crossed", data } as unknown as PublishedEvent;
}

/**
 * A contract's period crossed an alert threshold (lib/billing/alerts.ts, once per threshold and
 * period): queued for the instance's webhooks and those of the customer's projects that asked for
 * `contract.threshold_crossed`. Deliveries of one contract go out in order.
 */
export async function queueContractAlert(alert: { contractId: number; customerId: number; [k: string]: unknown }) {
  const db = getDb();
  const event = "contract.threshold_crossed";
  const hooks = await db.outboundWebhook.findMany({
    where: { isActive: true, OR: [{ projectId: null }, { project: { customerId: alert.customerId, deletedAt: null } }] },
    select: { id: true, projectId: true, events: true },
    orderBy: { id: "asc" },
  });
  const wanted = hooks.filter((h) => h.events.split(",").includes(event));
  if (wanted.length === 0) return 0;
  const eventId = randomUUID();
  const { customerId: _c, ...data } = alert;
  const body = JSON.stringify({ id: eventId, event, createdAt: new Date().toISOString(), projectId: null, data });
  for (const h of wanted)
    await db.outboundDelivery.create({
      data: {
        webhookId: h.id,
        eventId,
        event,
        orderKey: `contract:${alert.contractId}`,
        payload: body,
        nextAttemptAt: new Date(),
      },
      select: { id: true },
    });
  kickDeliveries();
  return wanted.length;
}

const MINUTE = 60_000;
const GIVE_UP_MS = 24 * 60 * MINUTE;
const LEASE_MS = 2 * MINUTE;
export const backoffMs = (attempts: number) => Math.min(2 ** Math.max(0, attempts - 1) * MINUTE, 120 * MINUTE);

export function sign(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** Sends what is due; returns how many attempts were made. */
export async function deliverDue(now = new Date(), limit = 50): Promise<{ attempted: number; succeeded: number }> {
  const db = getDb();
  const due = await db.outboundDelivery.findMany({
    where: {
      OR: [
        { status: "pending", nextAttemptAt: { lte: now } },
        { status: "delivering", lockedUntil: { lt: now } },
      ],
    },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, webhookId: true, orderKey: true, status: true, lockedUntil: true },
  });
  const allowPrivate = await getSetting("webhooks_allow_private");
  let attempted = 0;
  let succeeded = 0;
  const blocked = new Set<string>();
  for (const d of due) {
    const chain = `${d.webhookId}/${d.orderKey}`;
    if (blocked.has(chain)) continue;
    const earlier = await db.outboundDelivery.count({
      where: { webhookId: d.webhookId, orderKey: d.orderKey, id: { lt: d.id }, status: { in: ["pending", "delivering"] } },
    });
    if (earlier > 0) {
      blocked.add(chain);
      continue;
    }
    // The claim: only one instance moves the row from what it read to `delivering`.
    const claimed = await db.outboundDelivery.updateMany({
      where: { id: d.id, status: d.status, lockedUntil: d.lockedUntil },
      data: { status: "delivering", lockedUntil: new Date(now.getTime() + LEASE_MS) },
    });
    if (claimed.count !== 1) continue;
    attempted++;
    const ok = await attempt(d.id, now, allowPrivate);
    if (ok) succeeded++;
    else blocked.add(chain);
  }
  return { attempted, succeeded };
}

async function attempt(id: number, now: Date, allowPrivate: boolean): Promise<boolean> {
  const db = getDb();
  const d = await db.outboundDelivery.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      payload: true,
      event: true,
      eventId: true,
      attempts: true,
      createdAt: true,
      webhook: { select: { url: true, secret: true, isActive: true } },
    },
  });
  let result: { status: number | null; body: string; error: string | null; durationMs: number };
  try {
    if (!d.webhook.isActive) throw new TargetRefused("The webhook is switched off.");
    const url = checkUrlForm(d.webhook.url);
    const target = await resolveTarget(url, allowPrivate);
    const secret = openSecret("webhook", d.webhook.secret) ?? "";
    const t = Math.floor(now.getTime() / 1000);
    result = await postTo(url, target, d.payload, {
      "x-warmdesk-event": d.event,
      "x-warmdesk-delivery": d.eventId,
      "x-warmdesk-signature": sign(secret, t, d.payload),
    });
  } catch (e) {
    result = { status: null, body: "", error: (e as Error).message, durationMs: 0 };
  }
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  const attempts = d.attempts + 1;
  const next = new Date(now.getTime() + backoffMs(attempts));
  const giveUp = !ok && next.getTime() - d.createdAt.getTime() > GIVE_UP_MS;
  await db.$transaction([
    db.outboundAttempt.create({
      data: {
        deliveryId: d.id,
        responseCode: result.status,
        durationMs: result.durationMs,
        error: result.error?.slice(0, 1000) ?? null,
        responseBody: result.body || null,
      },
    }),
    db.outboundDelivery.update({
      where: { id: d.id },
      data: {
        attempts,
        status: ok ? "succeeded" : giveUp ? "failed" : "pending",
        lastAttemptAt: now,
        responseCode: result.status,
        error: result.error?.slice(0, 1000) ?? null,
        nextAttemptAt: ok || giveUp ? now : next,
        lockedUntil: null,
      },
    }),
  ]);
  return ok;
}

let kicking: Promise<unknown> | null = null;
/** Delivers what was just queued, in the background (the request never waits). */
export function kickDeliveries(): void {
  if (kicking) return;
  kicking = deliverDue()
    .catch((e) => console.error("webhook delivery failed", (e as Error).message))
    .finally(() => {
      kicking = null;
    });
}

/** Tests wait for the background delivery. */
export async function flushDeliveries(): Promise<void> {
  while (kicking) await kicking;
}
