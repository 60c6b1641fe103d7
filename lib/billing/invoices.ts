// Invoice-ready exports of a customer's billable time in a period (optionally one contract): a
// preview (JSON, CSV or the PDF timesheet) that changes nothing, and an export that marks the
// entries as invoiced in one transaction, so that they are locked (lib/time/entries.ts) and never
// exported twice. Administrators void an export, which unlocks its entries. Viewers of the customer
// preview and download; editors export; the amounts are the entries' own (priced when booked).
import { z } from "zod";
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { type Actor, requireAdmin } from "../auth/actor.ts";
import { requireCustomer } from "../customers/access.ts";
import { getDb, type Prisma } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { type MessageKey, translate } from "../i18n/index.ts";
import { csvSeparator, LANGUAGES, type Language } from "../i18n/locales.ts";
import { ZIdText as ZId } from "../ids.ts";
import { readLogo } from "../settings/logo.ts";
import { getSettings } from "../settings/settings.ts";
import { dateOf, isIsoDate, isoOf } from "../time/dates.ts";
import { formatHours } from "../time/duration.ts";
import { csvField } from "../time/reports.ts";
import { formatMoneyPlain } from "./money.ts";

const ZDate = z.string().refine(isIsoDate, "a date like 2025-01-31");

export const ZTimesheetQuery = z
  .object({
    from: ZDate,
    to: ZDate,
    contract: ZId.optional(),
    format: z.enum(["json", "csv", "pdf"]).optional(),
    locale: z.enum(LANGUAGES).optional(),
  })
  .strict()
  .refine((v) => v.from <= v.to, { path: ["to"], message: "The end is before the start." });

export const ZCreateInvoice = z
  .object({ from: ZDate, to: ZDate, contractId: ZId.optional() })
  .strict()
  .refine((v) => v.from <= v.to, { path: ["to"], message: "The end is before the start." });

export const ZInvoiceFile = z
  .object({ format: z.enum(["json", "csv", "pdf"]).default("pdf"), locale: z.enum(LANGUAGES).optional() })
  .strict();

const ENTRY_SELECT = {
  id: true,
  date: true,
  minutes: true,
  description: true,
  rateMinor: true,
  currency: true,
  amountMinor: true,
  invoiceId: true,
  user: { select: { username: true } },
  project: { select: { id: true, name: true, key: true } },
  card: { select: { id: true, number: true, title: true } },
  contract: { select: { id: true, name: true } },
} as const;
type EntryRow = Prisma.TimeEntryGetPayload<{ select: typeof ENTRY_SELECT }>;

export type TimesheetLine = {
  id: number;
  date: string;
  user: string;
  description: string | null;
  minutes: number;
  rateMinor: number | null;
  amountMinor: number;
  contract: string | null;
};
export type TimesheetCard = {
  key: string | null;
  title: string | null;
  minutes: number;
  amountMinor: number;
  entries: TimesheetLine[];
};
export type TimesheetProject = {
  name: string | null;
  key: string | null;
  minutes: number;
  amountMinor: number;
  cards: TimesheetCard[];
};

export type Timesheet = {
  customer: { name: string; slug: string; address: string | null; contact: string | null; email: string | null };
  contract: { id: number; name: string } | null;
  from: string;
  to: string;
  currency: string;
  projects: TimesheetProject[];
  total: { minutes: number; amountMinor: number; entries: number };
  invoice: { id: number; createdAt: string; voided: boolean } | null;
};

