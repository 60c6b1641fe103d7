// [WEBHOOKS] The outbound webhook REST routes, per project (its admins) and instance-wide (system
// administrators), against a real HTTP receiver on loopback (allowed explicitly in the settings):
// the secret is shown once and never stored in clear, every wired event arrives signed (card
// created/moved/updated/deleted, comment added, time booked, contract threshold crossed), a 500 is
// retried, a card's deliveries keep their order, the log shows each attempt's code and a delivery
// can be re-sent; members, outsiders and other projects' ids are refused, and so is an SSRF target
// while private addresses are not allowed.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as adminList from "../../app/api/v1/admin/outbound-webhooks/route.ts";
import * as projectResend from "../../app/api/v1/projects/[slug]/outbound-webhooks/[id]/deliveries/[deliveryId]/resend/route.ts";
import * as projectLog from "../../app/api/v1/projects/[slug]/outbound-webhooks/[id]/deliveries/route.ts";
import * as projectOne from "../../app/api/v1/projects/[slug]/outbound-webhooks/[id]/route.ts";
import * as projectList from "../../app/api/v1/projects/[slug]/outbound-webhooks/route.ts";
import { flushContractAlerts } from "../../lib/billing/alerts.ts";
import { createCard, deleteCard, moveCard, updateCard } from "../../lib/boards/cards.ts";
import { addComment } from "../../lib/boards/comments.ts";
import { addMember } from "../../lib/boards/members.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { createContract } from "../../lib/customers/contracts.ts";
import { createCustomer } from "../../lib/customers/customers.ts";
import { getDb } from "../../lib/db/client.ts";
import { updateSettings } from "../../lib/settings/settings.ts";
import { createEntry } from "../../lib/time/entries.ts";
import { deliverDue, flushDeliveries } from "../../lib/webhooks/outbound.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

type Hit = { headers: Record<string, string | string[] | undefined>; body: string };

/** Waits until the background queueing (after publish) has written `n` delivery rows, then delivers. */
async function queued(n: number) {
  for (let i = 0; i < 500 && (await getDb().outboundDelivery.count()) < n; i++) await new Promise((r) => setTimeout(r, 10));
  await flushDeliveries();
}

const verifies = (secret: string, h: Hit) => {
  const [t, v1] = String(h.headers["x-warmdesk-signature"]).split(",");
  return (
    v1 ===
    `v1=${createHmac("sha256", secret)
      .update(`${t.slice(2)}.${h.body}`)
      .digest("hex")}`
  );
};

