// Invoice exports on every engine: the preview changes nothing; an export marks exactly the
// period's billable, not yet invoiced entries and locks them (403 to their owner, allowed and
// audited for administrators), a second export finds nothing, voiding unlocks. The PDF is rendered
// and read back page by page (pdf-parse), the CSV in English and German spreadsheet formats.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as invoiceGet } from "../../app/api/v1/customers/[slug]/invoices/[id]/route.ts";
import { POST as invoiceVoid } from "../../app/api/v1/customers/[slug]/invoices/[id]/void/route.ts";
import { GET as invoicesGet, POST as invoicesPost } from "../../app/api/v1/customers/[slug]/invoices/route.ts";
import { GET as timesheetGet } from "../../app/api/v1/customers/[slug]/timesheet/route.ts";
import { DELETE as entryDelete, PATCH as entryPatch } from "../../app/api/v1/time-entries/[id]/route.ts";
import { PUT as cellPut } from "../../app/api/v1/time-entries/cell/route.ts";
import { createRate } from "../../lib/billing/rates.ts";
import { createCard } from "../../lib/boards/cards.ts";
import { addMember } from "../../lib/boards/members.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { createContract } from "../../lib/customers/contracts.ts";
import { createCustomer, grantCustomerAccess } from "../../lib/customers/customers.ts";
import { getDb } from "../../lib/db/client.ts";
import { updateSettings } from "../../lib/settings/settings.ts";
import { createEntry } from "../../lib/time/entries.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  // pdf.js takes over (detaches) the buffer it is given: hand it a copy.
  const parser = new PDFParse({ data: bytes.slice() });
  try {
    const result = await parser.getText();
    return result.pages.map((p) => p.text);
  } finally {
    await parser.destroy();
  }
}

