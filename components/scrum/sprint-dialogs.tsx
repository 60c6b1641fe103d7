"use client";
// The sprint dialogs: create/edit (name, goal, dates), start (dates, commitment vs velocity) and
// complete (done vs not done, where the unfinished cards go). Each talks to the REST API itself and
// reports the answer through `onDone`.
import { type FormEvent, useEffect, useId, useState } from "react";
import type { SprintJson } from "../../lib/scrum/sprints.ts";
import { ApiError, apiJson, projectPath } from "../board/api.ts";
import { useLanguage, useT } from "../i18n-provider.tsx";
import { Button } from "../ui/button.tsx";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "../ui/dialog.tsx";
import { Field, Input, Textarea } from "../ui/input.tsx";
import { Select } from "../ui/select.tsx";
import { Spinner } from "../ui/spinner.tsx";
import { toast } from "../ui/toast.tsx";
import { countOf, daysFrom, formatDay, plusDays, todayIso } from "./format.ts";

export type SprintSummary = Pick<
  SprintJson,
  | "id"
  | "name"
  | "goal"
  | "status"
  | "startDate"
  | "endDate"
  | "cardCount"
  | "points"
  | "donePoints"
  | "doneCount"
  | "committedPoints"
>;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const sprintPath = (slug: string, id?: number) => `${projectPath(slug)}/sprints${id ? `/${id}` : ""}`;

/** The dates part of the forms: start, a duration in weeks (or custom), end. */
function DateFields({
  start,
  end,
  onChange,
  error,
  idPrefix,
}: {
  start: string;
  end: string;
  onChange: (start: string, end: string) => void;
  error?: string;
  idPrefix: string;
}) {
  const t = useT();
  const weeks = start && end ? (daysFrom(start, end) + 1) / 7 : 0;
  const duration = [1, 2, 3, 4].includes(weeks) ? String(weeks) : "custom";
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field className="sm:col-span-2" label={t("scrum.form.duration")} id={`${idPrefix}-duration`}>
        <Select
          value={duration}
          onChange={(e) => {
            const w = Number(e.target.value);
            if (w && start) onChange(start, plusDays(start, w * 7 - 1));
          }}
        >
          {[1, 2, 3, 4].map((w) => (
            <option key={w} value={String(w)}>
              {t("scrum.form.weeks", { count: w })}
            </option>
          ))}
          <option value="custom">{t("scrum.form.custom")}</option>
        </Select>
      </Field>
      <Field label={t("scrum.form.start")} id={`${idPrefix}-start`}>
        <Input
          type="date"
          value={start}
          onChange={(e) => {
            const next = e.target.value;
            onChange(next, next && duration !== "custom" ? plusDays(next, Number(duration) * 7 - 1) : end);
          }}
        />
      </Field>
      <Field label={t("scrum.form.end")} id={`${idPrefix}-end`} error={error}>
        <Input type="date" value={end} min={start || undefined} onChange={(e) => onChange(start, e.target.value)} />
      </Field>
    </div>
  );
}

