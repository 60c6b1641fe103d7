// The account of an import, the same for its dry run and for the real thing: what will be (or was)
// created, matched and skipped and why, and what the source had that WarmDesk could not take.
import type { Dropped, ImportSource } from "./model.ts";

export type ReportAction = "create" | "match" | "skip" | "remove";

export type ImportReport = {
  source: ImportSource;
  dryRun: boolean;
  /** The board's or file's name in the source. */
  name: string;
  project: { slug: string; name: string; key: string; url: string } | null;
  /** One line per kind: columns, labels, cards, archivedCards, checklistItems, comments, links, attachments, timeEntries, customers, projects, contracts. */
  summary: { kind: string; create: number; match: number; skip: number }[];
  people: { person: string; username: string | null; note: string }[];
  columns: { name: string; action: ReportAction; cards: number; note?: string }[];
  /** Per card (or per time record for Kimai), at most REPORT_ROWS of them; `rowsTotal` says how many there were. */
  rows: { sourceId: string; title: string; where: string; action: ReportAction; reason?: string; key?: string; url?: string }[];
  rowsTotal: number;
  dropped: Dropped[];
  notes: string[];
  /** CSV: the file's columns and the field mapping used. */
  csv?: { headers: string[]; mapping: Record<string, string> };
  /** Kimai: the projects the import creates or matches. */
  projects?: { name: string; customer: string; action: ReportAction; slug?: string }[];
};

export const REPORT_ROWS = 2000;

export type Progress = { phase: "reading" | "checking" | "files" | "importing" | "done"; done: number; total: number };
export type OnProgress = (p: Progress) => void;

export function summaryLine(report: ImportReport, kind: string) {
  let line = report.summary.find((s) => s.kind === kind);
  if (!line) {
    line = { kind, create: 0, match: 0, skip: 0 };
    report.summary.push(line);
  }
  return line;
}

const KIND_NAMES: Record<string, string> = {
  columns: "columns",
  labels: "labels",
  cards: "cards",
  archivedCards: "archived cards",
  checklistItems: "checklist items",
  comments: "comments",
  links: "links",
  attachments: "files",
  timeEntries: "time entries",
  customers: "customers",
  projects: "projects",
  contracts: "contracts",
};

/** The report as lines of text (the command line's output). */
export function reportLines(report: ImportReport): string[] {
  const lines: string[] = [];
  const where = report.project ? ` into ${report.project.name} (${report.project.slug})` : "";
  lines.push(`${report.dryRun ? "Dry run: nothing was written." : "Imported."} ${report.source} "${report.name}"${where}`);
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  lines.push("", `  ${"".padEnd(16)}${pad("create", 8)}${pad("match", 8)}${pad("skip", 8)}`);
  for (const s of report.summary) {
    lines.push(`  ${(KIND_NAMES[s.kind] ?? s.kind).padEnd(16)}${pad(s.create, 8)}${pad(s.match, 8)}${pad(s.skip, 8)}`);
  }
  if (report.columns.length) {
    lines.push("", "Columns:");
    for (const c of report.columns)
      lines.push(`  ${c.action.padEnd(7)} ${c.name} (${c.cards} cards)${c.note ? ` – ${c.note}` : ""}`);
  }
  if (report.projects?.length) {
    lines.push("", "Projects:");
    for (const p of report.projects)
      lines.push(`  ${p.action.padEnd(7)} ${p.customer} / ${p.name}${p.slug ? ` (${p.slug})` : ""}`);
  }
  if (report.people.length) {
    lines.push("", "People:");
    for (const p of report.people) lines.push(`  ${p.person} → ${p.username ?? "–"} (${p.note})`);
  }
  const skipped = report.rows.filter((r) => r.action === "skip");
  if (skipped.length) {
    lines.push("", `Skipped (${skipped.length}):`);
    for (const r of skipped.slice(0, 50)) lines.push(`  ${r.title}: ${r.reason ?? ""}`);
    if (skipped.length > 50) lines.push(`  … and ${skipped.length - 50} more`);
  }
  if (report.dropped.length) {
    lines.push("", "Not carried over:");
    for (const d of report.dropped) lines.push(`  ${d.count} ${d.what}: ${d.reason}`);
  }
  for (const n of report.notes) lines.push("", `Note: ${n}`);
  return lines;
}