async function download(
  handler: typeof invoiceGet | typeof timesheetGet,
  key: string,
  path: string,
  params: Record<string, string>,
) {
  const res = await handler(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${key}` } }), {
    params: Promise.resolve(params as { slug: string; id: string }),
  });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe.each(availableEngines())("[BILLING] invoice exports on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let root: Person;
  let anna: Person; // editor
  let vera: Person; // viewer
  let olga: Person; // outsider
  let contractId: number;
  const entryIds: number[] = [];

  beforeAll(async () => {
    world = await freshWorld(engine);
    root = await person("root", { admin: true });
    anna = await person("anna");
    vera = await person("vera");
    olga = await person("olga");
    await updateSettings({ ...root.actor, sessionId: 1 }, { instance_name: "Łódź Consulting GmbH", accent_color: "#1f6feb" });
    await createCustomer(anna.actor, {
      name: "Müller & Söhne Straßenbau",
      slug: "mueller",
      address: "Hauptstraße 5\n80331 München",
      contact: "Zoë Łukasiewicz",
    });
    await grantCustomerAccess(anna.actor, "mueller", "vera", { role: "viewer" });
    contractId = (await createContract(anna.actor, "mueller", { name: "Wartung 2025", hours: 200, startDate: "2025-01-01" })).id;
    await createRate(anna.actor, { customerSlug: "mueller", rate: "95.50", validFrom: "2025-01-01" });
    await createProject(anna.actor, { name: "Brücke Nord", key: "BRN", slug: "bruecke", customerSlug: "mueller" });
    await createProject(anna.actor, { name: "Ampelsteuerung", key: "AMP", slug: "ampel", customerSlug: "mueller" });
    await addMember(anna.actor, "bruecke", { username: "vera", role: "member" });
    const card = await createCard(anna.actor, "bruecke", { title: "Statik prüfen – Übergänge" });
    // Enough entries to fill more than one page, with umlauts and other Latin letters in the text.
    for (let i = 0; i < 60; i++) {
      const day = `2025-03-${String(1 + (i % 28)).padStart(2, "0")}`;
      const e = await createEntry(anna.actor, {
        date: day,
        minutes: 7 + (i % 5) * 13,
        projectSlug: i % 3 === 0 ? "ampel" : "bruecke",
        cardKey: i % 3 === 1 ? card.key : undefined,
        description: i === 5 ? "Größenprüfung der Übergänge, Änderung ş ř ő ł" : `Arbeit ${i}`,
      });
      entryIds.push(e.id);
    }
    // Outside the period, and not billable: never exported.
    await createEntry(anna.actor, { date: "2025-04-01", minutes: 60, projectSlug: "bruecke" });
    await createEntry(anna.actor, { date: "2025-03-10", minutes: 30, projectSlug: "bruecke", billable: false });
  });
  afterAll(async () => world?.close());

  const period = "from=2025-03-01&to=2025-03-31";

  it("previews the period's billable time without marking anything", async () => {
    const res = await call(timesheetGet, {
      key: vera.key,
      path: `/api/v1/customers/mueller/timesheet?${period}`,
      params: { slug: "mueller" },
    });
    expect(res.status).toBe(200);
    expect(res.json.total.entries).toBe(60);
    expect(res.json.projects.map((p: { name: string }) => p.name)).toEqual(["Ampelsteuerung", "Brücke Nord"]);
    const rows = await getDb().timeEntry.findMany({
      where: { id: { in: entryIds } },
      select: { minutes: true, amountMinor: true },
    });
    expect(res.json.total.minutes).toBe(rows.reduce((s, r) => s + r.minutes, 0));
    expect(res.json.total.amountMinor).toBe(Number(rows.reduce((s, r) => s + r.amountMinor, 0n)));
    expect(await getDb().timeEntry.count({ where: { invoiceId: { not: null } } })).toBe(0);
    expect(
      (
        await call(timesheetGet, {
          key: olga.key,
          path: `/api/v1/customers/mueller/timesheet?${period}`,
          params: { slug: "mueller" },
        })
      ).status,
    ).toBe(404);
    const bad = await call(timesheetGet, {
      key: vera.key,
      path: "/api/v1/customers/mueller/timesheet?from=2025-03-31&to=2025-03-01",
      params: { slug: "mueller" },
    });
    expect(bad.status).toBe(400);
  });

  it("exports once: marks and locks exactly those entries; viewers may not export", async () => {
    const body = { from: "2025-03-01", to: "2025-03-31", contractId };
    expect((await call(invoicesPost, { method: "POST", key: vera.key, params: { slug: "mueller" }, body })).status).toBe(403);
    const created = await call(invoicesPost, { method: "POST", key: anna.key, params: { slug: "mueller" }, body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ entryCount: 60, currency: "EUR", voided: false, contract: { id: contractId } });
    const marked = await getDb().timeEntry.findMany({ where: { invoiceId: created.json.id }, select: { id: true } });
    expect(marked.map((m) => m.id).sort((a, b) => a - b)).toEqual([...entryIds].sort((a, b) => a - b));
    const again = await call(invoicesPost, { method: "POST", key: anna.key, params: { slug: "mueller" }, body });
    expect(again.status).toBe(409);
    expect(await getDb().invoiceExport.count()).toBe(1);

    const id = String(entryIds[0]);
    const before = await getDb().timeEntry.findUniqueOrThrow({ where: { id: entryIds[0] } });
    const edit = await call(entryPatch, { method: "PATCH", key: anna.key, params: { id }, body: { minutes: 1 } });
    expect(edit.status).toBe(403);
    expect((await call(entryDelete, { method: "DELETE", key: anna.key, params: { id } })).status).toBe(403);
    const cell = await call(cellPut, {
      method: "PUT",
      key: anna.key,
      body: { date: "2025-03-01", projectSlug: "ampel", minutes: 0 },
    });
    expect(cell.status).toBe(403);
    expect(await getDb().timeEntry.findUniqueOrThrow({ where: { id: entryIds[0] } })).toEqual(before);
    // Administrators may, and it is audited.
    const adminEdit = await call(entryPatch, {
      method: "PATCH",
      key: root.key,
      params: { id },
      body: { description: "corrected" },
    });
    expect(adminEdit.status).toBe(200);
    expect(adminEdit.json.locked).toBe(true);
    const audit = await getDb().auditLog.findFirst({ where: { action: "time_entry.updated", resourceId: id } });
    expect(audit?.details).toContain(`"invoiceId":${created.json.id}`);

    const list = await call(invoicesGet, { key: vera.key, params: { slug: "mueller" } });
    expect(list.json.invoices.map((i: { id: number }) => i.id)).toEqual([created.json.id]);
  });

  it("renders the export as a PDF timesheet: branding, customer, contract, groups and totals on every page", async () => {
    const [invoice] = (await call(invoicesGet, { key: vera.key, params: { slug: "mueller" } })).json.invoices;
    const { res, bytes } = await download(invoiceGet, vera.key, `/api/v1/customers/mueller/invoices/${invoice.id}?locale=de`, {
      slug: "mueller",
      id: String(invoice.id),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(1);
    const first = pages[0];
    for (const text of [
      "Łódź Consulting GmbH",
      "Stundennachweis",
      "Müller & Söhne Straßenbau",
      "Zoë Łukasiewicz",
      "Wartung 2025",
      "01.03.2025 – 31.03.2025",
      "Ampelsteuerung",
    ]) {
      expect(first).toContain(text);
    }
    const all = pages.join("\n");
    // A long description wraps inside its column.
    expect(all.replace(/\s+/g, " ")).toContain("Größenprüfung der Übergänge, Änderung ş ř ő ł");
    expect(all.replace(/\s+/g, " ")).toContain("BRN-1 Statik prüfen – Übergänge");
    expect(all).toContain("Summe Brücke Nord");
    for (const [i, p] of pages.entries()) expect(p).toContain(`Seite ${i + 1} von ${pages.length}`);
    // Every page but the first repeats the column header.
    for (const p of pages.slice(1)) expect(p).toMatch(/Datum\s+Person\s+Beschreibung/);
    const total = new Intl.NumberFormat("de", { style: "currency", currency: "EUR" }).format(invoice.totalMinor / 100);
    expect(pages.at(-1)).toContain("Gesamt");
    expect(pages.at(-1)?.replace(/\s+/g, " ")).toContain(total.replace(/\s+/g, " "));
    expect(all).not.toContain("Arbeit 60"); // only the period's entries
    // A look at the first page as a person would see it, when Debian's pdftoppm is there.
    if (existsSync("/usr/bin/pdftoppm") && engine === "sqlite") {
      const dir = process.env.BILLING_PDF_DIR ?? mkdtempSync(join(tmpdir(), "warmdesk-pdf-"));
      writeFileSync(join(dir, "timesheet.pdf"), bytes);
      execFileSync("/usr/bin/pdftoppm", ["-png", "-r", "60", join(dir, "timesheet.pdf"), join(dir, "page")]);
      expect(readdirSync(dir).filter((f) => f.startsWith("page")).length).toBe(pages.length);
    }
  });

  it("exports CSV that spreadsheets read in English and German", async () => {
    const [invoice] = (await call(invoicesGet, { key: vera.key, params: { slug: "mueller" } })).json.invoices;
    const csvOf = async (locale: string) => {
      const { res, bytes } = await download(
        invoiceGet,
        vera.key,
        `/api/v1/customers/mueller/invoices/${invoice.id}?format=csv&locale=${locale}`,
        {
          slug: "mueller",
          id: String(invoice.id),
        },
      );
      expect(res.headers.get("content-type")).toContain("text/csv");
      expect(res.headers.get("content-disposition")).toMatch(
        /attachment; filename="timesheet-mueller-2025-03-01-2025-03-31-\d+\.csv"/,
      );
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
      expect(text.startsWith("\uFEFF")).toBe(true);
      return text.slice(1).trim().split("\r\n");
    };
    const de = await csvOf("de");
    expect(de[0]).toBe("Datum;Person;Projekt;Karte;Beschreibung;Vertrag;Stunden;Stundensatz (EUR);Betrag (EUR)");
    expect(de).toHaveLength(62);
    expect(de[1]).toMatch(/^01\.03\.2025;anna;Ampelsteuerung;;corrected;Wartung 2025;0,12;95,50;11,14$/);
    const euros = (invoice.totalMinor / 100).toFixed(2);
    expect(de.at(-1)).toBe(`Summe;;;;;;${(invoice.totalMinutes / 60).toFixed(2).replace(".", ",")};;${euros.replace(".", ",")}`);
    const en = await csvOf("en");
    expect(en[0]).toBe("Date,User,Project,Card,Description,Contract,Hours,Rate (EUR),Amount (EUR)");
    expect(en[1]).toMatch(/^03\/01\/2025,anna,Ampelsteuerung,,corrected,Wartung 2025,0\.12,95\.50,11\.14$/);
    expect(en.at(-1)).toBe(`Total,,,,,,${(invoice.totalMinutes / 60).toFixed(2)},,${euros}`);
    // Every amount column adds up to the total, in cents.
    const cents = en.slice(1, -1).reduce((s, l) => s + Math.round(Number(l.split(",").at(-1)) * 100), 0);
    expect(cents).toBe(invoice.totalMinor);
  });

  it("lets only administrators void an export, which unlocks its entries", async () => {
    const [invoice] = (await call(invoicesGet, { key: vera.key, params: { slug: "mueller" } })).json.invoices;
    const params = { slug: "mueller", id: String(invoice.id) };
    expect((await call(invoiceVoid, { method: "POST", key: anna.key, params })).status).toBe(404);
    expect(await getDb().timeEntry.count({ where: { invoiceId: invoice.id } })).toBe(60);
    const voided = await call(invoiceVoid, { method: "POST", key: root.key, params });
    expect(voided.json.voided).toBe(true);
    expect(await getDb().timeEntry.count({ where: { invoiceId: { not: null } } })).toBe(0);
    const edit = await call(entryPatch, {
      method: "PATCH",
      key: anna.key,
      params: { id: String(entryIds[1]) },
      body: { minutes: 9 },
    });
    expect(edit.status).toBe(200);
    expect(
      (await call(invoiceGet, { key: vera.key, params, path: `/api/v1/customers/mueller/invoices/${invoice.id}` })).status,
    ).toBe(409);
  });
});
