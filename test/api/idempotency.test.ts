// Idempotency keys for creates (issue 22, item 7): a retry with the same key and body answers the
// first answer and creates nothing; another body with the same key is a 422; keys belong to their
// API key; an expired key (24 h) runs again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as cardPost } from "../../app/api/v1/projects/[slug]/cards/route.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getDb } from "../../lib/db/client.ts";
import { call, freshWorld, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

describe.each(availableEngines())("idempotency keys on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  beforeAll(async () => {
    world = await freshWorld(engine);
  });
  afterAll(async () => world?.close());

  it("a retried create with the same key creates once and answers the same", async () => {
    const owner = await person("idem");
    const project = await createProject(owner.actor, { name: "Idem", key: "IDM" });
    const path = `/api/v1/projects/${project.slug}/cards`;
    const post = (body: unknown, key: string, apiKey = owner.key) =>
      call(cardPost, { key: apiKey, path, params: { slug: project.slug }, body, headers: { "idempotency-key": key } });
    const cards = () => getDb().card.count({ where: { projectId: project.id } });

    const first = await post({ title: "Once" }, "k-1");
    expect(first.status).toBe(201);
    const again = await post({ title: "Once" }, "k-1");
    expect(again).toEqual(first);
    expect(await cards()).toBe(1);
    // Concurrent retries: still one card.
    const burst = await Promise.all(Array.from({ length: 5 }, () => post({ title: "Burst" }, "k-2")));
    expect(burst.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(burst.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(await cards()).toBe(2);
    // Another body with a used key: 422, nothing created.
    const other = await post({ title: "Different" }, "k-1");
    expect(other.status).toBe(422);
    expect(other.json.error.code).toBe("idempotency_mismatch");
    expect(await cards()).toBe(2);
    // Keys are per API key: another key of the same user may use the same name.
    const second = await person("idem2");
    await getDb().projectMember.create({ data: { projectId: project.id, userId: second.id, role: "member" } });
    expect((await post({ title: "Once" }, "k-1", second.key)).status).toBe(201);
    expect(await cards()).toBe(3);
    // A failed create (400) is answered the same way again, and creates nothing.
    const bad = await post({ title: "" }, "k-3");
    expect(bad.status).toBe(400);
    expect(await post({ title: "" }, "k-3")).toEqual(bad);
    // After 24 hours the key is free again.
    await getDb().idempotencyKey.updateMany({ data: { createdAt: new Date(Date.now() - 25 * 3600 * 1000) } });
    expect((await post({ title: "Once" }, "k-1")).status).toBe(201);
    expect(await cards()).toBe(4);
    // A malformed key is a 400.
    expect((await post({ title: "x" }, "ü")).status).toBe(400);
  });
});
