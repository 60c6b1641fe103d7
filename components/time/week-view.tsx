"use client";

// The week view: days × rows (projects, or customers without a project), one editable cell per
// day and row. Type a duration (1:30, 1.5h, 90m) and press Enter or Tab; arrows move between cells,
// Escape reverts. A cell's new total is set on the server in one call (PUT /time-entries/cell).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useLanguage, useT } from "@/components/i18n-provider.tsx";
import { api } from "@/components/project-settings/api.ts";
import { PageContainer, PageHeader } from "@/components/shell/page-header.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Button, buttonClasses, IconButton } from "@/components/ui/button.tsx";
import { cn } from "@/components/ui/cn.ts";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox.tsx";
import { BarChartIcon, ChevronRightIcon, PlusIcon, XIcon } from "@/components/ui/icons.tsx";
import { Kbd } from "@/components/ui/kbd.tsx";
import { toast } from "@/components/ui/toast.tsx";
import { formatMoney } from "@/lib/billing/money.ts";
import { addDays, daysFrom, isoWeek, localIsoDate } from "@/lib/time/dates.ts";
import { formatDuration, parseDuration } from "@/lib/time/duration.ts";
import type { EntryJson } from "@/lib/time/entries.ts";
import type { getWeek } from "@/lib/time/week.ts";
import { EntryDialog, type EntryDraft } from "./entry-dialog.tsx";
import { announceTimeChange, type BookingTargets, listenTimeChanges, TargetSelect } from "./shared.tsx";

export type WeekData = Awaited<ReturnType<typeof getWeek>>;

type Row = {
  key: string;
  project: EntryJson["project"];
  customer: EntryJson["customer"];
};

const rowKeyOf = (e: { project: { id: number } | null; customer: { id: number } | null }) =>
  e.project ? `p${e.project.id}` : e.customer ? `c${e.customer.id}` : "none";