/** Create a sprint, or edit one (name, goal, dates). */
export function SprintFormDialog({
  slug,
  sprint,
  open,
  onOpenChange,
  onDone,
}: {
  slug: string;
  sprint: SprintSummary | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: (sprint: SprintJson) => void;
}) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState("");
  const [goal, setGoal] = useState("");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [errors, setErrors] = useState<{ name?: string; dates?: string }>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    setName(sprint?.name ?? "");
    setGoal(sprint?.goal ?? "");
    setStart(sprint?.startDate ?? "");
    setEnd(sprint?.endDate ?? "");
    setErrors({});
  }, [open, sprint]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (sprint && !name.trim()) return setErrors({ name: t("scrum.form.error.name") });
    if (start && end && end < start) return setErrors({ dates: t("scrum.form.error.dates") });
    setBusy(true);
    try {
      const body = {
        ...(name.trim() ? { name: name.trim() } : {}),
        goal: goal.trim() || null,
        startDate: start || null,
        endDate: end || null,
      };
      const saved = await apiJson<SprintJson>(sprintPath(slug, sprint?.id), { method: sprint ? "PATCH" : "POST", body });
      onDone(saved);
      onOpenChange(false);
    } catch (err) {
      toast(t("scrum.sprint.failed", { message: messageOf(err) }), { variant: "error" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title={sprint ? t("scrum.sprint.edit") : t("scrum.sprint.create")}>
        <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" data-testid="sprint-form">
          <Field label={t("scrum.form.name")} error={errors.name} id={`${id}-name`}>
            <Input
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={191}
              autoComplete="off"
              placeholder={sprint ? undefined : "Sprint …"}
            />
          </Field>
          <Field label={t("scrum.form.goal")} hint={t("scrum.form.goalHint")} id={`${id}-goal`}>
            <Textarea value={goal} onChange={(e) => setGoal(e.target.value)} rows={2} maxLength={5000} />
          </Field>
          <DateFields
            idPrefix={id}
            start={start}
            end={end}
            error={errors.dates}
            onChange={(s, e2) => {
              setStart(s);
              setEnd(e2);
            }}
          />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="ghost">{t("common.cancel")}</Button>
            </DialogClose>
            <Button type="submit" variant="primary" loading={busy}>
              {sprint ? t("scrum.form.save") : t("scrum.form.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Start a planned sprint: dates (default: today, two weeks), goal; shows the commitment against the velocity. */
export function StartSprintDialog({
  slug,
  sprint,
  averageVelocity,
  onOpenChange,
  onDone,
}: {
  slug: string;
  sprint: SprintSummary | null;
  averageVelocity: number | null;
  onOpenChange: (open: boolean) => void;
  onDone: (sprint: SprintJson) => void;
}) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState("");
  const [goal, setGoal] = useState("");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!sprint) return;
    const s = sprint.startDate ?? todayIso();
    setName(sprint.name);
    setGoal(sprint.goal ?? "");
    setStart(s);
    setEnd(sprint.endDate ?? plusDays(s, 13));
    setError(undefined);
  }, [sprint]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!sprint) return;
    if (!start || !end) return setError(t("scrum.form.error.required"));
    if (end < start) return setError(t("scrum.form.error.dates"));
    setBusy(true);
    try {
      const started = await apiJson<SprintJson>(`${sprintPath(slug, sprint.id)}/start`, {
        method: "POST",
        body: { name: name.trim() || sprint.name, goal: goal.trim() || null, startDate: start, endDate: end },
      });
      toast(t("scrum.sprint.started", { name: started.name }), { variant: "success" });
      onDone(started);
      onOpenChange(false);
    } catch (err) {
      toast(t("scrum.sprint.failed", { message: messageOf(err) }), { variant: "error" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={sprint !== null} onOpenChange={onOpenChange}>
      {sprint ? (
        <DialogContent
          title={t("scrum.start.title", { name: sprint.name })}
          description={`${t("scrum.start.body", { cards: countOf(t, "cards", sprint.cardCount), points: countOf(t, "points", sprint.points) })}${
            averageVelocity !== null ? ` ${t("scrum.start.velocity", { points: averageVelocity })}` : ""
          }`}
        >
          <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" data-testid="start-sprint-form">
            <Field label={t("scrum.form.name")} id={`${id}-name`}>
              <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={191} autoComplete="off" />
            </Field>
            <Field label={t("scrum.form.goal")} hint={t("scrum.form.goalHint")} id={`${id}-goal`}>
              <Textarea value={goal} onChange={(e) => setGoal(e.target.value)} rows={2} maxLength={5000} />
            </Field>
            <DateFields
              idPrefix={id}
              start={start}
              end={end}
              error={error}
              onChange={(s, e2) => {
                setStart(s);
                setEnd(e2);
              }}
            />
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="ghost">{t("common.cancel")}</Button>
              </DialogClose>
              <Button type="submit" variant="primary" loading={busy}>
                {t("scrum.start.confirm")}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

/**
 * Complete the active sprint: done vs not done (fresh from the server when the dialog opens), and
 * where the unfinished cards go: the backlog, a planned sprint, or a new sprint.
 */
export function CompleteSprintDialog({
  slug,
  sprintId,
  onOpenChange,
  onDone,
}: {
  slug: string;
  sprintId: number | null;
  onOpenChange: (open: boolean) => void;
  onDone: (sprint: SprintJson) => void;
}) {
  const t = useT();
  const language = useLanguage();
  const [sprints, setSprints] = useState<SprintJson[] | null>(null);
  const [target, setTarget] = useState("backlog");
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (sprintId === null) return;
    setSprints(null);
    setTarget("backlog");
    apiJson<SprintJson[]>(`${sprintPath(slug)}?status=active,planned`).then(setSprints, (e) =>
      toast(t("scrum.sprint.failed", { message: messageOf(e) }), { variant: "error" }),
    );
  }, [sprintId, slug, t]);
  const sprint = sprints?.find((s) => s.id === sprintId) ?? null;
  const planned = sprints?.filter((s) => s.status === "planned") ?? [];
  const open = sprint ? sprint.cardCount - sprint.doneCount : 0;

  async function onConfirm() {
    if (!sprint) return;
    setBusy(true);
    try {
      const answer = await apiJson<{ sprint: SprintJson }>(`${sprintPath(slug, sprint.id)}/complete`, {
        method: "POST",
        body: { moveUnfinishedTo: target === "backlog" || target === "new" ? target : Number(target) },
      });
      toast(t("scrum.sprint.completed", { name: answer.sprint.name }), { variant: "success" });
      onDone(answer.sprint);
      onOpenChange(false);
    } catch (err) {
      toast(t("scrum.sprint.failed", { message: err instanceof ApiError ? err.message : messageOf(err) }), {
        variant: "error",
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={sprintId !== null} onOpenChange={onOpenChange}>
      {sprintId !== null ? (
        <DialogContent
          title={t("scrum.complete.title", { name: sprint?.name ?? "" })}
          description={
            sprint?.startDate && sprint.endDate
              ? t("scrum.sprint.dates", {
                  start: formatDay(sprint.startDate, language),
                  end: formatDay(sprint.endDate, language),
                })
              : undefined
          }
        >
          {!sprint ? (
            <div className="flex justify-center py-6">
              <Spinner />
            </div>
          ) : (
            <div className="flex flex-col gap-4" data-testid="complete-sprint">
              <dl className="grid grid-cols-2 gap-3">
                <div className="rounded-lg border border-success/30 bg-success-soft px-3 py-2.5">
                  <dt className="text-xs font-medium text-success">{t("scrum.complete.done")}</dt>
                  <dd className="mt-0.5 text-sm font-semibold text-text" data-testid="complete-done">
                    {t("scrum.complete.count", {
                      cards: countOf(t, "cards", sprint.doneCount),
                      points: countOf(t, "points", sprint.donePoints),
                    })}
                  </dd>
                </div>
                <div className="rounded-lg border border-border bg-surface-2 px-3 py-2.5">
                  <dt className="text-xs font-medium text-muted">{t("scrum.complete.notDone")}</dt>
                  <dd className="mt-0.5 text-sm font-semibold text-text" data-testid="complete-open">
                    {t("scrum.complete.count", {
                      cards: countOf(t, "cards", open),
                      points: countOf(t, "points", sprint.points - sprint.donePoints),
                    })}
                  </dd>
                </div>
              </dl>
              {open > 0 ? (
                <Field label={t("scrum.complete.moveTo")} id="complete-target">
                  <Select value={target} onChange={(e) => setTarget(e.target.value)}>
                    <option value="backlog">{t("scrum.complete.backlog")}</option>
                    {planned.map((s) => (
                      <option key={s.id} value={String(s.id)}>
                        {s.name}
                      </option>
                    ))}
                    <option value="new">{t("scrum.complete.newSprint")}</option>
                  </Select>
                </Field>
              ) : (
                <p className="text-sm text-muted">{t("scrum.complete.allDone")}</p>
              )}
            </div>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="ghost">{t("common.cancel")}</Button>
            </DialogClose>
            <Button variant="primary" loading={busy} disabled={!sprint} onClick={onConfirm}>
              {t("scrum.complete.confirm")}
            </Button>
          </DialogFooter>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
