// The board's client state and the pure functions that change it: optimistic moves, server answers
// and realtime events all go through here, so that applying the same change twice is harmless.
import type { Board } from "../../lib/boards/board.ts";
import type { CardJson } from "../../lib/boards/card-json.ts";
import { byPosition, estimatePosition } from "../../lib/ordering/positions.ts";

export type BoardCard = Omit<CardJson, "description" | "links">;
export type BoardColumn = Omit<Board["columns"][number], "cards"> & { cards: BoardCard[] };
export type BoardState = { project: Board["project"]; columns: BoardColumn[] };

/** Ids of the sortable items: cards by key, columns prefixed so the two never collide. */
export const columnDropId = (columnId: number) => `column:${columnId}`;
export const isColumnDropId = (id: string | number) => typeof id === "string" && id.startsWith("column:");
export const columnIdFromDropId = (id: string) => Number(id.slice("column:".length));
/** Ids of the columns as sortable items (dragged by their header handle), distinct from their card lists. */
export const columnSortId = (columnId: number) => `column-sort:${columnId}`;
export const isColumnSortId = (id: string | number) => typeof id === "string" && id.startsWith("column-sort:");
export const columnIdFromSortId = (id: string) => Number(id.slice("column-sort:".length));

export function findCard(state: BoardState, key: string): { card: BoardCard; column: BoardColumn; index: number } | null {
  for (const column of state.columns) {
    const index = column.cards.findIndex((c) => c.key === key);
    if (index >= 0) return { card: column.cards[index], column, index };
  }
  return null;
}

function findCardById(state: BoardState, id: number): BoardCard | null {
  for (const column of state.columns) {
    const card = column.cards.find((c) => c.id === id);
    if (card) return card;
  }
  return null;
}

/** Puts the card where its `columnId` and `position` say, whatever version the board holds. */
export function placeCard(state: BoardState, card: BoardCard): BoardState {
  if (!state.columns.some((c) => c.id === card.columnId)) return removeCard(state, card.id);
  return {
    ...state,
    columns: state.columns.map((column) => {
      const rest = column.cards.filter((c) => c.id !== card.id);
      if (column.id !== card.columnId) return rest.length === column.cards.length ? column : { ...column, cards: rest };
      return { ...column, cards: [...rest, card].sort(byPosition) };
    }),
  };
}

/**
 * A card from the server (an answer or an event): applied only if it is newer than the board's copy,
 * so an event for our own optimistic change, or one that arrives twice, changes nothing.
 */
export function upsertCard(state: BoardState, card: BoardCard): BoardState {
  const existing = findCardById(state, card.id);
  if (existing && existing.version >= card.version) return state;
  // Payloads that do not carry the attachment count keep the one the board knows.
  const keep = existing?.attachmentCount !== undefined && card.attachmentCount === undefined;
  return placeCard(state, keep ? { ...card, attachmentCount: existing.attachmentCount } : card);
}

export function removeCard(state: BoardState, id: number): BoardState {
  if (!findCardById(state, id)) return state;
  return { ...state, columns: state.columns.map((c) => ({ ...c, cards: c.cards.filter((x) => x.id !== id) })) };
}

export function upsertColumn(state: BoardState, column: Omit<BoardColumn, "cards"> & { cards?: BoardCard[] }): BoardState {
  const existing = state.columns.find((c) => c.id === column.id);
  const next: BoardColumn = { ...column, cards: existing?.cards ?? column.cards ?? [] };
  return { ...state, columns: [...state.columns.filter((c) => c.id !== column.id), next].sort(byPosition) };
}

/** Moves a card to `index` in a column (optimistically): it keeps its version, gets an estimated position. */
export function moveCardTo(state: BoardState, key: string, columnId: number, index: number): BoardState {
  const found = findCard(state, key);
  const target = state.columns.find((c) => c.id === columnId);
  if (!found || !target) return state;
  const others = target.cards.filter((c) => c.id !== found.card.id);
  const at = Math.max(0, Math.min(index, others.length));
  const card = {
    ...found.card,
    columnId,
    position: estimatePosition(others[at - 1]?.position ?? null, others[at]?.position ?? null),
  };
  return {
    ...state,
    columns: state.columns.map((column) => {
      if (column.id === columnId) return { ...column, cards: [...others.slice(0, at), card, ...others.slice(at)] };
      if (column.id === found.column.id) return { ...column, cards: column.cards.filter((c) => c.id !== card.id) };
      return column;
    }),
  };
}

/** What the move endpoint needs: the cards that will precede and follow the moved card. */
export function neighbourKeys(state: BoardState, key: string): { columnId: number; after?: string; before?: string } | null {
  const found = findCard(state, key);
  if (!found) return null;
  const { column, index } = found;
  return {
    columnId: column.id,
    ...(index > 0 ? { after: column.cards[index - 1].key } : {}),
    ...(index < column.cards.length - 1 ? { before: column.cards[index + 1].key } : {}),
  };
}

export type BoardEvent = { type: string; data: unknown };

/** A column's fields from an event (column.created/updated/moved): the board's cards stay. */
export function upsertColumnFields(
  state: BoardState,
  column: { id: number; name: string; position: number; wipLimit: number; color: string | null },
): BoardState {
  return upsertColumn(state, column as Omit<BoardColumn, "cards">);
}

/**
 * A deleted column; its live cards went to the bottom of `movedCardsTo` (in their order, each one
 * version newer), as the server does it. Positions are estimates until the next refetch.
 */