const labelOf = (r: Row, noProject: string) => r.project?.name ?? r.customer?.name ?? noProject;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function WeekView({
  initial,
  targets,
  isAdmin,
  me,
}: {
  initial: WeekData;
  targets: BookingTargets;
  isAdmin: boolean;
  /** The signed-in user's username. */
  me: string;
}) {
  const t = useT();
  const language = useLanguage();
  const router = useRouter();
  const [week, setWeek] = useState(initial);
  const [added, setAdded] = useState<Row[]>([]);
  const [dialog, setDialog] = useState<EntryDraft | null>(null);
  useEffect(() => {
    setWeek(initial);
    setAdded([]);
  }, [initial]);

  const refresh = useCallback(async () => {
    const q = new URLSearchParams({ date: week.start, user: week.user.username });
    const res = await api<WeekData>("GET", `/time-entries/week?${q}`);
    if (res.ok) setWeek(res.data);
  }, [week.start, week.user.username]);
  useEffect(() => listenTimeChanges(() => void refresh()), [refresh]);

  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (event.key !== "n" || event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented) return;
      if (isTyping(event.target) || document.querySelector("[role=dialog],[role=menu]") || !week.canEdit) return;
      event.preventDefault();
      setDialog({ date: localIsoDate() });
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [week.canEdit]);

  const days = daysFrom(week.start, week.end);
  const today = localIsoDate();
  const dayName = useMemo(() => new Intl.DateTimeFormat(language, { weekday: "short", timeZone: "UTC" }), [language]);
  const dayDate = useMemo(
    () => new Intl.DateTimeFormat(language, { day: "numeric", month: "short", timeZone: "UTC" }),
    [language],
  );
  const longDate = useMemo(
    () => new Intl.DateTimeFormat(language, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
    [language],
  );
  const longDay = useMemo(() => new Intl.DateTimeFormat(language, { dateStyle: "full", timeZone: "UTC" }), [language]);
  const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

  const noProject = t("time.week.noProject");
  const rowLabel = (r: Row) => labelOf(r, noProject);
  const rows: Row[] = useMemo(() => {
    const map = new Map<string, Row>();
    for (const e of week.entries) map.set(rowKeyOf(e), { key: rowKeyOf(e), project: e.project, customer: e.customer });
    for (const r of week.previousRows) if (!map.has(r.key)) map.set(r.key, r);
    for (const r of added) if (!map.has(r.key)) map.set(r.key, r);
    return [...map.values()].sort((a, b) => labelOf(a, noProject).localeCompare(labelOf(b, noProject)));
  }, [week, added, noProject]);

  const totals = useMemo(() => {
    const cell = new Map<string, number>();
    const day = new Map<string, number>();
    const row = new Map<string, number>();
    let all = 0;
    for (const e of week.entries) {
      const k = rowKeyOf(e);
      cell.set(`${k}|${e.date}`, (cell.get(`${k}|${e.date}`) ?? 0) + e.minutes);
      day.set(e.date, (day.get(e.date) ?? 0) + e.minutes);
      row.set(k, (row.get(k) ?? 0) + e.minutes);
      all += e.minutes;
    }
    return { cell, day, row, all };
  }, [week.entries]);

  const bookable = (r: Row) =>
    r.project
      ? targets.projects.some((p) => p.id === r.project?.id)
      : r.customer
        ? targets.customers.some((c) => c.id === r.customer?.id)
        : true;
  const locked = (date: string) => !isAdmin && week.lockCutoff !== null && date < week.lockCutoff;

  async function saveCell(row: Row, date: string, minutes: number): Promise<boolean> {
    const res = await api<{ entries: EntryJson[]; deleted: number[] }>("PUT", "/time-entries/cell", {
      date,
      projectSlug: row.project?.slug ?? null,
      customerSlug: row.project ? null : (row.customer?.slug ?? null),
      minutes,
      ...(week.user.username !== me ? { username: week.user.username } : {}),
    });
    if (!res.ok) {
      toast(res.error.message || t("common.error.generic"), { variant: "error" });
      return false;
    }
    const k = row.key;
    setWeek((w) => ({
      ...w,
      entries: [...w.entries.filter((e) => !(e.date === date && rowKeyOf(e) === k)), ...res.data.entries],
    }));
    announceTimeChange();
    return true;
  }

  const grid = useRef<HTMLTableElement>(null);
  function move(event: KeyboardEvent<HTMLInputElement>, r: number, d: number) {
    const input = event.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    const all = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    let next: [number, number] | null = null;
    if (event.key === "ArrowUp") next = [r - 1, d];
    else if (event.key === "ArrowDown") next = [r + 1, d];
    else if (event.key === "ArrowLeft" && (atStart || all)) next = [r, d - 1];
    else if (event.key === "ArrowRight" && (atEnd || all)) next = [r, d + 1];
    if (!next) return;
    const target = grid.current?.querySelector<HTMLInputElement>(`input[data-cell="${next[0]}-${next[1]}"]`);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.select();
  }

  const weekLabel = t("time.week.label", {
    week: Number(isoWeek(week.start).slice(6)),
    from: dayDate.format(at(week.start)),
    to: longDate.format(at(week.end)),
  });
  const isOther = week.user.username !== me;
  const link = (date: string) => `/time?date=${date}${isOther ? `&user=${encodeURIComponent(week.user.username)}` : ""}`;

  const entriesByDay = days.map((d) => ({ date: d, entries: week.entries.filter((e) => e.date === d) }));

  return (
    <PageContainer className="max-w-7xl">
      <PageHeader
        title={t("time.title")}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span data-testid="week-label">{weekLabel}</span>
            {isOther ? <Badge variant="accent">{week.user.username}</Badge> : null}
          </span>
        }
        actions={
          <>
            <nav aria-label={t("time.week.navigation")} className="flex items-center gap-1">
              <Link
                href={link(addDays(week.start, -7))}
                className={buttonClasses({ variant: "ghost", size: "sm" })}
                aria-label={t("time.week.previous")}
              >
                <ChevronRightIcon className="rotate-180" />
              </Link>
              <Link href={link(today)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
                {t("time.week.thisWeek")}
              </Link>
              <Link
                href={link(addDays(week.start, 7))}
                className={buttonClasses({ variant: "ghost", size: "sm" })}
                aria-label={t("time.week.next")}
              >
                <ChevronRightIcon />
              </Link>
            </nav>
            {isAdmin ? <UserSwitch current={week.user.username} start={week.start} /> : null}
            <Link href="/time/reports" className={buttonClasses({ variant: "secondary" })}>
              <BarChartIcon />
              {t("time.reports.title")}
            </Link>
            {week.canEdit ? (
              <Button
                variant="primary"
                onClick={() => setDialog({ date: today >= week.start && today <= week.end ? today : week.start })}
                aria-keyshortcuts="n"
              >
                <PlusIcon />
                {t("time.entry.new")}
                <Kbd className="ml-1 hidden border-transparent bg-accent-fg/20 text-accent-fg sm:inline-flex">N</Kbd>
              </Button>
            ) : null}
          </>
        }
      />

      <div className="mt-6 overflow-x-auto rounded-lg border border-border bg-surface shadow-sm">
        <table
          ref={grid}
          className="w-full min-w-[52rem] border-collapse text-sm"
          data-testid="week-grid"
          aria-label={t("time.week.gridLabel", { week: weekLabel })}
        >
          <thead>
            <tr className="border-b border-border text-xs text-muted">
              <th scope="col" className="px-3 py-2 text-left font-medium">
                {t("time.week.row")}
              </th>
              {days.map((d) => (
                <th key={d} scope="col" className={cn("w-24 px-1 py-2 text-center font-medium", d === today && "text-accent")}>
                  <span className="block">{dayName.format(at(d))}</span>
                  <span className="block font-normal">{dayDate.format(at(d))}</span>
                </th>
              ))}
              <th scope="col" className="w-20 px-3 py-2 text-right font-medium">
                {t("time.week.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={row.key} className="border-b border-border/70" data-row={rowLabel(row)}>
                <th scope="row" className="max-w-64 px-3 py-1.5 text-left font-normal">
                  <span className="flex items-center gap-2">
                    <span
                      aria-hidden="true"
                      className="size-2.5 shrink-0 rounded-sm"
                      style={{ background: row.project?.color ?? row.customer?.color ?? "var(--color-muted)" }}
                    />
                    <span className="min-w-0">
                      <span className="block truncate font-medium text-text">{rowLabel(row)}</span>
                      {row.project && row.customer ? (
                        <span className="block truncate text-xs text-muted">{row.customer.name}</span>
                      ) : null}
                    </span>
                  </span>
                </th>
                {days.map((d, i) => (
                  <td key={d} className={cn("px-1 py-1", d === today && "bg-accent-soft/40")}>
                    <Cell
                      value={totals.cell.get(`${row.key}|${d}`) ?? 0}
                      label={t("time.week.cellLabel", { row: rowLabel(row), day: longDay.format(at(d)) })}
                      disabled={!week.canEdit || !bookable(row) || locked(d)}
                      dataCell={`${r}-${i}`}
                      onMove={(e) => move(e, r, i)}
                      onSave={(minutes) => saveCell(row, d, minutes)}
                    />
                  </td>
                ))}
                <td className="px-3 py-1.5 text-right font-mono tabular-nums text-muted">
                  {formatDuration(totals.row.get(row.key) ?? 0)}
                </td>
              </tr>
            ))}
            {week.canEdit ? (
              <tr className="border-b border-border/70">
                <td colSpan={9} className="px-3 py-2">
                  <AddRow
                    targets={targets}
                    existing={new Set(rows.map((r) => r.key))}
                    onAdd={(row) => setAdded((a) => [...a, row])}
                  />
                </td>
              </tr>
            ) : null}
          </tbody>
          <tfoot>
            <tr className="text-sm font-medium">
              <th scope="row" className="px-3 py-2 text-left">
                {t("time.week.total")}
              </th>
              {days.map((d) => (
                <td key={d} className="px-1 py-2 text-center font-mono tabular-nums" data-testid={`day-total-${d}`}>
                  {formatDuration(totals.day.get(d) ?? 0)}
                </td>
              ))}
              <td className="px-3 py-2 text-right font-mono text-base font-semibold tabular-nums" data-testid="week-total">
                {formatDuration(totals.all)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="mt-2 text-xs text-muted">
        {t("time.week.keyboardHint")}
        {week.lockCutoff ? ` ${t("time.week.lockedHint", { date: longDay.format(at(week.lockCutoff)) })}` : ""}
      </p>

      <section className="mt-8" aria-labelledby="week-entries">
        <h2 id="week-entries" className="text-base font-semibold tracking-tight">
          {t("time.week.entries")}
        </h2>
        {week.entries.length === 0 ? (
          <p className="mt-3 rounded-lg border border-dashed border-border px-4 py-8 text-center text-sm text-muted">
            {t("time.week.empty")}
          </p>
        ) : (
          <ol className="mt-3 flex flex-col gap-4">
            {entriesByDay
              .filter((d) => d.entries.length > 0)
              .map((d) => (
                <li key={d.date}>
                  <h3 className="mb-1 flex items-baseline justify-between text-xs font-medium text-muted">
                    <span>{longDay.format(at(d.date))}</span>
                    <span className="font-mono tabular-nums">{formatDuration(totals.day.get(d.date) ?? 0)}</span>
                  </h3>
                  <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
                    {d.entries.map((e) => (
                      <EntryRow
                        key={e.id}
                        entry={e}
                        canEdit={week.canEdit && (!e.locked || isAdmin)}
                        onEdit={() =>
                          setDialog({
                            id: e.id,
                            date: e.date,
                            minutes: e.minutes,
                            target: e.project ? `p:${e.project.slug}` : e.customer ? `c:${e.customer.slug}` : "",
                            contractId: e.contract?.id ?? null,
                            description: e.description,
                            billable: e.billable,
                          })
                        }
                        onDeleted={() => {
                          setWeek((w) => ({ ...w, entries: w.entries.filter((x) => x.id !== e.id) }));
                          announceTimeChange();
                        }}
                      />
                    ))}
                  </ul>
                </li>
              ))}
          </ol>
        )}
      </section>

      <EntryDialog
        open={dialog !== null}
        onOpenChange={(open) => {
          if (!open) setDialog(null);
        }}
        targets={targets}
        draft={dialog ?? {}}
        onSaved={() => {
          void refresh();
          router.refresh();
        }}
      />
    </PageContainer>
  );
}

