"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { type KeyboardEvent, useId, useMemo, useRef, useState } from "react";
import { useT } from "../i18n-provider.tsx";
import { Button } from "../ui/button.tsx";
import { cn } from "../ui/cn.ts";
import { PlusIcon } from "../ui/icons.tsx";
import { SortableCard } from "./board-card.tsx";
import { type BoardCard, type BoardColumn as Column, columnDropId } from "./board-state.ts";

function AddCard({ onCreate, columnName }: { onCreate: (title: string) => Promise<boolean>; columnName: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();

  const submit = async () => {
    const text = title.trim();
    if (!text || busy) return;
    setBusy(true);
    const ok = await onCreate(text);
    setBusy(false);
    if (ok) setTitle("");
    input.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    } else if (e.key === "Escape") {
      e.preventDefault();
      setOpen(false);
      setTitle("");
    }
  };

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="flex h-8 w-full items-center gap-1.5 rounded-md px-2 text-[13px] text-muted transition-colors hover:bg-surface hover:text-text"
      >
        <PlusIcon size={14} />
        {t("board.addCard")}
      </button>
    );
  }
  return (
    <div className="rounded-lg border border-accent/60 bg-surface p-2 shadow-sm">
      <textarea
        ref={input}
        // biome-ignore lint/a11y/noAutofocus: the user just asked for this input.
        autoFocus
        rows={2}
        value={title}
        maxLength={191}
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (!title.trim() && !busy) setOpen(false);
        }}
        placeholder={t("board.addCardPlaceholder")}
        aria-label={`${t("board.addCard")}: ${columnName}`}
        aria-describedby={hintId}
        aria-busy={busy || undefined}
        className="block w-full resize-none bg-transparent text-[13px] leading-snug text-text outline-none placeholder:text-muted/70"
      />
      <p id={hintId} className="mt-1 text-[11px] text-muted">
        {t("board.addCardHint")}
      </p>
    </div>
  );
}

export function BoardColumn({
  column,
  onOpenCard,
  onCreateCard,
}: {
  column: Column;
  onOpenCard: (card: BoardCard) => void;
  onCreateCard: (columnId: number, title: string) => Promise<boolean>;
}) {
  const t = useT();
  const { setNodeRef, isOver } = useDroppable({ id: columnDropId(column.id), data: { type: "column", columnId: column.id } });
  const items = useMemo(() => column.cards.map((c) => c.key), [column.cards]);
  const count = column.cards.length;
  const hasLimit = column.wipLimit > 0;
  const isOverLimit = hasLimit && count > column.wipLimit;
  const isAtLimit = hasLimit && count === column.wipLimit;
  const headingId = useId();

  return (
    <section
      aria-labelledby={headingId}
      data-column-id={column.id}
      data-column-name={column.name}
      className="flex max-h-full w-[284px] shrink-0 flex-col rounded-xl bg-surface-2/70"
    >
      <header className="flex items-center gap-2 px-3 pt-2.5 pb-2">
        <span
          aria-hidden="true"
          className="size-2 shrink-0 rounded-full"
          style={{ backgroundColor: column.color ?? "var(--color-muted)", opacity: column.color ? 1 : 0.5 }}
        />
        <h2 id={headingId} className="min-w-0 truncate text-[13px] font-semibold text-text">
          {column.name}
        </h2>
        {hasLimit ? (
          <span
            title={isOverLimit ? t("board.wipOver", { limit: column.wipLimit }) : undefined}
            className={cn(
              "rounded-full px-1.5 text-[11px] font-medium tabular-nums",
              isOverLimit ? "bg-warning-soft text-warning" : isAtLimit ? "text-warning" : "text-muted",
            )}
            data-testid="wip"
          >
            {t("board.wip", { count, limit: column.wipLimit })}
          </span>
        ) : (
          <span className="text-[11px] text-muted tabular-nums" title={t("board.cardCount", { count })}>
            {count}
          </span>
        )}
      </header>
      <SortableContext id={columnDropId(column.id)} items={items} strategy={verticalListSortingStrategy}>
        <ol
          ref={setNodeRef}
          aria-label={column.name}
          className={cn(
            "flex min-h-10 flex-1 flex-col gap-1.5 overflow-y-auto px-2 pb-1 transition-colors",
            isOver && count === 0 && "rounded-lg bg-accent-soft/60",
          )}
        >
          {column.cards.map((card) => (
            <SortableCard key={card.id} card={card} columnId={column.id} onOpen={onOpenCard} />
          ))}
        </ol>
      </SortableContext>
      <div className="px-2 pt-0.5 pb-2">
        <AddCard columnName={column.name} onCreate={(title) => onCreateCard(column.id, title)} />
      </div>
    </section>
  );
}

export function AddColumn({ onCreate }: { onCreate: (name: string) => Promise<boolean> }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const text = name.trim();
    if (!text || busy) return;
    setBusy(true);
    const ok = await onCreate(text);
    setBusy(false);
    if (ok) {
      setName("");
      setOpen(false);
    }
  };
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="flex h-10 w-[240px] shrink-0 items-center gap-1.5 rounded-xl border border-dashed border-border px-3 text-[13px] text-muted transition-colors hover:border-muted/50 hover:bg-surface-2/60 hover:text-text"
      >
        <PlusIcon size={14} />
        {t("board.addColumn")}
      </button>
    );
  }
  return (
    <form
      className="w-[240px] shrink-0 rounded-xl bg-surface-2/70 p-2"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <input
        // biome-ignore lint/a11y/noAutofocus: the user just asked for this input.
        autoFocus
        value={name}
        maxLength={191}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            setOpen(false);
            setName("");
          }
        }}
        placeholder={t("board.addColumnPlaceholder")}
        aria-label={t("board.addColumnPlaceholder")}
        className="h-8 w-full rounded-md border border-accent/60 bg-surface px-2 text-[13px] text-text outline-none placeholder:text-muted/70"
      />
      <div className="mt-2 flex gap-1.5">
        <Button type="submit" variant="primary" size="sm" loading={busy} disabled={!name.trim()}>
          {t("board.create")}
        </Button>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            setOpen(false);
            setName("");
          }}
        >
          {t("board.cancel")}
        </Button>
      </div>
    </form>
  );
}