/** Entries grouped by project, then card (entries without either last), each by date. */
function group(rows: EntryRow[]): TimesheetProject[] {
  const projects = new Map<string, TimesheetProject & { cardMap: Map<string, TimesheetCard> }>();
  const sorted = [...rows].sort((a, b) => a.date.getTime() - b.date.getTime() || a.id - b.id);
  for (const r of sorted) {
    const pk = r.project ? `p${r.project.id}` : "none";
    const p = projects.get(pk) ?? {
      name: r.project?.name ?? null,
      key: r.project?.key ?? null,
      minutes: 0,
      amountMinor: 0,
      cards: [],
      cardMap: new Map(),
    };
    projects.set(pk, p);
    const ck = r.card ? `c${r.card.id}` : "none";
    let c = p.cardMap.get(ck);
    if (!c) {
      c = {
        key: r.card && r.project ? `${r.project.key}-${r.card.number}` : null,
        title: r.card?.title ?? null,
        minutes: 0,
        amountMinor: 0,
        entries: [],
      };
      p.cardMap.set(ck, c);
    }
    const amount = Number(r.amountMinor);
    c.entries.push({
      id: r.id,
      date: isoOf(r.date),
      user: r.user.username,
      description: r.description,
      minutes: r.minutes,
      rateMinor: r.rateMinor,
      amountMinor: amount,
      contract: r.contract?.name ?? null,
    });
    c.minutes += r.minutes;
    c.amountMinor += amount;
    p.minutes += r.minutes;
    p.amountMinor += amount;
  }
  const byName = (a: { name?: string | null; key?: string | null }, b: typeof a) =>
    a.name === null ? 1 : b.name === null ? -1 : (a.name ?? a.key ?? "").localeCompare(b.name ?? b.key ?? "");
  return [...projects.values()].sort(byName).map(({ cardMap, ...p }) => ({
    ...p,
    cards: [...cardMap.values()].sort((a, b) =>
      a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key, "en", { numeric: true }),
    ),
  }));
}

async function customerFor(actor: Actor, slug: string, role: "viewer" | "editor") {
  const { customer } = await requireCustomer(actor, { slug }, role);
  const row = await getDb().customer.findUniqueOrThrow({
    where: { id: customer.id },
    select: { id: true, name: true, slug: true, address: true, contact: true, email: true, currency: true },
  });
  return row;
}

async function contractOf(customerId: number, id: number | undefined) {
  if (id === undefined) return null;
  const c = await getDb().contract.findFirst({ where: { id, customerId, deletedAt: null }, select: { id: true, name: true } });
  if (!c)
    throw new AppError("validation", "No such contract of this customer.", {
      fields: [{ path: "contract", message: "not found" }],
    });
  return c;
}

/** Billable entries of the customer in the period (and contract); `uninvoiced`: only those not exported yet. */
function billableWhere(customerId: number, from: string, to: string, contractId: number | null, uninvoiced: boolean) {
  return {
    customerId,
    billable: true,
    date: { gte: dateOf(from), lte: dateOf(to) },
    ...(contractId !== null ? { contractId } : {}),
    ...(uninvoiced ? { invoiceId: null } : {}),
  } satisfies Prisma.TimeEntryWhereInput;
}

function sheet(
  customer: Awaited<ReturnType<typeof customerFor>>,
  contract: { id: number; name: string } | null,
  from: string,
  to: string,
  rows: EntryRow[],
  invoice: Timesheet["invoice"],
): Timesheet {
  const projects = group(rows);
  return {
    customer: {
      name: customer.name,
      slug: customer.slug,
      address: customer.address,
      contact: customer.contact,
      email: customer.email,
    },
    contract,
    from,
    to,
    currency: customer.currency,
    projects,
    total: {
      minutes: projects.reduce((s, p) => s + p.minutes, 0),
      amountMinor: projects.reduce((s, p) => s + p.amountMinor, 0),
      entries: rows.length,
    },
    invoice,
  };
}

/** What an export of the period would hold (its billable entries not invoiced yet); changes nothing. */
export async function previewTimesheet(actor: Actor, slug: string, query: unknown) {
  const q = parseInput(ZTimesheetQuery, query);
  const customer = await customerFor(actor, slug, "viewer");
  const contract = await contractOf(customer.id, q.contract);
  const rows = await getDb().timeEntry.findMany({
    where: billableWhere(customer.id, q.from, q.to, contract?.id ?? null, true),
    select: ENTRY_SELECT,
  });
  return { sheet: sheet(customer, contract, q.from, q.to, rows, null), format: q.format ?? "json", locale: q.locale };
}

const INVOICE_SELECT = {
  id: true,
  createdAt: true,
  fromDate: true,
  toDate: true,
  currency: true,
  entryCount: true,
  totalMinutes: true,
  totalMinor: true,
  voidedAt: true,
  contract: { select: { id: true, name: true } },
  customerId: true,
  createdById: true,
} as const;
type InvoiceRow = Prisma.InvoiceExportGetPayload<{ select: typeof INVOICE_SELECT }>;