/** Administrators open someone else's week: a person picked from a searchable list (labelled). */
function UserSwitch({ current, start }: { current: string; start: string }) {
  const t = useT();
  const router = useRouter();
  const [users, setUsers] = useState<ComboboxOption[]>([{ value: current, label: current }]);
  useEffect(() => {
    let live = true;
    fetch("/api/v1/admin/users?status=active")
      .then((r) => (r.ok ? r.json() : null))
      .then((page: { users: { username: string; displayName?: string | null }[] } | null) => {
        if (live && page?.users) {
          setUsers(page.users.map((u) => ({ value: u.username, label: u.username, detail: u.displayName ?? undefined })));
        }
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="week-user" className="text-xs text-muted">
        {t("time.week.userLabel")}
      </label>
      <Combobox
        id="week-user"
        className="w-44"
        options={users}
        value={current}
        onChange={(user) => {
          if (user && user !== current) router.push(`/time?date=${start}&user=${encodeURIComponent(user)}`);
        }}
        aria-describedby="week-user-hint"
      />
      <span id="week-user-hint" className="sr-only">
        {t("time.week.userSwitch")}
      </span>
    </div>
  );
}

function Cell({
  value,
  label,
  disabled,
  dataCell,
  onMove,
  onSave,
}: {
  value: number;
  label: string;
  disabled: boolean;
  dataCell: string;
  onMove: (event: KeyboardEvent<HTMLInputElement>) => void;
  onSave: (minutes: number) => Promise<boolean>;
}) {
  const shown = value ? formatDuration(value) : "";
  const [text, setText] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setText(shown);
    setInvalid(false);
  }, [shown]);

  async function commit() {
    if (text.trim() === shown) return;
    const minutes = text.trim() === "" ? 0 : parseDuration(text);
    if (minutes === null) {
      setInvalid(true);
      return;
    }
    if (minutes === value) {
      setText(shown);
      return;
    }
    setBusy(true);
    const ok = await onSave(minutes);
    setBusy(false);
    setInvalid(!ok);
    if (!ok) setText(text);
  }

  return (
    <input
      type="text"
      inputMode="decimal"
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-busy={busy || undefined}
      data-cell={dataCell}
      disabled={disabled}
      value={text}
      placeholder={disabled ? "" : "–"}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => {
        setText(e.target.value);
        setInvalid(false);
      }}
      onBlur={() => void commit()}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          void commit();
          return;
        }
        if (e.key === "Escape") {
          setText(shown);
          setInvalid(false);
          return;
        }
        onMove(e);
      }}
      className={cn(
        "h-8 w-full rounded-md border border-transparent bg-transparent px-1 text-center font-mono text-sm tabular-nums text-text placeholder:text-muted/40 hover:border-border focus:border-accent focus:bg-surface focus:outline-none focus:ring-3 focus:ring-ring/30 disabled:cursor-not-allowed disabled:opacity-60",
        invalid && "border-danger",
        busy && "opacity-60",
        value > 0 && "font-medium",
      )}
    />
  );
}

