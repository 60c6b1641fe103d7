// The board page's client state: optimistic moves, server answers and realtime events must agree
// whatever order they arrive in, and applying one twice must change nothing.
import { describe, expect, it } from "vitest";
import {
  applyEvent,
  type BoardCard,
  type BoardState,
  moveCardTo,
  neighbourKeys,
  placeCard,
  upsertCard,
} from "../../components/board/board-state.ts";

const card = (id: number, columnId: number, position: number, version = 1): BoardCard =>
  ({
    id,
    key: `P-${id}`,
    number: id,
    title: `Card ${id}`,
    columnId,
    position,
    priority: "medium",
    type: "task",
    dueDate: null,
    estimateHours: 0,
    storyPoints: 0,
    parentKey: null,
    version,
    rank: id * 1024,
    sprintId: null,
    assignees: [],
    labels: [],
    commentCount: 0,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
  }) as BoardCard;

function board(): BoardState {
  return {
    project: { id: 1, slug: "p", key: "P", name: "P" } as BoardState["project"],
    columns: [
      {
        id: 10,
        name: "To do",
        position: 1024,
        wipLimit: 0,
        color: null,
        cards: [card(1, 10, 1024), card(2, 10, 2048), card(3, 10, 3072)],
      },
      { id: 20, name: "Doing", position: 2048, wipLimit: 2, color: null, cards: [card(4, 20, 1024)] },
    ],
  };
}
const keys = (s: BoardState) => s.columns.map((c) => c.cards.map((x) => x.key));

describe("board state", () => {
  it("moves a card optimistically and names its new neighbours", () => {
    const s = moveCardTo(board(), "P-1", 10, 2);
    expect(keys(s)).toEqual([["P-2", "P-3", "P-1"], ["P-4"]]);
    expect(neighbourKeys(s, "P-1")).toEqual({ columnId: 10, after: "P-3" });
    const t = moveCardTo(board(), "P-3", 20, 0);
    expect(keys(t)).toEqual([
      ["P-1", "P-2"],
      ["P-3", "P-4"],
    ]);
    expect(neighbourKeys(t, "P-3")).toEqual({ columnId: 20, before: "P-4" });
    const u = moveCardTo(board(), "P-2", 20, 1);
    expect(neighbourKeys(u, "P-2")).toEqual({ columnId: 20, after: "P-4" });
  });

  it("ignores an event for a version it already has (own change echoed back, or a duplicate)", () => {
    const moved = { ...card(1, 20, 2048, 2) };
    const s = upsertCard(board(), moved);
    expect(keys(s)).toEqual([
      ["P-2", "P-3"],
      ["P-4", "P-1"],
    ]);
    expect(applyEvent(s, { type: "card.moved", data: moved })).toBe(s);
    expect(applyEvent(s, { type: "card.moved", data: card(1, 10, 1024, 1) })).toBe(s);
    expect(applyEvent(s, { type: "card.created", data: moved })).toBe(s);
  });

  it("applies creates, moves and deletes from others, ordered by position", () => {
    let s = applyEvent(board(), { type: "card.created", data: card(5, 10, 1536) });
    expect(keys(s)[0]).toEqual(["P-1", "P-5", "P-2", "P-3"]);
    s = applyEvent(s, { type: "card.moved", data: card(2, 20, 512, 2) });
    expect(keys(s)).toEqual([
      ["P-1", "P-5", "P-3"],
      ["P-2", "P-4"],
    ]);
    s = applyEvent(s, { type: "card.deleted", data: { id: 5 } });
    s = applyEvent(s, { type: "card.deleted", data: { id: 5 } });
    expect(keys(s)[0]).toEqual(["P-1", "P-3"]);
    s = applyEvent(s, {
      type: "column.created",
      data: { id: 30, name: "Done", position: 3072, wipLimit: 0, color: null, cards: [] },
    });
    s = applyEvent(s, {
      type: "column.created",
      data: { id: 30, name: "Done", position: 3072, wipLimit: 0, color: null, cards: [] },
    });
    expect(s.columns.map((c) => c.name)).toEqual(["To do", "Doing", "Done"]);
  });

  it("rolls a failed move back to where the card was", () => {
    const original = board().columns[0].cards[0];
    const s = placeCard(moveCardTo(board(), "P-1", 20, 1), original);
    expect(keys(s)).toEqual(keys(board()));
  });
});
