"use client";
// The live board: columns of cards, drag and drop (pointer, touch, keyboard) with optimistic moves,
// and realtime events from the sidecar applied to the same state.
import {
  type Announcements,
  type CollisionDetection,
  closestCenter,
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  DragOverlay,
  type DragStartEvent,
  getFirstCollision,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { WireEvent } from "../../lib/realtime/events.ts";
import { useT } from "../i18n-provider.tsx";
import { useRealtime } from "../realtime/use-realtime.ts";
import { Button } from "../ui/button.tsx";
import { cn } from "../ui/cn.ts";
import { Dialog, DialogContent, DialogFooter } from "../ui/dialog.tsx";
import { toast } from "../ui/toast.tsx";
import { ApiError, apiJson, projectPath } from "./api.ts";
import { CardFace } from "./board-card.tsx";
import { AddColumn, BoardColumn } from "./board-column.tsx";
import {
  applyEvent,
  type BoardCard,
  type BoardState,
  type BoardColumn as Column,
  columnIdFromDropId,
  findCard,
  isColumnDropId,
  moveCardTo,
  neighbourKeys,
  placeCard,
  upsertCard,
  upsertColumn,
} from "./board-state.ts";

type DragOrigin = { card: BoardCard; columnId: number; index: number };
type PendingMove = { key: string; origin: DragOrigin; column: Column; count: number };

const messageOf = (e: unknown) => (e instanceof ApiError || e instanceof Error ? e.message : String(e));

export function BoardView({ initial }: { initial: BoardState }) {
  const t = useT();
  const router = useRouter();
  const slug = initial.project.slug;
  const [board, setBoard] = useState(initial);
  const boardRef = useRef(board);
  const dragOrigin = useRef<DragOrigin | null>(null);
  const update = useCallback((fn: (s: BoardState) => BoardState) => {
    setBoard((prev) => {
      const next = fn(prev);
      boardRef.current = next;
      return next;
    });
  }, []);

  // --- realtime -------------------------------------------------------------------------------
  // While a refetch is in flight, events keep arriving; they are replayed on top of its answer
  // (idempotently), so that an answer read before an event cannot undo it.
  const refetching = useRef<{ events: WireEvent[] } | null>(null);
  const resync = useCallback(async () => {
    if (refetching.current) return;
    const inflight = { events: [] as WireEvent[] };
    refetching.current = inflight;
    try {
      const fresh = await apiJson<BoardState>(`${projectPath(slug)}/board`);
      update((current) => {
        // A drag in progress keeps its local placement; the server's answer decides after the drop.
        let next: BoardState = { project: { ...current.project, ...fresh.project }, columns: fresh.columns };
        for (const e of inflight.events) next = applyEvent(next, e);
        const dragged = dragOrigin.current ? findCard(current, dragOrigin.current.card.key) : null;
        if (dragged) next = moveCardTo(next, dragged.card.key, dragged.column.id, dragged.index);
        return next;
      });
    } catch {
      // The next event or reconnect tries again.
    } finally {
      refetching.current = null;
    }
  }, [slug, update]);
  const onEvent = useCallback(
    (event: WireEvent) => {
      refetching.current?.events.push(event);
      if (dragOrigin.current && event.type === "card.moved" && (event.data as BoardCard).key === dragOrigin.current.card.key)
        return;
      update((s) => applyEvent(s, event));
    },
    [update],
  );
  const status = useRealtime({ room: `project:${initial.project.id}`, onEvent, onResync: resync });

  // --- mutations --------------------------------------------------------------------------------
  const createCard = useCallback(
    async (columnId: number, title: string) => {
      try {
        const card = await apiJson<BoardCard>(`${projectPath(slug)}/cards`, {
          method: "POST",
          body: { title, columnId, placement: "bottom" },
        });
        update((s) => upsertCard(s, card));
        return true;
      } catch (e) {
        toast(t("board.createFailed", { message: messageOf(e) }), { variant: "error" });
        return false;
      }
    },
    [slug, t, update],
  );
  const createColumn = useCallback(
    async (name: string) => {
      try {
        const column = await apiJson<Column>(`${projectPath(slug)}/columns`, { method: "POST", body: { name } });
        update((s) => upsertColumn(s, column));
        return true;
      } catch (e) {
        toast(t("board.columnFailed", { message: messageOf(e) }), { variant: "error" });
        return false;
      }
    },
    [slug, t, update],
  );
  const commitMove = useCallback(
    async (key: string, origin: DragOrigin, state: BoardState = boardRef.current) => {
      const target = neighbourKeys(state, key);
      if (!target) return;
      try {
        const card = await apiJson<BoardCard>(`${projectPath(slug)}/cards/${encodeURIComponent(key)}/move`, {
          method: "POST",
          body: target,
        });
        update((s) => upsertCard(s, card));
      } catch (e) {
        update((s) => placeCard(s, origin.card));
        toast(t("board.moveFailed", { key, message: messageOf(e) }), { variant: "error" });
      }
    },
    [slug, t, update],
  );

  // --- drag and drop ----------------------------------------------------------------------------
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const justMovedColumns = useRef(false);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      // Enter opens the card; Space lifts and drops.
      keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space", "Enter"] },
    }),
  );

  const columnOf = (s: BoardState, id: UniqueIdentifier): Column | null => {
    if (isColumnDropId(id)) return s.columns.find((c) => c.id === columnIdFromDropId(String(id))) ?? null;
    return findCard(s, String(id))?.column ?? null;
  };

  // Pointer first (what is under the finger/mouse); inside a column with cards, the nearest card.
  const collisionDetection: CollisionDetection = useCallback((args) => {
    const pointer = pointerWithin(args);
    const hits = pointer.length > 0 ? pointer : rectIntersection(args);
    let overId = getFirstCollision(hits, "id");
    if (overId == null) return [];
    if (isColumnDropId(overId)) {
      const column = boardRef.current.columns.find((c) => c.id === columnIdFromDropId(String(overId)));
      if (column && column.cards.length > 0) {
        const keys = new Set(column.cards.map((c) => c.key));
        const nearest = closestCenter({
          ...args,
          droppableContainers: args.droppableContainers.filter((d) => keys.has(String(d.id))),
        });
        overId = getFirstCollision(nearest, "id") ?? overId;
      }
    }
    return [{ id: overId }];
  }, []);

  const onDragStart = ({ active }: DragStartEvent) => {
    const found = findCard(boardRef.current, String(active.id));
    if (!found) return;
    dragOrigin.current = { card: found.card, columnId: found.column.id, index: found.index };
    setActiveKey(found.card.key);
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over) return;
    const s = boardRef.current;
    const from = columnOf(s, active.id);
    const to = columnOf(s, over.id);
    if (!from || !to || from.id === to.id) return;
    // Crossing into another column: take a place there now, so that the column makes room.
    let index = to.cards.length;
    if (!isColumnDropId(over.id)) {
      const overIndex = to.cards.findIndex((c) => c.key === over.id);
      const activeRect = active.rect.current.translated;
      const isBelow = activeRect && activeRect.top > over.rect.top + over.rect.height / 2;
      index = overIndex + (isBelow ? 1 : 0);
    }
    justMovedColumns.current = true;
    update((st) => moveCardTo(st, String(active.id), to.id, index));
  };

  const finish = () => {
    setActiveKey(null);
    justMovedColumns.current = false;
  };

  const onDragCancel = () => {
    const origin = dragOrigin.current;
    dragOrigin.current = null;
    if (origin) update((s) => placeCard(s, origin.card));
    finish();
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const origin = dragOrigin.current;
    dragOrigin.current = null;
    finish();
    if (!origin) return;
    const key = String(active.id);
    if (!over) {
      update((s) => placeCard(s, origin.card));
      return;
    }
    let s = boardRef.current;
    const column = columnOf(s, over.id);
    const current = findCard(s, key);
    if (!column || !current) return;
    if (column.id === current.column.id && !isColumnDropId(over.id) && over.id !== key) {
      const overIndex = column.cards.findIndex((c) => c.key === over.id);
      const next = moveCardTo(s, key, column.id, overIndex);
      s = next;
      boardRef.current = next;
      update(() => next);
    }
    const placed = findCard(s, key);
    if (!placed) return;
    if (placed.column.id === origin.columnId && placed.index === origin.index) return;
    const target = placed.column;
    if (target.id !== origin.columnId && target.wipLimit > 0 && target.cards.length > target.wipLimit) {
      setPending({ key, origin, column: target, count: target.cards.length - 1 });
      return;
    }
    void commitMove(key, origin, s);
  };

  const announcements: Announcements = {
    onDragStart({ active }) {
      const f = findCard(boardRef.current, String(active.id));
      if (!f) return undefined;
      return t("board.dnd.start", {
        key: f.card.key,
        column: f.column.name,
        position: f.index + 1,
        total: f.column.cards.length,
      });
    },
    onDragOver({ active, over }) {
      if (!over) return t("board.dnd.overNone", { key: String(active.id) });
      const f = findCard(boardRef.current, String(active.id));
      if (!f) return undefined;
      const column = columnOf(boardRef.current, over.id) ?? f.column;
      const index = isColumnDropId(over.id) ? f.index : column.cards.findIndex((c) => c.key === over.id);
      return t("board.dnd.over", {
        key: f.card.key,
        column: column.name,
        position: Math.max(index, 0) + 1,
        total: column.cards.length,
      });
    },
    onDragEnd({ active, over }) {
      if (!over) return t("board.dnd.endNone", { key: String(active.id) });
      const f = findCard(boardRef.current, String(active.id));
      if (!f) return undefined;
      const column = columnOf(boardRef.current, over.id) ?? f.column;
      const index =
        isColumnDropId(over.id) || column.id !== f.column.id ? f.index : column.cards.findIndex((c) => c.key === over.id);
      return t("board.dnd.end", {
        key: f.card.key,
        column: column.name,
        position: Math.max(index, 0) + 1,
        total: column.cards.length,
      });
    },
    onDragCancel({ active }) {
      const origin = boardRef.current.columns.find((c) => c.cards.some((x) => x.key === String(active.id)));
      return t("board.dnd.cancel", { key: String(active.id), column: origin?.name ?? "" });
    },
  };

  useEffect(() => {
    boardRef.current = board;
  }, [board]);

  const openCard = useCallback((card: BoardCard) => router.push(`/${slug}/cards/${card.key}`), [router, slug]);
  const active = activeKey ? findCard(board, activeKey)?.card : null;

  return (
    <div className="flex h-[calc(100dvh-49px)] min-h-0 flex-col">
      <div className="flex items-center gap-3 px-5 pt-4 pb-3">
        <h1 className="flex items-baseline gap-2 text-[15px] font-semibold tracking-tight text-text">
          {board.project.name}
          <span className="font-mono text-[11px] font-normal text-muted">{board.project.key}</span>
        </h1>
        <span
          role="status"
          data-testid="realtime-status"
          data-status={status}
          className={cn(
            "ml-auto inline-flex items-center gap-1.5 text-[11px] transition-opacity",
            status === "reconnecting" ? "text-warning" : "text-muted",
            status === "connecting" && "opacity-0",
          )}
        >
          <span
            aria-hidden="true"
            className={cn("size-1.5 rounded-full", status === "live" ? "bg-success" : "animate-pulse bg-warning")}
          />
          {status === "reconnecting" ? t("board.reconnecting") : status === "live" ? t("board.live") : null}
        </span>
      </div>
      <DndContext
        // A fixed id keeps dnd-kit's generated aria ids the same on the server and in the browser.
        id={`board-${initial.project.id}`}
        sensors={sensors}
        collisionDetection={collisionDetection}
        measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={onDragCancel}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t("board.dnd.instructions") } }}
      >
        <section
          aria-label={t("board.columns")}
          className="flex min-h-0 flex-1 items-start gap-3 overflow-x-auto px-5 pb-5"
          data-testid="board"
        >
          {board.columns.map((column) => (
            <BoardColumn key={column.id} column={column} onOpenCard={openCard} onCreateCard={createCard} />
          ))}
          <AddColumn onCreate={createColumn} />
        </section>
        <DragOverlay dropAnimation={{ duration: 160, easing: "cubic-bezier(0.2, 0, 0, 1)" }}>
          {active ? (
            <div className="w-[268px]">
              <CardFace card={active} lifted />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      <Dialog
        open={pending !== null}
        onOpenChange={(open) => {
          if (!open && pending) {
            update((s) => placeCard(s, pending.origin.card));
            setPending(null);
          }
        }}
      >
        {pending ? (
          <DialogContent
            size="sm"
            title={t("board.wipConfirm.title", { column: pending.column.name })}
            description={t("board.wipConfirm.body", {
              column: pending.column.name,
              limit: pending.column.wipLimit,
              count: pending.count,
              key: pending.key,
            })}
          >
            <DialogFooter>
              <Button
                variant="secondary"
                onClick={() => {
                  update((s) => placeCard(s, pending.origin.card));
                  setPending(null);
                }}
              >
                {t("board.cancel")}
              </Button>
              <Button
                variant="primary"
                autoFocus
                onClick={() => {
                  const p = pending;
                  setPending(null);
                  void commitMove(p.key, p.origin);
                }}
              >
                {t("board.wipConfirm.confirm")}
              </Button>
            </DialogFooter>
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}