function AddRow({ targets, existing, onAdd }: { targets: BookingTargets; existing: Set<string>; onAdd: (row: Row) => void }) {
  const t = useT();
  const [value, setValue] = useState("");
  const available: BookingTargets = {
    projects: targets.projects.filter((p) => !existing.has(`p${p.id}`)),
    customers: targets.customers.filter((c) => !existing.has(`c${c.id}`)),
  };
  if (available.projects.length + available.customers.length === 0) return null;
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="week-add-row" className="text-xs text-muted">
        {t("time.week.addRow")}
      </label>
      <TargetSelect
        id="week-add-row"
        targets={available}
        value={value}
        allowNone
        noneLabel={t("time.week.chooseRow")}
        className="h-8 max-w-80 text-[13px]"
        onChange={(v) => {
          setValue("");
          if (v.startsWith("p:")) {
            const p = targets.projects.find((x) => `p:${x.slug}` === v);
            if (p)
              onAdd({
                key: `p${p.id}`,
                project: { id: p.id, slug: p.slug, key: p.key, name: p.name, color: p.color },
                customer: p.customer,
              });
          } else if (v.startsWith("c:")) {
            const c = targets.customers.find((x) => `c:${x.slug}` === v);
            if (c) onAdd({ key: `c${c.id}`, project: null, customer: { id: c.id, slug: c.slug, name: c.name, color: c.color } });
          }
        }}
      />
    </div>
  );
}

