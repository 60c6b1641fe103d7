// Outbound webhooks with a real HTTP receiver on loopback (allowed explicitly in the settings):
// the signature verifies, a 500 is retried with backoff, deliveries of one card keep their order,
// the delivery log records each attempt's code; an SSRF attempt (loopback, a name resolving to
// 127.0.0.1) is refused without the allowance.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCard, updateCard } from "../../lib/boards/cards.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getDb } from "../../lib/db/client.ts";
import { updateSettings } from "../../lib/settings/settings.ts";
import {
  createOutboundWebhook,
  deliverDue,
  flushDeliveries,
  listDeliveries,
  resendDelivery,
} from "../../lib/webhooks/outbound.ts";
import { isPublicAddress } from "../../lib/webhooks/outbound-http.ts";
import { freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

/** Waits until the background queueing (after publish) has written `n` delivery rows. */
async function queued(n: number) {
  for (let i = 0; i < 500 && (await getDb().outboundDelivery.count()) < n; i++) await new Promise((r) => setTimeout(r, 10));
  await flushDeliveries();
}

type Hit = { headers: Record<string, string | string[] | undefined>; body: string };

describe.each(availableEngines())("[WEBHOOKS] outbound deliveries on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let root: Person;
  let anna: Person;
  let server: Server;
  let port: number;
  const hits: Hit[] = [];
  let failNext = 0;

  beforeAll(async () => {
    world = await freshWorld(engine);
    root = await person("root", { admin: true });
    anna = await person("anna");
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        if (failNext > 0) {
          failNext--;
          res.writeHead(500).end("boom");
        } else res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
    await createProject(anna.actor, { name: "Alpha", key: "ALP" });
  });
  afterAll(async () => {
    await flushDeliveries();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await world?.close();
  });

  it("refuses loopback and private targets without the administrator's allowance", async () => {
    expect(isPublicAddress("127.0.0.1")).toBe(false);
    expect(isPublicAddress("::ffff:10.0.0.1")).toBe(false);
    expect(isPublicAddress("169.254.169.254")).toBe(false);
    expect(isPublicAddress("93.184.216.34")).toBe(true);
    for (const url of [
      `http://127.0.0.1:${port}/hook`,
      `http://localhost:${port}/hook`,
      "http://[::1]/x",
      "file:///etc/passwd",
    ]) {
      await expect(
        createOutboundWebhook(anna.actor, { projectSlug: "alpha", url, events: ["card.created"] }),
      ).rejects.toMatchObject({
        code: "validation",
      });
    }
    expect(await getDb().outboundWebhook.count()).toBe(0);
  });

  it("signs, retries after a 500, keeps a card's order and logs every attempt", async () => {
    await updateSettings({ ...root.actor, sessionId: 1 }, { webhooks_allow_private: true });
    const hook = await createOutboundWebhook(anna.actor, {
      projectSlug: "alpha",
      url: `http://127.0.0.1:${port}/hook`,
      events: ["card.created", "card.updated"],
    });
    expect(hook.secret).toMatch(/^whsec_/);
    expect((await getDb().outboundWebhook.findUniqueOrThrow({ where: { id: hook.id } })).secret).not.toContain(hook.secret);
    failNext = 1;
    const card = await createCard(anna.actor, "alpha", { title: "First" });
    await updateCard(anna.actor, "alpha", card.key, { title: "Second" });
    await queued(2);
    // The created event failed once; the update waits behind it.
    expect(hits.map((h) => h.headers["x-warmdesk-event"])).toEqual(["card.created"]);
    const later = new Date(Date.now() + 61_000);
    await deliverDue(later);
    expect(hits.map((h) => h.headers["x-warmdesk-event"])).toEqual(["card.created", "card.created", "card.updated"]);
    for (const h of hits) {
      const [t, v1] = String(h.headers["x-warmdesk-signature"]).split(",");
      const ts = t.slice(2);
      expect(v1).toBe(`v1=${createHmac("sha256", hook.secret).update(`${ts}.${h.body}`).digest("hex")}`);
    }
    expect(JSON.parse(hits[2].body)).toMatchObject({ event: "card.updated", data: { title: "Second" } });
    const log = await listDeliveries(anna.actor, hook.id);
    expect(log.map((d) => [d.event, d.status, d.attempts, d.attemptLog.map((a) => a.responseCode)])).toEqual([
      ["card.updated", "succeeded", 1, [204]],
      ["card.created", "succeeded", 2, [500, 204]],
    ]);
    // Re-send: the same event id again.
    await resendDelivery(anna.actor, hook.id, log[1].id);
    await flushDeliveries();
    expect(hits.at(-1)?.headers["x-warmdesk-delivery"]).toBe(hits[0].headers["x-warmdesk-delivery"]);
    // Twice at once: each due delivery is claimed by one run.
    failNext = 0;
    const before = hits.length;
    await updateCard(anna.actor, "alpha", card.key, { title: "Third" });
    await queued(4);
    await Promise.all([deliverDue(), deliverDue(), flushDeliveries()]);
    expect(hits.length - before).toBe(1);
  });
});
