// Atomic card numbers: concurrent creates on one project get distinct, consecutive numbers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCard } from "../../lib/boards/cards.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getDb } from "../../lib/db/client.ts";
import { freshWorld, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

describe.each(availableEngines())("card numbers on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  beforeAll(async () => {
    world = await freshWorld(engine);
  });
  afterAll(async () => world?.close());

  it("200 concurrent creates get exactly the numbers 1..200", async () => {
    const owner = await person("owner");
    const project = await createProject(owner.actor, { name: "Race", key: "RACE" });
    const settled = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        createCard(owner.actor, project.slug, { title: `card ${i}`, labels: i % 2 ? ["odd"] : ["even", "all"] }),
      ),
    );
    const failures = settled.flatMap((s) => (s.status === "rejected" ? [String(s.reason).slice(0, 300)] : []));
    expect(failures).toEqual([]);
    const cards = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    const numbers = cards.map((c) => c.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(new Set(cards.map((c) => c.key)).size).toBe(200);
    const stored = await getDb().card.findMany({ where: { projectId: project.id }, select: { number: true } });
    expect(stored.map((c) => c.number).sort((a, b) => a - b)).toEqual(numbers);
    const counter = await getDb().project.findUniqueOrThrow({ where: { id: project.id }, select: { cardCounter: true } });
    expect(counter.cardCounter).toBe(200);
    // Labels created on the fly by racing creates exist once each.
    const labels = await getDb().label.findMany({ where: { projectId: project.id }, select: { name: true } });
    expect(labels.map((l) => l.name).sort()).toEqual(["all", "even", "odd"]);
    // Numbers are never reused: the next card after a deletion still gets 201.
    const next = await createCard(owner.actor, project.slug, { title: "after the race" });
    expect(next.number).toBe(201);
    expect(next.key).toBe("RACE-201");
  });
});