function EntryRow({
  entry: e,
  canEdit,
  onEdit,
  onDeleted,
}: {
  entry: EntryJson;
  canEdit: boolean;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  async function remove() {
    if (!window.confirm(t("time.entry.deleteConfirm", { duration: formatDuration(e.minutes) }))) return;
    const res = await api("DELETE", `/time-entries/${e.id}`);
    if (res.ok) onDeleted();
    else toast(res.error.message || t("common.error.generic"), { variant: "error" });
  }
  const where = [e.customer?.name, e.project?.name].filter(Boolean).join(" · ") || t("time.week.noProject");
  return (
    <li className="flex items-center gap-3 px-3 py-2 text-[13px]" data-testid="time-entry">
      <span className="w-12 shrink-0 text-right font-mono font-medium tabular-nums">{formatDuration(e.minutes)}</span>
      <span className="min-w-0 flex-1">
        <span className="block truncate">
          {e.card ? <span className="mr-1.5 font-mono text-xs text-muted">{e.card.key}</span> : null}
          {e.description || e.card?.title || <span className="text-muted">{t("time.entry.noDescription")}</span>}
        </span>
        <span className="block truncate text-xs text-muted">
          {where}
          {e.contract ? ` · ${e.contract.name}` : ""}
        </span>
      </span>
      <span className="w-20 shrink-0 text-right font-mono text-xs tabular-nums text-muted" data-testid="entry-amount">
        {e.billable && e.currency
          ? formatMoney(e.amountMinor, e.currency, language)
          : e.billable
            ? ""
            : t("time.entry.notBillable")}
      </span>
      {e.invoiceId ? <Badge variant="accent">{t("time.entry.invoiced")}</Badge> : null}
      {e.locked ? <Badge variant="neutral">{t("time.entry.locked")}</Badge> : null}
      {canEdit ? (
        <span className="flex shrink-0 gap-1">
          <Button size="sm" variant="ghost" onClick={onEdit}>
            {t("common.edit")}
          </Button>
          <IconButton size="sm" label={t("time.entry.delete")} onClick={remove}>
            <XIcon size={14} />
          </IconButton>
        </span>
      ) : null}
    </li>
  );
}
