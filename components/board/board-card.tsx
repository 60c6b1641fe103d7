"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { type KeyboardEvent, type MouseEvent, memo, type ReactNode } from "react";
import { useLanguage, useT } from "../i18n-provider.tsx";
import { Avatar } from "../ui/avatar.tsx";
import { cn } from "../ui/cn.ts";
import type { BoardCard } from "./board-state.ts";

const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

function formatDate(iso: string, language: string) {
  const [y, m, d] = iso.split("-").map(Number);
  const date = new Date(y, m - 1, d);
  const sameYear = y === new Date().getFullYear();
  return date.toLocaleDateString(language, { day: "numeric", month: "short", ...(sameYear ? {} : { year: "numeric" }) });
}

const PRIORITY_BARS = { low: 1, medium: 2, high: 3 } as const;

function PriorityMarker({ priority, label }: { priority: string; label: string }) {
  if (priority === "critical") {
    return (
      <span
        role="img"
        aria-label={label}
        title={label}
        className="inline-flex size-4 items-center justify-center rounded-sm bg-danger text-[10px] leading-none font-bold text-white dark:text-bg"
      >
        !
      </span>
    );
  }
  const bars = PRIORITY_BARS[priority as keyof typeof PRIORITY_BARS] ?? 0;
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      className={cn("inline-flex h-4 items-end gap-[2px]", priority === "high" ? "text-warning" : "text-muted")}
    >
      {[1, 2, 3].map((i) => (
        <span
          key={i}
          className={cn("w-[3px] rounded-[1px] bg-current", i > bars && "opacity-25")}
          style={{ height: `${4 + i * 3}px` }}
        />
      ))}
    </span>
  );
}

function CommentIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M5 18.5V6a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H8l-3 2.5Z" strokeLinejoin="round" />
    </svg>
  );
}

function PaperclipIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path
        d="m20 11.5-8.1 8.1a5 5 0 0 1-7.1-7.1l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4l7.8-7.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function CalendarIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <rect x="4" y="5" width="16" height="15" rx="2" />
      <path d="M8 3v4M16 3v4M4 10h16" strokeLinecap="round" />
    </svg>
  );
}

function ChecklistIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <rect x="4" y="4" width="16" height="16" rx="3" />
      <path d="m8.5 12 2.5 2.5 4.5-5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function SubcardIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M6 4v10a3 3 0 0 0 3 3h9" strokeLinecap="round" />
      <path d="m15 14 3 3-3 3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

type Progress = { done: number; total: number };

