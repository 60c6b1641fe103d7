"use client";
// The backlog of a scrum project: the active and planned sprints and the backlog as ranked lists.
// Cards are dragged (mouse, touch, keyboard with announcements) within and between the lists,
// estimated inline, and every change from other users arrives live.
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
  pointerWithin,
  rectIntersection,
  TouchSensor,
  type UniqueIdentifier,
  useDroppable,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useRouter } from "next/navigation";
import { type FormEvent, type KeyboardEvent, memo, type ReactNode, useCallback, useMemo, useRef, useState } from "react";
import type { WireEvent } from "../../lib/realtime/events.ts";
import type { Backlog } from "../../lib/scrum/planning.ts";
import { ApiError, apiJson, projectPath } from "../board/api.ts";
import { MouseOrPenSensor } from "../board/board-view.tsx";
import { useLanguage, useT } from "../i18n-provider.tsx";
import { LiveStatus } from "../realtime/live-status.tsx";
import { useRealtime } from "../realtime/use-realtime.ts";
import { Avatar } from "../ui/avatar.tsx";
import { Badge } from "../ui/badge.tsx";
import { Button, IconButton } from "../ui/button.tsx";
import { cn } from "../ui/cn.ts";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "../ui/dialog.tsx";
import { GripIcon, MoreIcon, PlusIcon } from "../ui/icons.tsx";
import { Input } from "../ui/input.tsx";
import { Menu, MenuContent, MenuItem, MenuTrigger } from "../ui/menu.tsx";
import { toast } from "../ui/toast.tsx";
import {
  applyEvent,
  BACKLOG,
  findCard,
  fromBacklog,
  isDone,
  isListDropId,
  listDropId,
  listIdFromDropId,
  listPoints,
  moveCardTo,
  needsResync,
  type PlanCard,
  type PlanList,
  type PlanSprint,
  type PlanState,
  placeCard,
  placement,
  upsertCard,
} from "./backlog-state.ts";
import { countOf, formatDay, sprintTiming } from "./format.ts";
import { ProjectTabs } from "./project-tabs.tsx";
import { CompleteSprintDialog, SprintFormDialog, StartSprintDialog } from "./sprint-dialogs.tsx";

