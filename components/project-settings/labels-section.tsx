"use client";

// The project's labels: list with colour and usage, create, rename, recolour, delete. Members and
// admins manage them (as on cards, where members create labels on the fly); viewers only read.
import { useRouter } from "next/navigation";
import { type FormEvent, type KeyboardEvent, useEffect, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog.tsx";
import { Field, Input } from "@/components/ui/input.tsx";
import { toast } from "@/components/ui/toast.tsx";
import { LABEL_COLORS } from "@/lib/boards/label-colors.ts";
import { api, projectPath } from "./api.ts";
import { ColourSwatch, Section, useErrorToast, useSynced } from "./parts.tsx";

export type SettingsLabel = { id: number; name: string; color: string; cardCount: number };
type LabelValues = { name: string; color: string };
type LabelErrors = Partial<Record<keyof LabelValues, string>>;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** `#abc`, `abc`, `#AABBCC` → `#aabbcc`; anything else → null. */
export function normaliseHex(text: string): string | null {
  const raw = text.trim().replace(/^#/, "").toLowerCase();
  if (/^[0-9a-f]{3}$/.test(raw)) return `#${[...raw].map((c) => c + c).join("")}`;
  return /^[0-9a-f]{6}$/.test(raw) ? `#${raw}` : null;
}

export function LabelsSection({ slug, labels, canEdit }: { slug: string; labels: SettingsLabel[]; canEdit: boolean }) {
  const t = useT();
  const router = useRouter();
  const showError = useErrorToast();
  const [list, setList] = useSynced(labels);
  const [editing, setEditing] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<SettingsLabel | null>(null);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [focusAfterEdit, setFocusAfterEdit] = useState<number | null>(null);
  const base = `${projectPath(slug)}/labels`;

  useEffect(() => {
    if (focusAfterEdit !== null) document.getElementById(`label-edit-${focusAfterEdit}`)?.focus();
  }, [focusAfterEdit]);

  /** Field errors the server's answer maps to, or null when it is not about a field. */
  function fieldErrors(code: string, fields: string[]): LabelErrors | null {
    if (code === "conflict") return { name: t("projects.settings.error.labelTaken") };
    if (fields.includes("name")) return { name: t("projects.settings.error.labelName") };
    if (fields.includes("color")) return { color: t("projects.settings.error.labelColor") };
    return null;
  }

  async function onCreate(values: LabelValues): Promise<LabelErrors | null> {
    const res = await api<Omit<SettingsLabel, "cardCount">>("POST", base, values);
    if (res.ok) {
      setList((l) => [...l.filter((x) => x.id !== res.data.id), { ...res.data, cardCount: 0 }].sort(byName));
      toast(t("projects.settings.labelAdded", { name: res.data.name }), { variant: "success" });
      setFormKey((k) => k + 1);
      router.refresh();
      return null;
    }
    const errors = fieldErrors(res.error.code, res.error.fields);
    if (!errors) showError(res.error);
    return errors;
  }

  async function onUpdate(label: SettingsLabel, values: LabelValues): Promise<LabelErrors | null> {
    const changes: Partial<LabelValues> = {};
    if (values.name !== label.name) changes.name = values.name;
    if (values.color !== label.color) changes.color = values.color;
    if (Object.keys(changes).length === 0) {
      closeEditor(label.id);
      return null;
    }
    const res = await api<Omit<SettingsLabel, "cardCount">>("PATCH", `${base}/${label.id}`, changes);
    if (res.ok) {
      setList((l) => l.map((x) => (x.id === label.id ? { ...x, ...res.data } : x)).sort(byName));
      toast(t("projects.settings.labelSaved", { name: res.data.name }), { variant: "success" });
      closeEditor(label.id);
      router.refresh();
      return null;
    }
    const errors = fieldErrors(res.error.code, res.error.fields);
    if (!errors) showError(res.error);
    return errors;
  }

  function closeEditor(id: number) {
    setEditing(null);
    setFocusAfterEdit(id);
  }

  async function askDelete(label: SettingsLabel) {
    setDeleting(label);
    // The count in the question should be today's, not the one from when the page loaded.
    const res = await api<SettingsLabel[]>("GET", base);
    if (res.ok) {
      setList(res.data);
      const fresh = res.data.find((x) => x.id === label.id);
      setDeleting((d) => (d?.id === label.id ? (fresh ?? null) : d));
    }
  }

  async function onDelete(label: SettingsLabel) {
    setBusy(true);
    const res = await api("DELETE", `${base}/${label.id}`);
    setBusy(false);
    setDeleting(null);
    if (res.ok || res.error.code === "not_found") {
      setList((l) => l.filter((x) => x.id !== label.id));
      if (res.ok) toast(t("projects.settings.labelDeleted", { name: label.name }), { variant: "success" });
      else showError(res.error);
      router.refresh();
    } else showError(res.error);
  }

  const usage = (n: number) =>
    n === 0 ? t("projects.settings.labelCardsNone") : t("projects.settings.labelCards", { count: n });

  return (
    <Section id="settings-labels" title={t("projects.settings.labels")} description={t("projects.settings.labelsHint")}>
      {canEdit ? (
        <LabelForm
          key={formKey}
          idPrefix="label-new"
          initial={{ name: "", color: LABEL_COLORS[list.length % LABEL_COLORS.length] }}
          submitLabel={t("projects.settings.addLabel")}
          onSubmit={onCreate}
        />
      ) : null}
      {list.length === 0 ? (
        <p className="text-sm text-muted">{t("projects.settings.noLabels")}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-border" aria-label={t("projects.settings.labels")}>
          {list.map((label) =>
            editing === label.id ? (
              <li key={label.id} className="py-3" data-label={label.name}>
                <LabelForm
                  idPrefix={`label-${label.id}`}
                  initial={{ name: label.name, color: label.color }}
                  submitLabel={t("common.save")}
                  onSubmit={(values) => onUpdate(label, values)}
                  onCancel={() => closeEditor(label.id)}
                  autoFocus
                />
              </li>
            ) : (
              <li key={label.id} className="flex items-center gap-3 py-2 text-sm" data-label={label.name}>
                <span className="flex min-w-0 flex-1 items-center gap-3">
                  <LabelChip label={label} />
                  <span className="shrink-0 text-xs text-muted">{usage(label.cardCount)}</span>
                </span>
                {canEdit ? (
                  <span className="flex shrink-0 gap-1">
                    <Button id={`label-edit-${label.id}`} variant="ghost" size="sm" onClick={() => setEditing(label.id)}>
                      {t("projects.settings.editLabel")}
                      <span className="sr-only"> {label.name}</span>
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => askDelete(label)}>
                      {t("projects.settings.deleteLabel")}
                      <span className="sr-only"> {label.name}</span>
                    </Button>
                  </span>
                ) : null}
              </li>
            ),
          )}
        </ul>
      )}
      <Dialog open={deleting !== null} onOpenChange={(open) => !open && setDeleting(null)}>
        {deleting ? (
          <DialogContent
            size="sm"
            title={t("projects.settings.deleteLabelTitle", { name: deleting.name })}
            description={
              deleting.cardCount === 0
                ? t("projects.settings.deleteLabelBodyNone")
                : t("projects.settings.deleteLabelBody", { count: deleting.cardCount })
            }
          >
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="ghost">{t("common.cancel")}</Button>
              </DialogClose>
              <Button variant="danger" loading={busy} onClick={() => onDelete(deleting)}>
                {t("projects.settings.deleteLabel")}
              </Button>
            </DialogFooter>
          </DialogContent>
        ) : null}
      </Dialog>
    </Section>
  );
}

export function LabelChip({ label }: { label: { name: string; color: string } }) {
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5 rounded-full border border-border px-2 py-0.5 text-[13px] text-text">
      <span className="size-2.5 shrink-0 rounded-full" style={{ backgroundColor: label.color }} aria-hidden="true" />
      <span className="truncate">{label.name}</span>
    </span>
  );
}

