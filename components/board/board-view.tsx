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
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  type PointerSensorOptions,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { horizontalListSortingStrategy, SortableContext, sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type PointerEvent as ReactPointerEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { WireEvent } from "../../lib/realtime/events.ts";
import { useT } from "../i18n-provider.tsx";
import { LiveStatus } from "../realtime/live-status.tsx";
import { PresenceAvatars } from "../realtime/presence-avatars.tsx";
import { usePresence, useRealtime } from "../realtime/use-realtime.ts";
import { ProjectTabs } from "../scrum/project-tabs.tsx";
import { SprintBar } from "../scrum/sprint-bar.tsx";
import { Button, buttonClasses, IconButton } from "../ui/button.tsx";
import { Dialog, DialogContent, DialogFooter } from "../ui/dialog.tsx";
import { ChatIcon } from "../ui/icons.tsx";
import { toast } from "../ui/toast.tsx";
import { ApiError, apiJson, projectPath } from "./api.ts";
import { CardFace } from "./board-card.tsx";
import { AddColumn, BoardColumn, type ColumnActions, NEW_CARD_EVENT, SortableColumnFrame } from "./board-column.tsx";
import { BoardFilterBar } from "./board-filter-bar.tsx";
import { type BoardFilter, filterBoard, filterOptions, filterToSearch, isFilterActive } from "./board-filters.ts";
import {
  applyEvent,
  type BoardCard,
  type BoardState,
  type BoardColumn as Column,
  columnIdFromDropId,
  columnIdFromSortId,
  columnNeighbours,
  columnSortId,
  deleteColumn as deleteColumnLocally,
  findCard,
  isColumnDropId,
  isColumnSortId,
  moveCardTo,
  moveColumnTo,
  neighbourKeys,
  placeCard,
  removeCards,
  upsertCard,
  upsertColumn,
  upsertColumnFields,
  visibleIndexToFull,
} from "./board-state.ts";
import { ShortcutsDialog } from "./shortcuts-dialog.tsx";

type DragOrigin = { card: BoardCard; columnId: number; index: number };
type ColumnDrag = { id: number; index: number; moved?: boolean };
type PendingMove = { key: string; origin: DragOrigin; column: Column; count: number };

const messageOf = (e: unknown) => (e instanceof ApiError || e instanceof Error ? e.message : String(e));

/**
 * Mouse and pen through pointer events; touch is left to the TouchSensor (press and hold), so that a
 * finger moving over the board scrolls it instead of dragging the card it started on.
 */
export class MouseOrPenSensor extends PointerSensor {
  static activators = [
    {
      eventName: "onPointerDown" as const,
      handler: ({ nativeEvent: event }: ReactPointerEvent, { onActivation }: PointerSensorOptions) => {
        if (event.pointerType === "touch" || !event.isPrimary || event.button !== 0) return false;
        onActivation?.({ event });
        return true;
      },
    },
  ];
}

/**
 * Arrow keys move a card among cards and card lists, and a column among columns: each drag sees
 * only the drop targets of its own kind.
 */
const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const { active, droppableContainers } = args.context;
  const isColumn = active !== null && isColumnSortId(active.id);
  const own = droppableContainers.getEnabled().filter((d) => isColumnSortId(d.id) === isColumn);
  // sortableKeyboardCoordinates reads the containers through these two methods only.
  const filtered = {
    getEnabled: () => own,
    get: (id: UniqueIdentifier) => droppableContainers.get(id),
  } as unknown as typeof droppableContainers;
  return sortableKeyboardCoordinates(event, { ...args, context: { ...args.context, droppableContainers: filtered } });
};

function TrashIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
      <path
        d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function SettingsIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
      <path d="M4 7h10M18 7h2M4 17h2M10 17h10" strokeLinecap="round" />
      <circle cx="16" cy="7" r="2" />
      <circle cx="8" cy="17" r="2" />
    </svg>
  );
}

/** On the board a tab is simply there; a card page says which card. */
const BOARD_PRESENCE = {};

