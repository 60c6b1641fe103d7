"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import {
  createContext,
  type KeyboardEvent,
  memo,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { useT } from "../i18n-provider.tsx";
import { Button, IconButton } from "../ui/button.tsx";
import { cn } from "../ui/cn.ts";
import { Dialog, DialogContent, DialogFooter } from "../ui/dialog.tsx";
import { MoreIcon, PlusIcon } from "../ui/icons.tsx";
import { Field, Input } from "../ui/input.tsx";
import {
  Menu,
  MenuContent,
  MenuItem,
  MenuRadioGroup,
  MenuRadioItem,
  MenuSeparator,
  MenuShortcut,
  MenuSub,
  MenuSubContent,
  MenuSubTrigger,
  MenuTrigger,
} from "../ui/menu.tsx";
import { SortableCard } from "./board-card.tsx";
import { type BoardCard, type BoardColumn as Column, columnDropId, columnSortId } from "./board-state.ts";

/** Dispatched on `window` by the `n` shortcut: the first column opens its add-card input. */
export const NEW_CARD_EVENT = "warmdesk:new-card";

function AddCard({
  onCreate,
  columnName,
  isFirst,
}: {
  onCreate: (title: string) => Promise<boolean>;
  columnName: string;
  isFirst: boolean;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!isFirst) return;
    const onNew = () => {
      setOpen(true);
      input.current?.focus();
    };
    window.addEventListener(NEW_CARD_EVENT, onNew);
    return () => window.removeEventListener(NEW_CARD_EVENT, onNew);
  }, [isFirst]);
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

/** Cards a column renders at first, and how many more each time its end scrolls near. */
const RENDER_STEP = 20;

/** The column colours offered in the menu (names are catalog keys). */
export const COLUMN_COLORS = [
  ["blue", "#2563eb"],
  ["green", "#16a34a"],
  ["amber", "#d97706"],
  ["red", "#dc2626"],
  ["violet", "#7c3aed"],
  ["cyan", "#0891b2"],
  ["pink", "#db2777"],
  ["grey", "#4b5563"],
] as const;

export type ColumnActions = {
  onUpdate: (columnId: number, patch: { name?: string; color?: string | null; wipLimit?: number }) => Promise<boolean>;
  /** -1 left, +1 right. */
  onMove: (columnId: number, direction: -1 | 1) => void;
  onDelete: (columnId: number, moveCardsTo: number | null) => Promise<boolean>;
  onArchiveCards: (columnId: number) => Promise<boolean>;
  /** The board's columns right now (read when a dialog opens, so columns need not re-render when others change). */
  getColumns: () => { id: number; name: string; cards: unknown[] }[];
};

type ColumnDialog = "wip" | "delete" | "archive" | null;

function ColumnName({
  column,
  headingId,
  editing,
  onDone,
  onRename,
}: {
  column: Column;
  headingId: string;
  editing: boolean;
  onDone: () => void;
  onRename: (name: string) => Promise<boolean>;
}) {
  const t = useT();
  const [name, setName] = useState(column.name);
  const done = useRef(false);
  if (!editing) {
    return (
      <h2 id={headingId} className="min-w-0 truncate text-[13px] font-semibold text-text">
        {column.name}
      </h2>
    );
  }
  const commit = async () => {
    if (done.current) return;
    done.current = true;
    const text = name.trim();
    if (text && text !== column.name) await onRename(text);
    onDone();
  };
  return (
    <>
      <h2 id={headingId} className="sr-only">
        {column.name}
      </h2>
      <input
        // biome-ignore lint/a11y/noAutofocus: the user just chose "Rename".
        autoFocus
        defaultValue={column.name}
        maxLength={191}
        aria-label={t("board.column.renameLabel", { column: column.name })}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            void commit();
          } else if (e.key === "Escape") {
            e.preventDefault();
            done.current = true;
            onDone();
          }
        }}
        onBlur={() => void commit()}
        className="h-7 min-w-0 flex-1 rounded-md border border-accent/60 bg-surface px-1.5 text-[13px] font-semibold text-text outline-none"
      />
    </>
  );
}

