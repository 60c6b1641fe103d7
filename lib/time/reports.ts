// Reports over the entries an actor may read: filters (date range, customer, contract, project,
// user), grouping by up to three of customer, contract, project, card, user, day, week and month,
// totals, weekly series for the charts, and the same data as CSV in the reader's locale. Sums are
// the database's sums of integer minutes, added up as integers. Every group and the total also split
// billable from non-billable minutes and sum the billable amounts per currency (integer minor units,
// each entry's amount rounded once when it was booked: lib/billing/money.ts).
import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { type Amounts, addAmount, amountsJson, formatMoneyPlain } from "../billing/money.ts";
import { readableCustomers } from "../customers/access.ts";
import { getDb } from "../db/client.ts";
import { parseInput } from "../errors.ts";
import { type MessageKey, translate } from "../i18n/index.ts";
import { csvSeparator, isLanguage, LANGUAGES } from "../i18n/locales.ts";
import { customerRoom, userRoom } from "../realtime/events.ts";
import { dateOf, isoOf, isoWeek, monthOf, todayUtc, weekStart } from "./dates.ts";
import { formatDuration, formatHours } from "./duration.ts";
import { ENTRY_SELECT, entryFilter, entryJson, lockCutoff, ZIsoDate } from "./entries.ts";

export const REPORT_DIMENSIONS = ["customer", "contract", "project", "card", "user", "day", "week", "month"] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/** How many entries a report lists (and a CSV exports) at most. */
export const MAX_REPORT_ENTRIES = 50_000;

export const ZReportQuery = z
  .object({
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
    user: z.string().trim().min(1).max(191).optional(),
    customer: z.string().trim().min(1).max(191).optional(),
    project: z.string().trim().min(1).max(191).optional(),
    contract: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    /** `1`: billable entries only; `0`: non-billable only. */
    billable: z.enum(["0", "1"]).optional(),
    /** Comma-separated, e.g. `project,week`. */
    groupBy: z
      .string()
      .max(100)
      .optional()
      .transform((v) => (v ? v.split(",").map((s) => s.trim()) : []))
      .pipe(z.array(z.enum(REPORT_DIMENSIONS)).max(3)),
    /** `1`: list the entries too (the CSV always does when nothing is grouped). */
    entries: z.enum(["0", "1"]).optional(),
    format: z.enum(["json", "csv"]).optional(),
    /** CSV only: the language for the decimal separator, dates and headings (default: the reader's). */
    locale: z.enum(LANGUAGES).optional(),
  })
  .strict()
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], message: "The end is before the start." });
export type ReportQuery = z.output<typeof ZReportQuery>;

type Ref = { id: number; name: string; slug?: string; key?: string; color?: string | null } | null;
type Key = Partial<Record<ReportDimension, string | Ref>>;

function defaultRange(q: ReportQuery) {
  const today = todayUtc();
  return { from: q.from ?? `${today.slice(0, 8)}01`, to: q.to ?? today };
}

export async function timeReport(actor: Actor, query: unknown) {
  const q = parseInput(ZReportQuery, query);
  return buildReport(actor, q);
}

