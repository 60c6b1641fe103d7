// The Trello importer against a realistic export (archived list, closed card, a deleted member,
// emoji, two checklists on one card, comments by a member who left, links and uploads), on every
// engine: the dry run writes nothing, the import is complete, and running it again adds nothing.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember } from "../../lib/boards/members.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getDb } from "../../lib/db/client.ts";
import { runImport } from "../../lib/import/import.ts";
import { freshWorld, person, rowCounts } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

const FIXTURE = { path: join(import.meta.dirname, "fixtures", "trello-board.json") };

describe.each(availableEngines())("Trello import on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Awaited<ReturnType<typeof person>>;
  let slug: string;
  beforeAll(async () => {
    world = await freshWorld(engine);
    owner = await person("owner");
    const ada = await person("ada");
    await person("grace");
    slug = (await createProject(owner.actor, { name: "Relaunch", key: "WEB" })).slug;
    await addMember(owner.actor, slug, { username: ada.username, role: "member" });
  });
  afterAll(async () => world?.close());

  it("dry run: reports what it would do and writes nothing", async () => {
    const before = await rowCounts();
    const report = await runImport(owner.actor, { format: "trello", project: slug, dryRun: true }, FIXTURE);
    expect(await rowCounts()).toEqual(before);
    expect(report.dryRun).toBe(true);
    const line = (kind: string) => report.summary.find((s) => s.kind === kind);
    expect(line("cards")).toMatchObject({ create: 4, skip: 0 });
    expect(line("archivedCards")).toMatchObject({ create: 2 });
    expect(line("checklistItems")).toMatchObject({ create: 3 });
    expect(line("comments")).toMatchObject({ create: 2 });
    // "Bug" and "bug" are one label; the unnamed sky label is called by its colour.
    expect(line("labels")).toMatchObject({ create: 4 });
    expect(report.columns.map((c) => [c.name, c.action])).toEqual([
      ["Old ideas", "skip"],
      ["To do", "match"],
      ["Doing", "create"],
      ["Done ✅", "create"],
      ["In progress", "remove"],
      ["Done", "remove"],
    ]);
    const people = Object.fromEntries(report.people.map((p) => [p.person, p.username]));
    expect(people["Ada Lovelace (@ada)"]).toBe("ada");
    expect(people["Grace Hopper (@gracehopper42)"]).toBeNull();
    expect(report.dropped.map((d) => d.what)).toEqual(
      expect.arrayContaining(["uploaded files", "cards with several checklists", "custom fields"]),
    );
  });

  it("imports the board in one go, and a second run duplicates nothing", async () => {
    const report = await runImport(owner.actor, { format: "trello", project: slug }, FIXTURE);
    expect(report.dryRun).toBe(false);
    const db = getDb();
    const project = await db.project.findUniqueOrThrow({ where: { slug }, select: { id: true, cardCounter: true } });
    const columns = await db.column.findMany({ where: { projectId: project.id }, orderBy: { position: "asc" } });
    expect(columns.map((c) => c.name)).toEqual(["To do", "Doing", "Done ✅"]);
    const cards = await db.card.findMany({
      where: { projectId: project.id },
      orderBy: { number: "asc" },
      include: {
        labels: { include: { label: true } },
        assignees: { include: { user: true } },
        checklist: { orderBy: { position: "asc" } },
        comments: { include: { user: true }, orderBy: { createdAt: "asc" } },
        history: true,
        column: true,
      },
    });
    expect(cards.map((c) => [c.number, c.title, c.column.name, c.deletedAt !== null])).toEqual([
      [1, "Write the new landing page copy", "Doing", false],
      [2, "Fix broken footer links", "To do", false],
      [3, "Pick a new font", "To do", false],
      [4, "Old newsletter idea", "To do", true],
      [5, "Launch party 🎉", "Done ✅", true],
      [6, "Ship it", "Done ✅", false],
    ]);
    expect(project.cardCounter).toBe(6);
    // Order within a column follows Trello's positions.
    const todo = cards.filter((c) => c.column.name === "To do" && !c.deletedAt).sort((a, b) => a.position - b.position);
    expect(todo.map((c) => c.title)).toEqual(["Pick a new font", "Fix broken footer links"]);
    const [first, second] = cards;
    expect(first.dueDate?.toISOString().slice(0, 10)).toBe("2024-03-15");
    expect(first.assignees.map((a) => a.user.username)).toEqual(["ada"]);
    expect(first.description).toContain("Tone: friendly.");
    expect(first.description).toContain("[Brief (Google Doc)](https://docs.example.com/d/abc)");
    expect(first.description).toContain("Grace Hopper (@gracehopper42)");
    expect(first.labels.map((l) => l.label.name).sort()).toEqual(["Design ✏️", "Ready"]);
    expect(first.checklist.map((i) => [i.text, i.done])).toEqual([
      ["Copy: Headline", true],
      ["Copy: Body text", false],
      ["Review: Legal OK", false],
    ]);
    expect(first.comments.map((c) => c.user.username)).toEqual(["ada", "owner"]);
    expect(first.comments[0].createdAt.toISOString()).toBe("2024-03-09T10:00:00.000Z");
    expect(first.comments[1].body).toMatch(
      /^\*Former Colleague \(@formercolleague\) on Trello:\*\n\nCan we make it \*\*shorter\*\*\?/,
    );
    expect(first.history.find((h) => h.field === "imported")?.newValue).toBe("Trello card https://trello.com/c/Xy12Ab34");
    // Created when Trello created it (the id's timestamp).
    expect(first.createdAt.toISOString()).toBe("2020-07-24T00:28:44.000Z");
    expect(second.labels.map((l) => l.label.name)).toEqual(["Bug"]);
    expect(second.description).toContain("deleted Trello member");
    const labels = await db.label.findMany({ where: { projectId: project.id }, orderBy: { name: "asc" } });
    expect(labels.map((l) => [l.name, l.color])).toEqual([
      ["Bug", "#dc2626"],
      ["Design ✏️", "#6b7280"],
      ["Ready", "#16a34a"],
      ["sky", "#0891b2"],
    ]);
    expect(report.rows.find((r) => r.title === "Ship it")).toMatchObject({
      action: "create",
      key: "WEB-6",
      url: `/${slug}/cards/WEB-6`,
    });

    const before = await rowCounts();
    const again = await runImport(owner.actor, { format: "trello", project: slug }, FIXTURE);
    expect(await rowCounts()).toEqual(before);
    expect(again.summary.find((s) => s.kind === "cards")).toMatchObject({ create: 0, skip: 6 });
    expect(again.rows[0].reason).toMatch(/imported before as WEB-1/);
  });

  it("refuses members (403) and people who cannot see the project (404): project admins only", async () => {
    const member = await person("member-person");
    await addMember(owner.actor, slug, { username: member.username, role: "member" });
    const stranger = await person("stranger");
    const before = await rowCounts();
    await expect(runImport(member.actor, { format: "trello", project: slug }, FIXTURE)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(runImport(stranger.actor, { format: "trello", project: slug, dryRun: true }, FIXTURE)).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await rowCounts()).toEqual(before);
  });
});

describe.each(availableEngines())("a Trello import that fails on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  beforeAll(async () => {
    world = await freshWorld(engine);
  });
  afterAll(async () => world?.close());

  it("leaves nothing behind when a statement fails half-way through the board", async () => {
    const { importBoard } = await import("../../lib/import/boards.ts");
    const { trelloBoard } = await import("../../lib/import/trello.ts");
    const { readFileSync } = await import("node:fs");
    const owner = await person("owner");
    const { slug } = await createProject(owner.actor, { name: "Atomic", key: "ATOM" });
    const plan = trelloBoard(JSON.parse(readFileSync(FIXTURE.path, "utf8")));
    // The last card's comment has a date no engine can store: the failure comes after columns,
    // labels and five cards were written in the same transaction.
    const last = plan.cards.at(-1);
    last?.comments.push({ sourceId: "bad", author: null, createdAt: new Date(8.64e15 + 1), body: "x" });
    const before = await rowCounts();
    const items = await getDb().importItem.count();
    await expect(importBoard(owner.actor, slug, plan, { dryRun: false })).rejects.toThrow();
    expect(await rowCounts()).toEqual(before);
    expect(await getDb().importItem.count()).toBe(items);
  });
});
