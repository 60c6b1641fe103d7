// Writes Kimai's customers, projects and timesheets into WarmDesk in one transaction: customers and
// projects matched by name (or by what import_items recorded), created otherwise (a project with
// the default columns and the importing user as its admin); budgets become contracts; timesheets
// become time entries of the user with that username or email (others are skipped and listed, so
// that a re-run after creating the user adds them). System administrators only: it books time for
// other people and creates customers.
import { type Actor, requireAdmin } from "../auth/actor.ts";
import { DEFAULT_COLUMNS, slugify } from "../boards/projects.ts";
import { currentEngine, Prisma } from "../db/client.ts";
import { exec, insert, rows, run, type Step, transaction } from "../db/direct.ts";
import { STEP } from "../ordering/positions.ts";
import { matchPeople, personKey } from "./boards.ts";
import { clip, type ImportTimesheets, personText } from "./model.ts";
import { type ImportReport, type OnProgress, REPORT_ROWS, summaryLine } from "./report.ts";

const SCOPE = "instance";
// `key` is a reserved word in MySQL: quoted the way the engine quotes identifiers.
const KEY_COLUMN = () => Prisma.raw(currentEngine() === "mysql" ? "`key`" : '"key"');

type Plan = {
  customers: {
    sourceId: string;
    name: string;
    id: number | null;
    budget: number | null;
    src: ImportTimesheets["customers"][number];
  }[];
  projects: { sourceId: string; name: string; customer: string; id: number | null; slug: string | null; budget: number | null }[];
  records: { record: ImportTimesheets["records"][number]; userId: number | null; skip: string | null }[];
  people: Awaited<ReturnType<typeof run<Map<string, unknown>>>>;
};

function* resolve(plan: ImportTimesheets): Step<Plan> {
  const imported = new Map<string, number>();
  for (const r of yield* rows<{ kind: string; source_id: string; target_id: unknown }>(Prisma.sql`
    SELECT kind, source_id, target_id FROM import_items WHERE scope = ${SCOPE} AND source = ${"kimai"}`))
    imported.set(`${r.kind}:${r.source_id}`, Number(r.target_id));
  const customers = (yield* rows<{ id: unknown; name: string }>(
    Prisma.sql`SELECT id, name FROM customers WHERE deleted_at IS NULL`,
  )).map((c) => ({ id: Number(c.id), name: c.name }));
  const projects = (yield* rows<{ id: unknown; name: string; slug: string; customer_id: unknown }>(Prisma.sql`
    SELECT id, name, slug, customer_id FROM projects WHERE deleted_at IS NULL`)).map((p) => ({
    id: Number(p.id),
    name: p.name,
    slug: p.slug,
    customerId: p.customer_id === null ? null : Number(p.customer_id),
  }));
  const cplans = plan.customers.map((c) => {
    const mapped = imported.get(`customer:${c.sourceId}`);
    const hit = customers.find((x) => x.id === mapped) ?? customers.find((x) => x.name.toLowerCase() === c.name.toLowerCase());
    return {
      sourceId: c.sourceId,
      name: hit?.name ?? c.name,
      id: hit?.id ?? null,
      budget: hit ? null : (c.budgetMinutes ?? null),
      src: c,
    };
  });
  const pplans = plan.projects.map((p) => {
    const customerId = cplans.find((c) => c.sourceId === p.customer)?.id ?? null;
    const mapped = imported.get(`project:${p.sourceId}`);
    const hit =
      projects.find((x) => x.id === mapped) ??
      (customerId !== null
        ? projects.find((x) => x.customerId === customerId && x.name.toLowerCase() === p.name.toLowerCase())
        : undefined);
    return {
      sourceId: p.sourceId,
      name: hit?.name ?? p.name,
      customer: p.customer,
      id: hit?.id ?? null,
      slug: hit?.slug ?? null,
      budget: hit ? null : (p.budgetMinutes ?? null),
    };
  });
  const people = yield* matchPeople(
    null,
    plan.records.map((r) => r.user),
  );
  const records = plan.records.map((record) => {
    const who = people.get(personKey(record.user));
    const skip = imported.has(`time_entry:${record.sourceId}`)
      ? "imported before"
      : !who?.user
        ? `no WarmDesk user ${personText(record.user)}`
        : record.minutes < 1 || record.minutes > 1440
          ? `${record.minutes} minutes is outside 1 minute to 24 hours`
          : null;
    return { record, userId: who?.user?.id ?? null, skip };
  });
  return { customers: cplans, projects: pplans, records, people };
}