function ColumnMenu({
  column,
  actions,
  onRename,
  onDialog,
}: {
  column: Column;
  actions: ColumnActions;
  onRename: () => void;
  onDialog: (d: ColumnDialog) => void;
}) {
  const t = useT();
  const columns = actions.getColumns();
  const index = columns.findIndex((c) => c.id === column.id);
  return (
    <Menu>
      <MenuTrigger asChild>
        <IconButton
          label={t("board.column.menu", { column: column.name })}
          size="sm"
          className="-mr-1 size-6 shrink-0 text-muted"
          data-testid="column-menu"
        >
          <MoreIcon size={14} />
        </IconButton>
      </MenuTrigger>
      <MenuContent align="start" className="min-w-52">
        <MenuItem onSelect={onRename}>{t("board.column.rename")}</MenuItem>
        <MenuSub>
          <MenuSubTrigger>{t("board.column.color")}</MenuSubTrigger>
          <MenuSubContent>
            <MenuRadioGroup
              value={column.color ?? "none"}
              onValueChange={(v) => void actions.onUpdate(column.id, { color: v === "none" ? null : v })}
            >
              <MenuRadioItem value="none">{t("board.column.colorNone")}</MenuRadioItem>
              {COLUMN_COLORS.map(([name, hex]) => (
                <MenuRadioItem key={hex} value={hex}>
                  <span aria-hidden="true" className="size-3 rounded-full" style={{ backgroundColor: hex }} />
                  {t(`board.color.${name}` as "board.color.blue")}
                </MenuRadioItem>
              ))}
            </MenuRadioGroup>
          </MenuSubContent>
        </MenuSub>
        <MenuItem onSelect={() => onDialog("wip")}>
          {t("board.column.wipLimit")}
          <MenuShortcut>{column.wipLimit > 0 ? column.wipLimit : "∞"}</MenuShortcut>
        </MenuItem>
        <MenuSeparator />
        <MenuItem disabled={index <= 0} onSelect={() => actions.onMove(column.id, -1)}>
          {t("board.column.moveLeft")}
        </MenuItem>
        <MenuItem disabled={index < 0 || index >= columns.length - 1} onSelect={() => actions.onMove(column.id, 1)}>
          {t("board.column.moveRight")}
        </MenuItem>
        <MenuSeparator />
        <MenuItem disabled={column.cards.length === 0} onSelect={() => onDialog("archive")}>
          {t("board.column.archiveCards")}
        </MenuItem>
        <MenuItem variant="danger" disabled={columns.length <= 1} onSelect={() => onDialog("delete")}>
          {t("board.column.delete")}
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}

function WipDialog({ column, actions, onClose }: { column: Column; actions: ColumnActions; onClose: () => void }) {
  const t = useT();
  const [value, setValue] = useState(String(column.wipLimit || ""));
  const [busy, setBusy] = useState(false);
  const n = value.trim() === "" ? 0 : Number(value);
  const isValid = Number.isInteger(n) && n >= 0 && n <= 10_000;
  return (
    <DialogContent size="sm" title={t("board.column.wipTitle", { column: column.name })}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!isValid) return;
          setBusy(true);
          const ok = await actions.onUpdate(column.id, { wipLimit: n });
          setBusy(false);
          if (ok) onClose();
        }}
        className="flex flex-col gap-4"
      >
        <Field
          label={t("board.column.wipLimit")}
          hint={t("board.column.wipHint")}
          error={isValid ? undefined : t("board.column.wipInvalid")}
        >
          <Input
            type="number"
            inputMode="numeric"
            min={0}
            max={10000}
            step={1}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoFocus
          />
        </Field>
        <DialogFooter>
          <Button variant="secondary" onClick={onClose}>
            {t("board.cancel")}
          </Button>
          <Button type="submit" variant="primary" loading={busy} disabled={!isValid}>
            {t("board.save")}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}

