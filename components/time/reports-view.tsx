"use client";

// The reports page: filters in the URL (shareable, the server renders the report), totals, the
// charts (hours per week; the weeks split by user or project), the grouped table, CSV download
// and print.
import { useRouter } from "next/navigation";
import { type FormEvent, useMemo, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { LiveRefresh } from "@/components/realtime/live-refresh.tsx";
import { PageContainer, PageHeader } from "@/components/shell/page-header.tsx";
import { Button, buttonClasses } from "@/components/ui/button.tsx";
import { DownloadIcon } from "@/components/ui/icons.tsx";
import { Field, Input } from "@/components/ui/input.tsx";
import { SectionCard } from "@/components/ui/section-card.tsx";
import { Select } from "@/components/ui/select.tsx";
import { formatDuration } from "@/lib/time/duration.ts";
import type { ReportDimension, TimeReport } from "@/lib/time/reports.ts";
import { seriesColour, WeeklyChart } from "./charts.tsx";
import { useDurations } from "./shared.tsx";

export type ReportFilters = {
  from: string;
  to: string;
  customer: string;
  project: string;
  user: string;
  contract: string;
  groupBy: string[];
};

const DIMENSIONS: ReportDimension[] = ["customer", "contract", "project", "card", "user", "day", "week", "month"];

export function ReportsView({
  report,
  filters,
  customers,
  projects,
  contracts,
  liveRooms,
}: {
  report: TimeReport;
  filters: ReportFilters;
  customers: { slug: string; name: string }[];
  projects: { slug: string; name: string }[];
  /** The contracts of the customer filtered on (empty without one). */
  contracts: { id: number; name: string }[];
  /** The rooms whose time entries the report shows (the user's own, the customers'). */
  liveRooms: [string, ...string[]];
}) {
  const t = useT();
  const router = useRouter();
  const { hours } = useDurations();
  const [values, setValues] = useState(filters);
  const [split, setSplit] = useState<"user" | "project">("user");
  const set = (key: keyof ReportFilters) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  const query = (v: ReportFilters) => {
    const q = new URLSearchParams();
    for (const key of ["from", "to", "customer", "project", "user", "contract"] as const) if (v[key]) q.set(key, v[key]);
    const groups = v.groupBy.filter(Boolean);
    if (groups.length) q.set("groupBy", groups.join(","));
    return q;
  };
  function apply(event: FormEvent) {
    event.preventDefault();
    router.push(`/time/reports?${query(values)}`);
  }
  const csv = `/api/v1/reports/time?${query(filters)}&format=csv`;

  const weekly = useMemo(() => {
    const names =
      split === "user"
        ? new Map(report.users.map((u) => [String(u.id), { name: u.name, colour: seriesColour(u.name) }]))
        : new Map([
            ...report.projects.map((p) => [String(p.id), { name: p.name, colour: seriesColour(p.key, p.color) }] as const),
            ["0", { name: t("time.week.noProject"), colour: "var(--color-muted)" }] as const,
          ]);
    const used = new Set<string>();
    const data = report.weeks.map((w) => {
      const parts = split === "user" ? w.byUser : w.byProject;
      const point: Record<string, number | string> = { week: w.week, minutes: w.minutes };
      for (const [id, minutes] of Object.entries(parts)) {
        point[`s${id}`] = minutes;
        used.add(id);
      }
      return point as { week: string; minutes: number };
    });
    const series = [...used].map((id) => ({
      key: `s${id}`,
      name: names.get(id)?.name ?? id,
      colour: names.get(id)?.colour ?? "gray",
    }));
    return { data, series };
  }, [report, split, t]);

  const label = (g: TimeReport["groups"][number], d: ReportDimension) => {
    const v = g.key[d];
    if (v == null) return t("time.none");
    if (typeof v === "string") return v;
    return v.key && d === "card" ? `${v.key} ${v.name}` : v.name;
  };

  return (
    <PageContainer className="max-w-7xl">
      <PageHeader
        title={t("time.reports.title")}
        description={t("time.reports.range", { from: report.from, to: report.to })}
        actions={
          <span className="flex items-center gap-2 print:hidden">
            <LiveRefresh rooms={liveRooms} eventPrefix="time_entry." />
            <a href={csv} className={buttonClasses({ variant: "secondary" })} download>
              <DownloadIcon />
              {t("time.reports.csv")}
            </a>
            <Button onClick={() => window.print()}>{t("time.reports.print")}</Button>
          </span>
        }
      />
      <form
        onSubmit={apply}
        className="mt-5 grid gap-3 rounded-lg border border-border bg-surface p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-3 print:hidden"
        aria-label={t("time.reports.filters")}
      >
        <Field label={t("time.reports.from")}>
          <Input type="date" value={values.from} onChange={set("from")} />
        </Field>
        <Field label={t("time.reports.to")}>
          <Input type="date" value={values.to} onChange={set("to")} />
        </Field>
        <Field label={t("time.dimension.customer")}>
          <Select value={values.customer} onChange={(e) => setValues((v) => ({ ...v, customer: e.target.value, contract: "" }))}>
            <option value="">{t("time.reports.all")}</option>
            {customers.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("time.dimension.contract")}>
          <Select
            value={values.customer === filters.customer ? values.contract : ""}
            disabled={values.customer !== filters.customer || contracts.length === 0}
            onChange={set("contract")}
          >
            <option value="">{t("time.reports.all")}</option>
            {contracts.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("time.dimension.project")}>
          <Select value={values.project} onChange={set("project")}>
            <option value="">{t("time.reports.all")}</option>
            {projects.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("time.dimension.user")}>
          <Input value={values.user} onChange={set("user")} placeholder={t("time.reports.anyone")} />
        </Field>
        <Field label={t("time.reports.groupBy")}>
          <Select
            value={values.groupBy[0] ?? ""}
            onChange={(e) => setValues((v) => ({ ...v, groupBy: [e.target.value, v.groupBy[1] ?? ""].filter(Boolean) }))}
          >
            <option value="">{t("time.reports.noGrouping")}</option>
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {t(`time.dimension.${d}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("time.reports.thenBy")}>
          <Select
            value={values.groupBy[1] ?? ""}
            disabled={!values.groupBy[0]}
            onChange={(e) => setValues((v) => ({ ...v, groupBy: [v.groupBy[0], e.target.value].filter(Boolean) }))}
          >
            <option value="">{t("time.reports.noGrouping")}</option>
            {DIMENSIONS.filter((d) => d !== values.groupBy[0]).map((d) => (
              <option key={d} value={d}>
                {t(`time.dimension.${d}`)}
              </option>
            ))}
          </Select>
        </Field>
        <div className="flex items-end sm:col-span-4 lg:col-span-8 lg:justify-end">
          <Button type="submit" variant="primary">
            {t("time.reports.apply")}
          </Button>
        </div>
      </form>

      <div className="mt-5 grid gap-3 sm:grid-cols-3">
        <Stat
          label={t("time.reports.total")}
          value={`${formatDuration(report.total.minutes)} ${t("time.unit.h")}`}
          testId="report-total"
        />
        <Stat label={t("time.reports.decimal")} value={hours(report.total.minutes, 2)} />
        <Stat label={t("time.csv.entries")} value={String(report.total.entries)} />
      </div>

      <div className="mt-5 grid gap-5 lg:grid-cols-2">
        <SectionCard id="report-weeks" title={t("time.reports.perWeek")}>
          {report.weeks.length ? <WeeklyChart data={weekly.data} label={t("time.reports.perWeek")} /> : <Empty />}
        </SectionCard>
        <SectionCard
          id="report-split"
          title={t("time.reports.split")}
          actions={
            <Select
              value={split}
              onChange={(e) => setSplit(e.target.value as "user" | "project")}
              aria-label={t("time.reports.splitBy")}
              className="h-7 text-xs print:hidden"
            >
              <option value="user">{t("time.dimension.user")}</option>
              <option value="project">{t("time.dimension.project")}</option>
            </Select>
          }
        >
          {report.weeks.length ? (
            <WeeklyChart data={weekly.data} series={weekly.series} label={t("time.reports.split")} />
          ) : (
            <Empty />
          )}
        </SectionCard>
      </div>

      {report.groupBy.length ? (
        <div className="mt-5">
          <SectionCard id="report-groups" title={t("time.reports.groups")}>
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="report-groups">
                <thead>
                  <tr className="border-b border-border text-left text-xs text-muted">
                    {report.groupBy.map((d) => (
                      <th key={d} scope="col" className="py-2 pr-3 font-medium">
                        {t(`time.dimension.${d}`)}
                      </th>
                    ))}
                    <th scope="col" className="py-2 pr-3 text-right font-medium">
                      {t("time.csv.duration")}
                    </th>
                    <th scope="col" className="py-2 text-right font-medium">
                      {t("time.csv.entries")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.groups.map((g) => (
                    <tr key={report.groupBy.map((d) => label(g, d)).join("|")} className="border-b border-border/60">
                      {report.groupBy.map((d) => (
                        <td key={d} className="py-1.5 pr-3">
                          {label(g, d)}
                        </td>
                      ))}
                      <td className="py-1.5 pr-3 text-right font-mono tabular-nums">{formatDuration(g.minutes)}</td>
                      <td className="py-1.5 text-right tabular-nums text-muted">{g.entries}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="font-semibold">
                    <th scope="row" colSpan={report.groupBy.length} className="py-2 pr-3 text-left">
                      {t("time.csv.total")}
                    </th>
                    <td className="py-2 pr-3 text-right font-mono tabular-nums">{formatDuration(report.total.minutes)}</td>
                    <td className="py-2 text-right tabular-nums">{report.total.entries}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </SectionCard>
        </div>
      ) : null}
    </PageContainer>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-lg border border-border bg-surface px-4 py-3 shadow-sm">
      <div className="text-xs text-muted">{label}</div>
      <div className="mt-1 font-mono text-xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

function Empty() {
  const t = useT();
  return <p className="py-10 text-center text-sm text-muted">{t("time.reports.empty")}</p>;
}
