// The backlog page's client state and the pure functions that change it: optimistic drags, server
// answers and realtime events all go through here, so applying the same change twice is harmless.
import type { CardJson } from "../../lib/boards/card-json.ts";
import type { Backlog } from "../../lib/scrum/planning.ts";

export type PlanCard = Omit<CardJson, "description" | "links">;
export type PlanSprint = Omit<Backlog["sprints"][number], "cards">;
/** A list is the backlog or one sprint; `cards` in rank order. */
export type PlanList = { id: string; sprint: PlanSprint | null; cards: PlanCard[] };
export type PlanState = {
  project: Backlog["project"];
  canEdit: boolean;
  doneColumnIds: number[];
  columns: Backlog["columns"];
  averageVelocity: number | null;
  lists: PlanList[];
};

export const BACKLOG = "backlog";
export const sprintListId = (sprintId: number) => `sprint:${sprintId}`;
/** Drop-zone ids of the lists themselves, distinct from the cards' ids (their keys). */
export const listDropId = (listId: string) => `list:${listId}`;
export const isListDropId = (id: string | number) => typeof id === "string" && id.startsWith("list:");
export const listIdFromDropId = (id: string) => id.slice("list:".length);

const byRank = (a: PlanCard, b: PlanCard) => a.rank - b.rank || a.id - b.id;

export function fromBacklog(b: Backlog): PlanState {
  return {
    project: b.project,
    canEdit: b.canEdit,
    doneColumnIds: b.doneColumnIds,
    columns: b.columns,
    averageVelocity: b.averageVelocity,
    lists: [
      ...b.sprints.map(({ cards, ...sprint }) => ({ id: sprintListId(sprint.id), sprint, cards })),
      { id: BACKLOG, sprint: null, cards: b.backlog.cards },
    ],
  };
}

export function findCard(state: PlanState, key: string): { card: PlanCard; list: PlanList; index: number } | null {
  for (const list of state.lists) {
    const index = list.cards.findIndex((c) => c.key === key);
    if (index >= 0) return { card: list.cards[index], list, index };
  }
  return null;
}

export const isDone = (state: PlanState, card: PlanCard) => state.doneColumnIds.includes(card.columnId);

/** Which list a card belongs in: its sprint's, or the backlog unless it is done (then none). */
function listFor(state: PlanState, card: PlanCard): PlanList | null {
  if (card.sprintId !== null) return state.lists.find((l) => l.sprint?.id === card.sprintId) ?? null;
  return isDone(state, card) ? null : (state.lists.find((l) => l.id === BACKLOG) ?? null);
}

export function removeCard(state: PlanState, id: number): PlanState {
  if (!state.lists.some((l) => l.cards.some((c) => c.id === id))) return state;
  return { ...state, lists: state.lists.map((l) => ({ ...l, cards: l.cards.filter((c) => c.id !== id) })) };
}

/** Puts the card where its sprint, rank and column say, whatever version the state holds. */
export function placeCard(state: PlanState, card: PlanCard): PlanState {
  const target = listFor(state, card);
  return {
    ...state,
    lists: state.lists.map((list) => {
      const rest = list.cards.filter((c) => c.id !== card.id);
      if (list !== target) return rest.length === list.cards.length ? list : { ...list, cards: rest };
      return { ...list, cards: [...rest, card].sort(byRank) };
    }),
  };
}

/** A card from the server (answer or event), applied only if newer than the state's copy. */
export function upsertCard(state: PlanState, card: PlanCard): PlanState {
  for (const list of state.lists) {
    const existing = list.cards.find((c) => c.id === card.id);
    if (existing && existing.version >= card.version) return state;
  }
  return placeCard(state, card);
}

const rankBetween = (before: number | null, after: number | null) =>
  before === null && after === null
    ? 1024
    : before === null
      ? (after as number) - 1024
      : after === null
        ? before + 1024
        : before + (after - before) / 2;

/** Moves a card to `index` of a list (optimistically): estimated rank, the list's sprint. */
export function moveCardTo(state: PlanState, key: string, listId: string, index: number): PlanState {
  const found = findCard(state, key);
  const target = state.lists.find((l) => l.id === listId);
  if (!found || !target) return state;
  const others = target.cards.filter((c) => c.id !== found.card.id);
  const at = Math.max(0, Math.min(index, others.length));
  const card = {
    ...found.card,
    sprintId: target.sprint?.id ?? null,
    rank: rankBetween(others[at - 1]?.rank ?? null, others[at]?.rank ?? null),
  };
  return {
    ...state,
    lists: state.lists.map((list) => {
      if (list.id === listId) return { ...list, cards: [...others.slice(0, at), card, ...others.slice(at)] };
      if (list.id === found.list.id) return { ...list, cards: list.cards.filter((c) => c.id !== card.id) };
      return list;
    }),
  };
}

/** What the server needs after a local move: the list and the cards around the moved one. */
export function placement(state: PlanState, key: string): { sprintId: number | null; after?: string; before?: string } | null {
  const found = findCard(state, key);
  if (!found) return null;
  const { list, index } = found;
  return {
    sprintId: list.sprint?.id ?? null,
    ...(index > 0 ? { after: list.cards[index - 1].key } : {}),
    ...(index < list.cards.length - 1 ? { before: list.cards[index + 1].key } : {}),
  };
}

/** Points of a list's cards, and of those done. */
export function listPoints(state: PlanState, list: PlanList) {
  let points = 0;
  let done = 0;
  for (const c of list.cards) {
    points += c.storyPoints;
    if (isDone(state, c)) done += c.storyPoints;
  }
  return { points, done };
}

/** Applies a realtime event; sprint and column changes are left to a refetch (the caller's resync). */
export function applyEvent(state: PlanState, event: { type: string; data: unknown }): PlanState {
  switch (event.type) {
    case "card.created":
    case "card.updated":
    case "card.moved":
    case "card.planned":
      return upsertCard(state, event.data as PlanCard);
    case "card.deleted":
      return removeCard(state, (event.data as { id: number }).id);
    case "column.cards_archived": {
      let next = state;
      for (const id of (event.data as { cardIds?: number[] }).cardIds ?? []) next = removeCard(next, id);
      return next;
    }
    default:
      return state;
  }
}

/** Events after which the page reloads its data (sprints, columns, done columns changed). */
export const needsResync = (type: string) =>
  type.startsWith("sprint.") || type.startsWith("column.") || type === "project.done_columns_updated";
