// Kanboard, Jira and generic CSV imports against their fixtures (repeated Jira columns, multi-line
// quoted fields, Windows-1252 with `;` and German dates), and hostile CSV files.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember } from "../../lib/boards/members.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getDb } from "../../lib/db/client.ts";
import { type ImportFile, runImport, type TImportOptions } from "../../lib/import/import.ts";
import { freshWorld, person, rowCounts } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

const fixture = (name: string) => ({ path: join(import.meta.dirname, "fixtures", name), name });
const dir = mkdtempSync(join(tmpdir(), "warmdesk-csv-"));
const file = (name: string, content: string | Buffer): ImportFile => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return { path, name };
};

async function cardsOf(projectId: number) {
  return getDb().card.findMany({
    where: { projectId },
    orderBy: { number: "asc" },
    include: {
      column: true,
      labels: { include: { label: true } },
      assignees: { include: { user: true } },
      comments: { include: { user: true }, orderBy: { createdAt: "asc" } },
    },
  });
}

describe.each(availableEngines())("CSV imports on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Awaited<ReturnType<typeof person>>;
  beforeAll(async () => {
    world = await freshWorld(engine);
    owner = await person("owner");
    await person("ada");
    await person("grace");
  });
  afterAll(async () => world?.close());

  it("Kanboard: columns, closed tasks archived, categories as labels, estimates; reports swimlanes and spent time", async () => {
    const { slug, id } = await createProject(owner.actor, { name: "Kanboard", key: "KB" });
    await addMember(owner.actor, slug, { username: "ada", role: "member" });
    const report = await runImport(owner.actor, { format: "kanboard", project: slug }, fixture("kanboard-tasks.csv"));
    const cards = await cardsOf(id);
    expect(cards.map((c) => [c.title, c.column.name, c.deletedAt !== null])).toEqual([
      ["Logo, final version", "Backlog", false],
      ["Contact form", "Work in progress", false],
      ["Old homepage", "Done", true],
      ["Newsletter signup 📬", "Backlog", false],
    ]);
    expect(cards[0].dueDate?.toISOString().slice(0, 10)).toBe("2024-03-15");
    expect(cards[0].estimateHours).toBe(2.5);
    expect(cards[0].assignees.map((a) => a.user.username)).toEqual(["ada"]);
    expect(cards[0].labels.map((l) => l.label.name)).toEqual(["Design"]);
    expect(cards[1].description).toContain("Reference: TICKET-77");
    expect(cards[1].description).toContain("Nobody Known (@nobody)");
    expect(report.dropped.map((d) => d.what)).toEqual(expect.arrayContaining(["swimlanes", "time-spent values", "task colours"]));
  });

  it("Jira: repeated Labels/Comment columns, multi-line descriptions, comment authors and dates, parents, estimates", async () => {
    const { slug, id } = await createProject(owner.actor, { name: "Jira", key: "JI" });
    await addMember(owner.actor, slug, { username: "ada", role: "member" });
    const dry = await runImport(owner.actor, { format: "jira", project: slug, dryRun: true }, fixture("jira-issues.csv"));
    expect(dry.columns.filter((c) => c.action !== "remove").map((c) => c.name)).toEqual(["To do", "In progress", "Done"]);
    await runImport(owner.actor, { format: "jira", project: slug }, fixture("jira-issues.csv"));
    const cards = await cardsOf(id);
    const [login, dark, toggle] = cards;
    expect(login.title).toBe("Login fails with SSO");
    expect(login.description).toBe(
      'Steps:\n1. Click "Sign in"\n2. Pick SSO\n\n**Links**\n- [screenshot.png](https://jira.example.com/secure/attachment/1/screenshot.png)',
    );
    expect(login.priority).toBe("critical");
    expect(login.type).toBe("bug");
    expect(login.estimateHours).toBe(2);
    expect(login.dueDate?.toISOString().slice(0, 10)).toBe("2024-03-20");
    expect(login.labels.map((l) => l.label.name).sort()).toEqual(["auth", "customer-reported"]);
    expect(login.comments.map((c) => [c.user.username, c.body, c.createdAt.toISOString()])).toEqual([
      ["grace", "Reproduced; happens on Safari only.", "2024-03-13T09:02:00.000Z"],
      ["ada", "Fixed in branch.", "2024-03-14T10:00:00.000Z"],
    ]);
    expect(toggle.parentCardId).toBe(dark.id);
    const done = await getDb().column.findFirstOrThrow({ where: { projectId: id, name: "Done" } });
    expect(done.isDone).toBe(true);
  });

  it("generic CSV: Windows-1252, semicolons, German dates and headers guessed; the mapping is in the report", async () => {
    const { slug, id } = await createProject(owner.actor, { name: "Generic", key: "GEN" });
    await addMember(owner.actor, slug, { username: "ada", role: "member" });
    const dry = await runImport(owner.actor, { format: "csv", project: slug, dryRun: true }, fixture("generic-tasks-de.csv"));
    expect(dry.csv?.mapping).toMatchObject({
      title: "Titel",
      description: "Beschreibung",
      column: "Status",
      labels: "Tags",
      dueDate: "Fällig",
    });
    expect(dry.notes.join(" ")).toMatch(/Windows-1252/);
    const report = await runImport(
      owner.actor,
      { format: "csv", project: slug, mapping: { ...dry.csv?.mapping, priority: "Priorität", assignees: "Verantwortlich" } },
      fixture("generic-tasks-de.csv"),
    );
    expect(report.summary.find((s) => s.kind === "cards")).toMatchObject({ create: 3 });
    const cards = await cardsOf(id);
    expect(cards.map((c) => [c.title, c.column.name, c.priority, c.dueDate?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["Angebot für Müller GmbH", "Offen", "high", "2024-12-31"],
      ["Büro-Umzug planen", "In Arbeit", "medium", "2025-01-15"],
      ["Jahresabschluss", "Erledigt", "low", null],
    ]);
    expect(cards[0].description).toBe("Preis prüfen; Rabatt 5 %");
    expect(cards[0].labels.map((l) => l.label.name).sort()).toEqual(["Vertrieb", "Wichtig"]);
    expect(cards[0].assignees.map((a) => a.user.username)).toEqual(["ada"]);
    expect(cards[2].description).toBe("Steuerberater anrufen\r\nund Belege sammeln\n\n*CSV: unbekannt@example.com*");
    // Rows have no ids: their content is the id, so the same file again adds nothing.
    const before = await rowCounts();
    await runImport(
      owner.actor,
      { format: "csv", project: slug, mapping: { ...dry.csv?.mapping } },
      fixture("generic-tasks-de.csv"),
    );
    expect(await rowCounts()).toEqual(before);
  });
});