function invoiceJson(r: InvoiceRow) {
  return {
    id: r.id,
    from: isoOf(r.fromDate),
    to: isoOf(r.toDate),
    contract: r.contract,
    currency: r.currency,
    entryCount: r.entryCount,
    totalMinutes: r.totalMinutes,
    totalMinor: Number(r.totalMinor),
    voided: r.voidedAt !== null,
    createdAt: r.createdAt.toISOString(),
  };
}
export type InvoiceJson = ReturnType<typeof invoiceJson>;

/**
 * Exports the period's billable, not yet invoiced entries: one invoice export row, its entries
 * marked (and so locked). Two exports at once cannot take the same entry: the marking only takes
 * entries still unmarked, and a shortfall rolls the whole export back (409).
 */
export async function createInvoice(actor: Actor, slug: string, input: unknown, meta?: RequestMeta): Promise<InvoiceJson> {
  const data = parseInput(ZCreateInvoice, input);
  const customer = await customerFor(actor, slug, "editor");
  const contract = await contractOf(customer.id, data.contractId);
  const row = await getDb().$transaction(async (tx) => {
    const rows = await tx.timeEntry.findMany({
      where: billableWhere(customer.id, data.from, data.to, contract?.id ?? null, true),
      select: { id: true, minutes: true, amountMinor: true },
    });
    if (rows.length === 0)
      throw new AppError("conflict", "Nothing to invoice: no billable time in the period that is not invoiced yet.");
    const invoice = await tx.invoiceExport.create({
      data: {
        customerId: customer.id,
        contractId: contract?.id ?? null,
        fromDate: dateOf(data.from),
        toDate: dateOf(data.to),
        currency: customer.currency,
        entryCount: rows.length,
        totalMinutes: rows.reduce((s, r) => s + r.minutes, 0),
        totalMinor: rows.reduce((s, r) => s + r.amountMinor, 0n),
        createdById: actor.userId,
      },
      select: INVOICE_SELECT,
    });
    const marked = await tx.timeEntry.updateMany({
      where: { id: { in: rows.map((r) => r.id) }, invoiceId: null },
      data: { invoiceId: invoice.id },
    });
    if (marked.count !== rows.length) throw new AppError("conflict", "Some of this time was invoiced meanwhile; try again.");
    return invoice;
  });
  const json = invoiceJson(row);
  await recordAudit({
    actor,
    action: "invoice.created",
    resourceType: "invoice_export",
    resourceId: row.id,
    details: { customer: customer.slug, ...json },
    meta,
  });
  return json;
}

export async function listInvoices(actor: Actor, slug: string): Promise<InvoiceJson[]> {
  const customer = await customerFor(actor, slug, "viewer");
  const rows = await getDb().invoiceExport.findMany({
    where: { customerId: customer.id },
    select: INVOICE_SELECT,
    orderBy: { id: "desc" },
    take: 200,
  });
  return rows.map(invoiceJson);
}

async function invoiceOf(customerId: number, rawId: string | number) {
  const id = Number(rawId);
  const row =
    Number.isInteger(id) && id > 0 && id <= 2_147_483_647
      ? await getDb().invoiceExport.findFirst({ where: { id, customerId }, select: INVOICE_SELECT })
      : null;
  if (!row) throw notFound("Invoice export not found");
  return row;
}

/** An export's timesheet again, from the entries it marked. A voided export has none left: 409. */
export async function invoiceTimesheet(actor: Actor, slug: string, id: string | number) {
  const customer = await customerFor(actor, slug, "viewer");
  const invoice = await invoiceOf(customer.id, id);
  if (invoice.voidedAt) throw new AppError("conflict", "This export was voided; its time is no longer marked as invoiced.");
  const rows = await getDb().timeEntry.findMany({ where: { invoiceId: invoice.id }, select: ENTRY_SELECT });
  return sheet(customer, invoice.contract, isoOf(invoice.fromDate), isoOf(invoice.toDate), rows, {
    id: invoice.id,
    createdAt: invoice.createdAt.toISOString(),
    voided: false,
  });
}

