// Column events, filters and moves on a filtered board, as pure functions of the board state.
import { describe, expect, it } from "vitest";
import {
  cardMatcher,
  EMPTY_FILTER,
  filterBoard,
  filterOptions,
  filterToSearch,
  parseFilter,
  weekBounds,
} from "../../components/board/board-filters.ts";
import {
  applyEvent,
  type BoardCard,
  type BoardState,
  columnNeighbours,
  moveCardTo,
  moveColumnTo,
  neighbourKeys,
  visibleIndexToFull,
} from "../../components/board/board-state.ts";

const card = (id: number, columnId: number, position: number, extra: Partial<BoardCard> = {}): BoardCard =>
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
    version: 1,
    assignees: [],
    labels: [],
    commentCount: 0,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...extra,
  }) as BoardCard;

const alice = { id: 1, username: "alice" };
const bob = { id: 2, username: "bob" };
const bug = { id: 1, name: "Bug", color: "#ff0000" };
const ux = { id: 2, name: "UX", color: "#00ff00" };

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
        cards: [
          card(1, 10, 1024, { assignees: [alice], labels: [bug], priority: "high", dueDate: "2026-11-20" }),
          card(2, 10, 2048, { title: "Write docs", labels: [ux] }),
          card(3, 10, 3072, { assignees: [bob], priority: "critical", dueDate: "2026-11-27" }),
        ],
      },
      { id: 20, name: "Doing", position: 2048, wipLimit: 2, color: null, cards: [card(4, 20, 1024, { assignees: [alice] })] },
      { id: 30, name: "Done", position: 3072, wipLimit: 0, color: "#112233", cards: [] },
    ],
  };
}
const keys = (s: BoardState) => s.columns.map((c) => c.cards.map((x) => x.key));
const names = (s: BoardState) => s.columns.map((c) => c.name);
// A Monday, so the week is 2026-11-23 .. 2026-11-29.
const ctx = { me: "alice", today: new Date(2026, 10, 23) };

describe("column events", () => {
  it("renames, recolours and sets the WIP limit of a column, keeping its cards", () => {
    const s = applyEvent(board(), {
      type: "column.updated",
      data: { id: 20, name: "In progress", position: 2048, wipLimit: 5, color: "#abcdef" },
    });
    expect(names(s)).toEqual(["To do", "In progress", "Done"]);
    expect(s.columns[1]).toMatchObject({ wipLimit: 5, color: "#abcdef" });
    expect(keys(s)[1]).toEqual(["P-4"]);
  });

  it("reorders columns on column.moved, and an echo of the same move changes nothing visible", () => {
    const moved = { id: 30, name: "Done", position: 512, wipLimit: 0, color: "#112233" };
    const s = applyEvent(board(), { type: "column.moved", data: moved });
    expect(names(s)).toEqual(["Done", "To do", "Doing"]);
    expect(names(applyEvent(s, { type: "column.moved", data: moved }))).toEqual(["Done", "To do", "Doing"]);
  });

  it("moves a column locally and names its neighbours for the server", () => {
    const s = moveColumnTo(board(), 10, 2);
    expect(names(s)).toEqual(["Doing", "Done", "To do"]);
    expect(columnNeighbours(s, 10)).toEqual({ after: 30 });
    const t = moveColumnTo(board(), 30, 1);
    expect(names(t)).toEqual(["To do", "Done", "Doing"]);
    expect(columnNeighbours(t, 30)).toEqual({ after: 10, before: 20 });
    expect(t.columns[1].position).toBeGreaterThan(1024);
    expect(t.columns[1].position).toBeLessThan(2048);
  });

  it("deletes a column, moving its cards to the bottom of the target in order; twice is harmless", () => {
    const event = { type: "column.deleted", data: { id: 10, movedCardsTo: 20, movedCardIds: [1, 2, 3] } };
    const s = applyEvent(board(), event);
    expect(names(s)).toEqual(["Doing", "Done"]);
    expect(keys(s)).toEqual([["P-4", "P-1", "P-2", "P-3"], []]);
    expect(s.columns[0].cards.every((c) => c.columnId === 20)).toBe(true);
    expect(s.columns[0].cards[1].version).toBe(2);
    expect(applyEvent(s, event)).toBe(s);
    const empty = applyEvent(board(), { type: "column.deleted", data: { id: 30, movedCardsTo: null, movedCardIds: [] } });
    expect(names(empty)).toEqual(["To do", "Doing"]);
  });

  it("removes archived cards on column.cards_archived", () => {
    const s = applyEvent(board(), { type: "column.cards_archived", data: { columnId: 10, cardIds: [1, 3], keys: [] } });
    expect(keys(s)).toEqual([["P-2"], ["P-4"], []]);
    expect(applyEvent(s, { type: "column.cards_archived", data: { columnId: 10, cardIds: [1, 3] } })).toBe(s);
  });
});