/** Name and colour (a palette swatch or any hex value) of a new or an edited label. */
function LabelForm({
  idPrefix,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  autoFocus,
}: {
  idPrefix: string;
  initial: LabelValues;
  submitLabel: string;
  onSubmit: (values: LabelValues) => Promise<LabelErrors | null>;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const t = useT();
  const [name, setName] = useState(initial.name);
  const [hex, setHex] = useState(initial.color);
  const [errors, setErrors] = useState<LabelErrors>({});
  const [busy, setBusy] = useState(false);
  const color = normaliseHex(hex);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: LabelErrors = {};
    if (!name.trim() || name.trim().length > 64) next.name = t("projects.settings.error.labelName");
    if (!color) next.color = t("projects.settings.error.labelColor");
    setErrors(next);
    if (next.name || !color) {
      document.getElementById(`${idPrefix}-${next.name ? "name" : "color"}`)?.focus();
      return;
    }
    setBusy(true);
    const failed = await onSubmit({ name: name.trim(), color });
    setBusy(false);
    if (failed) {
      setErrors(failed);
      document.getElementById(`${idPrefix}-${failed.name ? "name" : "color"}`)?.focus();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Escape" && onCancel) {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form
      noValidate
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-label={onCancel ? t("projects.settings.editLabelOf", { name: initial.name }) : t("projects.settings.newLabel")}
      className={
        onCancel ? "flex flex-col gap-3 rounded-md bg-surface-2 p-3" : "mb-2 flex flex-col gap-3 border-b border-border pb-5"
      }
    >
      <div className="flex flex-wrap items-start gap-x-4 gap-y-3">
        <Field label={t("projects.settings.labelName")} error={errors.name} id={`${idPrefix}-name`} className="min-w-48 flex-1">
          <Input
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setErrors((x) => ({ ...x, name: undefined }));
            }}
            maxLength={64}
            autoComplete="off"
            placeholder={t("projects.settings.labelNamePlaceholder")}
            autoFocus={autoFocus}
          />
        </Field>
        <Field label={t("projects.settings.labelHex")} error={errors.color} id={`${idPrefix}-color`} className="w-36">
          <Input
            value={hex}
            onChange={(e) => {
              setHex(e.target.value);
              setErrors((x) => ({ ...x, color: undefined }));
            }}
            maxLength={7}
            spellCheck={false}
            autoComplete="off"
            className="font-mono"
          />
        </Field>
      </div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <fieldset>
          <legend className="mb-1.5 text-[13px] font-medium">{t("projects.settings.labelColor")}</legend>
          <div className="flex flex-wrap items-center gap-1.5">
            {LABEL_COLORS.map((c) => (
              <ColourSwatch
                key={c}
                group={`${idPrefix}-palette`}
                value={c}
                label={c}
                checked={color === c}
                onSelect={() => setHex(c)}
              />
            ))}
            <span className="ml-2 flex items-center gap-2 text-xs text-muted" aria-hidden="true">
              {name.trim() ? (
                <>
                  {t("projects.settings.labelPreview")}
                  <LabelChip label={{ name: name.trim(), color: color ?? "transparent" }} />
                </>
              ) : null}
            </span>
          </div>
        </fieldset>
        <div className="flex gap-2">
          {onCancel ? (
            <Button type="button" variant="ghost" onClick={onCancel}>
              {t("common.cancel")}
            </Button>
          ) : null}
          <Button type="submit" variant={onCancel ? "primary" : "secondary"} loading={busy}>
            {submitLabel}
          </Button>
        </div>
      </div>
    </form>
  );
}