function report(plan: ImportTimesheets, res: Plan, dryRun: boolean): ImportReport {
  const r: ImportReport = {
    source: "kimai",
    dryRun,
    name: "Kimai",
    project: null,
    summary: [],
    people: [],
    columns: [],
    rows: [],
    rowsTotal: res.records.length,
    dropped: [...plan.dropped],
    notes: [...plan.notes],
    projects: [],
  };
  const customers = summaryLine(r, "customers");
  for (const c of res.customers) c.id === null ? customers.create++ : customers.match++;
  const projects = summaryLine(r, "projects");
  for (const p of res.projects) {
    p.id === null ? projects.create++ : projects.match++;
    r.projects?.push({
      name: p.name,
      customer: res.customers.find((c) => c.sourceId === p.customer)?.name ?? "",
      action: p.id === null ? "create" : "match",
      ...(p.slug ? { slug: p.slug } : {}),
    });
  }
  summaryLine(r, "contracts").create +=
    res.customers.filter((c) => c.budget).length + res.projects.filter((p) => p.budget).length;
  const time = summaryLine(r, "timeEntries");
  for (const x of res.records) {
    x.skip ? time.skip++ : time.create++;
    if (r.rows.length < REPORT_ROWS) {
      r.rows.push({
        sourceId: x.record.sourceId,
        title: `${x.record.date} · ${(x.record.minutes / 60).toFixed(2)} h · ${personText(x.record.user)}`,
        where: res.projects.find((p) => p.sourceId === x.record.project)?.name ?? "",
        action: x.skip ? "skip" : "create",
        ...(x.skip ? { reason: x.skip } : {}),
      });
    }
  }
  for (const [, p] of res.people as Map<
    string,
    { person: Parameters<typeof personText>[0]; user: { username: string } | null }
  >) {
    r.people.push({
      person: personText(p.person),
      username: p.user?.username ?? null,
      note: p.user ? "matched" : "no WarmDesk user with this username or email: their time is skipped",
    });
  }
  return r;
}

const projectKey = (name: string) => {
  const letters = name
    .toUpperCase()
    .normalize("NFKD")
    .replace(/[^A-Z0-9]/g, "");
  const key = /^[A-Z]/.test(letters) ? letters.slice(0, 6) : `P${letters.slice(0, 5)}`;
  return key.length >= 2 ? key : `${key}X`.slice(0, 2).padEnd(2, "X");
};

function* freeSlug(table: "projects" | "customers", base: string): Step<string> {
  for (let i = 1; ; i++) {
    const slug = i === 1 ? base : `${base.slice(0, 60)}-${i}`;
    const [hit] = yield* rows(Prisma.sql`SELECT id FROM ${Prisma.raw(table)} WHERE slug = ${slug}`);
    const [redirect] =
      table === "projects" ? yield* rows(Prisma.sql`SELECT id FROM project_slug_redirects WHERE slug = ${slug}`) : [];
    if (!hit && !redirect) return slug;
  }
}

