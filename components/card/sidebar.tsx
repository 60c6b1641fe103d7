"use client";

import { useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { LogTimeButton } from "@/components/time/log-time-button.tsx";
import { Avatar } from "@/components/ui/avatar.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover.tsx";
import { toast } from "@/components/ui/toast.tsx";
import type { CardDetail } from "@/lib/boards/card-detail.ts";
import { cardApi, labelsPath } from "./api.ts";
import type { CardPatch, Label } from "./card-detail-view.tsx";
import { useDateFormat } from "./format.ts";

const PRIORITIES = ["low", "medium", "high", "critical"] as const;
const TYPES: string[] = ["task", "bug", "feature", "story", "chore"] satisfies CardType[];
type CardType = "task" | "bug" | "feature" | "story" | "chore";

function Row({ label, htmlFor, children }: { label: string; htmlFor?: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_minmax(0,1fr)] items-center gap-2 py-1.5">
      {htmlFor ? (
        <label htmlFor={htmlFor} className="text-[13px] text-muted">
          {label}
        </label>
      ) : (
        <span className="text-[13px] text-muted">{label}</span>
      )}
      <div className="min-w-0 text-[13px] text-text">{children}</div>
    </div>
  );
}

const SELECT = "h-7 w-full rounded-md border border-border bg-surface px-2 text-xs text-text disabled:opacity-70";

export function Sidebar({
  detail,
  canEdit,
  labels,
  onLabelsChange,
  onSave,
  onDelete,
}: {
  detail: CardDetail;
  canEdit: boolean;
  labels: Label[];
  onLabelsChange: (labels: Label[]) => void;
  onSave: (patch: CardPatch) => Promise<boolean>;
  onDelete?: () => void;
}) {
  const t = useT();
  const date = useDateFormat();
  const card = detail.card;
  const column = detail.columns.find((c) => c.id === card.columnId);
  const none = <span className="text-muted">{t("card.none")}</span>;
  const types = TYPES.includes(card.type) ? TYPES : [...TYPES, card.type];
  return (
    <aside className="h-fit rounded-xl border border-border bg-surface px-4 py-3 shadow-sm" aria-label={t("card.details")}>
      <Row label={t("card.column")}>{column?.name ?? none}</Row>
      <Row label={t("card.priority")} htmlFor="card-priority">
        <select
          id="card-priority"
          className={SELECT}
          disabled={!canEdit}
          value={card.priority}
          onChange={(e) => onSave({ priority: e.target.value })}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`card.priority.${p}`)}
            </option>
          ))}
        </select>
      </Row>
      <Row label={t("card.type")} htmlFor="card-type">
        <select
          id="card-type"
          className={SELECT}
          disabled={!canEdit}
          value={card.type}
          onChange={(e) => onSave({ type: e.target.value })}
        >
          {types.map((ty) => (
            <option key={ty} value={ty}>
              {/* A type the API set outside the five known ones is shown as it is. */}
              {TYPES.includes(ty) ? t(`card.type.${ty as CardType}`) : ty}
            </option>
          ))}
        </select>
      </Row>
      <Row label={t("card.dueDate")} htmlFor="card-due">
        <Input
          id="card-due"
          type="date"
          size="sm"
          disabled={!canEdit}
          defaultValue={card.dueDate ?? ""}
          key={`due-${card.version}`}
          onBlur={(e) => {
            const v = e.target.value || null;
            if (v !== card.dueDate) void onSave({ dueDate: v });
          }}
        />
      </Row>
      <Row label={t("card.estimate")} htmlFor="card-estimate">
        <NumberField
          id="card-estimate"
          value={card.estimateHours}
          step={0.25}
          disabled={!canEdit}
          version={card.version}
          onSave={(v) => onSave({ estimateHours: v })}
        />
      </Row>
      {detail.project.type === "scrum" ? (
        <Row label={t("card.sprint")}>
          <a href={`/${detail.project.slug}/backlog`} className="text-accent hover:underline" data-testid="card-sprint">
            {detail.sprint?.name ?? t("scrum.backlog.heading")}
          </a>
        </Row>
      ) : null}
      {detail.project.type === "scrum" ? (
        <Row label={t("card.storyPoints")} htmlFor="card-points">
          <NumberField
            id="card-points"
            value={card.storyPoints}
            step={1}
            disabled={!canEdit}
            version={card.version}
            onSave={(v) => onSave({ storyPoints: Math.round(v) })}
          />
        </Row>
      ) : null}
      <Row label={t("card.assignees")}>
        <div className="flex flex-wrap items-center gap-1">
          {card.assignees.length
            ? card.assignees.map((a) => (
                <span key={a.id} className="inline-flex max-w-full items-center gap-1">
                  <Avatar username={a.username} size="xs" decorative />
                  <span className="truncate">{a.username}</span>
                </span>
              ))
            : none}
          {canEdit ? (
            <Picker
              label={t("card.editAssignees")}
              options={detail.people.map((p) => ({ value: p.username, label: p.username }))}
              selected={card.assignees.map((a) => a.username)}
              onChange={(assignees) => onSave({ assignees })}
            />
          ) : null}
        </div>
      </Row>
      <Row label={t("card.labels")}>
        <div className="flex flex-wrap items-center gap-1">
          {card.labels.length ? card.labels.map((l) => <LabelChip key={l.id} label={l} />) : none}
          {canEdit ? (
            <Picker
              label={t("card.editLabels")}
              options={labels.map((l) => ({ value: l.name, label: l.name, color: l.color }))}
              selected={card.labels.map((l) => l.name)}
              onChange={(names) => onSave({ labels: names })}
              onCreate={async (name) => {
                try {
                  const label = await cardApi<Label>(labelsPath(detail.project.slug), { method: "POST", body: { name } });
                  onLabelsChange([...labels, label].sort((a, b) => a.name.localeCompare(b.name)));
                  return true;
                } catch (e) {
                  toast(t("card.failed", { message: (e as Error).message }), { variant: "error" });
                  return false;
                }
              }}
            />
          ) : null}
        </div>
      </Row>
      {canEdit ? <LogTimeButton projectSlug={detail.project.slug} cardKey={card.key} cardTitle={card.title} /> : null}
      <div className="mt-2 border-t border-border pt-2 text-xs text-muted">
        <p>
          {date(card.createdAt)} · v{card.version}
        </p>
      </div>
      {onDelete ? (
        <Button variant="danger" size="sm" className="mt-3 w-full" onClick={onDelete}>
          {t("card.deleteCard")}
        </Button>
      ) : null}
    </aside>
  );
}

