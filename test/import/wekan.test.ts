// The Wekan importer: lists with WIP limits, an archived list, swimlanes and custom fields (reported
// as dropped), checklist items in their own order, inlined files stored as real attachments.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedPath } from "../../lib/attachments/files.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getDb } from "../../lib/db/client.ts";
import { runImport } from "../../lib/import/import.ts";
import { freshWorld, person, rowCounts } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

const FIXTURE = { path: join(import.meta.dirname, "fixtures", "wekan-board.json") };

describe.each(availableEngines())("Wekan import on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  beforeAll(async () => {
    world = await freshWorld(engine);
  });
  afterAll(async () => world?.close());

  it("imports lists, cards, checklists, comments and files; reports swimlanes and custom fields; twice is once", async () => {
    const owner = await person("owner");
    await person("ada");
    const { slug, id } = await createProject(owner.actor, { name: "Support", key: "SUP" });
    const dry = await runImport(owner.actor, { format: "wekan", project: slug, dryRun: true }, FIXTURE);
    expect(dry.dropped.map((d) => d.what)).toEqual(expect.arrayContaining(["swimlanes", "custom fields", "spent-time values"]));
    expect(dry.summary.find((s) => s.kind === "attachments")).toMatchObject({ create: 1 });

    await runImport(owner.actor, { format: "wekan", project: slug }, FIXTURE);
    const db = getDb();
    const columns = await db.column.findMany({ where: { projectId: id }, orderBy: { position: "asc" } });
    expect(columns.map((c) => [c.name, c.wipLimit])).toEqual([
      ["New", 0],
      ["In progress", 3],
      ["Solved", 0],
    ]);
    const cards = await db.card.findMany({
      where: { projectId: id },
      orderBy: { number: "asc" },
      include: {
        checklist: { orderBy: { position: "asc" } },
        comments: { orderBy: { createdAt: "asc" }, include: { user: true } },
        column: true,
      },
    });
    expect(cards.map((c) => [c.title, c.column.name, c.deletedAt !== null])).toEqual([
      ["Printer on floor 2 jams", "In progress", false],
      ["VPN drops every hour 😤", "New", false],
      ["Old monitor request", "New", true],
      ["Password reset for Bob", "Solved", true],
    ]);
    const [printer, vpn, , reset] = cards;
    expect(printer.checklist.map((i) => [i.text, i.done])).toEqual([
      ["Clean rollers", true],
      ["Call vendor", false],
    ]);
    expect(printer.comments.map((c) => c.user.username)).toEqual(["ada", "owner"]);
    expect(printer.dueDate?.toISOString().slice(0, 10)).toBe("2024-02-10");
    expect(vpn.description).toContain("Bob (left) (@bob.old)");
    expect(reset.parentCardId).toBe(printer.id);
    const files = await db.attachment.findMany({ where: { ownerType: "card", ownerId: printer.id } });
    expect(files.map((f) => [f.originalName, f.mimeType, f.size])).toEqual([["error-log.txt", "text/plain", 14]]);
    expect(readFileSync(storedPath(files[0].storedName), "utf8")).toBe("E42 paper jam\n");

    const before = await rowCounts();
    const attachments = await db.attachment.count();
    await runImport(owner.actor, { format: "wekan", project: slug }, FIXTURE);
    expect(await rowCounts()).toEqual(before);
    expect(await db.attachment.count()).toBe(attachments);
  });

  it("a Trello file given as Wekan is named as such", async () => {
    const owner = await person("owner2");
    const { slug } = await createProject(owner.actor, { name: "X", key: "XX" });
    await expect(
      runImport(
        owner.actor,
        { format: "wekan", project: slug },
        { path: join(import.meta.dirname, "fixtures", "trello-board.json") },
      ),
    ).rejects.toThrow(/Trello export, not a Wekan one/);
  });
});