describe("hostile CSV files", () => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Awaited<ReturnType<typeof person>>;
  let slug: string;
  beforeAll(async () => {
    world = await freshWorld("sqlite");
    owner = await person("owner");
    slug = (await createProject(owner.actor, { name: "Target", key: "TGT" })).slug;
  });
  afterAll(async () => world?.close());

  async function refused(options: Omit<TImportOptions, "project">, f: ImportFile) {
    const before = await rowCounts();
    const error = await runImport(owner.actor, { ...options, project: slug }, f).then(
      () => null,
      (e) => e,
    );
    expect(await rowCounts()).toEqual(before);
    expect(error, "the import should have been refused").not.toBeNull();
    return error as { code: string; message: string; details?: { fields?: { path: string }[] } };
  }

  it("UTF-8 with a BOM reads the first header correctly", async () => {
    const report = await runImport(
      owner.actor,
      { format: "csv", project: slug, dryRun: true },
      file("bom.csv", "\uFEFFTitle,Status\nA,Doing\n"),
    );
    expect(report.csv?.mapping.title).toBe("Title");
  });

  it("a wrong separator is named", async () => {
    const e = await refused({ format: "csv", separator: "comma" }, file("semi.csv", "Title;Status\nA;B\n"));
    expect(e.message).toMatch(/single column with separator ","/);
  });

  it("a row with another number of fields names its line", async () => {
    const e = await refused({ format: "csv" }, file("ragged.csv", "Title,Status\nA,B\nC,D,E\n"));
    expect(e.message).toMatch(/Line 3 .*another number of fields/);
  });

  it("an unclosed quote names its line", async () => {
    const e = await refused({ format: "csv" }, file("quote.csv", 'Title,Status\nA,B\n"C,D\n'));
    expect(e.message).toMatch(/line 3/i);
  });

  it("a date it cannot read names line, column and value", async () => {
    const e = await refused({ format: "csv" }, file("date.csv", "Title,Due\nA,2024-01-02\nB,32.13.2024\n"));
    expect(e.message).toBe(
      'Line 3, column "Due": "32.13.2024" is not a date (use 2024-12-31, 31.12.2024, 12/31/2024 or 31/12/2024).',
    );
  });

  it("no title column asks for a mapping; a mapping to a missing column is named", async () => {
    expect((await refused({ format: "csv" }, file("x.csv", "Foo,Bar\n1,2\n"))).message).toMatch(
      /Which column is the card title\? .*Foo, Bar/,
    );
    const e = await refused({ format: "csv", mapping: { title: "Nope" } }, file("y.csv", "Foo,Bar\n1,2\n"));
    expect(e.details?.fields?.[0].path).toBe("mapping.title");
  });

  it("a Jira file given as Kanboard, or a Kanboard file as Jira, is refused with the columns it lacks", async () => {
    expect((await refused({ format: "kanboard" }, fixture("jira-issues.csv"))).message).toMatch(
      /not a Kanboard task export: it has no column "Task Id"/,
    );
    expect((await refused({ format: "jira" }, fixture("kanboard-tasks.csv"))).message).toMatch(/not a Jira issue export/);
    expect((await refused({ format: "jira" }, fixture("trello-board.json"))).message).toMatch(/looks like JSON/);
  });

  it("duplicate ids are refused", async () => {
    const e = await refused({ format: "kanboard" }, file("dup.csv", "Task Id,Title,Column\n1,A,X\n1,B,Y\n"));
    expect(e.message).toMatch(/Line 3: task 1 appears twice/);
  });
});
