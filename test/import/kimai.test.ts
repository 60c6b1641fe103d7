// Kimai: the German timesheet CSV (Windows-1252, `;`, durations as h:mm) and the API JSON
// (customers with time budgets, projects, users, timesheets; a running one), on every engine.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/client.ts";
import { runImport } from "../../lib/import/import.ts";
import { freshWorld, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

const fixture = (name: string) => ({ path: join(import.meta.dirname, "fixtures", name), name });

describe.each(availableEngines())("Kimai import on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  beforeAll(async () => {
    world = await freshWorld(engine);
  });
  afterAll(async () => world?.close());

  it("JSON: budgets become contracts, running timesheets are reported; only system admins may import", async () => {
    const admin = await person("boss2", { admin: true });
    const member = await person("someone");
    await expect(runImport(member.actor, { format: "kimai", dryRun: true }, fixture("kimai-export.json"))).rejects.toMatchObject({
      code: "not_found",
    });
    const report = await runImport(admin.actor, { format: "kimai" }, fixture("kimai-export.json"));
    expect(report.dropped.map((d) => d.what)).toContain("running timesheets");
    const contracts = await getDb().contract.findMany({ include: { customer: true }, orderBy: { id: "asc" } });
    expect(contracts.map((c) => [c.customer.name, c.contractedMinutes])).toEqual([
      ["Müller GmbH", 6000],
      ["Beispiel AG", 1200],
    ]);
    const project = await getDb().project.findFirstOrThrow({ where: { name: "Wartung" }, include: { columns: true } });
    expect(project.columns).toHaveLength(3);
  });

  it("CSV: customers, projects and time entries; unknown users skipped and listed; twice is once", async () => {
    const admin = await person("boss", { admin: true });
    await person("ada");
    const dry = await runImport(admin.actor, { format: "kimai", dryRun: true }, fixture("kimai-timesheets.csv"));
    expect(dry.summary.find((s) => s.kind === "timeEntries")).toMatchObject({ create: 2, skip: 1 });
    expect(await getDb().timeEntry.count()).toBe(0);
    await runImport(admin.actor, { format: "kimai" }, fixture("kimai-timesheets.csv"));
    const entries = await getDb().timeEntry.findMany({
      include: { user: true, project: true, customer: true },
      orderBy: { id: "asc" },
    });
    expect(
      entries.map((e) => [
        e.user.username,
        e.project?.name,
        e.customer?.name,
        e.date.toISOString().slice(0, 10),
        e.minutes,
        e.description,
      ]),
    ).toEqual([
      ["ada", "Website", "Müller GmbH", "2024-05-02", 150, "Entwicklung: Kontaktformular"],
      ["ada", "Website", "Müller GmbH", "2024-05-02", 45, "Besprechung: Abstimmung mit Frau Müller"],
    ]);
    const again = await runImport(admin.actor, { format: "kimai" }, fixture("kimai-timesheets.csv"));
    expect(again.summary.find((s) => s.kind === "timeEntries")).toMatchObject({ create: 0, skip: 3 });
    expect(await getDb().timeEntry.count()).toBe(2);
    expect(await getDb().customer.count()).toBe(2);
  });
});
