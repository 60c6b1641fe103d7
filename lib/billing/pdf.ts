// The PDF timesheet (pdfkit): the instance's name, accent colour and logo, the customer and the
// contract, the period, then the entries grouped by project and card with subtotals, the total, and
// "page x of y" on every page. The font is DejaVu Sans (npm `dejavu-fonts-ttf`), embedded, so that
// German and every other Latin script (ł, ř, ő, ș …) print as written.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import { type MessageKey, translate } from "../i18n/index.ts";
import type { Language } from "../i18n/locales.ts";
import { dateOf } from "../time/dates.ts";
import { formatDuration } from "../time/duration.ts";
import type { Timesheet } from "./invoices.ts";
import { formatMoney } from "./money.ts";

export type PdfBranding = {
  language: Language;
  instanceName: string;
  accentColor: string;
  logo: { bytes: Uint8Array; mime: string } | null;
};

function fontPath(file: string): string {
  // The app runs from its root; a bundler may hide node_modules from require.resolve. The package is
  // resolved by a fixed name only (a computed one would make the bundler try to bundle every font
  // file), and it is external to the bundle (next.config.ts).
  const direct = join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", file);
  if (existsSync(direct)) return direct;
  return join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf", file);
}

/** PNG or JPEG bytes of the logo (pdfkit draws no WebP: converted once with sharp). */
async function logoImage(logo: PdfBranding["logo"]): Promise<Buffer | null> {
  if (!logo) return null;
  if (logo.mime === "image/png" || logo.mime === "image/jpeg") return Buffer.from(logo.bytes);
  try {
    const { default: sharp } = await import("sharp");
    return await sharp(Buffer.from(logo.bytes)).png().toBuffer();
  } catch {
    return null;
  }
}

const MARGIN = 50;
const MUTED = "#6b6560";
const TEXT = "#1d1b19";
const RULE = "#e3dfda";

