import type { Metadata } from "next";
import { orNotFound } from "@/components/card/card-page-data.ts";
import { type ReportFilters, ReportsView } from "@/components/time/reports-view.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { listProjects } from "@/lib/boards/projects.ts";
import { listContracts } from "@/lib/customers/contracts.ts";
import { listCustomers } from "@/lib/customers/customers.ts";
import { AppError } from "@/lib/errors.ts";
import { translate } from "@/lib/i18n/index.ts";
import { reportLiveRooms, timeReport } from "@/lib/time/reports.ts";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  return { title: translate(actor.language, "time.reports.title") };
}

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Query> }) {
  const [actor, query] = await Promise.all([requireActor(), searchParams]);
  const filters: ReportFilters = {
    from: one(query.from),
    to: one(query.to),
    customer: one(query.customer),
    project: one(query.project),
    user: one(query.user),
    contract: one(query.contract),
    groupBy: one(query.groupBy).split(",").filter(Boolean),
  };
  const input = Object.fromEntries(
    Object.entries({ ...filters, groupBy: filters.groupBy.join(",") }).filter(([, v]) => v !== ""),
  );
  // Bad filters (a typed date, an unknown grouping) show the default report rather than an error page.
  const report = await orNotFound(
    timeReport(actor, input).catch((e) => {
      if (e instanceof AppError && e.code === "validation") return timeReport(actor, {});
      throw e;
    }),
  );
  const [customers, projects, contracts, liveRooms] = await Promise.all([
    listCustomers(actor, { includeArchived: true }),
    listProjects(actor, { includeArchived: true }),
    filters.customer ? listContracts(actor, filters.customer).catch(() => []) : [],
    // Others' entries reach a report through their customers' rooms; the user's own through theirs.
    reportLiveRooms(actor, filters.customer),
  ]);
  return (
    <ReportsView
      report={report}
      filters={{ ...filters, from: report.from, to: report.to, groupBy: report.groupBy }}
      customers={customers.map((c) => ({ slug: c.slug, name: c.name }))}
      projects={projects.map((p) => ({ slug: p.slug, name: p.name }))}
      contracts={contracts.map((c) => ({ id: c.id, name: c.name }))}
      liveRooms={liveRooms}
    />
  );
}
