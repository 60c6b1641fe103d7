// One delivery from a git host: verify it against the webhook's secret (over the raw body), drop
// replays (known by the hash of what was signed: lib/webhooks/verify.ts), then attach commit / pull
// request links to the cards it mentions, move
// the cards it fixes to the done column (through moveCard, so history and events happen as for a
// person), and post a summary to the project chat.
import type { Actor } from "../auth/actor.ts";
import { openSecret } from "../auth/secret-box.ts";
import { loadCardJson, moveCard } from "../boards/cards.ts";
import { getDb, type Tx } from "../db/client.ts";
import { AppError, notFound } from "../errors.ts";
import { decodeUtf8, parseJsonText, readBodyCapped } from "../http/body.ts";
import { projectRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { doneColumnIds } from "../scrum/progress.ts";
import { fixedCards, mentionedCards } from "./keys.ts";
import { type GitEvent, normaliseEvent } from "./payloads.ts";
import { postWebhookBotMessage } from "./summary.ts";
import { eventNameOf, PROVIDERS, type Provider, TIMESTAMP_TOLERANCE_SECONDS, verifyDelivery } from "./verify.ts";

/** Git hosts send large pushes; GitHub caps payloads at 25 MB, we take up to 5 MB. */
export const MAX_DELIVERY_BYTES = 5_000_000;

export type DeliveryResult =
  | { status: "ignored"; reason: "event" | "replay" }
  | { status: "processed"; linked: string[]; moved: string[] };

type Link = { type: "commit" | "pull_request"; url: string; ref: string; title: string; state: string | null };

/** Which cards get which links, and which cards the event says are done. */
function effectsOf(projectKey: string, event: GitEvent): { links: Map<number, Link[]>; fixes: number[] } {
  const links = new Map<number, Link[]>();
  const add = (numbers: number[], link: Link) => {
    for (const n of numbers) links.set(n, [...(links.get(n) ?? []), link]);
  };
  const fixes = new Set<number>();
  const branchCards = event.branch ? mentionedCards(projectKey, event.branch) : [];
  if (event.kind === "push") {
    // Like the git hosts' own closing keywords: only commits that reach the default branch close.
    const isDefault = event.repo.defaultBranch === null || event.branch === event.repo.defaultBranch;
    for (const c of event.commits) {
      const title = c.message.split("\n")[0].slice(0, 500);
      add([...new Set([...mentionedCards(projectKey, c.message), ...branchCards])], {
        type: "commit",
        url: c.url,
        ref: c.sha,
        title,
        state: null,
      });
      if (isDefault) for (const n of fixedCards(projectKey, c.message)) fixes.add(n);
    }
  } else {
    add([...new Set([...mentionedCards(projectKey, event.title), ...branchCards])], {
      type: "pull_request",
      url: event.url,
      ref: String(event.number),
      title: event.title.slice(0, 500),
      state: event.state,
    });
    if (event.state === "merged") for (const n of fixedCards(projectKey, `${event.title}\n${event.body}`)) fixes.add(n);
  }
  return { links, fixes: [...fixes] };
}

/**
 * Receives one delivery. The webhook is looked up before a byte of the body is read (an unknown id
 * costs the sender a 404, not our memory), and the body is read with MAX_DELIVERY_BYTES counted while
 * it streams.
 */
export async function receiveDelivery(webhookId: string, req: Request): Promise<DeliveryResult> {
  const headers = req.headers;
  const id = Number(webhookId);
  const db = getDb();
  const hook =
    Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647
      ? await db.projectWebhook.findUnique({
          where: { id },
          select: {
            id: true,
            provider: true,
            secret: true,
            isActive: true,
            createdBy: true,
            project: { select: { id: true, slug: true, key: true, name: true, type: true, isArchived: true, deletedAt: true } },
          },
        })
      : null;
  if (!hook?.isActive || hook.project.deletedAt !== null || !PROVIDERS.includes(hook.provider as Provider)) {
    throw notFound("Webhook not found");
  }
  const provider = hook.provider as Provider;
  const rawBody = await readBodyCapped(
    req,
    MAX_DELIVERY_BYTES,
    () => new AppError("payload_too_large", `A delivery may be at most ${MAX_DELIVERY_BYTES} bytes.`),
  );
  const secret = openSecret("webhook", hook.secret);
  const verdict =
    secret === null ? ({ ok: false, reason: "signature" } as const) : verifyDelivery(provider, secret, rawBody, headers);
  if (!verdict.ok) {
    throw new AppError(
      "unauthorized",
      verdict.reason === "timestamp"
        ? `The delivery's X-WarmDesk-Timestamp is more than ${TIMESTAMP_TOLERANCE_SECONDS} seconds from our clock.`
        : "The delivery's signature is missing or wrong.",
    );
  }
  const body = parseJsonText(decodeUtf8(rawBody));
  const eventName = eventNameOf(provider, headers);
  const event = normaliseEvent(provider, eventName, body);
  if (event === "ignored") return { status: "ignored", reason: "event" };
  if (event === "invalid") throw new AppError("validation", `The ${eventName} payload lacks fields it must have.`);

  const now = new Date();
  try {
    // The unique (webhook_id, delivery_id) row is the claim: of two concurrent copies one wins.
    await db.webhookDelivery.create({
      data: { webhookId: hook.id, deliveryId: verdict.replayKey, event: eventName.slice(0, 191), receivedAt: now },
    });
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") return { status: "ignored", reason: "replay" };
    throw e;
  }
  await db.projectWebhook.update({ where: { id: hook.id }, data: { lastDeliveryAt: now } });

  const project = hook.project;
  const { links, fixes } = effectsOf(project.key, event);
  const numbers = [...new Set([...links.keys(), ...fixes])];
  const cards = numbers.length
    ? await db.card.findMany({
        where: { projectId: project.id, number: { in: numbers }, deletedAt: null },
        select: { id: true, number: true, columnId: true },
      })
    : [];
  const byNumber = new Map(cards.map((c) => [c.number, c]));
  const linkedIds = [...links.keys()].map((n) => byNumber.get(n)?.id).filter((x): x is number => x !== undefined);

  if (linkedIds.length > 0 && !project.isArchived) {
    const payloads = await db.$transaction(async (tx) => {
      for (const [n, list] of links) {
        const card = byNumber.get(n);
        if (!card) continue;
        for (const l of list) {
          await tx.cardLink.upsert({
            where: { cardId_type_ref: { cardId: card.id, type: l.type, ref: l.ref } },
            create: { cardId: card.id, ...l },
            update: { url: l.url, title: l.title, ...(l.state !== null ? { state: l.state } : {}) },
          });
        }
      }
      return Promise.all(linkedIds.map((cid) => loadCardJson(tx as Tx, project, cid)));
    });
    publish(payloads.map((card) => ({ room: projectRoom(project.id), type: "card.updated" as const, data: card })));
  }

  const moved: string[] = [];
  if (fixes.length > 0 && !project.isArchived && hook.createdBy !== null) {
    const doneIds = await doneColumnIds(db, project.id);
    const target = doneIds.at(-1);
    // The move is the webhook's, recorded under the user who set it up, limited to this project.
    const bot: Actor = {
      userId: hook.createdBy,
      username: "webhook",
      isAdmin: true,
      sessionId: null,
      apiKeyProjectId: project.id,
      language: "en",
    };
    for (const n of fixes) {
      const card = byNumber.get(n);
      if (!card || target === undefined || doneIds.includes(card.columnId)) continue;
      try {
        await moveCard(bot, project.slug, `${project.key}-${n}`, { columnId: target });
        moved.push(`${project.key}-${n}`);
      } catch (e) {
        // A card deleted meanwhile must not fail the delivery (the git host would retry it).
        if (!(e instanceof AppError)) throw e;
      }
    }
  }

  const linked = numbers.filter((n) => byNumber.has(n)).map((n) => `${project.key}-${n}`);
  await postWebhookBotMessage(project.id, provider, event, linked);
  return { status: "processed", linked, moved };
}