type DragOrigin = { card: PlanCard; listId: string; index: number };
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function BacklogView({ initial, me }: { initial: Backlog; me: { id: number } }) {
  const t = useT();
  const router = useRouter();
  const slug = initial.project.slug;
  const [state, setState] = useState<PlanState>(() => fromBacklog(initial));
  const stateRef = useRef(state);
  const dragOrigin = useRef<DragOrigin | null>(null);
  const update = useCallback((fn: (s: PlanState) => PlanState) => {
    const next = fn(stateRef.current);
    if (next === stateRef.current) return;
    stateRef.current = next;
    setState(next);
  }, []);

  // --- realtime: events on top of the state; sprint and column changes refetch -------------------
  const refetching = useRef<{ events: WireEvent[] } | null>(null);
  const resync = useCallback(async () => {
    if (refetching.current) return;
    const inflight = { events: [] as WireEvent[] };
    refetching.current = inflight;
    try {
      const fresh = await apiJson<Backlog>(`${projectPath(slug)}/backlog`);
      update((current) => {
        let next = fromBacklog(fresh);
        for (const e of inflight.events) next = applyEvent(next, e);
        const dragged = dragOrigin.current ? findCard(current, dragOrigin.current.card.key) : null;
        if (dragged) next = moveCardTo(next, dragged.card.key, dragged.list.id, dragged.index);
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
      if (event.type === "project.access_removed") {
        if ((event.data as { projectId?: number }).projectId === initial.project.id) router.push("/");
        return;
      }
      refetching.current?.events.push(event);
      if (dragOrigin.current && (event.data as { key?: string } | null)?.key === dragOrigin.current.card.key) return;
      update((s) => applyEvent(s, event));
      if (needsResync(event.type)) void resync();
    },
    [update, resync, initial.project.id, router],
  );
  const userRooms = useMemo(() => [`user:${me.id}`], [me.id]);
  const status = useRealtime({ room: `project:${initial.project.id}`, extraRooms: userRooms, onEvent, onResync: resync });

  // --- mutations ---------------------------------------------------------------------------------
  const commitMove = useCallback(
    async (key: string, origin: DragOrigin) => {
      const target = placement(stateRef.current, key);
      if (!target) return;
      const { sprintId, ...neighbours } = target;
      try {
        const card = await apiJson<PlanCard>(
          sprintId === null ? `${projectPath(slug)}/backlog` : `${projectPath(slug)}/sprints/${sprintId}/cards`,
          { method: "POST", body: { key, ...neighbours } },
        );
        update((s) => upsertCard(s, card));
        if (sprintId !== origin.card.sprintId) void resync();
      } catch (e) {
        update((s) => placeCard(s, origin.card));
        if (e instanceof ApiError && e.status === 409) {
          toast(t("scrum.backlog.conflict"), { variant: "error" });
          void resync();
        } else toast(t("scrum.backlog.moveFailed", { key, message: messageOf(e) }), { variant: "error" });
      }
    },
    [slug, t, update, resync],
  );
  const estimate = useCallback(
    async (card: PlanCard, storyPoints: number) => {
      try {
        const saved = await apiJson<PlanCard>(`${projectPath(slug)}/cards/${encodeURIComponent(card.key)}`, {
          method: "PATCH",
          body: { storyPoints, version: card.version },
        });
        update((s) => upsertCard(s, saved));
      } catch (e) {
        toast(t("scrum.backlog.estimateFailed", { key: card.key, message: messageOf(e) }), { variant: "error" });
        if (e instanceof ApiError && e.status === 409) void resync();
      }
    },
    [slug, t, update, resync],
  );
  const createCard = useCallback(
    async (title: string) => {
      try {
        const card = await apiJson<PlanCard>(`${projectPath(slug)}/cards`, { method: "POST", body: { title } });
        update((s) => upsertCard(s, card));
        return true;
      } catch (e) {
        toast(t("scrum.backlog.createFailed", { message: messageOf(e) }), { variant: "error" });
        return false;
      }
    },
    [slug, t, update],
  );

  // --- dialogs --------------------------------------------------------------------------------------
  const [form, setForm] = useState<{ sprint: PlanSprint | null } | null>(null);
  const [starting, setStarting] = useState<PlanSprint | null>(null);
  const [completing, setCompleting] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<PlanSprint | null>(null);
  const deleteSprint = async (sprint: PlanSprint) => {
    setDeleting(null);
    try {
      await apiJson(`${projectPath(slug)}/sprints/${sprint.id}`, { method: "DELETE" });
      toast(t("scrum.sprint.deleted", { name: sprint.name }), { variant: "success" });
    } catch (e) {
      toast(t("scrum.sprint.failed", { message: messageOf(e) }), { variant: "error" });
    }
    void resync();
  };

  // --- drag and drop ----------------------------------------------------------------------------
  const [activeKey, setActiveKey] = useState<string | null>(null);
  // Arrow keys go from card to card, across lists; a list itself is a target only while it is empty.
  const keyboardCoordinates: KeyboardCoordinateGetter = useCallback((event, args) => {
    const { droppableContainers } = args.context;
    const empty = new Set(stateRef.current.lists.filter((l) => l.cards.length === 0).map((l) => listDropId(l.id)));
    const own = droppableContainers.getEnabled().filter((d) => !isListDropId(d.id) || empty.has(String(d.id)));
    const filtered = {
      getEnabled: () => own,
      get: (id: UniqueIdentifier) => droppableContainers.get(id),
    } as unknown as typeof droppableContainers;
    return sortableKeyboardCoordinates(event, { ...args, context: { ...args.context, droppableContainers: filtered } });
  }, []);
  const sensors = useSensors(
    useSensor(MouseOrPenSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: keyboardCoordinates,
      keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space", "Enter"] },
    }),
  );
  const listOf = (s: PlanState, id: UniqueIdentifier): PlanList | null => {
    if (isListDropId(id)) return s.lists.find((l) => l.id === listIdFromDropId(String(id))) ?? null;
    return findCard(s, String(id))?.list ?? null;
  };
  const collisionDetection: CollisionDetection = useCallback((args) => {
    const pointer = pointerWithin(args);
    const hits = pointer.length > 0 ? pointer : rectIntersection(args);
    let overId = getFirstCollision(hits, "id");
    if (overId == null) return [];
    if (isListDropId(overId)) {
      const list = stateRef.current.lists.find((l) => l.id === listIdFromDropId(String(overId)));
      if (list && list.cards.length > 0) {
        const keys = new Set(list.cards.map((c) => c.key));
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
    const found = findCard(stateRef.current, String(active.id));
    if (!found) return;
    dragOrigin.current = { card: found.card, listId: found.list.id, index: found.index };
    setActiveKey(found.card.key);
  };
  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over) return;
    const s = stateRef.current;
    const from = listOf(s, active.id);
    const to = listOf(s, over.id);
    if (!from || !to || from.id === to.id) return;
    let index = to.cards.length;
    if (!isListDropId(over.id)) {
      const overIndex = to.cards.findIndex((c) => c.key === over.id);
      const rect = active.rect.current.translated;
      index = overIndex + (rect && rect.top > over.rect.top + over.rect.height / 2 ? 1 : 0);
    }
    update((st) => moveCardTo(st, String(active.id), to.id, index));
  };
  const onDragCancel = () => {
    const origin = dragOrigin.current;
    dragOrigin.current = null;
    setActiveKey(null);
    if (origin) update((s) => placeCard(s, origin.card));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const origin = dragOrigin.current;
    dragOrigin.current = null;
    setActiveKey(null);
    if (!origin) return;
    const key = String(active.id);
    if (!over) {
      update((s) => placeCard(s, origin.card));
      return;
    }
    const s = stateRef.current;
    const list = listOf(s, over.id);
    const current = findCard(s, key);
    if (!list || !current) return;
    if (list.id === current.list.id && !isListDropId(over.id) && over.id !== key) {
      const overIndex = list.cards.findIndex((c) => c.key === over.id);
      update((st) => moveCardTo(st, key, list.id, overIndex));
    }
    const placed = findCard(stateRef.current, key);
    if (!placed || (placed.list.id === origin.listId && placed.index === origin.index)) return;
    void commitMove(key, origin);
  };

  const listName = useCallback((list: PlanList) => list.sprint?.name ?? t("scrum.backlog.heading"), [t]);
  const where = (id: UniqueIdentifier, overId?: UniqueIdentifier) => {
    const s = stateRef.current;
    const f = findCard(s, String(id));
    if (!f) return null;
    const list = overId !== undefined ? (listOf(s, overId) ?? f.list) : f.list;
    const index =
      overId === undefined || isListDropId(overId) || list.id !== f.list.id
        ? f.index
        : list.cards.findIndex((c) => c.key === overId);
    return { key: f.card.key, list: listName(list), position: Math.max(index, 0) + 1, total: list.cards.length };
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const w = where(active.id);
      return w ? t("scrum.dnd.start", w) : undefined;
    },
    onDragOver: ({ active, over }) => {
      if (!over) return t("scrum.dnd.overNone", { key: String(active.id) });
      const w = where(active.id, over.id);
      return w ? t("scrum.dnd.over", w) : undefined;
    },
    onDragEnd: ({ active, over }) => {
      if (!over) return t("scrum.dnd.endNone", { key: String(active.id) });
      const w = where(active.id, over.id);
      return w ? t("scrum.dnd.end", w) : undefined;
    },
    onDragCancel: ({ active }) => {
      const f = findCard(stateRef.current, String(active.id));
      return t("scrum.dnd.cancel", { key: String(active.id), list: f ? listName(f.list) : "" });
    },
  };

  const openCard = useCallback((card: PlanCard) => router.push(`/${slug}/cards/${card.key}`), [router, slug]);
  const columnName = useCallback((id: number) => state.columns.find((c) => c.id === id)?.name ?? "", [state.columns]);
  const active = activeKey ? findCard(state, activeKey)?.card : null;
  const activeSprint = state.lists.find((l) => l.sprint?.status === "active")?.sprint ?? null;
  const firstPlanned = state.lists.find((l) => l.sprint?.status === "planned")?.sprint ?? null;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-5 pt-4 pb-3">
        <h1 className="flex items-baseline gap-2 text-[15px] font-semibold tracking-tight text-text">
          {state.project.name}
          <span className="font-mono text-[11px] font-normal text-muted">{state.project.key}</span>
        </h1>
        <ProjectTabs slug={slug} current="backlog" />
        <LiveStatus status={status} className="ml-auto" />
        {state.canEdit ? (
          <Button size="sm" variant="secondary" onClick={() => setForm({ sprint: null })} data-testid="create-sprint">
            <PlusIcon size={14} />
            {t("scrum.sprint.create")}
          </Button>
        ) : null}
      </div>
      <DndContext
        id={`backlog-${initial.project.id}`}
        sensors={sensors}
        collisionDetection={collisionDetection}
        measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={onDragCancel}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t("scrum.dnd.instructions") } }}
      >
        <div className="flex w-full max-w-5xl flex-col gap-4 px-5 pb-10" data-testid="backlog-page">
          {state.lists.map((list) => (
            <PlanListSection
              key={list.id}
              state={state}
              list={list}
              canEdit={state.canEdit}
              columnName={columnName}
              onOpen={openCard}
              onEstimate={estimate}
              onCreate={list.id === BACKLOG ? createCard : undefined}
              actions={
                list.sprint && state.canEdit ? (
                  <SprintActions
                    sprint={list.sprint}
                    canStart={activeSprint === null && firstPlanned?.id === list.sprint.id}
                    onStart={() => setStarting(list.sprint)}
                    onComplete={() => setCompleting(list.sprint?.id ?? null)}
                    onEdit={() => setForm({ sprint: list.sprint })}
                    onDelete={() => setDeleting(list.sprint)}
                  />
                ) : null
              }
            />
          ))}
        </div>
        <DragOverlay dropAnimation={{ duration: 160, easing: "cubic-bezier(0.2, 0, 0, 1)" }}>
          {active ? (
            <RowFace card={active} columnName={columnName(active.columnId)} isDone={isDone(state, active)} lifted />
          ) : null}
        </DragOverlay>
      </DndContext>
      <SprintFormDialog
        slug={slug}
        sprint={form?.sprint ?? null}
        open={form !== null}
        onOpenChange={(open) => !open && setForm(null)}
        onDone={() => void resync()}
      />
      <StartSprintDialog
        slug={slug}
        sprint={starting}
        averageVelocity={state.averageVelocity}
        onOpenChange={(open) => !open && setStarting(null)}
        onDone={() => void resync()}
      />
      <CompleteSprintDialog
        slug={slug}
        sprintId={completing}
        onOpenChange={(open) => !open && setCompleting(null)}
        onDone={() => void resync()}
      />
      <Dialog open={deleting !== null} onOpenChange={(open) => !open && setDeleting(null)}>
        {deleting ? (
          <DialogContent
            size="sm"
            title={t("scrum.sprint.deleteTitle", { name: deleting.name })}
            description={t("scrum.sprint.deleteBody", { count: deleting.cardCount })}
          >
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="ghost">{t("common.cancel")}</Button>
              </DialogClose>
              <Button variant="danger" onClick={() => deleteSprint(deleting)}>
                {t("scrum.sprint.delete")}
              </Button>
            </DialogFooter>
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}

function SprintActions({
  sprint,
  canStart,
  onStart,
  onComplete,
  onEdit,
  onDelete,
}: {
  sprint: PlanSprint;
  canStart: boolean;
  onStart: () => void;
  onComplete: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const t = useT();
  return (
    <div className="flex items-center gap-1">
      {sprint.status === "active" ? (
        <Button size="sm" variant="primary" onClick={onComplete} data-testid="complete-sprint-button">
          {t("scrum.sprint.complete")}
        </Button>
      ) : (
        <Button
          size="sm"
          variant={canStart ? "primary" : "secondary"}
          disabled={!canStart}
          onClick={onStart}
          data-testid="start-sprint-button"
        >
          {t("scrum.sprint.start")}
        </Button>
      )}
      <Menu>
        <MenuTrigger asChild>
          <IconButton size="sm" label={t("scrum.sprint.menu", { name: sprint.name })}>
            <MoreIcon size={15} />
          </IconButton>
        </MenuTrigger>
        <MenuContent>
          <MenuItem onSelect={onEdit}>{t("scrum.sprint.edit")}</MenuItem>
          {sprint.status === "planned" ? (
            <MenuItem variant="danger" onSelect={onDelete}>
              {t("scrum.sprint.delete")}
            </MenuItem>
          ) : null}
        </MenuContent>
      </Menu>
    </div>
  );
}

function PlanListSection({
  state,
  list,
  canEdit,
  columnName,
  onOpen,
  onEstimate,
  onCreate,
  actions,
}: {
  state: PlanState;
  list: PlanList;
  canEdit: boolean;
  columnName: (id: number) => string;
  onOpen: (card: PlanCard) => void;
  onEstimate: (card: PlanCard, points: number) => void;
  onCreate?: (title: string) => Promise<boolean>;
  actions: ReactNode;
}) {
  const t = useT();
  const language = useLanguage();
  const { setNodeRef, isOver } = useDroppable({ id: listDropId(list.id) });
  const items = useMemo(() => list.cards.map((c) => c.key), [list.cards]);
  const { points, done } = listPoints(state, list);
  const sprint = list.sprint;
  const headingId = `plan-${list.id.replace(":", "-")}`;
  const velocity = state.averageVelocity;
  const isOverCapacity = sprint?.status === "planned" && velocity !== null && points > velocity;
  // The running total down the backlog, and where one sprint at the average velocity ends.
  let running = 0;
  let lineShown = false;
  const timing = sprint ? sprintTiming(t, sprint) : null;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={sprint ? "sprint-section" : "backlog-section"}
      data-sprint-name={sprint?.name}
      className={cn("rounded-xl border bg-surface shadow-sm", sprint?.status === "active" ? "border-accent/40" : "border-border")}
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-border px-4 py-2.5">
        <h2 id={headingId} className="text-sm font-semibold text-text">
          {sprint ? sprint.name : t("scrum.backlog.heading")}
        </h2>
        {sprint ? (
          <Badge variant={sprint.status === "active" ? "accent" : "neutral"}>
            {t(sprint.status === "active" ? "scrum.sprint.active" : "scrum.sprint.planned")}
          </Badge>
        ) : null}
        <span className="text-xs text-muted">
          {sprint
            ? sprint.startDate && sprint.endDate
              ? t("scrum.sprint.dates", {
                  start: formatDay(sprint.startDate, language),
                  end: formatDay(sprint.endDate, language),
                })
              : t("scrum.sprint.noDates")
            : t("scrum.backlog.summary", { cards: countOf(t, "cards", list.cards.length), points: countOf(t, "points", points) })}
        </span>
        {timing ? <span className="text-xs text-muted">· {timing}</span> : null}
        <span className="ml-auto flex items-center gap-3 text-xs text-muted" data-testid="list-points">
          {sprint?.status === "active" ? (
            <span>{t("scrum.sprint.progress", { done, points })}</span>
          ) : sprint ? (
            <span
              className={cn(isOverCapacity && "font-medium text-warning")}
              title={isOverCapacity ? t("scrum.sprint.overCapacity") : undefined}
            >
              {t("scrum.sprint.commitment", { points })}
              {" · "}
              {velocity !== null ? t("scrum.sprint.velocity", { points: velocity }) : t("scrum.sprint.noVelocity")}
            </span>
          ) : null}
          {sprint ? <span>{countOf(t, "cards", list.cards.length)}</span> : null}
        </span>
        {actions}
        {sprint?.goal ? (
          <p className="w-full text-xs text-muted">
            <span className="font-medium text-text">{t("scrum.sprint.goal")}:</span> {sprint.goal}
          </p>
        ) : null}
      </header>
      <SortableContext id={listDropId(list.id)} items={items} strategy={verticalListSortingStrategy}>
        <ol
          ref={setNodeRef}
          aria-labelledby={headingId}
          className={cn(
            "flex min-h-12 flex-col px-2 py-1.5 transition-colors",
            isOver && list.cards.length === 0 && "bg-accent-soft/60",
          )}
          data-list-id={list.id}
        >
          {list.cards.length === 0 ? (
            <li className="flex min-h-10 items-center justify-center rounded-lg border border-dashed border-border text-xs text-muted">
              {sprint ? t("scrum.sprint.emptyDrop") : t("scrum.backlog.empty")}
            </li>
          ) : null}
          {list.cards.map((card) => {
            running += card.storyPoints;
            const showLine = !sprint && !lineShown && velocity !== null && velocity > 0 && running > velocity;
            if (showLine) lineShown = true;
            return (
              <SortableRow
                key={card.id}
                card={card}
                columnName={columnName(card.columnId)}
                isDone={isDone(state, card)}
                running={sprint ? null : running}
                velocityLine={showLine ? velocity : null}
                canEdit={canEdit}
                onOpen={onOpen}
                onEstimate={onEstimate}
              />
            );
          })}
        </ol>
      </SortableContext>
      {onCreate && canEdit ? <AddBacklogCard onCreate={onCreate} /> : null}
    </section>
  );
}

function AddBacklogCard({ onCreate }: { onCreate: (title: string) => Promise<boolean> }) {
  const t = useT();
  const [title, setTitle] = useState("");
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const text = title.trim();
    if (!text) return;
    setBusy(true);
    if (await onCreate(text)) setTitle("");
    setBusy(false);
  };
  return (
    <form onSubmit={onSubmit} className="flex items-center gap-2 border-t border-border px-3 py-2">
      <PlusIcon size={14} className="text-muted" />
      <Input
        size="sm"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        aria-label={t("scrum.backlog.addCard")}
        placeholder={t("scrum.backlog.addPlaceholder")}
        maxLength={191}
        disabled={busy}
        className="border-transparent shadow-none hover:border-border"
        data-testid="backlog-add-card"
      />
    </form>
  );
}