export async function renderTimesheetPdf(s: Timesheet, brand: PdfBranding): Promise<Uint8Array> {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(brand.language, key, vars);
  const accent = /^#[0-9a-fA-F]{6}$/.test(brand.accentColor) ? brand.accentColor : "#c2481d";
  const day = new Intl.DateTimeFormat(brand.language, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" });
  const date = (iso: string) => day.format(dateOf(iso));
  const money = (minor: number | null) => (minor === null ? "–" : formatMoney(minor, s.currency, brand.language));
  const hours = (m: number) => formatDuration(m);

  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: `${t("billing.pdf.title")} ${s.customer.name} ${s.from} – ${s.to}`,
      Author: brand.instanceName,
      Creator: brand.instanceName,
    },
  });
  doc.registerFont("body", fontPath("DejaVuSans.ttf"));
  doc.registerFont("bold", fontPath("DejaVuSans-Bold.ttf"));
  doc.font("body");
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));

  const width = doc.page.width - 2 * MARGIN;
  const right = MARGIN + width;
  // Columns: date, person, description (the rest), hours, rate, amount.
  const cols = { date: 62, user: 74, hours: 44, rate: 70, amount: 80 };
  const descWidth = width - cols.date - cols.user - cols.hours - cols.rate - cols.amount;
  const x = {
    date: MARGIN,
    user: MARGIN + cols.date,
    desc: MARGIN + cols.date + cols.user,
    hours: MARGIN + cols.date + cols.user + descWidth,
    rate: MARGIN + cols.date + cols.user + descWidth + cols.hours,
    amount: MARGIN + cols.date + cols.user + descWidth + cols.hours + cols.rate,
  };
  const bottom = () => doc.page.height - MARGIN - 20;

  // Header: accent bar, instance name, logo.
  doc.rect(0, 0, doc.page.width, 6).fill(accent);
  const logo = await logoImage(brand.logo);
  if (logo) {
    try {
      doc.image(logo, right - 120, MARGIN - 14, { fit: [120, 40], align: "right" });
    } catch {
      // An unreadable logo leaves the header without it.
    }
  }
  doc
    .fillColor(TEXT)
    .font("bold")
    .fontSize(15)
    .text(brand.instanceName, MARGIN, MARGIN - 8, { width: width - 130 });
  doc.moveDown(1.2);
  doc.font("bold").fontSize(20).fillColor(TEXT).text(t("billing.pdf.title"), MARGIN);
  doc.moveDown(0.5);

  // Customer (left) and the period, contract and export (right).
  const top = doc.y;
  doc
    .font("bold")
    .fontSize(11)
    .text(s.customer.name, MARGIN, top, { width: width / 2 - 10 });
  doc.font("body").fontSize(9).fillColor(MUTED);
  for (const line of [s.customer.contact, s.customer.address, s.customer.email]) {
    if (line) doc.text(line, { width: width / 2 - 10 });
  }
  const leftEnd = doc.y;
  const facts: [string, string][] = [
    [t("billing.pdf.period"), `${date(s.from)} – ${date(s.to)}`],
    [t("billing.pdf.contract"), s.contract?.name ?? t("billing.pdf.allContracts")],
    [t("billing.pdf.currency"), s.currency],
  ];
  if (s.invoice) facts.push([t("billing.pdf.export"), `#${s.invoice.id} · ${date(s.invoice.createdAt.slice(0, 10))}`]);
  let fy = top;
  for (const [label, value] of facts) {
    doc
      .font("body")
      .fontSize(9)
      .fillColor(MUTED)
      .text(label, MARGIN + width / 2, fy, { width: 80 });
    doc.fillColor(TEXT).text(value, MARGIN + width / 2 + 82, fy, { width: width / 2 - 82 });
    fy = doc.y + 2;
  }
  doc.y = Math.max(leftEnd, fy) + 16;

  const header = () => {
    const y = doc.y;
    doc.font("bold").fontSize(8).fillColor(MUTED);
    doc.text(t("billing.pdf.date"), x.date, y, { width: cols.date });
    doc.text(t("billing.pdf.person"), x.user, y, { width: cols.user });
    doc.text(t("billing.pdf.description"), x.desc, y, { width: descWidth });
    doc.text(t("billing.pdf.hours"), x.hours, y, { width: cols.hours, align: "right" });
    doc.text(t("billing.pdf.rate"), x.rate, y, { width: cols.rate, align: "right" });
    doc.text(t("billing.pdf.amount"), x.amount, y, { width: cols.amount, align: "right" });
    doc
      .moveTo(MARGIN, doc.y + 3)
      .lineTo(right, doc.y + 3)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.y += 7;
  };
  /** Starts a new page (with the column header) when `height` does not fit. */
  const room = (height: number) => {
    if (doc.y + height <= bottom()) return;
    doc.addPage();
    doc.rect(0, 0, doc.page.width, 6).fill(accent);
    doc.y = MARGIN;
    header();
  };
  const sumRow = (label: string, minutes: number, amount: number, size: number) => {
    room(size + 8);
    const y = doc.y;
    doc.font("bold").fontSize(size).fillColor(TEXT);
    doc.text(label, x.desc, y, { width: descWidth + cols.hours - 50 });
    doc.text(hours(minutes), x.hours, y, { width: cols.hours, align: "right" });
    doc.text(money(amount), x.amount, y, { width: cols.amount, align: "right" });
    doc.y = Math.max(doc.y, y + size + 4);
  };

  header();
  if (s.projects.length === 0) {
    doc
      .font("body")
      .fontSize(10)
      .fillColor(MUTED)
      .text(t("billing.pdf.empty"), MARGIN, doc.y + 4);
  }
  for (const p of s.projects) {
    room(40);
    const py = doc.y + 4;
    doc.rect(MARGIN, py - 3, width, 17).fill("#f3f1ee");
    doc
      .font("bold")
      .fontSize(10)
      .fillColor(TEXT)
      .text(p.name ?? t("billing.pdf.noProject"), MARGIN + 4, py, { width: width - 8 });
    doc.y = py + 18;
    for (const c of p.cards) {
      room(30);
      doc
        .font("bold")
        .fontSize(9)
        .fillColor(accent)
        .text(c.key ? `${c.key}  ${c.title ?? ""}` : t("billing.pdf.noCard"), MARGIN + 4, doc.y + 2, {
          width: width - 8,
        });
      doc.y += 3;
      for (const e of c.entries) {
        doc.font("body").fontSize(8.5);
        const text = e.description || "–";
        const h = Math.max(doc.heightOfString(text, { width: descWidth - 6 }), 10);
        room(h + 4);
        const y = doc.y;
        doc.font("body").fontSize(8.5).fillColor(TEXT);
        doc.text(date(e.date), x.date, y, { width: cols.date });
        doc.text(e.user, x.user, y, { width: cols.user - 4, lineBreak: false, ellipsis: true });
        doc.text(text, x.desc, y, { width: descWidth - 6 });
        doc.text(hours(e.minutes), x.hours, y, { width: cols.hours, align: "right" });
        doc.fillColor(MUTED).text(money(e.rateMinor), x.rate, y, { width: cols.rate, align: "right" });
        doc.fillColor(TEXT).text(money(e.amountMinor), x.amount, y, { width: cols.amount, align: "right" });
        doc.y = y + h + 3;
      }
      if (c.entries.length > 1) sumRow(t("billing.pdf.subtotal"), c.minutes, c.amountMinor, 8);
    }
    sumRow(t("billing.pdf.projectTotal", { name: p.name ?? t("billing.pdf.noProject") }), p.minutes, p.amountMinor, 9);
    doc.y += 4;
  }
  room(40);
  doc
    .moveTo(MARGIN, doc.y + 2)
    .lineTo(right, doc.y + 2)
    .lineWidth(1)
    .strokeColor(accent)
    .stroke();
  doc.y += 8;
  sumRow(t("billing.pdf.total"), s.total.minutes, s.total.amountMinor, 11);
  doc
    .font("body")
    .fontSize(8)
    .fillColor(MUTED)
    .text(t("billing.pdf.rounding"), MARGIN, doc.y + 10, { width });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN;
    // Writing into the bottom margin must not start a new page.
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("body").fontSize(8).fillColor(MUTED);
    doc.text(`${brand.instanceName} · ${s.customer.name} · ${date(s.from)} – ${date(s.to)}`, MARGIN, y, {
      width: width - 100,
      lineBreak: false,
    });
    doc.text(t("billing.pdf.page", { page: i + 1, pages: range.count }), right - 100, y, {
      width: 100,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = saved;
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