function DeleteDialog({ column, actions, onClose }: { column: Column; actions: ColumnActions; onClose: () => void }) {
  const t = useT();
  const others = actions.getColumns().filter((c) => c.id !== column.id);
  const [target, setTarget] = useState<string>(String(others[0]?.id ?? ""));
  const [busy, setBusy] = useState(false);
  const count = column.cards.length;
  return (
    <DialogContent
      size="sm"
      title={t("board.column.deleteTitle", { column: column.name })}
      description={count > 0 ? t("board.column.deleteWithCards", { count }) : t("board.column.deleteEmpty")}
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const ok = await actions.onDelete(column.id, count > 0 ? Number(target) : null);
          setBusy(false);
          if (ok) onClose();
        }}
      >
        {count > 0 ? (
          <Field label={t("board.column.moveCardsTo")}>
            <select
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              className="h-9 w-full rounded-md border border-border bg-surface px-2 text-sm text-text"
            >
              {others.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <DialogFooter>
          <Button variant="secondary" onClick={onClose}>
            {t("board.cancel")}
          </Button>
          <Button type="submit" variant="danger" loading={busy} disabled={count > 0 && !target}>
            {t("board.column.deleteConfirm")}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}

function ArchiveDialog({ column, actions, onClose }: { column: Column; actions: ColumnActions; onClose: () => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  return (
    <DialogContent
      size="sm"
      title={t("board.column.archiveTitle", { column: column.name })}
      description={t("board.column.archiveBody", { count: column.cards.length })}
    >
      <DialogFooter>
        <Button variant="secondary" onClick={onClose}>
          {t("board.cancel")}
        </Button>
        <Button
          variant="danger"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            const ok = await actions.onArchiveCards(column.id);
            setBusy(false);
            if (ok) onClose();
          }}
        >
          {t("board.column.archiveConfirm")}
        </Button>
      </DialogFooter>
    </DialogContent>
  );
}

type ColumnHandle = Pick<ReturnType<typeof useSortable>, "attributes" | "listeners" | "setActivatorNodeRef" | "isDragging">;

/** The drag handle's wiring, from the column's frame to its header (null: the column cannot be dragged). */
const ColumnHandleContext = createContext<ColumnHandle | null>(null);

const headingIdOf = (columnId: number) => `column-heading-${columnId}`;

/**
 * A column as a sortable item among the columns, dragged by the handle in its header. The frame
 * re-renders while anything is dragged (dnd-kit's context changes on every move); its children are
 * the memoised column, created by the board, so they do not.
 */
export function SortableColumnFrame({
  column,
  canDrag,
  children,
}: {
  column: { id: number; name: string };
  canDrag: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: columnSortId(column.id),
    data: { type: "column", columnId: column.id },
    disabled: !canDrag,
    attributes: { roleDescription: t("board.column.dragRole") },
  });
  const handle = useMemo(
    () => (canDrag ? { attributes, listeners, setActivatorNodeRef, isDragging } : null),
    [canDrag, attributes, listeners, setActivatorNodeRef, isDragging],
  );
  return (
    <ColumnHandleContext.Provider value={handle}>
      <section
        ref={setNodeRef}
        aria-labelledby={headingIdOf(column.id)}
        data-column-id={column.id}
        data-column-name={column.name}
        data-dragging={isDragging || undefined}
        style={{ transform: CSS.Translate.toString(transform), transition }}
        className={cn(
          "flex max-h-full w-[284px] shrink-0 flex-col rounded-xl bg-surface-2/70",
          isDragging && "relative z-10 bg-surface-2 shadow-lg ring-2 ring-accent/60",
        )}
      >
        {children}
      </section>
    </ColumnHandleContext.Provider>
  );
}

function GripIcon() {
  return (
    <svg width="10" height="14" viewBox="0 0 12 16" aria-hidden="true" fill="currentColor">
      <circle cx="3" cy="3" r="1.3" />
      <circle cx="9" cy="3" r="1.3" />
      <circle cx="3" cy="8" r="1.3" />
      <circle cx="9" cy="8" r="1.3" />
      <circle cx="3" cy="13" r="1.3" />
      <circle cx="9" cy="13" r="1.3" />
    </svg>
  );
}

/** The handle a column is dragged by: pointer, touch (press and hold) or keyboard (Space, arrows, Space). */
function ColumnDragHandle({ name }: { name: string }) {
  const t = useT();
  const handle = useContext(ColumnHandleContext);
  if (!handle) return null;
  return (
    <button
      type="button"
      ref={handle.setActivatorNodeRef}
      {...handle.attributes}
      {...handle.listeners}
      aria-label={t("board.column.drag", { column: name })}
      data-testid="column-drag-handle"
      className={cn(
        "-ml-1.5 inline-flex h-6 w-4 shrink-0 cursor-grab touch-none items-center justify-center rounded text-muted/70 outline-none hover:bg-surface hover:text-text focus-visible:text-text focus-visible:ring-2 focus-visible:ring-ring",
        handle.isDragging && "cursor-grabbing text-text",
      )}
    >
      <GripIcon />
    </button>
  );
}