/** A row's look; used in the list and, lifted, in the drag overlay. */
const RowFace = memo(function RowFace({
  card,
  columnName,
  isDone,
  lifted = false,
}: {
  card: PlanCard;
  columnName: string;
  isDone: boolean;
  lifted?: boolean;
}) {
  const t = useT();
  return (
    <div
      className={cn(
        "flex min-h-9 min-w-0 flex-1 items-center gap-2.5 rounded-md px-2 py-1.5 text-left",
        lifted && "rotate-[0.5deg] cursor-grabbing border border-accent/50 bg-surface shadow-lg",
      )}
    >
      <GripIcon size={14} className="shrink-0 text-muted/60" />
      <span className={cn("w-20 shrink-0 font-mono text-[11px] text-muted tabular-nums", isDone && "line-through")}>
        {card.key}
      </span>
      <span className={cn("min-w-0 flex-1 truncate text-[13px] text-text", isDone && "text-muted")}>{card.title}</span>
      {card.labels.slice(0, 2).map((l) => (
        <span
          key={l.id}
          className="hidden shrink-0 items-center gap-1 rounded-full border border-border px-1.5 py-px text-[11px] text-muted sm:inline-flex"
        >
          <span className="size-1.5 rounded-full" style={{ backgroundColor: l.color }} aria-hidden="true" />
          {l.name}
        </span>
      ))}
      <Badge variant={isDone ? "success" : "outline"} className="hidden max-w-28 truncate sm:inline-flex">
        {columnName}
      </Badge>
      <span className="flex w-12 shrink-0 justify-end -space-x-1.5">
        {card.assignees.slice(0, 2).map((a) => (
          <Avatar key={a.id} username={a.username} size="xs" decorative className="ring-2 ring-surface" />
        ))}
      </span>
      {lifted ? (
        <span className="w-12 text-right text-xs text-muted tabular-nums">{card.storyPoints || t("scrum.backlog.noPoints")}</span>
      ) : null}
    </div>
  );
});

