"use client";

import { useId, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { Button } from "@/components/ui/button.tsx";
import { cn } from "@/components/ui/cn.ts";
import { Textarea } from "@/components/ui/input.tsx";
import { Markdown } from "./markdown.tsx";

/** Markdown text with Write / Preview tabs. Also used for comments. */
export function MarkdownEditor({
  value,
  onChange,
  label,
  placeholder,
  rows = 6,
  autoFocus,
}: {
  value: string;
  onChange: (v: string) => void;
  label: string;
  placeholder?: string;
  rows?: number;
  autoFocus?: boolean;
}) {
  const t = useT();
  const id = useId();
  const [tab, setTab] = useState<"write" | "preview">("write");
  const tabs = ["write", "preview"] as const;
  return (
    <div className="rounded-md border border-border bg-surface">
      <div role="tablist" aria-label={label} className="flex gap-1 border-b border-border px-1.5 pt-1.5">
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${id}-${name}-tab`}
            aria-selected={tab === name}
            aria-controls={`${id}-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
                const next = tab === "write" ? "preview" : "write";
                setTab(next);
                document.getElementById(`${id}-${next}-tab`)?.focus();
              }
            }}
            className={cn(
              "-mb-px rounded-t-md border border-transparent px-2.5 py-1 text-xs font-medium text-muted hover:text-text",
              tab === name && "border-border border-b-surface bg-surface text-text",
            )}
          >
            {t(name === "write" ? "card.write" : "card.preview")}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-${tab}`} aria-labelledby={`${id}-${tab}-tab`} className="p-2">
        {tab === "write" ? (
          <>
            <Textarea
              aria-label={label}
              value={value}
              rows={rows}
              placeholder={placeholder}
              autoFocus={autoFocus}
              maxLength={100_000}
              onChange={(e) => onChange(e.target.value)}
              className="border-0 font-mono text-[13px] shadow-none focus-visible:ring-0"
            />
            <p className="mt-1 px-1 text-[11px] text-muted">{t("card.markdownHint")}</p>
          </>
        ) : value.trim() ? (
          <Markdown source={value} className="min-h-16 px-1 py-1" />
        ) : (
          <p className="min-h-16 px-1 py-1 text-sm text-muted">{t("card.nothingToPreview")}</p>
        )}
      </div>
    </div>
  );
}

export function DescriptionEditor({
  value,
  version,
  canEdit,
  onSave,
}: {
  value: string;
  version: number;
  canEdit: boolean;
  onSave: (v: string, version: number) => Promise<boolean>;
}) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [base, setBase] = useState(version);
  const [draft, setDraft] = useState(value);
  const [busy, setBusy] = useState(false);
  if (!editing) {
    return (
      <div>
        {value ? <Markdown source={value} /> : <p className="text-sm text-muted">{t("card.noDescription")}</p>}
        {canEdit ? (
          <Button
            size="sm"
            variant="secondary"
            className="mt-2"
            onClick={() => {
              setDraft(value);
              setBase(version);
              setEditing(true);
            }}
          >
            {t("card.edit")}
          </Button>
        ) : null}
      </div>
    );
  }
  return (
    <div>
      <MarkdownEditor value={draft} onChange={setDraft} label={t("card.description")} autoFocus rows={8} />
      <div className="mt-2 flex gap-2">
        <Button
          variant="primary"
          size="sm"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            await onSave(draft.trim(), base);
            setBusy(false);
            setEditing(false);
          }}
        >
          {t("card.save")}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
          {t("card.cancel")}
        </Button>
      </div>
    </div>
  );
}