export function deleteColumn(
  state: BoardState,
  data: { id: number; movedCardsTo?: number | null; movedCardIds?: number[] },
): BoardState {
  const gone = state.columns.find((c) => c.id === data.id);
  if (!gone) return state;
  const rest = state.columns.filter((c) => c.id !== data.id);
  const target = data.movedCardsTo != null ? rest.find((c) => c.id === data.movedCardsTo) : undefined;
  if (!target || gone.cards.length === 0) return { ...state, columns: rest };
  const moved = new Set(data.movedCardIds ?? gone.cards.map((c) => c.id));
  let last = target.cards.at(-1)?.position ?? 0;
  const arriving = gone.cards
    .filter((c) => moved.has(c.id))
    .map((c) => {
      last += 1024;
      return { ...c, columnId: target.id, position: last, version: c.version + 1 };
    });
  return {
    ...state,
    columns: rest.map((c) => (c.id === target.id ? { ...c, cards: [...c.cards, ...arriving] } : c)),
  };
}

/** The cards of a column that were archived (soft-deleted) leave the board. */
export function removeCards(state: BoardState, ids: number[]): BoardState {
  const gone = new Set(ids);
  if (!state.columns.some((c) => c.cards.some((x) => gone.has(x.id)))) return state;
  return {
    ...state,
    columns: state.columns.map((c) =>
      c.cards.some((x) => gone.has(x.id)) ? { ...c, cards: c.cards.filter((x) => !gone.has(x.id)) } : c,
    ),
  };
}

/** Moves a column (optimistically) to `index` among the columns, with an estimated position. */
export function moveColumnTo(state: BoardState, columnId: number, index: number): BoardState {
  const column = state.columns.find((c) => c.id === columnId);
  if (!column) return state;
  const others = state.columns.filter((c) => c.id !== columnId);
  const at = Math.max(0, Math.min(index, others.length));
  const moved = {
    ...column,
    position: estimatePosition(others[at - 1]?.position ?? null, others[at]?.position ?? null),
  };
  return { ...state, columns: [...others.slice(0, at), moved, ...others.slice(at)] };
}

/** What the column move endpoint needs: the column's neighbours after a local move. */
export function columnNeighbours(state: BoardState, columnId: number): { after?: number; before?: number } {
  const index = state.columns.findIndex((c) => c.id === columnId);
  if (index < 0) return {};
  return {
    ...(index > 0 ? { after: state.columns[index - 1].id } : {}),
    ...(index < state.columns.length - 1 ? { before: state.columns[index + 1].id } : {}),
  };
}

/** One card changed in place (counts from comment and attachment events); unknown ids: no change. */
function patchCard(state: BoardState, cardId: number, change: (card: BoardCard) => BoardCard): BoardState {
  if (!state.columns.some((c) => c.cards.some((x) => x.id === cardId))) return state;
  return {
    ...state,
    columns: state.columns.map((c) =>
      c.cards.some((x) => x.id === cardId) ? { ...c, cards: c.cards.map((x) => (x.id === cardId ? change(x) : x)) } : c,
    ),
  };
}

/** Applies one realtime event; unknown types leave the board as it is. */
export function applyEvent(state: BoardState, event: BoardEvent): BoardState {
  switch (event.type) {
    case "card.created":
    case "card.updated":
    case "card.moved":
    case "card.planned": {
      const card = event.data as BoardCard;
      // A scrum board shows its active sprint: a card that is not (or no longer) in it leaves.
      if (state.project.type === "scrum" && (!state.project.activeSprint || card.sprintId !== state.project.activeSprint.id))
        return removeCard(state, card.id);
      return upsertCard(state, card);
    }
    case "card.deleted":
      return removeCard(state, (event.data as { id: number }).id);
    case "column.created":
    case "column.updated":
    case "column.moved":
      return upsertColumnFields(state, event.data as BoardColumn);
    case "column.deleted":
      return deleteColumn(state, event.data as { id: number; movedCardsTo?: number | null; movedCardIds?: number[] });
    case "column.cards_archived":
      return removeCards(state, (event.data as { cardIds: number[] }).cardIds ?? []);
    case "comment.created":
    case "comment.deleted": {
      const { cardId } = event.data as { cardId: number };
      const delta = event.type === "comment.created" ? 1 : -1;
      return patchCard(state, cardId, (c) => ({ ...c, commentCount: Math.max(0, c.commentCount + delta) }));
    }
    case "attachment.created":
    case "attachment.deleted": {
      const { ownerType, ownerId } = event.data as { ownerType?: string; ownerId?: number };
      if (ownerType !== "card" || typeof ownerId !== "number") return state;
      const delta = event.type === "attachment.created" ? 1 : -1;
      return patchCard(state, ownerId, (c) => ({ ...c, attachmentCount: Math.max(0, (c.attachmentCount ?? 0) + delta) }));
    }
    default:
      return state;
  }
}

/**
 * A drop index in the filtered (visible) column, as an index among the full column's other cards:
 * before the visible card at that place, or right after the last visible one, or at the end.
 * Without a filter the two boards are the same and the index is unchanged.
 */
export function visibleIndexToFull(
  full: BoardState,
  visible: BoardState,
  key: string,
  columnId: number,
  visibleIndex: number,
): number {
  const others = full.columns.find((c) => c.id === columnId)?.cards.filter((c) => c.key !== key) ?? [];
  const shown = visible.columns.find((c) => c.id === columnId)?.cards.filter((c) => c.key !== key) ?? [];
  if (visibleIndex < shown.length) {
    const at = others.findIndex((c) => c.key === shown[Math.max(0, visibleIndex)].key);
    if (at >= 0) return at;
  }
  if (shown.length > 0) {
    const at = others.findIndex((c) => c.key === (shown.at(-1) as BoardCard).key);
    if (at >= 0) return at + 1;
  }
  return others.length;
}
