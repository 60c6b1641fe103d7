"use client";

// The project's Import and export page: choose a format and a file (drop or pick), check it (a dry
// run: the report as tables), import it with a progress bar (the answer streams progress lines),
// and see the result with links. Everything goes through POST /api/v1/imports, as scripts do.
import Link from "next/link";
import { type DragEvent, useId, useRef, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { PageHeader } from "@/components/shell/page-header.tsx";
import { Button, buttonClasses } from "@/components/ui/button.tsx";
import { cn } from "@/components/ui/cn.ts";
import { SectionCard } from "@/components/ui/section-card.tsx";
import { Select } from "@/components/ui/select.tsx";
import type { MessageKey } from "@/lib/i18n/index.ts";
import type { ImportReport, Progress } from "@/lib/import/report.ts";

const FORMATS = ["trello", "wekan", "kanboard", "jira", "csv", "warmdesk"] as const;
type Format = (typeof FORMATS)[number];
const CSV_FORMATS = new Set<Format>(["kanboard", "jira", "csv"]);
const FIELDS = [
  "title",
  "description",
  "column",
  "labels",
  "assignees",
  "dueDate",
  "priority",
  "type",
  "estimateHours",
  "storyPoints",
  "createdAt",
  "archived",
  "comments",
  "id",
] as const;
const ROWS_SHOWN = 200;

type State =
  | { step: "choose" }
  | { step: "checking" }
  | { step: "report"; report: ImportReport }
  | { step: "importing"; report: ImportReport; progress: Progress | null }
  | { step: "done"; report: ImportReport }
  | { step: "error"; message: string; previous: ImportReport | null };

export function ImportView({ project, canImport }: { project: { slug: string; name: string; key: string }; canImport: boolean }) {
  const t = useT();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState<Format>("trello");
  const [file, setFile] = useState<File | null>(null);
  const [separator, setSeparator] = useState("");
  const [dateOrder, setDateOrder] = useState("");
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [dragging, setDragging] = useState(false);
  const [state, setState] = useState<State>({ step: "choose" });

  const form = (dryRun: boolean) => {
    const body = new FormData();
    body.set("format", format);
    body.set("project", project.slug);
    body.set("dryRun", dryRun ? "1" : "0");
    if (separator) body.set("separator", separator);
    if (dateOrder) body.set("dateOrder", dateOrder);
    if (format === "csv" && mapping) body.set("mapping", JSON.stringify(mapping));
    body.set("file", file as File);
    return body;
  };

  async function check() {
    if (!file) return;
    setState({ step: "checking" });
    try {
      const res = await fetch("/api/v1/imports", { method: "POST", body: form(true) });
      const json = await res.json();
      if (!res.ok) return setState({ step: "error", message: json?.error?.message ?? res.statusText, previous: null });
      const report = json as ImportReport;
      if (report.csv && format === "csv") setMapping(report.csv.mapping);
      setState({ step: "report", report });
    } catch {
      setState({ step: "error", message: t("common.error.network"), previous: null });
    }
  }

  async function start(report: ImportReport) {
    setState({ step: "importing", report, progress: null });
    try {
      const res = await fetch("/api/v1/imports", {
        method: "POST",
        body: form(false),
        headers: { accept: "application/x-ndjson" },
      });
      if (!res.ok || !res.body) {
        const json = await res.json().catch(() => null);
        return setState({ step: "error", message: json?.error?.message ?? res.statusText, previous: report });
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let nl = buffer.indexOf("\n");
        while (nl >= 0) {
          const line = JSON.parse(buffer.slice(0, nl)) as {
            progress?: Progress;
            result?: ImportReport;
            error?: { message: string };
          };
          buffer = buffer.slice(nl + 1);
          nl = buffer.indexOf("\n");
          if (line.progress) setState({ step: "importing", report, progress: line.progress as Progress });
          else if (line.result) setState({ step: "done", report: line.result });
          else if (line.error) setState({ step: "error", message: line.error.message, previous: report });
        }
      }
    } catch {
      setState({ step: "error", message: t("common.error.network"), previous: report });
    }
  }

  const reset = () => {
    setState({ step: "choose" });
    setFile(null);
    setMapping(null);
    if (fileInput.current) fileInput.current.value = "";
  };
  const pick = (f: File | undefined) => {
    if (!f) return;
    setFile(f);
    setMapping(null);
    if (/\.zip$/i.test(f.name)) setFormat("warmdesk");
    else if (/\.csv$/i.test(f.name) && !CSV_FORMATS.has(format)) setFormat("csv");
    setState({ step: "choose" });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    pick(e.dataTransfer.files[0]);
  };
  const busy = state.step === "checking" || state.step === "importing";
  const report =
    state.step === "report" || state.step === "importing" || state.step === "done"
      ? state.report
      : state.step === "error"
        ? state.previous
        : null;
  const creates = report?.summary.find((s) => s.kind === "cards")?.create ?? 0;
  const archived = report?.summary.find((s) => s.kind === "archivedCards")?.create ?? 0;

  return (
    <div className="flex flex-col gap-6" data-import-step={state.step}>
      <PageHeader
        title={t("imports.title")}
        description={
          <>
            <Link href={`/${project.slug}`} className="text-accent hover:underline">
              {project.name}
            </Link>
            <span aria-hidden="true"> · </span>
            {t("imports.description")}
          </>
        }
      />
      {!canImport ? (
        <p role="note" className="rounded-md border border-border bg-surface-2 px-3 py-2 text-sm text-muted">
          {t("imports.adminsOnly")}
        </p>
      ) : (
        <SectionCard id="import" title={t("imports.importTitle")} description={t("imports.importHelp")}>
          <div className="mt-4 flex flex-col gap-4">
            <div className="flex flex-wrap items-end gap-4">
              <div className="flex flex-col gap-1 text-sm font-medium">
                <label htmlFor={`${inputId}-format`}>{t("imports.format")}</label>
                <Select
                  id={`${inputId}-format`}
                  value={format}
                  disabled={busy}
                  onChange={(e) => {
                    setFormat(e.target.value as Format);
                    setMapping(null);
                    setState({ step: "choose" });
                  }}
                  data-testid="import-format"
                >
                  {FORMATS.map((f) => (
                    <option key={f} value={f}>
                      {t(`imports.format.${f}` as MessageKey)}
                    </option>
                  ))}
                </Select>
              </div>
              {CSV_FORMATS.has(format) ? (
                <>
                  <div className="flex flex-col gap-1 text-sm font-medium">
                    <label htmlFor={`${inputId}-separator`}>{t("imports.separator")}</label>
                    <Select
                      id={`${inputId}-separator`}
                      value={separator}
                      disabled={busy}
                      onChange={(e) => setSeparator(e.target.value)}
                    >
                      {["", "comma", "semicolon", "tab", "pipe"].map((s) => (
                        <option key={s} value={s}>
                          {t(`imports.separator.${s || "auto"}` as MessageKey)}
                        </option>
                      ))}
                    </Select>
                  </div>
                  <div className="flex flex-col gap-1 text-sm font-medium">
                    <label htmlFor={`${inputId}-dates`}>{t("imports.dateOrder")}</label>
                    <Select
                      id={`${inputId}-dates`}
                      value={dateOrder}
                      disabled={busy}
                      onChange={(e) => setDateOrder(e.target.value)}
                    >
                      {["", "mdy", "dmy"].map((s) => (
                        <option key={s} value={s}>
                          {t(`imports.dateOrder.${s || "auto"}` as MessageKey)}
                        </option>
                      ))}
                    </Select>
                  </div>
                </>
              ) : null}
            </div>
            {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop target; the file input's label is the keyboard way in */}
            <div
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
              data-testid="import-drop"
              className={cn(
                "flex flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed px-4 py-8 text-center text-sm",
                dragging ? "border-accent bg-accent/5" : "border-border bg-surface-2/40",
              )}
            >
              <p className="text-muted">
                {t("imports.drop")}{" "}
                <label htmlFor={inputId} className="cursor-pointer font-medium text-accent hover:underline">
                  {t("imports.choose")}
                </label>
              </p>
              <input
                id={inputId}
                ref={fileInput}
                type="file"
                className="sr-only"
                accept=".json,.csv,.txt,.zip,application/json,text/csv,application/zip"
                onChange={(e) => pick(e.target.files?.[0])}
                disabled={busy}
              />
              {file ? (
                <p className="font-medium text-text" data-testid="import-file">
                  {t("imports.chosen", { name: file.name, size: formatSize(file.size) })}
                </p>
              ) : null}
            </div>
            {format === "csv" && report?.csv && mapping ? (
              <MappingTable headers={report.csv.headers} mapping={mapping} onChange={setMapping} disabled={busy} />
            ) : null}
            <div className="flex flex-wrap gap-2">
              {state.step !== "done" ? (
                <Button
                  variant={report ? "secondary" : "primary"}
                  onClick={check}
                  disabled={!file || busy}
                  loading={state.step === "checking"}
                  data-testid="import-check"
                >
                  {report ? t("imports.checkAgain") : t("imports.check")}
                </Button>
              ) : null}
              {state.step === "report" || state.step === "importing" ? (
                <Button
                  variant="primary"
                  onClick={() => start(state.report)}
                  disabled={busy || (creates + archived === 0 && (report?.summary.every((s) => s.create === 0) ?? true))}
                  loading={state.step === "importing"}
                  data-testid="import-start"
                >
                  {t("imports.start", { count: creates + archived })}
                </Button>
              ) : null}
              {state.step === "done" || state.step === "error" || state.step === "report" ? (
                <Button variant="ghost" onClick={reset}>
                  {t("imports.reset")}
                </Button>
              ) : null}
            </div>
            {state.step === "importing" ? <ProgressBar progress={state.progress} /> : null}
            {state.step === "error" ? (
              <div
                role="alert"
                className="rounded-md border border-danger/40 bg-danger/5 px-3 py-2 text-sm"
                data-testid="import-error"
              >
                <p className="font-medium text-danger">{t("imports.errorTitle")}</p>
                <p className="mt-1 text-text">{state.message}</p>
                <p className="mt-1 text-muted">{t("imports.nothingWritten")}</p>
              </div>
            ) : null}
            {state.step === "done" ? (
              <div
                className="flex flex-wrap items-center gap-3 rounded-md border border-success/40 bg-success/5 px-3 py-2"
                data-testid="import-done"
              >
                <p className="text-sm font-medium">{t("imports.resultTitle", { project: project.name })}</p>
                <Link
                  href={`/${project.slug}`}
                  className={buttonClasses({ variant: "primary", size: "sm" })}
                  data-testid="import-open-board"
                >
                  {t("imports.openBoard")}
                </Link>
              </div>
            ) : null}
            {report && state.step !== "error" ? <ReportView report={report} done={state.step === "done"} /> : null}
          </div>
        </SectionCard>
      )}
      <SectionCard id="export" title={t("imports.exportTitle")} description={t("imports.exportHelp")}>
        <div className="mt-4 flex flex-wrap gap-2">
          {canImport ? (
            <a
              href={`/api/v1/projects/${project.slug}/export?format=zip`}
              className={buttonClasses({ variant: "secondary" })}
              download
            >
              {t("imports.exportZip")}
            </a>
          ) : null}
          <a
            href={`/api/v1/projects/${project.slug}/export?format=csv`}
            className={buttonClasses({ variant: "secondary" })}
            download
          >
            {t("imports.exportCsv")}
          </a>
        </div>
      </SectionCard>
    </div>
  );
}

function formatSize(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function ProgressBar({ progress }: { progress: Progress | null }) {
  const t = useT();
  const phase = progress?.phase ?? "reading";
  const percent =
    progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : phase === "done" ? 100 : 0;
  const label = t(`imports.progress.${phase}` as MessageKey, { done: progress?.done ?? 0, total: progress?.total ?? 0 });
  return (
    <div className="flex flex-col gap-1" data-testid="import-progress">
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={t("imports.progress")}
        className="h-2 w-full overflow-hidden rounded-full bg-surface-2"
      >
        <div className="h-full rounded-full bg-accent transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-muted" aria-live="polite">
        {label}
      </p>
    </div>
  );
}

function MappingTable({
  headers,
  mapping,
  onChange,
  disabled,
}: {
  headers: string[];
  mapping: Record<string, string>;
  onChange: (m: Record<string, string>) => void;
  disabled: boolean;
}) {
  const t = useT();
  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-border p-3">
      <legend className="px-1 text-sm font-medium">{t("imports.mappingTitle")}</legend>
      <p className="text-xs text-muted">{t("imports.mappingHelp")}</p>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {FIELDS.map((f) => (
          <div key={f} className="flex items-center justify-between gap-2 text-sm">
            <label htmlFor={`map-${f}`}>{t(`imports.field.${f}` as MessageKey)}</label>
            <Select
              id={`map-${f}`}
              className="w-44"
              value={mapping[f] ?? ""}
              disabled={disabled}
              onChange={(e) => {
                const next = { ...mapping };
                if (e.target.value) next[f] = e.target.value;
                else delete next[f];
                onChange(next);
              }}
            >
              <option value="">{t("imports.mappingNone")}</option>
              {headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </Select>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

const TH = "px-2 py-1.5 text-left text-xs font-medium uppercase tracking-wide text-muted";
const TD = "px-2 py-1.5 align-top";

function ReportView({ report, done }: { report: ImportReport; done: boolean }) {
  const t = useT();
  return (
    <div className="flex flex-col gap-5" data-testid="import-report">
      <h3 className="text-sm font-semibold">{done ? t("imports.result") : t("imports.reportTitle")}</h3>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[20rem] text-sm">
          <thead className="border-b border-border">
            <tr>
              <th className={TH}>{t("imports.what")}</th>
              <th className={cn(TH, "text-right")}>{t("imports.create")}</th>
              <th className={cn(TH, "text-right")}>{t("imports.match")}</th>
              <th className={cn(TH, "text-right")}>{t("imports.skip")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {report.summary.map((s) => (
              <tr key={s.kind} data-kind={s.kind}>
                <td className={TD}>{t(`imports.kind.${s.kind}` as MessageKey)}</td>
                <td className={cn(TD, "text-right tabular-nums")}>{s.create}</td>
                <td className={cn(TD, "text-right tabular-nums")}>{s.match}</td>
                <td className={cn(TD, "text-right tabular-nums")}>{s.skip}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.columns.length ? (
        <div className="flex flex-col gap-1">
          <h4 className="text-sm font-medium">{t("imports.columnsTitle")}</h4>
          <ul className="flex flex-col gap-1 text-sm">
            {report.columns.map((c) => (
              <li key={`${c.action}:${c.name}`} className="flex flex-wrap gap-x-2">
                <span className="font-medium">{c.name}</span>
                <span className="text-muted">
                  {t(`imports.action.${c.action}` as MessageKey)} · {t("imports.cardsIn", { count: c.cards })}
                </span>
                {c.note ? <span className="text-xs text-muted">({c.note})</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.people.length ? (
        <div className="flex flex-col gap-1">
          <h4 className="text-sm font-medium">{t("imports.peopleTitle")}</h4>
          <ul className="flex flex-col gap-1 text-sm">
            {report.people.map((p) => (
              <li key={p.person}>
                {p.person} →{" "}
                {p.username ? (
                  <span className="font-medium">{p.username}</span>
                ) : (
                  <span className="text-muted">{t("imports.noMatch")}</span>
                )}
                {p.username && p.note !== "matched" ? <span className="text-xs text-muted"> ({p.note})</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.dropped.length ? (
        <div className="flex flex-col gap-1">
          <h4 className="text-sm font-medium">{t("imports.droppedTitle")}</h4>
          <ul className="list-disc pl-5 text-sm">
            {report.dropped.map((d) => (
              <li key={`${d.what}-${d.reason}`}>
                <span className="font-medium">
                  {d.count} {d.what}
                </span>
                : {d.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.notes.length ? (
        <div className="flex flex-col gap-1">
          <h4 className="text-sm font-medium">{t("imports.notesTitle")}</h4>
          <ul className="list-disc pl-5 text-sm text-muted">
            {report.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-col gap-1">
        <h4 className="text-sm font-medium">{t("imports.cardsTitle")}</h4>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[28rem] text-sm" data-testid="import-cards">
            <thead className="border-b border-border">
              <tr>
                <th className={TH}>{t("imports.card")}</th>
                <th className={TH}>{t("imports.column")}</th>
                <th className={TH}>{t("imports.result")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {report.rows.slice(0, ROWS_SHOWN).map((r) => (
                <tr key={r.sourceId}>
                  <td className={TD}>
                    {r.url ? (
                      <Link href={r.url} className="text-accent hover:underline">
                        <span className="font-mono text-xs">{r.key}</span> {r.title}
                      </Link>
                    ) : (
                      r.title
                    )}
                  </td>
                  <td className={cn(TD, "text-muted")}>{r.where}</td>
                  <td className={cn(TD, "text-muted")}>
                    {t(`imports.action.${r.action}` as MessageKey)}
                    {r.reason ? ` · ${r.reason}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {report.rowsTotal > ROWS_SHOWN ? (
          <p className="text-xs text-muted">{t("imports.cardsMore", { count: report.rowsTotal - ROWS_SHOWN })}</p>
        ) : null}
      </div>
    </div>
  );
}