describe("board filters", () => {
  it("round-trips through the URL, dropping what is not a filter", () => {
    const f = parseFilter(new URLSearchParams("q=docs&assignee=me,bob,me&label=Bug&priority=high,urgent&due=week&x=1"));
    expect(f).toEqual({ q: "docs", assignees: ["me", "bob"], labels: ["Bug"], priorities: ["high"], due: "week" });
    expect(parseFilter(new URLSearchParams(filterToSearch(f)))).toEqual(f);
    expect(filterToSearch(EMPTY_FILTER)).toBe("");
    expect(parseFilter(new URLSearchParams("due=tomorrow")).due).toBeNull();
  });

  it("matches title or key, case-insensitively", () => {
    expect(keys(filterBoard(board(), { ...EMPTY_FILTER, q: "DOCS" }, ctx))).toEqual([["P-2"], [], []]);
    expect(keys(filterBoard(board(), { ...EMPTY_FILTER, q: "p-4" }, ctx))).toEqual([[], ["P-4"], []]);
  });

  it("filters by assignee (mine, by name, unassigned), label, priority and due date; criteria combine", () => {
    expect(keys(filterBoard(board(), { ...EMPTY_FILTER, assignees: ["me"] }, ctx))).toEqual([["P-1"], ["P-4"], []]);
    expect(keys(filterBoard(board(), { ...EMPTY_FILTER, assignees: ["bob", "none"] }, ctx))).toEqual([["P-2", "P-3"], [], []]);
    expect(keys(filterBoard(board(), { ...EMPTY_FILTER, labels: ["bug", "UX"] }, ctx))).toEqual([["P-1", "P-2"], [], []]);
    expect(keys(filterBoard(board(), { ...EMPTY_FILTER, priorities: ["critical"] }, ctx))).toEqual([["P-3"], [], []]);
    expect(keys(filterBoard(board(), { ...EMPTY_FILTER, due: "overdue" }, ctx))).toEqual([["P-1"], [], []]);
    expect(keys(filterBoard(board(), { ...EMPTY_FILTER, due: "week" }, ctx))).toEqual([["P-3"], [], []]);
    expect(keys(filterBoard(board(), { ...EMPTY_FILTER, assignees: ["me"], priorities: ["high"] }, ctx))).toEqual([
      ["P-1"],
      [],
      [],
    ]);
    expect(cardMatcher({ ...EMPTY_FILTER, assignees: ["me"] }, { ...ctx, me: "bob" })(board().columns[0].cards[2])).toBe(true);
  });

  it("keeps unfiltered columns (and the board, without a filter) identical, for memoised rendering", () => {
    const b = board();
    expect(filterBoard(b, EMPTY_FILTER, ctx)).toBe(b);
    const s = filterBoard(b, { ...EMPTY_FILTER, priorities: ["medium"] }, ctx);
    expect(s.columns[1]).toBe(b.columns[1]);
    expect(s.columns[0]).not.toBe(b.columns[0]);
  });

  it("computes the week from Monday to Sunday", () => {
    expect(weekBounds(new Date(2026, 10, 29))).toEqual({ start: "2026-11-23", end: "2026-11-29" });
    expect(weekBounds(new Date(2026, 10, 23))).toEqual({ start: "2026-11-23", end: "2026-11-29" });
  });

  it("offers the board's people and labels, sorted", () => {
    expect(filterOptions(board())).toEqual({
      assignees: ["alice", "bob"],
      labels: [bug, ux].map(({ name, color }) => ({ name, color })),
    });
  });

  it("places a card dropped on a filtered board among the visible neighbours", () => {
    const full = board();
    const visible = filterBoard(full, { ...EMPTY_FILTER, assignees: ["alice", "bob"] }, ctx);
    expect(keys(visible)).toEqual([["P-1", "P-3"], ["P-4"], []]);
    // P-4 dropped between P-1 and P-3 (visible index 1) lands before P-3, after hidden P-2.
    const at = visibleIndexToFull(full, visible, "P-4", 10, 1);
    expect(at).toBe(2);
    const s = moveCardTo(full, "P-4", 10, at);
    expect(keys(s)[0]).toEqual(["P-1", "P-2", "P-4", "P-3"]);
    expect(neighbourKeys(s, "P-4")).toEqual({ columnId: 10, after: "P-2", before: "P-3" });
    // Dropped below the last visible card: right after it.
    expect(visibleIndexToFull(full, visible, "P-4", 10, 2)).toBe(3);
    // Into a column with nothing visible: at its end.
    expect(visibleIndexToFull(full, visible, "P-1", 30, 0)).toBe(0);
    // Without a filter, the index is unchanged.
    expect(visibleIndexToFull(full, full, "P-4", 10, 1)).toBe(1);
  });
});
