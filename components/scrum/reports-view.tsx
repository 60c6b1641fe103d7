"use client";
// Reports of a scrum project: the burndown of the active (or a completed) sprint in the browser's
// time zone, refetched live as cards change, and the velocity of the last sprints. Each chart has
// its numbers as a table too (for screen readers, and printed under the chart).
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type { WireEvent } from "../../lib/realtime/events.ts";
import type { SprintJson } from "../../lib/scrum/sprints.ts";
import { apiJson, projectPath } from "../board/api.ts";
import { useLanguage, useT } from "../i18n-provider.tsx";
import { LiveStatus } from "../realtime/live-status.tsx";
import { useRealtime } from "../realtime/use-realtime.ts";
import { Button } from "../ui/button.tsx";
import { cn } from "../ui/cn.ts";
import { Select } from "../ui/select.tsx";
import { Spinner } from "../ui/spinner.tsx";
import { BurndownChart, type BurndownData, VelocityChart, type VelocityData } from "./charts.tsx";
import { browserTimeZone, formatDay } from "./format.ts";
import { ProjectTabs } from "./project-tabs.tsx";

type Project = { id: number; name: string; key: string; slug: string };

/** Events after which the burndown may have moved. */
const MOVES_BURNDOWN = new Set([
  "card.created",
  "card.updated",
  "card.moved",
  "card.deleted",
  "card.planned",
  "column.deleted",
  "column.cards_archived",
  "project.done_columns_updated",
]);