const SortableRow = memo(function SortableRow({
  card,
  columnName,
  isDone,
  running,
  velocityLine,
  canEdit,
  onOpen,
  onEstimate,
}: {
  card: PlanCard;
  columnName: string;
  isDone: boolean;
  running: number | null;
  velocityLine: number | null;
  canEdit: boolean;
  onOpen: (card: PlanCard) => void;
  onEstimate: (card: PlanCard, points: number) => void;
}) {
  const t = useT();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: card.key,
    disabled: !canEdit,
  });
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Enter" && !isDragging) {
      e.preventDefault();
      onOpen(card);
      return;
    }
    listeners?.onKeyDown?.(e);
  };
  return (
    <>
      {velocityLine !== null ? (
        <li className="my-1 flex items-center gap-2 px-2 text-[11px] text-accent" data-testid="velocity-line">
          <span className="h-px flex-1 border-t border-dashed border-accent/60" />
          {t("scrum.backlog.velocityLine", { points: velocityLine })}
          <span className="h-px flex-1 border-t border-dashed border-accent/60" />
        </li>
      ) : null}
      <li
        ref={setNodeRef}
        style={{ transform: CSS.Translate.toString(transform), transition }}
        className={cn(
          "flex list-none items-center gap-1 rounded-md border border-transparent hover:bg-surface-2/70",
          isDragging && "border-dashed border-border opacity-40",
        )}
        data-card-key={card.key}
      >
        {/* biome-ignore lint/a11y/useSemanticElements: the row holds a list of labels, which a <button> may not contain. */}
        <div
          {...attributes}
          role="button"
          tabIndex={0}
          {...listeners}
          onKeyDown={onKeyDown}
          onClick={(e) => !e.defaultPrevented && onOpen(card)}
          aria-label={[card.key, card.title, columnName, card.storyPoints ? countOf(t, "points", card.storyPoints) : ""]
            .filter(Boolean)
            .join(", ")}
          className="flex min-w-0 flex-1 cursor-pointer touch-manipulation rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <RowFace card={card} columnName={columnName} isDone={isDone} />
        </div>
        <PointsInput card={card} canEdit={canEdit} onSave={onEstimate} />
        {running !== null ? (
          <span
            className="w-16 shrink-0 pr-1 text-right text-[11px] text-muted tabular-nums"
            title={t("scrum.backlog.runningTotal", { points: running })}
            data-testid="running-total"
          >
            <span aria-hidden="true">{t("scrum.backlog.runningShort", { points: running })}</span>
            <span className="sr-only">{t("scrum.backlog.runningTotal", { points: running })}</span>
          </span>
        ) : null}
      </li>
    </>
  );
});