/** Administrators void an export: its entries are unlocked (and may be exported again). */
export async function voidInvoice(actor: Actor, slug: string, id: string | number, meta?: RequestMeta): Promise<InvoiceJson> {
  requireAdmin(actor);
  const customer = await customerFor(actor, slug, "viewer");
  const invoice = await invoiceOf(customer.id, id);
  if (invoice.voidedAt) throw new AppError("conflict", "This export is voided already.");
  const row = await getDb().$transaction(async (tx) => {
    await tx.timeEntry.updateMany({ where: { invoiceId: invoice.id }, data: { invoiceId: null } });
    return tx.invoiceExport.update({
      where: { id: invoice.id },
      data: { voidedAt: new Date(), voidedById: actor.userId },
      select: INVOICE_SELECT,
    });
  });
  await recordAudit({
    actor,
    action: "invoice.voided",
    resourceType: "invoice_export",
    resourceId: row.id,
    details: { customer: customer.slug },
    meta,
  });
  return invoiceJson(row);
}

const fileBase = (s: Timesheet) =>
  `timesheet-${s.customer.slug}-${s.from}-${s.to}${s.invoice ? `-${s.invoice.id}` : ""}`.replace(/[^a-zA-Z0-9._-]/g, "-");

/**
 * The timesheet as CSV in a locale (German: `;` and decimal commas; dates as the locale writes
 * them): one line per entry with its project, card, hours, rate and amount, then a total line.
 */
export function timesheetCsv(s: Timesheet, language: Language): { body: string; filename: string } {
  const t = (key: MessageKey) => translate(language, key);
  const sep = csvSeparator(language);
  const day = new Intl.DateTimeFormat(language, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" });
  const money = (minor: number | null) => (minor === null ? "" : formatMoneyPlain(minor, s.currency, language));
  const lines: string[][] = [
    [
      t("time.csv.date"),
      t("time.dimension.user"),
      t("time.dimension.project"),
      t("time.dimension.card"),
      t("time.csv.description"),
      t("time.dimension.contract"),
      t("time.csv.hours"),
      `${t("time.csv.rate")} (${s.currency})`,
      `${t("time.csv.amount")} (${s.currency})`,
    ],
  ];
  for (const p of s.projects) {
    for (const c of p.cards) {
      for (const e of c.entries) {
        lines.push([
          day.format(dateOf(e.date)),
          e.user,
          p.name ?? t("time.none"),
          c.key ? `${c.key} ${c.title ?? ""}`.trim() : "",
          e.description ?? "",
          e.contract ?? "",
          formatHours(e.minutes, language),
          money(e.rateMinor),
          money(e.amountMinor),
        ]);
      }
    }
  }
  lines.push([t("time.csv.total"), "", "", "", "", "", formatHours(s.total.minutes, language), "", money(s.total.amountMinor)]);
  const body = `\uFEFF${lines.map((l) => l.map((f) => csvField(f, sep)).join(sep)).join("\r\n")}\r\n`;
  return { body, filename: `${fileBase(s)}.csv` };
}

/** The timesheet as a PDF (lib/billing/pdf.ts) with the instance's name, colour and logo. */
export async function timesheetPdf(s: Timesheet, language: Language): Promise<{ body: Uint8Array; filename: string }> {
  const [{ renderTimesheetPdf }, settings, logo] = await Promise.all([import("./pdf.ts"), getSettings(), readLogo()]);
  const body = await renderTimesheetPdf(s, {
    language,
    instanceName: settings.instance_name,
    accentColor: settings.accent_color,
    logo: logo ? { bytes: logo.bytes, mime: logo.mime } : null,
  });
  return { body, filename: `${fileBase(s)}.pdf` };
}

/** The answer for a timesheet in the format asked: JSON, or a CSV / PDF download. */
export async function timesheetResponse(
  s: Timesheet,
  format: "json" | "csv" | "pdf",
  language: Language,
): Promise<Response | Timesheet> {
  if (format === "json") return s;
  const file = format === "csv" ? timesheetCsv(s, language) : await timesheetPdf(s, language);
  return new Response(file.body as BodyInit, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/pdf",
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "private, no-store",
    },
  });
}
