// Export → import gives the same board, on every engine: columns and their order, card fields,
// numbers, labels, assignees, comments with authors and dates, checklists, files, time totals.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedPath } from "../../lib/attachments/files.ts";
import { createCard } from "../../lib/boards/cards.ts";
import { addComment } from "../../lib/boards/comments.ts";
import { addMember } from "../../lib/boards/members.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getDb } from "../../lib/db/client.ts";
import { exportProjectArchive, exportProjectCsv } from "../../lib/export/project.ts";
import { runImport } from "../../lib/import/import.ts";
import { createEntry } from "../../lib/time/entries.ts";
import { freshWorld, person, rowCounts } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

const FIXTURES = join(import.meta.dirname, "fixtures");

async function boardOf(projectId: number) {
  const db = getDb();
  const columns = await db.column.findMany({ where: { projectId }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  const cards = await db.card.findMany({
    where: { projectId },
    orderBy: { number: "asc" },
    include: {
      column: true,
      labels: { include: { label: true } },
      assignees: { include: { user: true } },
      checklist: { orderBy: [{ position: "asc" }, { id: "asc" }] },
      comments: { where: { deletedAt: null }, include: { user: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      parent: true,
    },
  });
  const files = await db.attachment.findMany({ where: { ownerType: "card", ownerId: { in: cards.map((c) => c.id) } } });
  const time = await db.timeEntry.aggregate({ where: { projectId }, _sum: { minutes: true }, _count: true });
  const order = (columnId: number) =>
    cards
      .filter((c) => c.columnId === columnId && !c.deletedAt)
      .sort((a, b) => a.position - b.position)
      .map((c) => c.number);
  return {
    columns: columns.map((c) => ({ name: c.name, wipLimit: c.wipLimit, isDone: c.isDone, cards: order(c.id) })),
    cards: cards.map((c) => ({
      number: c.number,
      title: c.title,
      description: c.description,
      column: c.column.name,
      priority: c.priority,
      type: c.type,
      dueDate: c.dueDate?.toISOString() ?? null,
      estimateHours: c.estimateHours,
      deleted: c.deletedAt !== null,
      parent: c.parent?.number ?? null,
      labels: c.labels.map((l) => `${l.label.name} ${l.label.color}`).sort(),
      assignees: c.assignees.map((a) => a.user.username).sort(),
      checklist: c.checklist.map((i) => [i.text, i.done]),
      comments: c.comments.map((m) => [m.user.username, m.body, m.createdAt.toISOString()]),
      files: files
        .filter((f) => f.ownerId === c.id)
        .map((f) => [
          f.originalName,
          f.mimeType,
          createHash("sha256")
            .update(readFileSync(storedPath(f.storedName)))
            .digest("hex"),
        ]),
    })),
    time: { minutes: time._sum.minutes, entries: time._count },
  };
}

describe.each(availableEngines())("export → import round trip on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  beforeAll(async () => {
    world = await freshWorld(engine);
  });
  afterAll(async () => world?.close());

  it("gives the same board, and re-importing the archive adds nothing", async () => {
    const owner = await person("owner");
    const ada = await person("ada");
    const source = await createProject(owner.actor, { name: "Support", key: "SUP" });
    await addMember(owner.actor, source.slug, { username: "ada", role: "member" });
    await runImport(owner.actor, { format: "wekan", project: source.slug }, { path: join(FIXTURES, "wekan-board.json") });
    const card = await createCard(owner.actor, source.slug, {
      title: "Follow up",
      assignees: ["ada"],
      labels: ["later"],
      dueDate: "2025-02-03",
    });
    await addComment(ada.actor, source.slug, card.key, { body: "On it" });
    await createEntry(owner.actor, { date: "2024-05-02", minutes: 75, projectSlug: source.slug, cardKey: card.key });
    await createEntry(ada.actor, { date: "2024-05-03", minutes: 30, projectSlug: source.slug });
    const before = await boardOf(source.id);

    const archive = await exportProjectArchive(owner.actor, source.slug);
    const target = await createProject(owner.actor, { name: "Support copy", key: "SUP" });
    await addMember(owner.actor, target.slug, { username: "ada", role: "member" });
    const report = await runImport(
      owner.actor,
      { format: "warmdesk", project: target.slug },
      { path: archive.path, name: archive.filename },
    );
    expect(report.dropped.map((d) => d.what)).toContain("card history entries");
    expect(await boardOf(target.id)).toEqual(before);

    const counts = await rowCounts();
    const entries = await getDb().timeEntry.count();
    await runImport(owner.actor, { format: "warmdesk", project: target.slug }, { path: archive.path, name: archive.filename });
    expect(await rowCounts()).toEqual(counts);
    expect(await getDb().timeEntry.count()).toBe(entries);
    await archive.remove();

    const { csv } = await exportProjectCsv(owner.actor, source.slug);
    expect(csv.startsWith("\uFEFFKey,Title,Column")).toBe(true);
    expect(csv).toContain("SUP-5,Follow up,New,medium,task,ada,later,2025-02-03,,,,1,1.25,,");
  });

  it("exporting the archive takes the project admin role; the CSV any reader", async () => {
    const owner = await person("owner2");
    const reader = await person("reader2");
    const p = await createProject(owner.actor, { name: "Private", key: "PRV" });
    await addMember(owner.actor, p.slug, { username: reader.username, role: "viewer" });
    await expect(exportProjectArchive(reader.actor, p.slug)).rejects.toMatchObject({ code: "forbidden" });
    expect((await exportProjectCsv(reader.actor, p.slug)).csv).toMatch(/^\uFEFFKey,/);
    const stranger = await person("stranger2");
    await expect(exportProjectCsv(stranger.actor, p.slug)).rejects.toMatchObject({ code: "not_found" });
  });
});
