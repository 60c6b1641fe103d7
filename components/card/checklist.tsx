"use client";

// The checklist: tick, edit in place, delete, add at the end, reorder by drag (mouse, touch,
// keyboard). Positions are fractional on the server; a move names its new neighbour.
import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useId, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { Button, IconButton } from "@/components/ui/button.tsx";
import { XIcon } from "@/components/ui/icons.tsx";
import { Input } from "@/components/ui/input.tsx";
import { toast } from "@/components/ui/toast.tsx";
import { cardApi } from "./api.ts";
import { Section } from "./section.tsx";

export type ChecklistItem = { id: number; text: string; done: boolean; position: number };

export function Checklist({
  base,
  canEdit,
  items,
  onChange,
  onHistory,
}: {
  base: string;
  canEdit: boolean;
  items: ChecklistItem[];
  onChange: (items: ChecklistItem[]) => void;
  onHistory: () => void;
}) {
  const t = useT();
  const dndId = useId();
  const [text, setText] = useState("");
  const done = items.filter((i) => i.done).length;
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const fail = (e: unknown) => toast(t("card.failed", { message: (e as Error).message }), { variant: "error" });

  const add = async () => {
    const value = text.trim();
    if (!value) return;
    try {
      const item = await cardApi<ChecklistItem>(`${base}/checklist`, { method: "POST", body: { text: value } });
      onChange([...items, item]);
      setText("");
      onHistory();
    } catch (e) {
      fail(e);
    }
  };
  const patch = async (item: ChecklistItem, body: { text?: string; done?: boolean }) => {
    const before = items;
    onChange(items.map((i) => (i.id === item.id ? { ...i, ...body } : i)));
    try {
      await cardApi(`${base}/checklist/${item.id}`, { method: "PATCH", body });
      onHistory();
    } catch (e) {
      onChange(before);
      fail(e);
    }
  };
  const remove = async (item: ChecklistItem) => {
    const before = items;
    onChange(items.filter((i) => i.id !== item.id));
    try {
      await cardApi(`${base}/checklist/${item.id}`, { method: "DELETE" });
      onHistory();
    } catch (e) {
      onChange(before);
      fail(e);
    }
  };
  const onDragEnd = async ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = items.findIndex((i) => i.id === active.id);
    const to = items.findIndex((i) => i.id === over.id);
    if (from < 0 || to < 0) return;
    const before = items;
    const next = arrayMove(items, from, to);
    onChange(next);
    const body = to === 0 ? { before: next[1].id } : { after: next[to - 1].id };
    try {
      await cardApi(`${base}/checklist/${active.id}/move`, { method: "POST", body });
    } catch (e) {
      onChange(before);
      fail(e);
    }
  };
  const position = (id: string | number) => items.findIndex((i) => i.id === id) + 1;

  return (
    <Section
      title={t("card.checklist")}
      id="card-checklist"
      aside={
        items.length ? (
          <span className="font-mono text-xs text-muted" data-testid="checklist-progress">
            {t("card.checklistProgress", { done, total: items.length })}
          </span>
        ) : null
      }
    >
      {items.length ? (
        <div
          className="mb-2 h-1.5 overflow-hidden rounded-full bg-surface-2"
          role="progressbar"
          aria-label={t("card.checklist")}
          aria-valuemin={0}
          aria-valuemax={items.length}
          aria-valuenow={done}
        >
          <div className="h-full rounded-full bg-success transition-all" style={{ width: `${(done / items.length) * 100}%` }} />
        </div>
      ) : null}
      <DndContext
        id={dndId}
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: t("card.dnd.instructions") },
          announcements: {
            onDragStart: ({ active }) => t("card.dnd.start", { position: position(active.id), total: items.length }),
            onDragOver: ({ over }) => (over ? t("card.dnd.over", { position: position(over.id), total: items.length }) : ""),
            onDragEnd: ({ over }) => (over ? t("card.dnd.end", { position: position(over.id), total: items.length }) : ""),
            onDragCancel: () => t("card.dnd.cancel"),
          },
        }}
      >
        <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
          <ul className="flex flex-col" data-testid="checklist">
            {items.map((item) => (
              <Row
                key={item.id}
                item={item}
                canEdit={canEdit}
                onToggle={() => patch(item, { done: !item.done })}
                onRename={(value) => patch(item, { text: value })}
                onDelete={() => remove(item)}
              />
            ))}
          </ul>
        </SortableContext>
      </DndContext>
      {canEdit ? (
        <form
          className="mt-2 flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <Input
            size="sm"
            value={text}
            maxLength={1000}
            onChange={(e) => setText(e.target.value)}
            placeholder={t("card.addItem")}
            aria-label={t("card.addItem")}
          />
          <Button size="sm" type="submit" variant="secondary" disabled={!text.trim()}>
            {t("card.add")}
          </Button>
        </form>
      ) : null}
    </Section>
  );
}

function Row({
  item,
  canEdit,
  onToggle,
  onRename,
  onDelete,
}: {
  item: ChecklistItem;
  canEdit: boolean;
  onToggle: () => void;
  onRename: (text: string) => void;
  onDelete: () => void;
}) {
  const t = useT();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
    disabled: !canEdit,
  });
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(item.text);
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={`group flex items-center gap-2 rounded-md px-1 py-1 hover:bg-surface-2 ${isDragging ? "z-10 bg-surface shadow-md" : ""}`}
      data-testid="checklist-item"
    >
      {canEdit ? (
        <button
          type="button"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={t("card.dragItem", { text: item.text })}
          className="cursor-grab touch-none rounded px-0.5 text-muted hover:text-text focus-visible:text-text"
        >
          <svg width="12" height="16" viewBox="0 0 12 16" aria-hidden="true" fill="currentColor">
            <circle cx="3" cy="3" r="1.3" />
            <circle cx="9" cy="3" r="1.3" />
            <circle cx="3" cy="8" r="1.3" />
            <circle cx="9" cy="8" r="1.3" />
            <circle cx="3" cy="13" r="1.3" />
            <circle cx="9" cy="13" r="1.3" />
          </svg>
        </button>
      ) : null}
      <input
        type="checkbox"
        className="size-4 accent-[var(--color-accent)]"
        checked={item.done}
        disabled={!canEdit}
        onChange={onToggle}
        aria-label={t("card.tickItem", { text: item.text })}
      />
      {editing ? (
        <form
          className="flex flex-1 gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            const next = value.trim();
            if (next && next !== item.text) onRename(next);
            setEditing(false);
          }}
        >
          <Input
            size="sm"
            value={value}
            maxLength={1000}
            aria-label={t("card.itemText")}
            autoFocus
            onChange={(e) => setValue(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape") setEditing(false);
            }}
          />
          <Button size="sm" type="submit" variant="primary">
            {t("card.save")}
          </Button>
        </form>
      ) : (
        <button
          type="button"
          disabled={!canEdit}
          onClick={() => {
            setValue(item.text);
            setEditing(true);
          }}
          className={`min-w-0 flex-1 text-left text-sm break-words disabled:cursor-default ${item.done ? "text-muted line-through" : "text-text"}`}
        >
          {item.text}
        </button>
      )}
      {canEdit && !editing ? (
        <IconButton
          size="sm"
          variant="ghost"
          label={t("card.deleteItem", { text: item.text })}
          onClick={onDelete}
          className="opacity-0 group-focus-within:opacity-100 group-hover:opacity-100"
        >
          <XIcon size={14} />
        </IconButton>
      ) : null}
    </li>
  );
}
