// Kimai's exports: the timesheet CSV export (Date, From, To, Duration, User, Customer, Project,
// Activity, Description, … in English or German), or JSON made of Kimai API answers saved together
// ({ customers, projects, activities, users, timesheets }, e.g. from /api/customers, /api/projects,
// /api/activities, /api/users and /api/timesheets?full=true).
import { createHash } from "node:crypto";
import { z } from "zod";
import { parseInput } from "../errors.ts";
import { type DateOrder, dateField, isoDay, slashOrder } from "./dates.ts";
import { addDropped, clip, type ImportTimesheets, type PersonRef } from "./model.ts";
import { type CsvTable, headerKey, invalidFile } from "./text.ts";

const HEADERS = {
  date: ["date", "datum"],
  begin: ["from", "begin", "von", "beginn", "start"],
  end: ["to", "end", "bis", "ende"],
  duration: ["duration", "dauer"],
  user: ["user", "benutzer", "username"],
  customer: ["customer", "kunde"],
  project: ["project", "projekt"],
  activity: ["activity", "tatigkeit", "taetigkeit", "aktivitat"],
  description: ["description", "beschreibung"],
};

/** "2:30", "02:30:00", "1.5", "1,5" (hours) or "5400" (seconds, Kimai's raw value) in minutes. */
export function durationMinutes(raw: string): number | null {
  const v = raw.trim();
  let m = /^(\d+):(\d{1,2})(?::(\d{1,2}))?$/.exec(v);
  if (m) return Number(m[1]) * 60 + Number(m[2]) + Math.round(Number(m[3] ?? 0) / 60);
  m = /^(\d+)h\s*(\d+)m$/.exec(v);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  if (/^\d{4,}$/.test(v)) return Math.round(Number(v) / 60);
  if (/^\d+([.,]\d+)?$/.test(v)) return Math.round(Number(v.replace(",", ".")) * 60);
  return null;
}

const rowHash = (values: unknown, seen: Map<string, number>) => {
  const hash = createHash("sha1").update(JSON.stringify(values)).digest("hex").slice(0, 24);
  const n = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, n);
  return n === 1 ? hash : `${hash}-${n}`;
};

export function kimaiCsv(table: CsvTable, options: { dateOrder?: DateOrder } = {}): ImportTimesheets {
  const index = Object.fromEntries(
    Object.entries(HEADERS).map(([k, names]) => [k, table.rawHeaders.findIndex((h) => names.includes(headerKey(h)))]),
  ) as Record<keyof typeof HEADERS, number>;
  const missing = (["date", "duration", "user", "customer", "project"] as const).filter((k) => index[k] < 0);
  if (missing.length) {
    throw invalidFile(
      `This is not a Kimai timesheet export: it has no column ${missing.map((m) => `"${HEADERS[m][0]}"`).join(", ")} (it has: ${table.headers.join(", ")}).`,
    );
  }
  const cell = (values: string[], i: number) => (i >= 0 ? (values[i] ?? "").trim() : "");
  const order = slashOrder(
    table.rows.map((r) => cell(r.values, index.date)),
    options.dateOrder ?? "dmy",
  );
  const plan: ImportTimesheets = {
    kind: "time",
    source: "kimai",
    customers: [],
    projects: [],
    records: [],
    dropped: [],
    notes: [],
  };
  const seen = new Map<string, number>();
  for (const { line, values } of table.rows) {
    const customer = cell(values, index.customer);
    const project = cell(values, index.project);
    if (!customer || !project) throw invalidFile(`Line ${line}: a timesheet needs a customer and a project.`);
    const date = dateField(cell(values, index.date), { line, column: table.headers[index.date] }, order.order);
    if (!date) throw invalidFile(`Line ${line}: the timesheet has no date.`, table.headers[index.date]);
    const minutes = durationMinutes(cell(values, index.duration));
    if (minutes === null)
      throw invalidFile(
        `Line ${line}, column "${table.headers[index.duration]}": "${cell(values, index.duration)}" is not a duration.`,
        table.headers[index.duration],
      );
    if (!plan.customers.some((c) => c.sourceId === customer.toLowerCase()))
      plan.customers.push({ sourceId: customer.toLowerCase(), name: customer });
    const projectId = `${customer.toLowerCase()}/${project.toLowerCase()}`;
    if (!plan.projects.some((p) => p.sourceId === projectId))
      plan.projects.push({ sourceId: projectId, customer: customer.toLowerCase(), name: project });
    const activity = cell(values, index.activity);
    const text = cell(values, index.description);
    const user = cell(values, index.user);
    plan.records.push({
      sourceId: `csv-${rowHash(values, seen)}`,
      line,
      project: projectId,
      user: user.includes("@") ? { email: user, name: user } : { username: user, name: user },
      date: isoDay(date),
      minutes,
      description: [activity, text].filter(Boolean).join(": ") || null,
    });
  }
  plan.notes.push("Kimai's CSV names users by their display name: a user is found when that is a WarmDesk username or email.");
  return plan;
}