/** A `done/total` counter; complete turns green. */
function ProgressBadge({ progress, label, icon }: { progress: Progress; label: string; icon: ReactNode }) {
  const isDone = progress.done >= progress.total;
  return (
    <span
      className={cn("inline-flex items-center gap-1 tabular-nums", isDone && "rounded-sm bg-success-soft px-1 text-success")}
      title={label}
      data-testid="card-progress"
    >
      {icon}
      <span aria-hidden="true">
        {progress.done}/{progress.total}
      </span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

/**
 * What a card shows; used in the column and, lifted, in the drag overlay. Memoised: while dragging,
 * dnd-kit re-renders every sortable wrapper when the drop target changes, but not the faces.
 */
export const CardFace = memo(function CardFace({ card, lifted = false }: { card: BoardCard; lifted?: boolean }) {
  const t = useT();
  const language = useLanguage();
  const overdue = card.dueDate !== null && card.dueDate < todayIso();
  const priorityLabel = t(`board.priority.${card.priority}` as "board.priority.low");
  const checklist = card.checklist && card.checklist.total > 0 ? card.checklist : null;
  // Sub-card progress, when the card JSON carries it.
  const subcards = (card as { subcards?: Progress }).subcards;
  const children = subcards && subcards.total > 0 ? subcards : null;
  const attachments = card.attachmentCount ?? 0;
  const hasMeta =
    card.dueDate !== null ||
    card.commentCount > 0 ||
    attachments > 0 ||
    card.assignees.length > 0 ||
    checklist !== null ||
    children !== null;
  return (
    <div
      className={cn(
        "group/card rounded-lg border border-border bg-surface px-3 py-2.5 text-left shadow-sm transition-[box-shadow,border-color]",
        "hover:border-muted/40",
        lifted && "rotate-[1.5deg] cursor-grabbing border-accent/50 shadow-lg",
        // Cards scrolled out of view (long columns) skip layout and paint; the last size is remembered.
        !lifted && "[contain-intrinsic-block-size:auto_72px] [content-visibility:auto]",
      )}
    >
      <div className="mb-1 flex items-center gap-1.5">
        <PriorityMarker priority={card.priority} label={priorityLabel} />
        <span className="font-mono text-[11px] text-muted tabular-nums">{card.key}</span>
        {card.storyPoints > 0 ? (
          <span
            className="ml-auto rounded-full bg-surface-2 px-1.5 text-[11px] font-medium text-muted tabular-nums"
            title={t("card.storyPoints")}
            data-testid="card-points"
          >
            {card.storyPoints}
          </span>
        ) : null}
      </div>
      <p className="text-[13px] leading-snug font-medium break-words text-text">{card.title}</p>
      {card.labels.length > 0 ? (
        <ul className="mt-2 flex flex-wrap gap-1">
          {card.labels.map((label) => (
            <li
              key={label.id}
              className="inline-flex items-center gap-1 rounded-full border border-border px-1.5 py-px text-[11px] text-muted"
            >
              <span className="size-1.5 rounded-full" style={{ backgroundColor: label.color }} aria-hidden="true" />
              {label.name}
            </li>
          ))}
        </ul>
      ) : null}
      {hasMeta ? (
        <div className="mt-2 flex items-center gap-2.5 text-[11px] text-muted">
          {card.dueDate ? (
            <span
              className={cn(
                "inline-flex items-center gap-1",
                overdue && "rounded-sm bg-warning-soft px-1 font-medium text-warning",
              )}
              title={t(overdue ? "board.overdue" : "board.due", { date: card.dueDate })}
            >
              <CalendarIcon />
              {formatDate(card.dueDate, language)}
            </span>
          ) : null}
          {checklist ? (
            <ProgressBadge
              progress={checklist}
              icon={<ChecklistIcon />}
              label={t("board.checklistProgress", { done: checklist.done, total: checklist.total })}
            />
          ) : null}
          {children ? (
            <ProgressBadge
              progress={children}
              icon={<SubcardIcon />}
              label={t("board.subcardProgress", { done: children.done, total: children.total })}
            />
          ) : null}
          {card.commentCount > 0 ? (
            <span className="inline-flex items-center gap-1" title={t("board.comments", { count: card.commentCount })}>
              <CommentIcon />
              {card.commentCount}
            </span>
          ) : null}
          {attachments > 0 ? (
            <span
              className="inline-flex items-center gap-1"
              title={t("board.attachments", { count: attachments })}
              data-testid="card-attachments"
            >
              <PaperclipIcon />
              {attachments}
            </span>
          ) : null}
          {card.assignees.length > 0 ? (
            <span
              className="ml-auto flex -space-x-1.5"
              title={t("board.assignees", { names: card.assignees.map((a) => a.username).join(", ") })}
            >
              {card.assignees.slice(0, 3).map((a) => (
                <Avatar key={a.id} username={a.username} size="xs" decorative className="ring-2 ring-surface" />
              ))}
              {card.assignees.length > 3 ? (
                <span className="inline-flex size-5 items-center justify-center rounded-full bg-surface-2 text-[9px] font-semibold ring-2 ring-surface">
                  +{card.assignees.length - 3}
                </span>
              ) : null}
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
});

export const SortableCard = memo(function SortableCard({
  card,
  columnId,
  onOpen,
}: {
  card: BoardCard;
  columnId: number;
  onOpen: (card: BoardCard) => void;
}) {
  const t = useT();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: card.key,
    data: { type: "card", columnId },
  });
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Enter" && !isDragging) {
      e.preventDefault();
      onOpen(card);
      return;
    }
    listeners?.onKeyDown?.(e);
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    if (e.defaultPrevented) return;
    onOpen(card);
  };
  const assignees = card.assignees.map((a) => a.username).join(", ");
  return (
    <li className="list-none">
      {/* biome-ignore lint/a11y/useSemanticElements: a card holds lists and blocks, which a <button> may not contain. */}
      <div
        ref={setNodeRef}
        {...attributes}
        role="button"
        tabIndex={0}
        {...listeners}
        onKeyDown={onKeyDown}
        onClick={onClick}
        data-card-key={card.key}
        aria-label={[card.key, card.title, t(`board.priority.${card.priority}` as "board.priority.low"), assignees]
          .filter(Boolean)
          .join(", ")}
        style={{ transform: CSS.Translate.toString(transform), transition }}
        className={cn(
          "cursor-pointer touch-manipulation rounded-lg outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-surface-2",
          isDragging && "opacity-40 [&>div]:border-dashed [&>div]:shadow-none",
        )}
      >
        <CardFace card={card} />
      </div>
    </li>
  );
});