export async function importTimesheets(
  actor: Actor,
  plan: ImportTimesheets,
  options: { dryRun: boolean; onProgress?: OnProgress },
): Promise<ImportReport> {
  requireAdmin(actor);
  if (options.dryRun) return report(plan, await run(() => resolve(plan)), true);
  const result = await transaction(function* () {
    const now = new Date();
    const record = (kind: string, sourceId: string, targetId: number) =>
      exec(
        Prisma.sql`INSERT INTO import_items (created_at, scope, source, kind, source_id, target_id) VALUES (${now}, ${SCOPE}, ${"kimai"}, ${kind}, ${clip(sourceId)}, ${targetId})`,
      );
    const res = yield* resolve(plan);
    const budget = function* (customerId: number, name: string, minutes: number | null) {
      if (!minutes) return;
      yield* exec(Prisma.sql`INSERT INTO contracts (created_at, updated_at, customer_id, name, description, contracted_minutes, status)
        VALUES (${now}, ${now}, ${customerId}, ${clip(name)}, ${"Budget from Kimai"}, ${minutes}, ${"active"})`);
    };
    for (const c of res.customers) {
      if (c.id !== null) continue;
      const slug = yield* freeSlug("customers", slugify(c.name));
      c.id =
        yield* insert(Prisma.sql`INSERT INTO customers (created_at, updated_at, name, slug, description, contact, email, phone, address, is_archived)
        VALUES (${now}, ${now}, ${c.name}, ${slug}, ${c.src.description ?? null}, ${c.src.contact ?? null}, ${c.src.email ?? null}, ${c.src.phone ?? null}, ${c.src.address ?? null}, ${false})`);
      yield* record("customer", c.sourceId, c.id);
      yield* budget(c.id, `${c.name} (Kimai)`, c.budget);
    }
    for (const p of res.projects) {
      const customerId = res.customers.find((c) => c.sourceId === p.customer)?.id ?? null;
      if (p.id !== null) continue;
      p.slug = yield* freeSlug("projects", slugify(p.name));
      p.id =
        yield* insert(Prisma.sql`INSERT INTO projects (created_at, updated_at, name, slug, ${KEY_COLUMN()}, card_counter, type, customer_id, is_archived)
        VALUES (${now}, ${now}, ${p.name}, ${p.slug}, ${projectKey(p.name)}, 0, ${"kanban"}, ${customerId}, ${false})`);
      yield* exec(
        Prisma.sql`INSERT INTO project_members (created_at, project_id, user_id, role) VALUES (${now}, ${p.id}, ${actor.userId}, ${"admin"})`,
      );
      for (const [i, name] of DEFAULT_COLUMNS.entries()) {
        yield* exec(
          Prisma.sql`INSERT INTO columns (created_at, updated_at, project_id, name, position, wip_limit, is_done) VALUES (${now}, ${now}, ${p.id}, ${name}, ${(i + 1) * STEP}, 0, ${i === DEFAULT_COLUMNS.length - 1})`,
        );
      }
      yield* record("project", p.sourceId, p.id);
      if (customerId !== null) yield* budget(customerId, p.name, p.budget);
    }
    const totals = new Map<string, number>();
    for (const [i, x] of res.records.entries()) {
      if (x.skip || x.userId === null) continue;
      const key = `${x.userId}:${x.record.date}`;
      const day = new Date(`${x.record.date}T00:00:00Z`);
      if (!totals.has(key)) {
        const [{ total }] = yield* rows<{ total: unknown }>(
          Prisma.sql`SELECT COALESCE(SUM(minutes), 0) AS total FROM time_entries WHERE user_id = ${x.userId} AND date = ${day}`,
        );
        totals.set(key, Number(total));
      }
      if ((totals.get(key) ?? 0) + x.record.minutes > 1440) {
        x.skip = "the day would exceed 24 hours";
        continue;
      }
      totals.set(key, (totals.get(key) ?? 0) + x.record.minutes);
      const project = res.projects.find((p) => p.sourceId === x.record.project);
      const customerId = res.customers.find((c) => c.sourceId === project?.customer)?.id ?? null;
      const id =
        yield* insert(Prisma.sql`INSERT INTO time_entries (created_at, updated_at, user_id, customer_id, project_id, card_id, contract_id, date, minutes, description)
        VALUES (${now}, ${now}, ${x.userId}, ${customerId}, ${project?.id ?? null}, ${null}, ${null}, ${day}, ${x.record.minutes}, ${x.record.description})`);
      yield* record("time_entry", x.record.sourceId, id);
      if (i % 50 === 0) options.onProgress?.({ phase: "importing", done: i, total: res.records.length });
    }
    return res;
  });
  options.onProgress?.({ phase: "done", done: result.records.length, total: result.records.length });
  return report(plan, result, false);
}