const ZRef = z.union([z.number(), z.object({ id: z.number() }).passthrough()]);
const refId = (r: z.infer<typeof ZRef>) => (typeof r === "number" ? r : r.id);
const ZKimai = z.object({
  customers: z.array(
    z.object({
      id: z.number(),
      name: z.string().min(1),
      comment: z.string().nullish(),
      email: z.string().nullish(),
      phone: z.string().nullish(),
      address: z.string().nullish(),
      contact: z.string().nullish(),
      timeBudget: z.number().nullish(),
    }),
  ),
  projects: z.array(
    z.object({
      id: z.number(),
      name: z.string().min(1),
      customer: ZRef,
      comment: z.string().nullish(),
      timeBudget: z.number().nullish(),
    }),
  ),
  activities: z.array(z.object({ id: z.number(), name: z.string() })).default([]),
  users: z
    .array(z.object({ id: z.number(), username: z.string(), alias: z.string().nullish(), email: z.string().nullish() }))
    .default([]),
  timesheets: z.array(
    z.object({
      id: z.number(),
      begin: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a date"),
      duration: z.number().nullish(),
      end: z.string().nullish(),
      user: z.union([z.number(), z.object({ id: z.number(), username: z.string(), email: z.string().nullish() }).passthrough()]),
      project: ZRef,
      activity: ZRef.nullish(),
      description: z.string().nullish(),
    }),
  ),
});

export function kimaiJson(data: unknown): ImportTimesheets {
  if (!data || typeof data !== "object" || !("timesheets" in data)) {
    throw invalidFile("This is not a Kimai export: expected { customers, projects, users, timesheets } from Kimai's API.");
  }
  const k = parseInput(ZKimai, data);
  const users = new Map(
    k.users.map((u) => [u.id, { username: u.username, email: u.email ?? null, name: u.alias ?? u.username } as PersonRef]),
  );
  const activities = new Map(k.activities.map((a) => [a.id, a.name]));
  const projects = new Set(k.projects.map((p) => p.id));
  const plan: ImportTimesheets = {
    kind: "time",
    source: "kimai",
    customers: k.customers.map((c) => ({
      sourceId: String(c.id),
      name: clip(c.name),
      description: c.comment ?? null,
      email: c.email ?? null,
      phone: c.phone ?? null,
      address: c.address ?? null,
      contact: c.contact ?? null,
      budgetMinutes: c.timeBudget ? Math.round(c.timeBudget / 60) : null,
    })),
    projects: k.projects.map((p) => ({
      sourceId: String(p.id),
      customer: String(refId(p.customer)),
      name: clip(p.name),
      description: p.comment ?? null,
      budgetMinutes: p.timeBudget ? Math.round(p.timeBudget / 60) : null,
    })),
    records: [],
    dropped: [],
    notes: [],
  };
  let running = 0;
  for (const [i, t] of k.timesheets.entries()) {
    if (!projects.has(refId(t.project)))
      throw invalidFile(
        `timesheets[${i}] (id ${t.id}) is on project ${refId(t.project)}, which the export does not have.`,
        `timesheets.${i}.project`,
      );
    if (!t.end) {
      running++;
      continue;
    }
    const user =
      typeof t.user === "number"
        ? (users.get(t.user) ?? { name: `Kimai user ${t.user}` })
        : { username: t.user.username, email: t.user.email ?? null };
    const activity = t.activity
      ? typeof t.activity === "number"
        ? activities.get(t.activity)
        : String(t.activity.name ?? "")
      : "";
    plan.records.push({
      sourceId: String(t.id),
      project: String(refId(t.project)),
      user,
      // Kimai writes the local time with its offset: the day is the one the person worked on.
      date: t.begin.slice(0, 10),
      minutes: Math.round((t.duration ?? (Date.parse(t.end) - Date.parse(t.begin)) / 1000) / 60),
      description: [activity, t.description].filter(Boolean).join(": ") || null,
    });
  }
  addDropped(plan.dropped, "running timesheets", running, "not stopped yet: import them once they are");
  return plan;
}