export const BoardColumn = memo(function BoardColumn({
  column,
  total,
  canEdit,
  isFirst,
  onOpenCard,
  onCreateCard,
  actions,
}: {
  column: Column;
  /** Cards in the column without the filter (the WIP count); `column.cards` are the visible ones. */
  total: number;
  canEdit: boolean;
  /** The first column's add-card input is what `n` opens. */
  isFirst: boolean;
  onOpenCard: (card: BoardCard) => void;
  onCreateCard: (columnId: number, title: string) => Promise<boolean>;
  actions: ColumnActions;
}) {
  const t = useT();
  const { setNodeRef, isOver } = useDroppable({ id: columnDropId(column.id), data: { type: "column", columnId: column.id } });
  // Long columns render their first cards and more as the column scrolls (a sentinel near the end):
  // a 5,000-card board mounts a few hundred sortables, not 5,000. Indices of the rendered cards are
  // the same as in the column, so drag and drop needs no translation.
  const [limit, setLimit] = useState(RENDER_STEP);
  // A column that showed all its cards keeps doing so as cards arrive (a card just added stays visible).
  const length = column.cards.length;
  const [prevLength, setPrevLength] = useState(length);
  if (length !== prevLength) {
    setPrevLength(length);
    if (prevLength <= limit && length > limit) setLimit(length);
  }
  const rendered = useMemo(
    () => (column.cards.length > limit ? column.cards.slice(0, limit) : column.cards),
    [column.cards, limit],
  );
  const items = useMemo(() => rendered.map((c) => c.key), [rendered]);
  const hasMore = rendered.length < column.cards.length;
  const listRef = useRef<HTMLOListElement | null>(null);
  const sentinel = useRef<HTMLLIElement>(null);
  useEffect(() => {
    const target = sentinel.current;
    if (!hasMore || !target) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setLimit((n) => n + RENDER_STEP);
      },
      { root: listRef.current, rootMargin: "600px 0px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasMore]);
  const setListRef = useCallback(
    (node: HTMLOListElement | null) => {
      listRef.current = node;
      setNodeRef(node);
    },
    [setNodeRef],
  );
  const count = total;
  const shown = column.cards.length;
  const hasLimit = column.wipLimit > 0;
  const isOverLimit = hasLimit && count > column.wipLimit;
  const isAtLimit = hasLimit && count === column.wipLimit;
  const headingId = headingIdOf(column.id);
  const [isRenaming, setRenaming] = useState(false);
  const [dialog, setDialog] = useState<ColumnDialog>(null);
  const onCreate = useCallback((title: string) => onCreateCard(column.id, title), [onCreateCard, column.id]);
  const close = useCallback(() => setDialog(null), []);

  return (
    <>
      <header className="flex min-h-10 items-center gap-2 px-3 pt-2 pb-1.5">
        {isRenaming ? null : <ColumnDragHandle name={column.name} />}
        <span
          aria-hidden="true"
          className="size-2 shrink-0 rounded-full"
          style={{ backgroundColor: column.color ?? "var(--color-muted)", opacity: column.color ? 1 : 0.5 }}
        />
        <ColumnName
          key={isRenaming ? "edit" : "view"}
          column={column}
          headingId={headingId}
          editing={isRenaming}
          onDone={() => setRenaming(false)}
          onRename={(name) => actions.onUpdate(column.id, { name })}
        />
        {hasLimit ? (
          <span
            title={isOverLimit ? t("board.wipOver", { limit: column.wipLimit }) : undefined}
            className={cn(
              "shrink-0 rounded-full px-1.5 text-[11px] font-medium tabular-nums",
              isOverLimit ? "bg-warning-soft text-warning" : isAtLimit ? "text-warning" : "text-muted",
            )}
            data-testid="wip"
          >
            {t("board.wip", { count, limit: column.wipLimit })}
          </span>
        ) : (
          <span className="shrink-0 text-[11px] text-muted tabular-nums" title={t("board.cardCount", { count })}>
            {shown === count ? count : t("board.shownOf", { shown, count })}
          </span>
        )}
        {canEdit && !isRenaming ? (
          <span className="ml-auto">
            <ColumnMenu column={column} actions={actions} onRename={() => setRenaming(true)} onDialog={setDialog} />
          </span>
        ) : null}
      </header>
      <SortableContext id={columnDropId(column.id)} items={items} strategy={verticalListSortingStrategy}>
        <ol
          ref={setListRef}
          aria-label={column.name}
          className={cn(
            "flex min-h-10 flex-1 flex-col gap-1.5 overflow-y-auto px-2 pb-1 transition-colors",
            isOver && shown === 0 && "rounded-lg bg-accent-soft/60",
          )}
        >
          {rendered.map((card) => (
            <SortableCard key={card.id} card={card} columnId={column.id} onOpen={onOpenCard} />
          ))}
          {hasMore ? (
            <li ref={sentinel} className="list-none py-1 text-center text-[11px] text-muted">
              <button
                type="button"
                className="rounded-md px-2 py-1 hover:bg-surface hover:text-text"
                onClick={() => setLimit((n) => n + RENDER_STEP * 4)}
              >
                {t("board.showMore", { count: column.cards.length - rendered.length })}
              </button>
            </li>
          ) : null}
        </ol>
      </SortableContext>
      {canEdit ? (
        <div className="px-2 pt-0.5 pb-2">
          <AddCard columnName={column.name} onCreate={onCreate} isFirst={isFirst} />
        </div>
      ) : (
        <div className="pb-2" />
      )}
      <Dialog open={dialog !== null} onOpenChange={(open) => !open && close()}>
        {dialog === "wip" ? <WipDialog column={column} actions={actions} onClose={close} /> : null}
        {dialog === "delete" ? <DeleteDialog column={column} actions={actions} onClose={close} /> : null}
        {dialog === "archive" ? <ArchiveDialog column={column} actions={actions} onClose={close} /> : null}
      </Dialog>
    </>
  );
});

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