function Card({
  title,
  hint,
  actions,
  children,
}: {
  title: string;
  hint: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className="rounded-xl border border-border bg-surface p-5 shadow-sm print:break-inside-avoid print:shadow-none"
    >
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <h2 id={id} className="text-base font-semibold tracking-tight">
            {title}
          </h2>
          <p className="text-sm text-muted">{hint}</p>
        </div>
        {actions ? <div className="flex items-center gap-2 print:hidden">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

function TableToggle({ shown, onToggle }: { shown: boolean; onToggle: () => void }) {
  const t = useT();
  return (
    <Button size="sm" variant="ghost" aria-pressed={shown} onClick={onToggle} className="mt-3 print:hidden">
      {t("scrum.reports.table")}
    </Button>
  );
}

const TABLE =
  "mt-3 w-full text-[13px] tabular-nums [&_td]:py-1 [&_td]:pr-3 [&_th]:py-1.5 [&_th]:pr-3 [&_th]:text-left [&_th]:font-medium [&_th]:text-muted";

export function ReportsView({ project, sprints, velocity }: { project: Project; sprints: SprintJson[]; velocity: VelocityData }) {
  const t = useT();
  const language = useLanguage();
  const [sprintId, setSprintId] = useState<number | null>(sprints[0]?.id ?? null);
  const [burndown, setBurndown] = useState<BurndownData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [velocityData, setVelocity] = useState(velocity);
  const [showBurnTable, setShowBurnTable] = useState(false);
  const [showVelocityTable, setShowVelocityTable] = useState(false);
  const zone = useMemo(() => browserTimeZone(), []);

  const load = useCallback(async () => {
    if (sprintId === null) return;
    try {
      const data = await apiJson<BurndownData>(
        `${projectPath(project.slug)}/sprints/${sprintId}/burndown?timeZone=${encodeURIComponent(zone)}`,
      );
      setBurndown(data);
      setError(null);
    } catch (e) {
      setError(t("scrum.reports.failed", { message: e instanceof Error ? e.message : String(e) }));
    }
  }, [project.slug, sprintId, zone, t]);
  useEffect(() => {
    setBurndown(null);
    void load();
  }, [load]);

  // Live: a change of a card or sprint refetches (at most every half second).
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refresh = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void load();
      apiJson<VelocityData>(`${projectPath(project.slug)}/sprints/velocity`).then(setVelocity, () => {});
    }, 500);
  }, [load, project.slug]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onEvent = useCallback(
    (event: WireEvent) => {
      if (MOVES_BURNDOWN.has(event.type) || event.type.startsWith("sprint.")) refresh();
    },
    [refresh],
  );
  const status = useRealtime({ room: `project:${project.id}`, onEvent, onResync: refresh });

  const today = burndown?.days.filter((d) => d.remaining !== null).at(-1);
  const kindLabel = (kind: string) => t(`scrum.reports.kind.${kind}` as "scrum.reports.kind.added");

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-5 pt-4 pb-3 print:hidden">
        <h1 className="flex items-baseline gap-2 text-[15px] font-semibold tracking-tight text-text">
          {project.name}
          <span className="font-mono text-[11px] font-normal text-muted">{project.key}</span>
        </h1>
        <ProjectTabs slug={project.slug} current="reports" />
        <LiveStatus status={status} className="ml-auto" />
      </div>
      <h1 className="hidden px-5 pb-3 text-lg font-semibold print:block">
        {project.name} · {t("scrum.reports.title")}
      </h1>
      <div className="flex w-full max-w-5xl flex-col gap-5 px-5 pb-10">
        <Card
          title={t("scrum.reports.burndown")}
          hint={t("scrum.reports.burndownHint")}
          actions={
            sprints.length > 0 ? (
              <Select
                aria-label={t("scrum.reports.sprint")}
                value={sprintId ?? ""}
                onChange={(e) => setSprintId(Number(e.target.value))}
                className="h-8"
                data-testid="burndown-sprint"
              >
                {sprints.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                    {s.status === "active" ? ` (${t("scrum.sprint.active")})` : ""}
                  </option>
                ))}
              </Select>
            ) : null
          }
        >
          {sprints.length === 0 ? (
            <p className="text-sm text-muted">{t("scrum.reports.noSprint")}</p>
          ) : error ? (
            <p role="alert" className="text-sm text-danger">
              {error}
            </p>
          ) : !burndown ? (
            <div className="flex h-72 items-center justify-center">
              <Spinner />
            </div>
          ) : (
            <>
              <p className="mb-2 text-sm text-text" data-testid="burndown-summary">
                <span className="font-medium">{burndown.sprint.name}</span>
                {burndown.sprint.startDate && burndown.sprint.endDate ? (
                  <span className="text-muted">
                    {" · "}
                    {t("scrum.sprint.dates", {
                      start: formatDay(burndown.sprint.startDate, language),
                      end: formatDay(burndown.sprint.endDate, language),
                    })}
                  </span>
                ) : null}
                {today ? (
                  <span className="text-muted">
                    {" · "}
                    <span data-testid="burndown-remaining" data-remaining={today.remaining}>
                      {t("scrum.reports.summary", {
                        remaining: today.remaining ?? 0,
                        committed: burndown.days[0].remaining ?? 0,
                      })}
                    </span>
                  </span>
                ) : null}
              </p>
              {burndown.sprint.goal ? (
                <p className="mb-3 text-xs text-muted">
                  <span className="font-medium text-text">{t("scrum.sprint.goal")}:</span> {burndown.sprint.goal}
                </p>
              ) : null}
              <BurndownChart data={burndown} />
              <h3 className="mt-4 text-[13px] font-semibold">{t("scrum.reports.scopeChanges")}</h3>
              {burndown.scopeChanges.length === 0 ? (
                <p className="mt-1 text-[13px] text-muted">{t("scrum.reports.noScopeChanges")}</p>
              ) : (
                <ul className="mt-1 flex flex-col gap-0.5 text-[13px]" data-testid="scope-changes">
                  {burndown.scopeChanges.map((c) => (
                    <li key={`${c.at}-${c.key}`} className="flex items-baseline gap-2">
                      <span
                        className={cn("w-10 text-right font-medium tabular-nums", c.points > 0 ? "text-warning" : "text-success")}
                      >
                        {c.points > 0 ? `+${c.points}` : `−${-c.points}`}
                      </span>
                      <span className="font-mono text-[11px] text-muted">{c.key}</span>
                      <span className="truncate">{c.title}</span>
                      <span className="text-muted">· {kindLabel(c.kind)}</span>
                      <span className="ml-auto text-xs text-muted">{formatDay(c.date, language)}</span>
                    </li>
                  ))}
                </ul>
              )}
              <TableToggle shown={showBurnTable} onToggle={() => setShowBurnTable((v) => !v)} />
              <div className={showBurnTable ? "overflow-x-auto" : "sr-only print:not-sr-only"}>
                <table className={cn(TABLE, "w-full")}>
                  <caption className="sr-only">{t("scrum.reports.burndown")}</caption>
                  <thead>
                    <tr className="border-b border-border">
                      <th scope="col">{t("scrum.reports.date")}</th>
                      <th scope="col">{t("scrum.reports.remaining")}</th>
                      <th scope="col">{t("scrum.reports.ideal")}</th>
                      <th scope="col">{t("scrum.reports.scope")}</th>
                      <th scope="col">{t("scrum.reports.added")}</th>
                      <th scope="col">{t("scrum.reports.removed")}</th>
                      <th scope="col">{t("scrum.reports.completed")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {burndown.days.map((d) => (
                      <tr key={d.day} className="border-b border-border last:border-0">
                        <td>{d.day === 0 ? t("scrum.reports.start") : formatDay(d.date, language)}</td>
                        <td>{d.remaining ?? "–"}</td>
                        <td>{d.ideal}</td>
                        <td>{d.scope ?? "–"}</td>
                        <td>{d.added || ""}</td>
                        <td>{d.removed || ""}</td>
                        <td>{d.completed || ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </Card>
        <Card title={t("scrum.reports.velocity")} hint={t("scrum.reports.velocityHint")}>
          {velocityData.sprints.length === 0 ? (
            <p className="text-sm text-muted">{t("scrum.reports.noVelocity")}</p>
          ) : (
            <>
              <VelocityChart data={velocityData} />
              <TableToggle shown={showVelocityTable} onToggle={() => setShowVelocityTable((v) => !v)} />
              <div className={showVelocityTable ? "overflow-x-auto" : "sr-only print:not-sr-only"}>
                <table className={cn(TABLE, "w-full")}>
                  <caption className="sr-only">{t("scrum.reports.velocity")}</caption>
                  <thead>
                    <tr className="border-b border-border">
                      <th scope="col">{t("scrum.reports.sprint")}</th>
                      <th scope="col">{t("scrum.reports.committed")}</th>
                      <th scope="col">{t("scrum.reports.completed")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {velocityData.sprints.map((s) => (
                      <tr key={s.id} className="border-b border-border last:border-0">
                        <td>{s.name}</td>
                        <td>{s.committed}</td>
                        <td>{s.completed}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </Card>
      </div>
    </div>
  );
}