describe.each(availableEngines())("[WEBHOOKS] outbound webhook routes on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let root: Person;
  let anna: Person;
  let mia: Person;
  let olga: Person;
  let server: Server;
  let url: string;
  const hits: Hit[] = [];
  let failNext = 0;

  beforeAll(async () => {
    world = await freshWorld(engine);
    root = await person("root", { admin: true });
    anna = await person("anna");
    mia = await person("mia");
    olga = await person("olga");
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        if (failNext > 0) {
          failNext--;
          res.writeHead(500).end("boom");
        } else res.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    await createProject(anna.actor, { name: "Alpha", key: "ALP" });
    await createProject(olga.actor, { name: "Other", key: "OTH" });
    await addMember(anna.actor, "alpha", { username: "mia", role: "member" });
  });
  afterAll(async () => {
    await flushContractAlerts();
    await flushDeliveries();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await world?.close();
  });

  it("refuses a loopback target while private addresses are not allowed, and changes nothing", async () => {
    const res = await call(projectList.POST, {
      key: anna.key,
      params: { slug: "alpha" },
      body: { url, events: ["card.created"] },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.details.fields[0].path).toBe("url");
    expect(await getDb().outboundWebhook.count()).toBe(0);
  });

  it("lets only the project's admins manage its webhooks; the secret is shown once", async () => {
    await updateSettings({ ...root.actor, sessionId: 1 }, { webhooks_allow_private: true });
    const body = { url, events: ["card.created"], name: "CI" };
    expect((await call(projectList.POST, { key: mia.key, params: { slug: "alpha" }, body })).status).toBe(403);
    expect((await call(projectList.POST, { key: olga.key, params: { slug: "alpha" }, body })).status).toBe(404);
    expect((await call(projectList.GET, { key: mia.key, params: { slug: "alpha" } })).status).toBe(403);
    expect(await getDb().outboundWebhook.count()).toBe(0);
    // Bad input: a clear 400, never a 500.
    const bad = await call(projectList.POST, { key: anna.key, params: { slug: "alpha" }, body: { url, events: ["nope"] } });
    expect(bad.status).toBe(400);
    const created = await call(projectList.POST, { key: anna.key, params: { slug: "alpha" }, body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "CI", url, events: ["card.created"], isActive: true });
    expect(created.json.secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    const stored = await getDb().outboundWebhook.findUniqueOrThrow({ where: { id: created.json.id } });
    expect(stored.secret).not.toContain(created.json.secret.slice(6));
    const list = await call(projectList.GET, { key: anna.key, params: { slug: "alpha" } });
    expect(list.json.webhooks).toHaveLength(1);
    expect(JSON.stringify(list.json)).not.toContain(created.json.secret);
    // Another project's admin cannot reach it through their own project.
    const other = await call(projectOne.PATCH, {
      method: "PATCH",
      key: olga.key,
      params: { slug: "other", id: String(created.json.id) },
      body: { isActive: false },
    });
    expect(other.status).toBe(404);
    // Nor an instance administrator's route (it is not an instance webhook).
    const viaAdmin = await call(adminList.GET, { key: root.key });
    expect(viaAdmin.json.webhooks).toEqual([]);
    await call(projectOne.DELETE, { method: "DELETE", key: anna.key, params: { slug: "alpha", id: String(created.json.id) } });
    expect(await getDb().outboundWebhook.count()).toBe(0);
  });

  it("sends every wired event signed, retries a 500, keeps a card's order, logs and re-sends", async () => {
    const created = await call(projectList.POST, {
      key: anna.key,
      params: { slug: "alpha" },
      body: {
        url,
        events: ["card.created", "card.moved", "card.updated", "card.deleted", "comment.created", "time_entry.created"],
      },
    });
    let secret: string = created.json.secret;
    const id = String(created.json.id);
    // A new secret: shown once, and the old one no longer signs.
    const rotated = await call(projectOne.PATCH, {
      method: "PATCH",
      key: anna.key,
      params: { slug: "alpha", id },
      body: { rotateSecret: true },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.json.secret).not.toBe(secret);
    secret = rotated.json.secret;

    failNext = 1;
    hits.length = 0;
    const card = await createCard(anna.actor, "alpha", { title: "First" });
    await queued(1);
    // The first attempt failed; what follows for the same card waits behind it.
    await updateCard(anna.actor, "alpha", card.key, { title: "Second" });
    const columns = await getDb().column.findMany({ where: { project: { slug: "alpha" } }, orderBy: { position: "asc" } });
    await moveCard(anna.actor, "alpha", card.key, { columnId: columns[1].id });
    await addComment(anna.actor, "alpha", card.key, { body: "Looks good" });
    await createEntry(anna.actor, { date: "2026-01-05", minutes: 45, projectSlug: "alpha", cardKey: card.key });
    await queued(5);
    // Only the time entry (ordered on its own) went out; the card's update, move and comment wait.
    expect(hits.map((h) => h.headers["x-warmdesk-event"])).toEqual(["card.created", "time_entry.created"]);
    await deliverDue(new Date(Date.now() + 61_000));
    await deleteCard(anna.actor, "alpha", card.key);
    await queued(6);
    const byCard = hits
      .map((h) => JSON.parse(h.body))
      .filter((b) => /^(card|comment)\./.test(String(b.event)))
      .map((b) => b.event);
    expect(byCard).toEqual(["card.created", "card.created", "card.updated", "card.moved", "comment.created", "card.deleted"]);
    for (const h of hits) expect(verifies(secret, h)).toBe(true);
    const entry = hits.map((h) => JSON.parse(h.body)).find((b) => b.event === "time_entry.created");
    expect(entry.data).toMatchObject({ minutes: 45 });

    const log = await call(projectLog.GET, { key: anna.key, params: { slug: "alpha", id } });
    expect(log.status).toBe(200);
    const first = log.json.deliveries.find((d: { event: string }) => d.event === "card.created");
    expect(first).toMatchObject({ status: "succeeded", attempts: 2, responseCode: 200 });
    expect(first.attemptLog.map((a: { responseCode: number }) => a.responseCode)).toEqual([500, 200]);
    expect(log.json.deliveries).toHaveLength(6);
    // Members see no log and cannot re-send.
    expect((await call(projectLog.GET, { key: mia.key, params: { slug: "alpha", id } })).status).toBe(403);
    expect(
      (
        await call(projectResend.POST, {
          method: "POST",
          key: mia.key,
          params: { slug: "alpha", id, deliveryId: String(first.id) },
        })
      ).status,
    ).toBe(403);
    const before = hits.length;
    const resent = await call(projectResend.POST, {
      method: "POST",
      key: anna.key,
      params: { slug: "alpha", id, deliveryId: String(first.id) },
    });
    expect(resent.status).toBe(202);
    await flushDeliveries();
    expect(hits.length).toBe(before + 1);
    expect(hits.at(-1)?.headers["x-warmdesk-delivery"]).toBe(first.eventId);
    const unknown = await call(projectResend.POST, {
      method: "POST",
      key: anna.key,
      params: { slug: "alpha", id, deliveryId: "999999999999" },
    });
    expect(unknown.status).toBe(404);
    // Switched off: nothing more is queued.
    await call(projectOne.PATCH, { method: "PATCH", key: anna.key, params: { slug: "alpha", id }, body: { isActive: false } });
    const rows = await getDb().outboundDelivery.count();
    await createCard(anna.actor, "alpha", { title: "Quiet" });
    await world.flush();
    await flushDeliveries();
    expect(await getDb().outboundDelivery.count()).toBe(rows);
  });

  it("sends a contract's threshold crossing to the instance's webhooks (administrators only; 404 to others)", async () => {
    const body = { url, events: ["contract.threshold_crossed"] };
    expect((await call(adminList.POST, { key: anna.key, body })).status).toBe(404);
    const created = await call(adminList.POST, { key: root.key, body });
    expect(created.status).toBe(201);
    expect(created.json.projectId).toBeNull();
    const secret: string = created.json.secret;
    // Its id is not reachable through a project's routes.
    const viaProject = await call(projectLog.GET, { key: anna.key, params: { slug: "alpha", id: String(created.json.id) } });
    expect(viaProject.status).toBe(404);

    await createCustomer(root.actor, { name: "ACME", slug: "acme" });
    const contract = await createContract(root.actor, "acme", { name: "Support", hours: 1, startDate: "2026-01-01" });
    hits.length = 0;
    await createEntry(root.actor, { date: "2026-01-06", minutes: 50, customerSlug: "acme", contractId: contract.id });
    await flushContractAlerts();
    await flushDeliveries();
    await createEntry(root.actor, { date: "2026-01-07", minutes: 20, customerSlug: "acme", contractId: contract.id });
    await flushContractAlerts();
    await flushDeliveries();
    const bodies = hits.map((h) => JSON.parse(h.body));
    expect(bodies.map((b) => [b.event, b.data.threshold])).toEqual([
      ["contract.threshold_crossed", 80],
      ["contract.threshold_crossed", 100],
    ]);
    expect(bodies[0].data).toMatchObject({ contractId: contract.id, contract: { name: "Support", customer: "acme" } });
    for (const h of hits) expect(verifies(secret, h)).toBe(true);
    const log = await call((await import("../../app/api/v1/admin/outbound-webhooks/[id]/deliveries/route.ts")).GET, {
      key: root.key,
      params: { id: String(created.json.id) },
    });
    expect(log.json.deliveries.map((d: { responseCode: number }) => d.responseCode)).toEqual([200, 200]);
  });
});