/** Inline estimation: the card's story points, saved on Enter or when leaving the field. */
function PointsInput({
  card,
  canEdit,
  onSave,
}: {
  card: PlanCard;
  canEdit: boolean;
  onSave: (card: PlanCard, points: number) => void;
}) {
  const t = useT();
  return (
    <input
      key={`${card.id}-${card.version}`}
      type="number"
      inputMode="numeric"
      min={0}
      max={1000}
      step={1}
      defaultValue={card.storyPoints || ""}
      placeholder={t("scrum.backlog.noPoints")}
      disabled={!canEdit}
      aria-label={t("scrum.backlog.points", { key: card.key })}
      data-testid="points-input"
      className="h-7 w-12 shrink-0 rounded-md border border-transparent bg-surface-2 text-center text-xs font-medium text-text tabular-nums [appearance:textfield] placeholder:text-muted hover:border-border focus-visible:border-accent focus-visible:bg-surface focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring/30 disabled:opacity-70 [&::-webkit-inner-spin-button]:appearance-none"
      onKeyDown={(e) => {
        if (e.key === "Enter") (e.target as HTMLInputElement).blur();
        if (e.key === "Escape") {
          (e.target as HTMLInputElement).value = card.storyPoints ? String(card.storyPoints) : "";
          (e.target as HTMLInputElement).blur();
        }
      }}
      onBlur={(e) => {
        const raw = e.target.value.trim();
        const v = raw === "" ? 0 : Number(raw);
        if (!Number.isInteger(v) || v < 0 || v > 1000) {
          e.target.value = card.storyPoints ? String(card.storyPoints) : "";
          return;
        }
        if (v !== card.storyPoints) onSave(card, v);
      }}
    />
  );
}
