"use client";

// Book or edit one entry: date, duration (1:30, 1.5h, 90m), where (project or customer), contract,
// description. The card's "Log time" opens it with the card's project, customer and the customer's
// active contract filled in, and can start the timer on the card instead.
import { type FormEvent, useEffect, useId, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { api } from "@/components/project-settings/api.ts";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog.tsx";
import { PlayIcon } from "@/components/ui/icons.tsx";
import { Field, Input, Textarea } from "@/components/ui/input.tsx";
import { Select } from "@/components/ui/select.tsx";
import { toast } from "@/components/ui/toast.tsx";
import { localIsoDate } from "@/lib/time/dates.ts";
import { formatDuration, parseDuration } from "@/lib/time/duration.ts";
import type { EntryJson } from "@/lib/time/entries.ts";
import { announceTimeChange, type BookingTargets, contractsFor, TargetSelect, targetBody } from "./shared.tsx";

export type EntryDraft = {
  id?: number;
  date?: string;
  minutes?: number;
  target?: string;
  cardKey?: string | null;
  cardTitle?: string | null;
  /** undefined: the customer's active contract (automatic); null: none. */
  contractId?: number | null;
  description?: string | null;
  /** undefined: the project's default. */
  billable?: boolean;
};

const AUTO = "auto";
const NONE = "none";

export function EntryDialog({
  open,
  onOpenChange,
  targets,
  draft,
  onSaved,
  withTimer = false,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  targets: BookingTargets | null;
  draft: EntryDraft;
  onSaved?: (entry: EntryJson) => void;
  /** Offer "Start timer" (the card's Log time). */
  withTimer?: boolean;
}) {
  const t = useT();
  const ids = useId();
  const [date, setDate] = useState("");
  const [duration, setDuration] = useState("");
  const [target, setTarget] = useState("");
  const [contract, setContract] = useState(AUTO);
  const [description, setDescription] = useState("");
  const [billable, setBillable] = useState(AUTO);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setDate(draft.date ?? localIsoDate());
    setDuration(draft.minutes ? formatDuration(draft.minutes) : "");
    setTarget(draft.target ?? "");
    setContract(draft.contractId === undefined ? AUTO : draft.contractId === null ? NONE : String(draft.contractId));
    setDescription(draft.description ?? "");
    setBillable(draft.billable === undefined ? AUTO : draft.billable ? "1" : "0");
    setErrors({});
  }, [open, draft]);

  const contracts = targets ? contractsFor(targets, target) : [];
  const cardFixed = !!draft.cardKey;
  const parsed = parseDuration(duration);

  function body() {
    return {
      date,
      description: description.trim() || null,
      ...targetBody(target),
      ...(cardFixed ? { cardKey: draft.cardKey } : draft.id ? { cardKey: null } : {}),
      ...(contract === AUTO ? {} : { contractId: contract === NONE ? null : Number(contract) }),
      ...(billable === AUTO ? {} : { billable: billable === "1" }),
    };
  }

  function showError(res: { error: { message: string; fields: string[] } }) {
    const field = res.error.fields[0] === "duration" || res.error.fields[0] === "minutes" ? "duration" : res.error.fields[0];
    if (field) setErrors({ [field]: res.error.message });
    toast(res.error.message || t("common.error.generic"), { variant: "error" });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (parsed === null || parsed <= 0) {
      setErrors({ duration: t("time.entry.durationInvalid") });
      return;
    }
    setBusy(true);
    const res = draft.id
      ? await api<EntryJson>("PATCH", `/time-entries/${draft.id}`, { ...body(), minutes: parsed })
      : await api<EntryJson>("POST", "/time-entries", { ...body(), minutes: parsed });
    setBusy(false);
    if (!res.ok) return showError(res);
    announceTimeChange();
    toast(t(draft.id ? "time.entry.updated" : "time.entry.booked", { duration: formatDuration(res.data.minutes) }), {
      variant: "success",
    });
    onSaved?.(res.data);
    onOpenChange(false);
  }

  async function startTimer() {
    setBusy(true);
    const { date: _d, ...rest } = body();
    const res = await api("POST", "/timer/start", { ...rest, date: localIsoDate() });
    setBusy(false);
    if (!res.ok) return showError(res);
    announceTimeChange();
    toast(t("time.timer.started"), { variant: "success" });
    onOpenChange(false);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={draft.id ? t("time.entry.editTitle") : t("time.entry.newTitle")}
        description={draft.cardKey ? `${draft.cardKey} · ${draft.cardTitle ?? ""}` : undefined}
      >
        <form noValidate onSubmit={submit} className="flex flex-col gap-4" data-testid="entry-form">
          <div className="grid grid-cols-2 gap-3">
            <Field label={t("time.entry.date")} id={`${ids}-date`} error={errors.date}>
              <Input type="date" value={date} required onChange={(e) => setDate(e.target.value)} />
            </Field>
            <Field
              label={t("time.entry.duration")}
              id={`${ids}-duration`}
              hint={parsed !== null && duration.trim() ? `= ${formatDuration(parsed)}` : t("time.entry.durationHint")}
              error={errors.duration}
            >
              <Input
                value={duration}
                autoFocus
                inputMode="decimal"
                placeholder="1:30"
                onChange={(e) => {
                  setDuration(e.target.value);
                  setErrors((x) => ({ ...x, duration: "" }));
                }}
              />
            </Field>
          </div>
          {cardFixed ? null : (
            <Field label={t("time.entry.target")} id={`${ids}-target`} error={errors.projectSlug ?? errors.customerSlug}>
              {targets ? (
                <TargetSelect
                  targets={targets}
                  value={target}
                  onChange={(v) => {
                    setTarget(v);
                    setContract(AUTO);
                  }}
                  className="w-full"
                />
              ) : (
                <Input disabled readOnly value={t("common.loading")} />
              )}
            </Field>
          )}
          {contracts.length > 0 || contract !== AUTO ? (
            <Field label={t("time.entry.contract")} id={`${ids}-contract`} error={errors.contractId}>
              <Select value={contract} onChange={(e) => setContract(e.target.value)} className="w-full">
                <option value={AUTO}>{t("time.entry.contractAuto")}</option>
                <option value={NONE}>{t("time.entry.contractNone")}</option>
                {contracts.map((c) => (
                  <option key={c.id} value={String(c.id)}>
                    {c.name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          <Field label={t("time.entry.billable")} id={`${ids}-billable`}>
            <Select value={billable} onChange={(e) => setBillable(e.target.value)} data-testid="entry-billable">
              <option value={AUTO}>{t("time.entry.billableDefault")}</option>
              <option value="1">{t("time.entry.billableYes")}</option>
              <option value="0">{t("time.entry.billableNo")}</option>
            </Select>
          </Field>
          <Field label={t("time.entry.description")} id={`${ids}-description`}>
            <Textarea rows={2} value={description} maxLength={5000} onChange={(e) => setDescription(e.target.value)} />
          </Field>
          {withTimer && !draft.id ? (
            <div className="flex items-center gap-3 border-t border-border pt-3 text-xs text-muted">
              <Button variant="secondary" size="sm" onClick={startTimer} disabled={busy} data-testid="entry-start-timer">
                <PlayIcon size={12} />
                {t("time.timer.startHere")}
              </Button>
              <span>{t("time.timer.startHereHint")}</span>
            </div>
          ) : null}
          <DialogFooter className="mt-1">
            <Button variant="ghost" onClick={() => onOpenChange(false)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" variant="primary" loading={busy}>
              {draft.id ? t("common.save") : t("time.entry.book")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