async function buildReport(actor: Actor, q: ReportQuery) {
  const { from, to } = defaultRange(q);
  const where = await entryFilter(actor, { ...q, from, to });
  if (q.billable !== undefined) where.AND = [...(where.AND as object[]), { billable: q.billable === "1" }];
  const db = getDb();
  const byCard = q.groupBy.includes("card");
  const rows = await db.timeEntry.groupBy({
    by: [
      "date",
      "userId",
      "projectId",
      "customerId",
      "contractId",
      "billable",
      "currency",
      ...(byCard ? (["cardId"] as const) : []),
    ],
    where,
    _sum: { minutes: true, amountMinor: true },
    _count: { _all: true },
  });
  const ids = (pick: (r: (typeof rows)[number]) => number | null) => [
    ...new Set(rows.map(pick).filter((v): v is number => v !== null)),
  ];
  const [users, projects, customers, contracts, cards] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids((r) => r.userId) } }, select: { id: true, username: true } }),
    db.project.findMany({
      where: { id: { in: ids((r) => r.projectId) } },
      select: { id: true, name: true, slug: true, key: true, color: true },
    }),
    db.customer.findMany({
      where: { id: { in: ids((r) => r.customerId) } },
      select: { id: true, name: true, slug: true, color: true },
    }),
    db.contract.findMany({ where: { id: { in: ids((r) => r.contractId) } }, select: { id: true, name: true } }),
    byCard
      ? db.card.findMany({
          where: { id: { in: ids((r) => (r as { cardId?: number | null }).cardId ?? null) } },
          select: { id: true, number: true, title: true, project: { select: { key: true } } },
        })
      : [],
  ]);
  const userRef = new Map(users.map((u) => [u.id, { id: u.id, name: u.username }]));
  const projectRef = new Map(projects.map((p) => [p.id, p]));
  const customerRef = new Map(customers.map((c) => [c.id, c]));
  const contractRef = new Map(contracts.map((c) => [c.id, c]));
  const cardRef = new Map(cards.map((c) => [c.id, { id: c.id, name: c.title, key: `${c.project.key}-${c.number}` }]));
  const dimValue = (r: (typeof rows)[number], d: ReportDimension): string | Ref => {
    const date = isoOf(r.date);
    switch (d) {
      case "day":
        return date;
      case "week":
        return isoWeek(date);
      case "month":
        return monthOf(date);
      case "user":
        return userRef.get(r.userId) ?? null;
      case "project":
        return r.projectId === null ? null : (projectRef.get(r.projectId) ?? null);
      case "customer":
        return r.customerId === null ? null : (customerRef.get(r.customerId) ?? null);
      case "contract":
        return r.contractId === null ? null : (contractRef.get(r.contractId) ?? null);
      case "card": {
        const id = (r as { cardId?: number | null }).cardId ?? null;
        return id === null ? null : (cardRef.get(id) ?? null);
      }
    }
  };
  const keyText = (v: string | Ref) => (v === null ? "" : typeof v === "string" ? v : String(v.id));
  type Sums = { minutes: number; entries: number; billableMinutes: number; amounts: Map<string, bigint> };
  const groups = new Map<string, { key: Key } & Sums>();
  const total: Sums = { minutes: 0, entries: 0, billableMinutes: 0, amounts: new Map() };
  const add = (into: Sums, minutes: number, count: number, r: (typeof rows)[number]) => {
    into.minutes += minutes;
    into.entries += count;
    if (r.billable) {
      into.billableMinutes += minutes;
      addAmount(into.amounts, r.currency, r._sum.amountMinor ?? 0n);
    }
  };
  const sumsJson = (s: Sums) => ({
    minutes: s.minutes,
    entries: s.entries,
    billableMinutes: s.billableMinutes,
    nonBillableMinutes: s.minutes - s.billableMinutes,
    /** Billable amounts per currency, in minor units. */
    amounts: amountsJson(s.amounts) as Amounts,
  });
  const weeks = new Map<
    string,
    { week: string; start: string; minutes: number; users: Map<number, number>; projects: Map<number, number> }
  >();
  for (const r of rows) {
    const minutes = Number(r._sum.minutes ?? 0);
    const count = Number(r._count._all);
    add(total, minutes, count, r);
    if (q.groupBy.length > 0) {
      const key: Key = {};
      for (const d of q.groupBy) key[d] = dimValue(r, d);
      const id = q.groupBy.map((d) => keyText(key[d] ?? null)).join("|");
      const g = groups.get(id) ?? { key, minutes: 0, entries: 0, billableMinutes: 0, amounts: new Map() };
      add(g, minutes, count, r);
      groups.set(id, g);
    }
    const date = isoOf(r.date);
    const week = isoWeek(date);
    const w = weeks.get(week) ?? { week, start: weekStart(date), minutes: 0, users: new Map(), projects: new Map() };
    w.minutes += minutes;
    w.users.set(r.userId, (w.users.get(r.userId) ?? 0) + minutes);
    const p = r.projectId ?? 0;
    w.projects.set(p, (w.projects.get(p) ?? 0) + minutes);
    weeks.set(week, w);
  }
  const label = (v: string | Ref | undefined) => (v == null ? "\uffff" : typeof v === "string" ? v : v.name.toLowerCase());
  const sortedGroups = [...groups.values()].sort((a, b) => {
    for (const d of q.groupBy) {
      const x = label(a.key[d]);
      const y = label(b.key[d]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
  const entries = q.entries === "1" ? await listReportEntries(where) : undefined;
  return {
    from,
    to,
    filters: {
      user: q.user ?? null,
      customer: q.customer ?? null,
      project: q.project ?? null,
      contract: q.contract ?? null,
      billable: q.billable === undefined ? null : q.billable === "1",
    },
    groupBy: q.groupBy,
    total: sumsJson(total),
    groups: sortedGroups.map((g) => ({ key: g.key, ...sumsJson(g) })),
    weeks: [...weeks.values()]
      .sort((a, b) => (a.week < b.week ? -1 : 1))
      .map((w) => ({
        week: w.week,
        start: w.start,
        minutes: w.minutes,
        byUser: Object.fromEntries(w.users),
        byProject: Object.fromEntries(w.projects),
      })),
    users: users.map((u) => ({ id: u.id, name: u.username })),
    projects: projects.map((p) => ({ id: p.id, name: p.name, key: p.key, color: p.color })),
    ...(entries ? { entries } : {}),
  };
}
export type TimeReport = Awaited<ReturnType<typeof buildReport>>;

async function listReportEntries(where: Awaited<ReturnType<typeof entryFilter>>) {
  const [rows, cutoff] = await Promise.all([
    getDb().timeEntry.findMany({
      where,
      select: ENTRY_SELECT,
      orderBy: [{ date: "asc" }, { id: "asc" }],
      take: MAX_REPORT_ENTRIES,
    }),
    lockCutoff(),
  ]);
  return rows.map((r) => entryJson(r, cutoff));
}

/** A CSV field: quoted when needed; a leading = + - @ is defused so spreadsheets do not run it. */
export function csvField(value: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The report as CSV in a locale: German uses `;` between fields and `,` as the decimal separator
 * (what spreadsheets there expect), English `,` and `.`. Dates as the locale writes them. Entries
 * when nothing is grouped, the groups otherwise; a totals line at the end.
 */
export async function timeReportCsv(actor: Actor, query: unknown): Promise<{ csv: string; filename: string }> {
  const q = parseInput(ZReportQuery, query);
  const language = q.locale ?? (isLanguage(actor.language) ? actor.language : "en");
  const t = (key: MessageKey) => translate(language, key);
  const sep = csvSeparator(language);
  const dateFormat = new Intl.DateTimeFormat(language, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" });
  const day = (iso: string) => dateFormat.format(dateOf(iso));
  const report = await buildReport(actor, { ...q, entries: q.groupBy.length ? q.entries : "1" });
  const lines: string[][] = [];
  const amount = (minutes: number) => [formatDuration(minutes), formatHours(minutes, language), String(minutes)];
  const amountHeads = [t("time.csv.duration"), t("time.csv.hours"), t("time.csv.minutes")];
  // One money column per currency in the report, so every cell is a plain number a spreadsheet sums.
  const currencies = Object.keys(report.total.amounts);
  const moneyHeads = currencies.map((c) => `${t("time.csv.amount")} (${c})`);
  const money = (amounts: Amounts) =>
    currencies.map((c) => (amounts[c] === undefined ? "" : formatMoneyPlain(amounts[c], c, language)));
  const billableHeads = [t("time.csv.billableHours"), t("time.csv.nonBillableHours")];
  const split = (s: { billableMinutes: number; nonBillableMinutes: number }) => [
    formatHours(s.billableMinutes, language),
    formatHours(s.nonBillableMinutes, language),
  ];
  const none = t("time.none");
  const refText = (v: string | Ref | undefined, d: ReportDimension) => {
    if (v == null) return none;
    if (typeof v === "string") return d === "day" ? day(v) : v;
    return v.key && d === "card" ? `${v.key} ${v.name}` : v.name;
  };
  if (report.groupBy.length > 0) {
    lines.push([
      ...report.groupBy.map((d) => t(`time.dimension.${d}` as MessageKey)),
      ...amountHeads,
      t("time.csv.entries"),
      ...billableHeads,
      ...moneyHeads,
    ]);
    for (const g of report.groups) {
      lines.push([
        ...report.groupBy.map((d) => refText(g.key[d], d)),
        ...amount(g.minutes),
        String(g.entries),
        ...split(g),
        ...money(g.amounts),
      ]);
    }
    lines.push([
      t("time.csv.total"),
      ...report.groupBy.slice(1).map(() => ""),
      ...amount(report.total.minutes),
      String(report.total.entries),
      ...split(report.total),
      ...money(report.total.amounts),
    ]);
  } else {
    lines.push([
      t("time.csv.date"),
      t("time.dimension.user"),
      t("time.dimension.customer"),
      t("time.dimension.contract"),
      t("time.dimension.project"),
      t("time.dimension.card"),
      t("time.csv.description"),
      ...amountHeads,
      t("time.csv.billable"),
      t("time.csv.rate"),
      t("time.csv.currency"),
      t("time.csv.amount"),
    ]);
    for (const e of report.entries ?? []) {
      lines.push([
        day(e.date),
        e.user.username,
        e.customer?.name ?? "",
        e.contract?.name ?? "",
        e.project?.name ?? "",
        e.card ? `${e.card.key} ${e.card.title}` : "",
        e.description ?? "",
        ...amount(e.minutes),
        e.billable ? t("time.csv.yes") : t("time.csv.no"),
        e.rateMinor !== null && e.currency ? formatMoneyPlain(e.rateMinor, e.currency, language) : "",
        e.currency ?? "",
        e.currency && e.billable ? formatMoneyPlain(e.amountMinor, e.currency, language) : "",
      ]);
    }
    const totals = Object.entries(report.total.amounts);
    lines.push([
      t("time.csv.total"),
      "",
      "",
      "",
      "",
      "",
      "",
      ...amount(report.total.minutes),
      "",
      "",
      totals.length === 1 ? totals[0][0] : "",
      totals.length === 1 ? formatMoneyPlain(totals[0][1], totals[0][0], language) : "",
    ]);
  }
  const csv = `\uFEFF${lines.map((l) => l.map((f) => csvField(f, sep)).join(sep)).join("\r\n")}\r\n`;
  return { csv, filename: `time-${report.from}-${report.to}.csv` };
}

/**
 * The realtime rooms a report page follows: the user's own (their entries) and the room of every
 * customer whose entries it can show (the one filtered on, or all the user can read — however many).
 */
export async function reportLiveRooms(actor: Actor, customerSlug = ""): Promise<[string, ...string[]]> {
  const roles = await readableCustomers(actor);
  const rows = await getDb().customer.findMany({
    where: {
      deletedAt: null,
      ...(roles === "all" ? {} : { id: { in: [...roles.keys()] } }),
      ...(customerSlug ? { slug: customerSlug } : {}),
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return [userRoom(actor.userId), ...rows.map((c) => customerRoom(c.id))];
}