export function LabelChip({ label }: { label: Label }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full border border-border px-1.5 py-px text-[11px] text-text">
      <span className="size-2 rounded-full" style={{ backgroundColor: label.color }} aria-hidden="true" />
      {label.name}
    </span>
  );
}

function NumberField({
  id,
  value,
  step,
  disabled,
  version,
  onSave,
}: {
  id: string;
  value: number;
  step: number;
  disabled: boolean;
  version: number;
  onSave: (v: number) => void;
}) {
  return (
    <Input
      id={id}
      key={`${id}-${version}`}
      type="number"
      size="sm"
      min={0}
      step={step}
      disabled={disabled}
      defaultValue={value || ""}
      onBlur={(e) => {
        const v = e.target.value === "" ? 0 : Number(e.target.value);
        if (Number.isFinite(v) && v >= 0 && v !== value) onSave(v);
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter") (e.target as HTMLInputElement).blur();
      }}
    />
  );
}

/** A popover with checkboxes (and, for labels, "create" from the filter text). Applies on close. */
function Picker({
  label,
  options,
  selected,
  onChange,
  onCreate,
}: {
  label: string;
  options: { value: string; label: string; color?: string }[];
  selected: string[];
  onChange: (values: string[]) => void;
  onCreate?: (name: string) => Promise<boolean>;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>(selected);
  const [filter, setFilter] = useState("");
  const visible = options.filter((o) => o.label.toLowerCase().includes(filter.trim().toLowerCase()));
  const exact = options.some((o) => o.value.toLowerCase() === filter.trim().toLowerCase());
  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        if (next) {
          setChosen(selected);
          setFilter("");
        } else {
          const a = [...chosen].sort().join("\n");
          if (a !== [...selected].sort().join("\n")) onChange(chosen);
        }
        setOpen(next);
      }}
    >
      <PopoverTrigger asChild>
        <Button size="sm" variant="ghost" className="h-6 px-1.5 text-muted">
          {label}
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-64 p-2">
        <Input
          size="sm"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          aria-label={label}
          placeholder={onCreate ? t("card.newLabel") : label}
        />
        <ul className="mt-2 max-h-60 overflow-y-auto" aria-label={label}>
          {visible.map((o) => (
            <li key={o.value}>
              <label className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-surface-2">
                <input
                  type="checkbox"
                  checked={chosen.includes(o.value)}
                  onChange={(e) => setChosen((c) => (e.target.checked ? [...c, o.value] : c.filter((x) => x !== o.value)))}
                />
                {o.color ? (
                  <span className="size-2.5 rounded-full" style={{ backgroundColor: o.color }} aria-hidden="true" />
                ) : null}
                <span className="truncate">{o.label}</span>
              </label>
            </li>
          ))}
        </ul>
        {onCreate && filter.trim() && !exact ? (
          <Button
            size="sm"
            variant="secondary"
            className="mt-2 w-full"
            onClick={async () => {
              const name = filter.trim();
              if (await onCreate(name)) {
                setChosen((c) => [...c, name]);
                setFilter("");
              }
            }}
          >
            {t("card.createLabel", { name: filter.trim() })}
          </Button>
        ) : null}
      </PopoverContent>
    </Popover>
  );
}