const headerLink =
  "inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-[12px] text-muted transition-colors hover:bg-surface-2 hover:text-text focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/** Is the key press meant for a field (or a dialog), rather than a board shortcut? */
function isTyping(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  if (!el) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.closest("[role=dialog],[role=menu]") !== null;
}

export function BoardView({
  initial,
  me,
  initialFilter,
}: {
  initial: BoardState;
  me: { id: number; username: string };
  initialFilter: BoardFilter;
}) {
  const t = useT();
  const router = useRouter();
  const slug = initial.project.slug;
  const role = (initial.project as { role?: string }).role;
  const canEdit = role !== "viewer";
  const [board, setBoard] = useState(initial);
  const boardRef = useRef(board);
  const dragOrigin = useRef<DragOrigin | null>(null);

  // --- filter (in the URL, applied client-side) --------------------------------------------------
  const [filter, setFilterState] = useState(initialFilter);
  const filterRef = useRef(filter);
  const filterCtx = useMemo(() => ({ me: me.username, today: new Date() }), [me.username]);
  // Per filter, each column's filtered copy is cached by the column object: a drag that changes two
  // columns re-filters two, and the others keep their identity (memoised columns do not re-render).
  const filterCache = useRef(new WeakMap<Column, Column>());
  const applyFilter = useCallback(
    (s: BoardState, f: BoardFilter): BoardState => {
      if (!isFilterActive(f)) return s;
      const cache = filterCache.current;
      let changed = false;
      const columns = s.columns.map((column) => {
        let shown = cache.get(column);
        if (!shown) {
          shown = filterBoard({ ...s, columns: [column] }, f, filterCtx).columns[0];
          cache.set(column, shown);
        }
        if (shown !== column) changed = true;
        return shown;
      });
      return changed ? { ...s, columns } : s;
    },
    [filterCtx],
  );
  const visibleRef = useRef(applyFilter(board, filter));
  const update = useCallback(
    (fn: (s: BoardState) => BoardState) => {
      // Computed at once from the ref (every change goes through here), so drag handlers that run
      // before the next render see the board as it is now.
      const next = fn(boardRef.current);
      if (next === boardRef.current) return;
      boardRef.current = next;
      visibleRef.current = applyFilter(next, filterRef.current);
      setBoard(next);
    },
    [applyFilter],
  );
  const setFilter = useCallback(
    (next: BoardFilter) => {
      filterCache.current = new WeakMap();
      filterRef.current = next;
      visibleRef.current = applyFilter(boardRef.current, next);
      setFilterState(next);
      // Next.js keeps useSearchParams in step with history.replaceState, without a server round trip.
      window.history.replaceState(window.history.state, "", `${window.location.pathname}${filterToSearch(next)}`);
    },
    [applyFilter],
  );
  const visible = useMemo(() => applyFilter(board, filter), [applyFilter, board, filter]);
  const options = useMemo(() => filterOptions(board), [board]);
  const totals = useMemo(() => new Map(board.columns.map((c) => [c.id, c.cards.length])), [board]);
  const cardTotal = useMemo(() => board.columns.reduce((n, c) => n + c.cards.length, 0), [board]);
  const shownTotal = useMemo(() => visible.columns.reduce((n, c) => n + c.cards.length, 0), [visible]);

  // --- realtime -------------------------------------------------------------------------------
  // While a refetch is in flight, events keep arriving; they are replayed on top of its answer
  // (idempotently), so that an answer read before an event cannot undo it.
  const refetching = useRef<{ events: WireEvent[] } | null>(null);
  // Shown as aria-busy on the board while a reload runs: after a (re)join the board is only known
  // to be current once the reload answered, not when the connection says "live".
  const [isReloading, setReloading] = useState(false);
  const resync = useCallback(async () => {
    if (refetching.current) return;
    const inflight = { events: [] as WireEvent[] };
    refetching.current = inflight;
    setReloading(true);
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
      setReloading(false);
    }
  }, [slug, update]);
  const [isRemoved, setRemoved] = useState(false);
  const onEvent = useCallback(
    (event: WireEvent) => {
      if (event.type === "project.access_removed") {
        if ((event.data as { projectId?: number }).projectId === initial.project.id) setRemoved(true);
        return;
      }
      refetching.current?.events.push(event);
      // A scrum board is its active sprint: a sprint started or completed changes what it shows; an
      // import adds many cards at once (one event, not one per card).
      if (event.type.startsWith("sprint.") || event.type === "board.imported") void resync();
      if (dragOrigin.current && event.type === "card.moved" && (event.data as BoardCard).key === dragOrigin.current.card.key)
        return;
      update((s) => applyEvent(s, event));
    },
    [update, initial.project.id, resync],
  );
  const userRooms = useMemo(() => [`user:${me.id}`], [me.id]);
  const status = useRealtime({
    room: `project:${initial.project.id}`,
    extraRooms: userRooms,
    onEvent,
    onResync: resync,
    // The sidecar took the room away (access removed) or refused it.
    onDenied: () => setRemoved(true),
  });
  const present = usePresence(`project:${initial.project.id}`, BOARD_PRESENCE);
  const others = useMemo(() => present.filter((u) => u.id !== me.id), [present, me.id]);

  // --- mutations --------------------------------------------------------------------------------
  const createCard = useCallback(
    async (columnId: number, title: string) => {
      try {
        const card = await apiJson<BoardCard>(`${projectPath(slug)}/cards`, {
          method: "POST",
          // A card added on a scrum board joins the sprint the board shows.
          body: { title, columnId, placement: "bottom", sprintId: boardRef.current.project.activeSprint?.id },
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
        if (e instanceof ApiError && e.status === 409) {
          // Someone changed the board meanwhile: show it as it is now.
          toast(t("board.moveConflict", { key }), { variant: "error" });
          void resync();
        } else {
          toast(t("board.moveFailed", { key, message: messageOf(e) }), { variant: "error" });
        }
      }
    },
    [slug, t, update, resync],
  );

  // --- columns ------------------------------------------------------------------------------------
  const columnPath = useCallback((id: number) => `${projectPath(slug)}/columns/${id}`, [slug]);
  /**
   * Moves a column to `index` at once (menu or drag), then asks the server; a refusal puts it back
   * where it was and says why.
   */
  const moveColumn = useCallback(
    (id: number, index: number) => {
      const before = boardRef.current.columns.find((c) => c.id === id);
      if (!before || boardRef.current.columns.indexOf(before) === index) return;
      update((s) => moveColumnTo(s, id, index));
      const body = columnNeighbours(boardRef.current, id);
      apiJson<Omit<Column, "cards">>(`${columnPath(id)}/move`, { method: "POST", body }).then(
        (column) => update((s) => upsertColumnFields(s, column)),
        (e) => {
          update((s) => {
            const now = s.columns.find((c) => c.id === id);
            return now ? upsertColumnFields(s, { ...now, position: before.position }) : s;
          });
          const isConflict = e instanceof ApiError && e.status === 409;
          toast(isConflict ? t("board.column.moveConflict") : t("board.column.failed", { message: messageOf(e) }), {
            variant: "error",
          });
          if (isConflict) void resync();
        },
      );
    },
    [columnPath, resync, t, update],
  );
  const columnActions = useMemo<ColumnActions>(
    () => ({
      getColumns: () => boardRef.current.columns,
      async onUpdate(id, patch) {
        try {
          const column = await apiJson<Omit<Column, "cards">>(columnPath(id), { method: "PATCH", body: patch });
          update((s) => upsertColumnFields(s, column));
          return true;
        } catch (e) {
          toast(t("board.column.failed", { message: messageOf(e) }), { variant: "error" });
          return false;
        }
      },
      onMove(id, direction) {
        const index = boardRef.current.columns.findIndex((c) => c.id === id);
        if (index < 0) return;
        moveColumn(id, index + direction);
      },
      async onDelete(id, moveCardsTo) {
        const query = moveCardsTo ? `?moveCardsTo=${moveCardsTo}` : "";
        try {
          await apiJson<null>(`${columnPath(id)}${query}`, { method: "DELETE" });
          update((s) => deleteColumnLocally(s, { id, movedCardsTo: moveCardsTo }));
          void resync();
          return true;
        } catch (e) {
          toast(t("board.column.failed", { message: messageOf(e) }), { variant: "error" });
          if (e instanceof ApiError && e.status === 409) void resync();
          return false;
        }
      },
      async onArchiveCards(id) {
        const ids = boardRef.current.columns.find((c) => c.id === id)?.cards.map((c) => c.id) ?? [];
        try {
          const { archived } = await apiJson<{ archived: number }>(`${columnPath(id)}/archive-cards`, { method: "POST" });
          update((s) => removeCards(s, ids));
          toast(t("board.column.archived", { count: archived }), { variant: "success" });
          void resync();
          return true;
        } catch (e) {
          toast(t("board.column.failed", { message: messageOf(e) }), { variant: "error" });
          return false;
        }
      },
    }),
    [columnPath, moveColumn, resync, t, update],
  );

  // --- drag and drop ----------------------------------------------------------------------------
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const justMovedColumns = useRef(false);
  /** The column being dragged by its handle (cards and columns are never dragged at once). */
  const columnDrag = useRef<ColumnDrag | null>(null);

  const sensors = useSensors(
    useSensor(MouseOrPenSensor, { activationConstraint: { distance: 5 } }),
    // Touch: press and hold (a finger that moves first scrolls the board).
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: boardKeyboardCoordinates,
      // Enter opens the card; Space lifts and drops.
      keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space", "Enter"] },
    }),
  );

  const columnOf = (s: BoardState, id: UniqueIdentifier): Column | null => {
    if (isColumnDropId(id)) return s.columns.find((c) => c.id === columnIdFromDropId(String(id))) ?? null;
    return findCard(s, String(id))?.column ?? null;
  };

  // Pointer first (what is under the finger/mouse); inside a column with cards, the nearest card.
  // A column being dragged meets only columns, nearest centre first.
  const collisionDetection: CollisionDetection = useCallback((args) => {
    if (isColumnSortId(args.active.id)) {
      return closestCenter({ ...args, droppableContainers: args.droppableContainers.filter((d) => isColumnSortId(d.id)) });
    }
    args = { ...args, droppableContainers: args.droppableContainers.filter((d) => !isColumnSortId(d.id)) };
    const pointer = pointerWithin(args);
    const hits = pointer.length > 0 ? pointer : rectIntersection(args);
    let overId = getFirstCollision(hits, "id");
    if (overId == null) return [];
    if (isColumnDropId(overId)) {
      const column = visibleRef.current.columns.find((c) => c.id === columnIdFromDropId(String(overId)));
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

  const columnIndex = (id: UniqueIdentifier) =>
    isColumnSortId(id) ? boardRef.current.columns.findIndex((c) => c.id === columnIdFromSortId(String(id))) : -1;

  const onDragStart = ({ active }: DragStartEvent) => {
    if (isColumnSortId(active.id)) {
      columnDrag.current = { id: columnIdFromSortId(String(active.id)), index: columnIndex(active.id) };
      return;
    }
    const found = findCard(boardRef.current, String(active.id));
    if (!found) return;
    dragOrigin.current = { card: found.card, columnId: found.column.id, index: found.index };
    setActiveKey(found.card.key);
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    // Columns make room through their sortable transforms; the board changes on the drop.
    if (!over || isColumnSortId(active.id)) return;
    // Indices are in the visible (filtered) board; the full board gets the card next to its visible neighbours.
    const v = visibleRef.current;
    const from = columnOf(v, active.id);
    const to = columnOf(v, over.id);
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
    const key = String(active.id);
    const at = visibleIndexToFull(boardRef.current, v, key, to.id, index);
    update((st) => moveCardTo(st, key, to.id, at));
  };

  const finish = () => {
    setActiveKey(null);
    justMovedColumns.current = false;
  };

  const onDragCancel = () => {
    if (columnDrag.current) {
      columnDrag.current = null;
      return;
    }
    const origin = dragOrigin.current;
    dragOrigin.current = null;
    if (origin) update((s) => placeCard(s, origin.card));
    finish();
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (columnDrag.current) {
      const { id } = columnDrag.current;
      columnDrag.current = null;
      const to = over ? columnIndex(over.id) : -1;
      if (to >= 0) moveColumn(id, to);
      return;
    }
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
    const v = visibleRef.current;
    const column = columnOf(v, over.id);
    const current = findCard(v, key);
    if (!column || !current) return;
    if (column.id === current.column.id && !isColumnDropId(over.id) && over.id !== key) {
      const overIndex = column.cards.findIndex((c) => c.key === over.id);
      const next = moveCardTo(s, key, column.id, visibleIndexToFull(s, v, key, column.id, overIndex));
      s = next;
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

  const columnName = (id: UniqueIdentifier) => boardRef.current.columns[columnIndex(id)]?.name ?? "";
  const columnTotal = () => boardRef.current.columns.length;
  const cardAnnouncements: Announcements = {
    onDragStart({ active }) {
      const f = findCard(visibleRef.current, String(active.id));
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
      const f = findCard(visibleRef.current, String(active.id));
      if (!f) return undefined;
      const column = columnOf(visibleRef.current, over.id) ?? f.column;
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
      const f = findCard(visibleRef.current, String(active.id));
      if (!f) return undefined;
      const column = columnOf(visibleRef.current, over.id) ?? f.column;
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
  // A column's place is only changed on the drop, so its position while dragging is the target's.
  const announcements: Announcements = {
    onDragStart(e) {
      if (!isColumnSortId(e.active.id)) return cardAnnouncements.onDragStart(e);
      return t("board.dnd.columnStart", {
        column: columnName(e.active.id),
        position: columnIndex(e.active.id) + 1,
        total: columnTotal(),
      });
    },
    onDragOver(e) {
      if (!isColumnSortId(e.active.id)) return cardAnnouncements.onDragOver(e);
      // The first "over" is the column's own place: keep the pick-up announcement instead.
      if (!e.over || (e.over.id === e.active.id && !columnDrag.current?.moved)) return undefined;
      if (columnDrag.current) columnDrag.current.moved = true;
      return t("board.dnd.columnOver", {
        column: columnName(e.active.id),
        position: columnIndex(e.over.id) + 1,
        total: columnTotal(),
      });
    },
    onDragEnd(e) {
      if (!isColumnSortId(e.active.id)) return cardAnnouncements.onDragEnd(e);
      // Runs after onDragEnd: the column is already at its new place.
      return t("board.dnd.columnEnd", {
        column: columnName(e.active.id),
        position: columnIndex(e.active.id) + 1,
        total: columnTotal(),
      });
    },
    onDragCancel(e) {
      if (!isColumnSortId(e.active.id)) return cardAnnouncements.onDragCancel(e);
      return t("board.dnd.columnCancel", { column: columnName(e.active.id), position: columnIndex(e.active.id) + 1 });
    },
  };

  const openCard = useCallback((card: BoardCard) => router.push(`/${slug}/cards/${card.key}`), [router, slug]);
  const active = activeKey ? findCard(board, activeKey)?.card : null;
  const columnIds = useMemo(() => board.columns.map((c) => columnSortId(c.id)), [board.columns]);

  // --- keyboard shortcuts -------------------------------------------------------------------------
  const searchRef = useRef<HTMLInputElement>(null);
  const [isHelpOpen, setHelpOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e) || dragOrigin.current || columnDrag.current)
        return;
      if (e.key === "?") {
        e.preventDefault();
        setHelpOpen(true);
      } else if (e.key === "/") {
        e.preventDefault();
        searchRef.current?.focus();
      } else if ((e.key === "n" || e.key === "N") && !e.shiftKey) {
        e.preventDefault();
        window.dispatchEvent(new Event(NEW_CARD_EVENT));
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  if (isRemoved) {
    return (
      <div className="flex h-[calc(100dvh-49px)] items-center justify-center p-6">
        <div role="alert" className="flex max-w-sm flex-col items-center gap-3 text-center" data-testid="access-removed">
          <h1 className="text-[15px] font-semibold text-text">{t("board.removed.title")}</h1>
          <p className="text-[13px] text-muted">{t("board.removed.body", { project: board.project.name })}</p>
          <Link href="/" className={buttonClasses({ variant: "primary", size: "sm" })}>
            {t("board.removed.back")}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <div className="flex h-[calc(100dvh-49px)] min-h-0 flex-col">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-5 pt-4 pb-3">
        <h1 className="flex items-baseline gap-2 text-[15px] font-semibold tracking-tight text-text">
          {board.project.name}
          <span className="font-mono text-[11px] font-normal text-muted">{board.project.key}</span>
        </h1>
        {board.project.type === "scrum" ? <ProjectTabs slug={slug} current="board" /> : null}
        <BoardFilterBar
          ref={searchRef}
          filter={filter}
          onChange={setFilter}
          options={options}
          me={me.username}
          shown={shownTotal}
          total={cardTotal}
        />
        <div className="ml-auto flex items-center gap-3">
          <PresenceAvatars users={others} />
          <LiveStatus status={status} />
        </div>
        <nav aria-label={t("board.nav.label")} className="flex items-center gap-0.5">
          <Link href={`/${slug}/chat`} className={headerLink} data-testid="board-chat-link">
            <ChatIcon size={14} />
            {t("chat.openChat")}
          </Link>
          {/* A full page load: a client navigation to /cards/… would open the card dialog instead. */}
          <Link href={`/${slug}/topics`} className={headerLink} data-testid="board-topics-link">
            <ChatIcon size={14} />
            {t("topics.tab")}
          </Link>
          <a href={`/${slug}/cards/deleted`} className={headerLink} data-testid="board-deleted-link">
            <TrashIcon />
            {t("board.nav.deleted")}
          </a>
          {role === "admin" ? (
            <Link href={`/${slug}/settings`} className={headerLink} data-testid="board-settings-link">
              <SettingsIcon />
              {t("board.nav.settings")}
            </Link>
          ) : null}
        </nav>
        <IconButton
          label={t("board.shortcuts.open")}
          size="sm"
          className="size-7 font-mono text-[13px] text-muted"
          onClick={() => setHelpOpen(true)}
          aria-keyshortcuts="?"
        >
          ?
        </IconButton>
      </div>
      {board.project.type === "scrum" ? (
        <SprintBar slug={slug} sprint={board.project.activeSprint} canEdit={canEdit} onChanged={resync} />
      ) : null}
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
          aria-busy={isReloading || undefined}
        >
          <SortableContext items={columnIds} strategy={horizontalListSortingStrategy}>
            {visible.columns.map((column, i) => (
              <SortableColumnFrame key={column.id} column={column} canDrag={canEdit}>
                <BoardColumn
                  column={column}
                  total={totals.get(column.id) ?? column.cards.length}
                  canEdit={canEdit}
                  isFirst={i === 0}
                  onOpenCard={openCard}
                  onCreateCard={createCard}
                  actions={columnActions}
                />
              </SortableColumnFrame>
            ))}
          </SortableContext>
          {canEdit ? <AddColumn onCreate={createColumn} /> : null}
        </section>
        <DragOverlay dropAnimation={{ duration: 160, easing: "cubic-bezier(0.2, 0, 0, 1)" }}>
          {active ? (
            <div className="w-[268px]">
              <CardFace card={active} lifted />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      <ShortcutsDialog open={isHelpOpen} onOpenChange={setHelpOpen} />
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
